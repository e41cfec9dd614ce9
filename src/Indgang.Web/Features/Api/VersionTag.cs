using Microsoft.Net.Http.Headers;

namespace Indgang.Web.Features.Api;

/// <summary>
/// A record's version (its concurrency token) as HTTP carries it (RFC 9110): the strong ETag <c>"&lt;version&gt;"</c> on
/// each response that gives the record, and the If-Match a correction (PUT) is sent with, so that it is saved only over
/// the version its sender read. <c>If-Match: *</c> says no version and is not enough.
/// </summary>
internal static class VersionTag
{
    public static string Of(Guid version) => $"\"{version:D}\"";

    /// <summary>The response gives the record of this version.</summary>
    public static void Tag(HttpResponse response, Guid version)
    {
        ArgumentNullException.ThrowIfNull(response);
        response.Headers.ETag = Of(version);
    }

    /// <summary>What the request's If-Match says of the version saved: none (no entity tag, or only "*"), the version saved, or another.</summary>
    public static IfMatch Compare(string? ifMatch, Guid saved)
    {
        var sent = ifMatch is not null && EntityTagHeaderValue.TryParseList([ifMatch], out var tags)
            ? tags.Where(t => !t.Equals(EntityTagHeaderValue.Any)).ToList()
            : [];
        if (sent.Count == 0)
        {
            return IfMatch.Missing;
        }

        var current = new EntityTagHeaderValue(Of(saved));
        return sent.Any(t => t.Compare(current, useStrongComparison: true)) ? IfMatch.Current : IfMatch.Stale;
    }
}

/// <summary>A request's If-Match against the version saved (<see cref="VersionTag.Compare"/>).</summary>
internal enum IfMatch
{
    /// <summary>No version sent: 428 Precondition Required.</summary>
    Missing,

    Current,

    /// <summary>Another version, changed by another since it was read: 412 Precondition Failed.</summary>
    Stale,
}

using System.Security.Cryptography;
using System.Text.Json;

namespace Indgang.Web.Platform.Forms;

/// <summary>
/// The version of what an edit form shows: a fingerprint of the saved values its fields were filled from, posted back
/// in its hidden Version field. A save is refused as based on an older version only when one of those values has been
/// changed by someone else since, not when the record changed in a way the form does not show (a member added to the
/// household, a user's password reset): the record's own concurrency token changes with those too, and a refusal with
/// nothing shown beside the fields tells the user nothing. The page compares the version with the values as it reads
/// them, and saves over the record's token as read then, so that a change by another between that read and the save is
/// still refused (the page then reads again: <see cref="Attempts"/>).
/// </summary>
public static class ShownVersion
{
    /// <summary>
    /// How many times a page reads and saves again when its save was refused for a change it does not show made at the
    /// same moment; the last refusal is shown as an edit conflict.
    /// </summary>
    public const int Attempts = 3;

    /// <summary>
    /// The fingerprint of the shown values, e.g. <c>new { household.CoordinatorUserId }</c>: the same values give the
    /// same version (its public properties in order, as JSON, hashed).
    /// </summary>
    public static Guid Of(object shown)
    {
        ArgumentNullException.ThrowIfNull(shown);
        var hash = SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(shown, shown.GetType()));
        return new Guid(hash.AsSpan(0, 16));
    }
}

using System.Net;
using Indgang.Domain.Audit;
using Indgang.Web.Audit;
using Indgang.Web.Data;
using Indgang.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Indgang.Web.Tests.Audit;

/// <summary>
/// A server started on an audit log that does not hold to the newest anchor in its anchor folder: a database restored
/// from an older backup with the anchor file left in place (rows cut from the end look the same). Before, it started
/// without a word, and only an offline --verify-audit showed it. Now it starts (a restore is legitimate), logs an error
/// that says what was found and what to do, and /health/ready answers Degraded with that reason until it holds again.
/// </summary>
public sealed class AuditLogBehindItsAnchorTests : IDisposable
{
    private readonly string _anchors = Directory.CreateTempSubdirectory("indgang-anchors-").FullName;

    [Fact]
    public async Task RestoredFromAnOlderBackup_StartsWithAnError_ReadyIsDegraded_UntilTheAnchorFileIsMovedAside()
    {
        await using var first = new AnchoredServer(_anchors);
        var anchored = await AppendAndAnchorAsync(first, 5);
        await CutFromTheEndAsync(first, after: anchored - 3);

        await using var restored = new AnchoredServer(first, _anchors);
        var ready = await restored.ReadyAsync();

        var missing = $"entries missing after sequence {anchored - 3} (the anchor shows {anchored})";
        Assert.Contains(restored.Log.At(LogLevel.Error), m => m.Contains(missing, StringComparison.Ordinal) && m.Contains("move that anchor file aside", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.OK, ready.Status);
        Assert.StartsWith("Degraded", ready.Text, StringComparison.Ordinal);
        Assert.Contains($"{AuditAnchorHealth.Name}: The audit log does not hold to its newest anchor", ready.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(restored.AnchorFile, ready.Text, StringComparison.Ordinal);
        Assert.DoesNotContain($"{anchored}", ready.Text, StringComparison.Ordinal);

        File.Move(restored.AnchorFile, restored.AnchorFile + ".before-restore");
        await restored.AnchorNowAsync();

        Assert.Equal((HttpStatusCode.OK, "Healthy"), await restored.ReadyAsync());
    }

    /// <summary>Restored, then written on past the anchored row: the row the anchor names is there, with another hash.</summary>
    [Fact]
    public async Task RestoredAndWrittenOnPastTheAnchor_TheAnchoredRowDiffers_ReadyIsDegraded()
    {
        await using var first = new AnchoredServer(_anchors);
        var anchored = await AppendAndAnchorAsync(first, 3);
        await CutFromTheEndAsync(first, after: anchored - 2);
        await AppendAsync(first, 4);

        await using var restored = new AnchoredServer(first, _anchors);
        var ready = await restored.ReadyAsync();

        var differs = $"The audit log differs from its newest anchor in {restored.AnchorFile}: the row at sequence {anchored} has another hash";
        Assert.Contains(restored.Log.At(LogLevel.Error), m => m.StartsWith(differs, StringComparison.Ordinal));
        Assert.StartsWith("Degraded", ready.Text, StringComparison.Ordinal);
        Assert.Contains($"{AuditAnchorHealth.Name}: The audit log does not hold to its newest anchor", ready.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(restored.AnchorFile, ready.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheLogAheadOfItsAnchor_IsHealthy()
    {
        await using var first = new AnchoredServer(_anchors);
        await AppendAndAnchorAsync(first, 1);
        await AppendAsync(first, 2);

        await using var second = new AnchoredServer(first, _anchors);

        Assert.Equal((HttpStatusCode.OK, "Healthy"), await second.ReadyAsync());
        Assert.Equal("", second.Log.Errors);
    }

    public void Dispose() => Directory.Delete(_anchors, recursive: true);

    private static async Task<long> AppendAndAnchorAsync(AnchoredServer server, int entries)
    {
        await AppendAsync(server, entries);
        await using var scope = server.Services.CreateAsyncScope();
        var anchor = await scope.ServiceProvider.GetRequiredService<AuditAnchors>().WriteLatestAsync(scope.ServiceProvider.GetRequiredService<IndgangDbContext>());
        return anchor!.Sequence;
    }

    /// <summary>The log as an older backup has it: the rows after <paramref name="after"/> gone.</summary>
    private static Task<int> CutFromTheEndAsync(AnchoredServer server, long after) =>
        server.QueryAsync(db => db.Database.ExecuteSqlAsync($"DELETE FROM \"AuditEntries\" WHERE \"Sequence\" > {after}"));

    private static async Task AppendAsync(AnchoredServer server, int entries)
    {
        await using var scope = server.Services.CreateAsyncScope();
        var audit = scope.ServiceProvider.GetRequiredService<AuditLog>();
        for (var i = 0; i < entries; i++)
        {
            await audit.RecordAsAsync("koordinator", AuditAction.PersonRead, Guid.NewGuid(), AuditPurpose.PersonCase);
        }
    }
}

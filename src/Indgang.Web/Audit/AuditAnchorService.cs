using Indgang.Domain.Audit;
using Indgang.Web.Data;
using Microsoft.Extensions.Options;

namespace Indgang.Web.Audit;

/// <summary>
/// Writes an anchor of the audit chain (<see cref="AuditAnchors"/>) when the application has started, every
/// <see cref="AuditAnchorOptions.AnchorMinutes"/> (5 unless set) while it runs, only when the log has grown, and when it stops. Taking the <see cref="AuditChainKey"/> here also makes the
/// start fail, with the reason, when Production has no key.
/// <para>
/// Before each anchor, the table's end is held to the newest anchor in the file: a log behind it or different from it
/// (a database restored with the old anchor file left in place, rows cut from the end) is logged as an error when found
/// and reported by /health/ready (<see cref="AuditAnchorHealth"/>) until it holds again. The start is not refused for
/// it: a restore is a legitimate operation, and the application works on. A failed anchor write is reported there too,
/// until a later one succeeds.
/// </para>
/// </summary>
internal sealed partial class AuditAnchorService(
    IServiceScopeFactory scopes,
    AuditAnchors anchors,
    AuditChainKey key,
    AuditAnchorHealth health,
    IOptions<AuditAnchorOptions> options,
    TimeProvider clock,
    ILogger<AuditAnchorService> logger) : BackgroundService
{
    /// <summary>The time between anchor passes while the application runs.</summary>
    public TimeSpan Interval { get; } = TimeSpan.FromMinutes(options.Value.AnchorMinutes);

    private readonly Lock _stopLock = new();
    private Task? _stopping;

    /// <summary>Anchors before the start goes on, so the first anchor is there before any request is served.</summary>
    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        await AnchorAsync(cancellationToken);
        await base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                await Task.Delay(Interval, clock, stoppingToken);
                await AnchorAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: StopAsync writes the last anchor.
        }
    }

    /// <summary>
    /// Stops, then anchors the last row. A host may be told to stop twice (the test host and the program's own
    /// <c>Run</c> both stop it, one while the other disposes the services): every call waits for the one stop, so the
    /// services are not disposed before its anchor is written.
    /// </summary>
    public override Task StopAsync(CancellationToken cancellationToken)
    {
        lock (_stopLock)
        {
            return _stopping ??= StopOnceAsync(cancellationToken);
        }
    }

    private async Task StopOnceAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        await AnchorAsync(cancellationToken);
    }

    /// <summary>One anchor pass: the table held to the newest anchor, then its last row anchored. Tests call it too.</summary>
    internal async Task AnchorAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<IndgangDbContext>();
            await HoldTableToLatestAnchorAsync(db, cancellationToken);
            await anchors.WriteLatestAsync(db, cancellationToken);
            health.Written();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            health.WriteFailed(clock.GetUtcNow());
            LogAnchorFailed(logger, e, anchors.FilePath);
        }
    }

    private async Task HoldTableToLatestAnchorAsync(IndgangDbContext db, CancellationToken cancellationToken)
    {
        var broken = await anchors.HoldTableToLatestAsync(db, cancellationToken);
        if (!health.TableHeld(broken is null))
        {
            return;
        }

        if (broken is null)
        {
            LogHoldsAgain(logger, anchors.FilePath);
        }
        else
        {
            LogBehindAnchor(logger, AuditChainReport.BehindAnchor(broken, anchors.FilePath));
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not write the audit anchor to {Path}.")]
    private static partial void LogAnchorFailed(ILogger logger, Exception exception, string path);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Finding}")]
    private static partial void LogBehindAnchor(ILogger logger, string finding);

    [LoggerMessage(Level = LogLevel.Information, Message = "The audit log holds to its newest anchor in {Path} again.")]
    private static partial void LogHoldsAgain(ILogger logger, string path);
}

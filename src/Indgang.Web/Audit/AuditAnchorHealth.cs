using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Indgang.Web.Audit;

/// <summary>
/// The audit anchors' part of /health/ready: Degraded, with a short reason, while the last anchor write failed (until a
/// later one succeeds) or while the table's end does not hold to the newest anchor (a restore with the old anchor file left
/// in place, or rows cut from the end). The reason names neither the anchor file's path nor the log's sequences, which
/// this anonymous address would tell anyone: the application's log has them (the error logged with the finding). Degraded, not Unhealthy: the load balancer takes an Unhealthy server out, and every
/// server shares the database and, mostly, the anchor folder, so all would go for a fault that stops no one's work (the
/// rows are still written and chained); Degraded answers 200 with "Degraded" and the reason instead of "Healthy", which
/// monitoring sees. Set by <see cref="AuditAnchorService"/>.
/// </summary>
internal sealed class AuditAnchorHealth : IHealthCheck
{
    public const string Name = "audit-anchors";

    private string? _writeFailure;
    private int _behindAnchor;

    public void WriteFailed(DateTimeOffset at) => Volatile.Write(
        ref _writeFailure,
        $"The last audit anchor write, at {at:yyyy'-'MM'-'dd'T'HH':'mm':'ss'Z'}, failed; the application's log says why. It is tried again at the next anchor pass (Indgang:Audit:AnchorMinutes).");

    public void Written() => Volatile.Write(ref _writeFailure, null);

    /// <summary>The table held to the newest anchor: whether it holds; answers whether that changed.</summary>
    public bool TableHeld(bool holds)
    {
        var behind = holds ? 0 : 1;
        return Interlocked.Exchange(ref _behindAnchor, behind) != behind;
    }

    private const string BehindAnchor =
        "The audit log does not hold to its newest anchor (rows missing or changed at its end, or a database restored with the anchor file left in place); the application's log says what was found and what to do.";

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        string[] problems = [.. new[] { Volatile.Read(ref _behindAnchor) == 1 ? BehindAnchor : null, Volatile.Read(ref _writeFailure) }.OfType<string>()];
        return Task.FromResult(problems.Length == 0 ? HealthCheckResult.Healthy() : HealthCheckResult.Degraded(string.Join(" ", problems)));
    }
}

using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Indgang.Web.Audit;

/// <summary>
/// The audit anchors' part of /health/ready: Degraded, with the reason, while the last anchor write failed (until a later
/// one succeeds) or while the table's end does not hold to the newest anchor (a restore with the old anchor file left in
/// place, or rows cut from the end). Degraded, not Unhealthy: the load balancer takes an Unhealthy server out, and every
/// server shares the database and, mostly, the anchor folder, so all would go for a fault that stops no one's work (the
/// rows are still written and chained); Degraded answers 200 with "Degraded" and the reason instead of "Healthy", which
/// monitoring sees. Set by <see cref="AuditAnchorService"/>.
/// </summary>
internal sealed class AuditAnchorHealth : IHealthCheck
{
    public const string Name = "audit-anchors";

    private string? _writeFailure;
    private string? _tableFinding;

    public void WriteFailed(string reason) => Volatile.Write(ref _writeFailure, reason);

    public void Written() => Volatile.Write(ref _writeFailure, null);

    /// <summary>The table held to the newest anchor: what was found, or null when it holds; answers whether that changed.</summary>
    public bool TableHeld(string? finding) =>
        !string.Equals(Interlocked.Exchange(ref _tableFinding, finding), finding, StringComparison.Ordinal);

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        string[] problems = [.. new[] { Volatile.Read(ref _tableFinding), Volatile.Read(ref _writeFailure) }.OfType<string>()];
        return Task.FromResult(problems.Length == 0 ? HealthCheckResult.Healthy() : HealthCheckResult.Degraded(string.Join(" ", problems)));
    }
}

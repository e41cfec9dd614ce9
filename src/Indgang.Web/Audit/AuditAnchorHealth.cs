using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Indgang.Web.Audit;

/// <summary>
/// The audit anchors' part of /health/ready: Degraded, with the reason, while the last anchor write failed (until a later
/// one succeeds). Degraded, not Unhealthy: the load balancer takes an Unhealthy server out, and every
/// server shares the database and, mostly, the anchor folder, so all would go for a fault that stops no one's work (the
/// rows are still written and chained); Degraded answers 200 with "Degraded" and the reason instead of "Healthy", which
/// monitoring sees. Set by <see cref="AuditAnchorService"/>.
/// </summary>
internal sealed class AuditAnchorHealth : IHealthCheck
{
    public const string Name = "audit-anchors";

    private string? _writeFailure;

    public void WriteFailed(string reason) => Volatile.Write(ref _writeFailure, reason);

    public void Written() => Volatile.Write(ref _writeFailure, null);

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var failure = Volatile.Read(ref _writeFailure);
        return Task.FromResult(failure is null ? HealthCheckResult.Healthy() : HealthCheckResult.Degraded(failure));
    }
}

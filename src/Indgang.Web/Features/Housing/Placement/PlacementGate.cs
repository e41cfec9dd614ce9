using Indgang.Placement;
using Microsoft.Extensions.Options;

namespace Indgang.Web.Features.Housing.Placement;

/// <summary>How long the coordinator waits for a placement run (<c>Indgang:Placement:Seconds</c>, 1–60).</summary>
public sealed class PlacementOptions
{
    public const string Section = "Indgang:Placement";

    public int Seconds { get; set; } = 5;
}

/// <summary>
/// One optimizer run at a time, on a thread of its own. The optimizer uses both of a small server's cores for its
/// whole time limit; two runs at once (two coordinators, or a double click) would each get half and come back with
/// weaker plans, so a second run waits for the first. A request that is given up while waiting does not run.
/// </summary>
public sealed class PlacementGate(IOptions<PlacementOptions> options) : IDisposable
{
    private readonly SemaphoreSlim one = new(1, 1);

    public TimeSpan TimeLimit { get; } = TimeSpan.FromSeconds(options.Value.Seconds);

    public async Task<PlacementResult> SolveAsync(PlacementRequest request, CancellationToken cancellationToken)
    {
        await one.WaitAsync(cancellationToken);
        try
        {
            // A thread of its own: the run computes for seconds, and the pool's few threads serve the other requests.
            return await Task.Factory.StartNew(
                () => PlacementOptimizer.Solve(request), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        }
        finally
        {
            one.Release();
        }
    }

    public void Dispose() => one.Dispose();
}

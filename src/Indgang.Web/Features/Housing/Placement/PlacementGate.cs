using System.Diagnostics;
using Indgang.Placement;
using Indgang.Web.Platform;
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
public sealed partial class PlacementGate(IOptions<PlacementOptions> options, IPlacementSolver solver, IndgangMetrics metrics, ILogger<PlacementGate> logger) : IDisposable
{
    private readonly SemaphoreSlim one = new(1, 1);

    public TimeSpan TimeLimit { get; } = TimeSpan.FromSeconds(options.Value.Seconds);

    public async Task<PlacementResult> SolveAsync(PlacementRequest request, CancellationToken cancellationToken)
    {
        await one.WaitAsync(cancellationToken);
        try
        {
            // Traced and measured from here, after the wait for another run: the solve alone, by its size and outcome.
            using var activity = IndgangMetrics.Source.StartActivity("placement.solve");
            activity?.SetTag("indgang.placement.households", request.Households.Count);
            activity?.SetTag("indgang.placement.units", request.Units.Count);
            var started = Stopwatch.GetTimestamp();
            // A thread of its own: the run computes for seconds, and the pool's few threads serve the other requests.
            var result = await Task.Factory.StartNew(
                () => solver.Solve(request), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
            var status = result.Status.ToString().ToLowerInvariant();
            activity?.SetTag("indgang.placement.status", status);
            activity?.SetTag("indgang.placement.gap", result.Gap);
            metrics.PlacementSolved(Stopwatch.GetElapsedTime(started), status, request.Households.Count, request.Units.Count);
            return result;
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            // A fault in the solver (OR-Tools, a race with its own clock) must not become a 500 page: the coordinator
            // is told to try again, IT finds the error in the log.
            LogFailed(logger, error, request.Households.Count, request.Units.Count);
            throw new PlacementFailedException(error);
        }
        finally
        {
            one.Release();
        }
    }

    public void Dispose() => one.Dispose();

    [LoggerMessage(Level = LogLevel.Error, Message = "Placement optimizer failed ({Households} households, {Units} units)")]
    private static partial void LogFailed(ILogger logger, Exception error, int households, int units);
}

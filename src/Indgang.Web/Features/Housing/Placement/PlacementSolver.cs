using Indgang.Placement;

namespace Indgang.Web.Features.Housing.Placement;

/// <summary>What solves a placement request: the optimizer (tests put a failing one in its place).</summary>
public interface IPlacementSolver
{
    PlacementResult Solve(PlacementRequest request);
}

public sealed class OrToolsPlacementSolver : IPlacementSolver
{
    public PlacementResult Solve(PlacementRequest request) => PlacementOptimizer.Solve(request);
}

/// <summary>
/// The optimizer stopped with an error: the coordinator is told to try again and nothing is stored; the error itself
/// is logged for IT.
/// </summary>
public sealed class PlacementFailedException(Exception inner)
    : Exception("Optimeringen kunne ikke gennemføres.", inner)
{
    public const string UserMessage = "Optimeringen kunne ikke gennemføres. Prøv igen om lidt; sker det igen, så kontakt IT-driften.";
}

namespace Indgang.Placement;

public enum SolveStatus
{
    /// <summary>Proven best: the objective equals the bound.</summary>
    Optimal,

    /// <summary>A valid plan whose distance to the best possible is stated by the gap.</summary>
    Feasible,

    /// <summary>No plan satisfies the hard constraints, e.g. two locks on one whole unit.</summary>
    Infeasible,

    /// <summary>The time ran out before any plan was found.</summary>
    NoSolution,
}

using System.Diagnostics;
using Indgang.Placement.Scoring;

namespace Indgang.Placement.Solving;

/// <summary>
/// Improves a plan before the MIP starts, so the solver begins from a near-optimal plan and spends its time on the
/// proof: steepest moves per household (house it, move it, swap it with a neighbour, or let it take a unit whose
/// occupant moves elsewhere), then ruin-and-recreate rounds (unhouse a random few, a district's or a language's,
/// re-house greedily, descend again, walk on from any plan within 0.033 % of the best) while the budget lasts, keeping
/// the best plan. Locked households never move. Seeded: the moves repeat, though how many fit in the time does not.
/// </summary>
internal sealed class LocalSearch
{
    // Rounds without a better plan before the search gives up early (small instances converge fast).
    private const int StaleRounds = 150;

    // How far below the best a plan may be and still be walked on from: one part in three thousand. Measured on the
    // benchmark's S–L instances: 1/1,000 wandered too far (M 0.12 % and L 0.05 % lower), 1/30,000 barely walked.
    private const long Tolerance = 3000;

    // Units tried when a household takes an occupied unit, and for its displaced neighbour: the best by pair points.
    // Trying all (hundreds on XL) for every neighbour made one pass quadratic.
    private const int NeighbourhoodSize = 25;

    private readonly PlanState state;
    private readonly bool[] fixedInPlace;
    private readonly Random random = new(17);

    private LocalSearch(PlanState state, bool[] fixedInPlace)
    {
        this.state = state;
        this.fixedInPlace = fixedInPlace;
    }

    /// <summary>
    /// The best plan found from the start plan within the budget, or sooner once <paramref name="stop"/>, given the
    /// best score so far, says so.
    /// </summary>
    public static Dictionary<string, string> Improve(
        PlacementIndex index, CandidatePairs candidates, IReadOnlyDictionary<string, string> start, TimeSpan budget, Func<long, bool>? stop = null)
    {
        var clock = Stopwatch.StartNew();
        var bestScore = long.MinValue;
        bool Over() => clock.Elapsed >= budget || (stop?.Invoke(bestScore) ?? false);
        var state = new PlanState(index, candidates);
        var unitIndex = Enumerable.Range(0, candidates.Units.Count).ToDictionary(u => candidates.Units[u].Id, StringComparer.Ordinal);
        var fixedInPlace = new bool[state.Households.Count];
        // Locked households first, where their lock says, whatever the start plan; they never move.
        var byId = Enumerable.Range(0, state.Households.Count).ToDictionary(h => state.Households[h].Id, StringComparer.Ordinal);
        foreach (var (householdId, unitId) in index.Request.Locks.Distinct())
        {
            if (byId.TryGetValue(householdId, out var h) && unitIndex.TryGetValue(unitId, out var u) && state.UnitOf[h] < 0 && state.Fits(h, u))
            {
                state.Add(h, u);
                fixedInPlace[h] = true;
            }
        }

        for (var h = 0; h < state.Households.Count; h++)
        {
            if (state.UnitOf[h] < 0 && start.TryGetValue(state.Households[h].Id, out var unitId) &&
                unitIndex.TryGetValue(unitId, out var u) && state.Fits(h, u))
            {
                state.Add(h, u);
            }
        }

        var search = new LocalSearch(state, fixedInPlace);
        search.Descend(Over);
        bestScore = state.Score;
        var bestUnits = (int[])state.UnitOf.Clone();
        var current = (int[])state.UnitOf.Clone();
        for (var stale = 0; stale < StaleRounds && !Over(); stale++)
        {
            search.RuinAndRecreate();
            search.Descend(Over);
            if (state.Score > bestScore)
            {
                bestScore = state.Score;
                bestUnits = (int[])state.UnitOf.Clone();
                stale = 0;
            }

            // Record-to-record travel: keep a plan slightly worse than the best, to walk out of a local optimum.
            if (state.Score >= bestScore - Math.Abs(bestScore / Tolerance))
            {
                current = (int[])state.UnitOf.Clone();
            }
            else
            {
                search.Restore(current);
            }
        }

        search.Restore(bestUnits);
        return state.Assignment();
    }

    private void Descend(Func<bool> over)
    {
        var improved = true;
        while (improved && !over())
        {
            improved = false;
            foreach (var h in Enumerable.Range(0, state.Households.Count).OrderBy(_ => random.Next()))
            {
                if (over())
                {
                    return;
                }

                if (!fixedInPlace[h] && TryImprove(h))
                {
                    improved = true;
                }
            }
        }
    }

    private bool TryImprove(int household)
    {
        var before = state.Score;
        var from = state.UnitOf[household];
        if (from >= 0)
        {
            state.Remove(household);
        }

        var bestMove = BestPlacement(household);
        if (bestMove.Score > before)
        {
            state.Add(household, bestMove.Unit);
            return true;
        }

        // An unhoused household may take any of its units (there are few of them, and who gets housed matters most).
        foreach (var unit in state.CandidateUnits(household).Take(from < 0 ? int.MaxValue : NeighbourhoodSize))
        {
            var neighbour = state.OccupantOf(unit);
            if (neighbour < 0 || fixedInPlace[neighbour])
            {
                continue;
            }

            state.Remove(neighbour);
            if (state.Fits(household, unit))
            {
                state.Add(household, unit);
                var neighbourTo = from >= 0 && state.Fits(neighbour, from) ? from : BestPlacement(neighbour, NeighbourhoodSize).Unit;
                if (neighbourTo >= 0)
                {
                    state.Add(neighbour, neighbourTo);
                }

                if (state.Score > before)
                {
                    return true;
                }

                if (neighbourTo >= 0)
                {
                    state.Remove(neighbour);
                }

                state.Remove(household);
            }

            state.Add(neighbour, unit);
        }

        if (from >= 0)
        {
            state.Add(household, from);
        }

        return false;
    }

    /// <summary>The unit that adds most for a household not placed now, measured by trying each (−1: none fits).</summary>
    private (int Unit, long Score) BestPlacement(int household, int among = int.MaxValue)
    {
        var best = (Unit: -1, Score: state.Score);
        foreach (var unit in state.CandidateUnits(household).Take(among))
        {
            if (state.Fits(household, unit))
            {
                state.Add(household, unit);
                if (state.Score > best.Score || best.Unit < 0)
                {
                    best = (unit, state.Score);
                }

                state.Remove(household);
            }
        }

        return best;
    }

    /// <summary>
    /// Unhouses a related few — a random twelfth, everyone new in one district, or everyone new with one language —
    /// and re-houses greedily. Related removals let a whole language group move together, which single moves cannot
    /// do (the first to move would be alone).
    /// </summary>
    private void RuinAndRecreate()
    {
        var housed = Enumerable.Range(0, state.Households.Count).Where(h => state.UnitOf[h] >= 0 && !fixedInPlace[h]).ToList();
        if (housed.Count == 0)
        {
            return;
        }

        var pick = housed[random.Next(housed.Count)];
        var ruined = random.Next(3) switch
        {
            0 => housed.Where(h => state.DistrictOf(state.UnitOf[h]) == state.DistrictOf(state.UnitOf[pick])).ToList(),
            1 => housed.Where(h => state.LanguageOf(h) == state.LanguageOf(pick)).ToList(),
            _ => housed.OrderBy(_ => random.Next()).Take(Math.Max(2, housed.Count / 12)).ToList(),
        };
        foreach (var h in ruined.OrderBy(_ => random.Next()).Take(Math.Max(2, housed.Count / 8)))
        {
            state.Remove(h);
        }

        foreach (var h in Enumerable.Range(0, state.Households.Count).Where(h => state.UnitOf[h] < 0).OrderBy(_ => random.Next()))
        {
            var (unit, score) = BestPlacement(h);
            if (unit >= 0 && score > state.Score)
            {
                state.Add(h, unit);
            }
        }
    }

    private void Restore(int[] units)
    {
        for (var h = 0; h < units.Length; h++)
        {
            if (state.UnitOf[h] >= 0 && state.UnitOf[h] != units[h])
            {
                state.Remove(h);
            }
        }

        for (var h = 0; h < units.Length; h++)
        {
            if (units[h] >= 0 && state.UnitOf[h] != units[h])
            {
                state.Add(h, units[h]);
            }
        }
    }
}

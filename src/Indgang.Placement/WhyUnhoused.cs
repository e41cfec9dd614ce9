using Indgang.Domain;
using Indgang.Placement.Scoring;

namespace Indgang.Placement;

/// <summary>
/// Why each household a plan leaves without a suggestion has none, in Danish, so that the coordinator knows whether to
/// find another unit (no free unit fits: the hard rules that rule the units out, the one that rules out most first) or
/// to look at the priorities (units fit, but the plan gave them to households that weigh more).
/// </summary>
public static class WhyUnhoused
{
    public static IReadOnlyDictionary<string, Said> Of(PlacementRequest request, PlacementResult result)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(result);
        var index = PlacementIndex.For(request);
        var reasons = new Dictionary<string, Said>(StringComparer.Ordinal);
        foreach (var id in result.Unhoused)
        {
            if (index.Households.TryGetValue(id, out var household))
            {
                // Locks that cannot all hold leave every household without a suggestion, whatever units fit it.
                reasons[id] = result.Status == SolveStatus.Infeasible ? ExplanationTexts.LocksCannotHold : Why(index, household);
            }
        }

        return reasons;
    }

    private static Said Why(PlacementIndex index, PlacementHousehold household)
    {
        var problems = index.Request.Units.Select(unit => PairCheck.Problems(index, household, unit)).ToList();
        var fitting = problems.Count(p => p == PairProblems.None);
        return fitting > 0 ? DanishTerms.FittingUnitsWentToOthers(fitting) : NoUnitFits(problems);
    }

    /// <summary>
    /// No unit fits: the rules that rule out the units (the <paramref name="problemsOfEachUnit"/>, one for each unit on
    /// offer, none of them <see cref="PairProblems.None"/>), with how many units each rules out, the one that rules out most
    /// first; or that no unit is on offer.
    /// </summary>
    internal static Said NoUnitFits(IReadOnlyList<PairProblems> problemsOfEachUnit)
    {
        var ruledOut = new Dictionary<PairProblems, int>();
        foreach (var problems in problemsOfEachUnit)
        {
            foreach (var problem in Enum.GetValues<PairProblems>().Where(p => p != PairProblems.None && problems.HasFlag(p)))
            {
                ruledOut[problem] = ruledOut.GetValueOrDefault(problem) + 1;
            }
        }

        return DanishTerms.NoUnitFits(problemsOfEachUnit.Count, ruledOut
            .OrderByDescending(r => r.Value).ThenBy(r => r.Key)
            .Select(r => (PairCheck.DanishReasons(r.Key).Single(), r.Value)));
    }
}

using Indgang.Placement.Scoring;

namespace Indgang.Placement.Solving;

/// <summary>
/// A household type and a unit that breaks no hard constraint on its own; Points are the pair points other than
/// being housed and waiting, which belong to the household, not the unit.
/// </summary>
internal readonly record struct CandidatePair(int Type, int Unit, long Points, int Capacity);

/// <summary>
/// Every pair worth modelling: pairs that break a hard constraint on their own are dropped before the model is
/// built, so the solver never sees them.
/// </summary>
internal sealed class CandidatePairs
{
    public CandidatePairs(PlacementIndex index)
    {
        Types = InterchangeableHouseholds.Of(index);
        Units = index.Request.Units;
        var pairs = new List<CandidatePair>();
        for (var t = 0; t < Types.Count; t++)
        {
            var household = Types[t].Representative;
            for (var u = 0; u < Units.Count; u++)
            {
                if (PairCheck.Allows(index, household, Units[u]))
                {
                    var score = PairScore.Of(index, household, Units[u]);
                    var capacity = Units[u].IsSharedRoom ? Math.Min(Units[u].Beds, Types[t].Members.Count) : 1;
                    pairs.Add(new CandidatePair(t, u, score.Total - score.Housed - score.Waited, capacity));
                }
            }
        }

        Pairs = pairs;
    }

    public IReadOnlyList<InterchangeableHouseholds> Types { get; }

    public IReadOnlyList<PlacementUnit> Units { get; }

    public IReadOnlyList<CandidatePair> Pairs { get; }

    /// <summary>What housing the i-th member of a type is worth: being housed plus the days waited.</summary>
    public static long HousedValue(PlacementIndex index, PlacementHousehold member, PlacementUnit anyUnit)
    {
        var score = PairScore.Of(index, member, anyUnit);
        return score.Housed + score.Waited;
    }
}

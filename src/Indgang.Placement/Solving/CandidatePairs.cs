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
    // Each household's type and each unit's position, shared with the smaller sets made from this one: plans are
    // counted per pair for every hint and every neighbourhood part.
    private readonly Lazy<(Dictionary<string, int> TypeOf, Dictionary<string, int> UnitOf)> ids;

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
        ids = new(() => Ids(Types, Units));
    }

    private CandidatePairs(CandidatePairs all, IReadOnlyList<CandidatePair> pairs)
    {
        Types = all.Types;
        Units = all.Units;
        Pairs = pairs;
        ids = all.ids;
    }

    public IReadOnlyList<InterchangeableHouseholds> Types { get; }

    public IReadOnlyList<PlacementUnit> Units { get; }

    public IReadOnlyList<CandidatePair> Pairs { get; }

    /// <summary>
    /// The same types and units without the pairs left out, except those the plan uses, so that the plan stays a plan
    /// of the smaller set.
    /// </summary>
    public CandidatePairs Without(Func<int, bool> leftOut, IReadOnlyDictionary<string, string> keeping)
    {
        var used = Counts(keeping);
        return new(this, [.. Pairs.Where((_, p) => used[p] > 0 || !leftOut(p))]);
    }

    /// <summary>How many households of each pair's type the plan puts in the pair's unit.</summary>
    public int[] Counts(IReadOnlyDictionary<string, string> plan)
    {
        var (typeOf, unitOf) = ids.Value;
        var counts = plan
            .Where(a => typeOf.ContainsKey(a.Key) && unitOf.ContainsKey(a.Value))
            .GroupBy(a => (typeOf[a.Key], unitOf[a.Value]))
            .ToDictionary(g => g.Key, g => g.Count());
        return [.. Pairs.Select(pair => counts.GetValueOrDefault((pair.Type, pair.Unit)))];
    }

    private static (Dictionary<string, int> TypeOf, Dictionary<string, int> UnitOf) Ids(
        IReadOnlyList<InterchangeableHouseholds> types, IReadOnlyList<PlacementUnit> units)
    {
        var typeOf = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var t = 0; t < types.Count; t++)
        {
            foreach (var member in types[t].Members)
            {
                typeOf[member.Id] = t;
            }
        }

        return (typeOf, Enumerable.Range(0, units.Count).ToDictionary(u => units[u].Id, StringComparer.Ordinal));
    }

    /// <summary>What housing the i-th member of a type is worth: being housed plus the days waited.</summary>
    public static long HousedValue(PlacementIndex index, PlacementHousehold member, PlacementUnit anyUnit)
    {
        var score = PairScore.Of(index, member, anyUnit);
        return score.Housed + score.Waited;
    }
}

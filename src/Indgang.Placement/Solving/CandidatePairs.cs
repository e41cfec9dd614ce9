using Indgang.Placement.Scoring;

namespace Indgang.Placement.Solving;

/// <summary>A household-unit pair that breaks no hard constraint on its own, with its pair points.</summary>
internal readonly record struct CandidatePair(int Household, int Unit, long Points);

/// <summary>
/// Every pair worth modelling: pairs that break a hard constraint on their own are dropped before the model is
/// built, so the solver never sees them.
/// </summary>
internal sealed class CandidatePairs
{
    public CandidatePairs(PlacementIndex index)
    {
        Households = index.Request.Households;
        Units = index.Request.Units;
        var pairs = new List<CandidatePair>();
        for (var h = 0; h < Households.Count; h++)
        {
            for (var u = 0; u < Units.Count; u++)
            {
                if (PairCheck.Problems(index, Households[h], Units[u]) == PairProblems.None)
                {
                    pairs.Add(new CandidatePair(h, u, PairScore.Of(index, Households[h], Units[u]).Total));
                }
            }
        }

        Pairs = pairs;
    }

    public IReadOnlyList<PlacementHousehold> Households { get; }

    public IReadOnlyList<PlacementUnit> Units { get; }

    public IReadOnlyList<CandidatePair> Pairs { get; }
}

using Google.OrTools.Sat;
using Indgang.Placement.Scoring;

namespace Indgang.Placement.Solving;

/// <summary>
/// The CP-SAT model. One Boolean per candidate pair (household h lives in unit u). Constraints: each household in at
/// most one unit (exactly one when locked), one household per whole unit, shared rooms within their beds and of one
/// gender, school seats per district. Objective, the same as <see cref="ObjectiveBreakdown"/>: pair points, plus
/// per language group and per district's families a <see cref="StepEncoding"/> of the group's change in value,
/// plus per district the spread change (the absolute deviation from the target as an integer variable bounded
/// below by both signs), plus shared-room empty beds through a "room in use" Boolean.
/// </summary>
internal sealed class PlacementModel
{
    private readonly PlacementIndex index;
    private readonly CandidatePairs candidates;
    private readonly BoolVar[] chosen;
    private readonly List<(StepEncoding Encoding, int[] Pairs)> groups = [];
    private readonly List<(IntVar Deviation, int[] Pairs, int Existing, int Target)> spreads = [];
    private readonly List<(BoolVar InUse, int Unit)> roomsInUse = [];
    private readonly List<(BoolVar MenOnly, int Unit)> roomGenders = [];

    public PlacementModel(PlacementIndex index, CandidatePairs candidates)
    {
        this.index = index;
        this.candidates = candidates;
        chosen = [.. candidates.Pairs.Select(_ => Model.NewBoolVar(string.Empty))];
        var objective = LinearExpr.NewBuilder();
        for (var p = 0; p < chosen.Length; p++)
        {
            objective.AddTerm(chosen[p], candidates.Pairs[p].Points);
        }

        AddHouseholdConstraints();
        AddUnitConstraints(objective);
        AddSchoolSeats();
        AddLanguageGroups(objective);
        AddFamilyGroups(objective);
        AddSpread(objective);
        Model.Maximize(objective);
    }

    public CpModel Model { get; } = new();

    public Dictionary<string, string> Assignment(CpSolver solver)
    {
        var assignment = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var p = 0; p < chosen.Length; p++)
        {
            if (solver.BooleanValue(chosen[p]))
            {
                var pair = candidates.Pairs[p];
                assignment[candidates.Households[pair.Household].Id] = candidates.Units[pair.Unit].Id;
            }
        }

        return assignment;
    }

    /// <summary>Starts the search from a known plan (every variable hinted, so the hint is a complete solution).</summary>
    public void Hint(IReadOnlyDictionary<string, string> assignment)
    {
        var inPlan = new bool[chosen.Length];
        for (var p = 0; p < chosen.Length; p++)
        {
            var pair = candidates.Pairs[p];
            inPlan[p] = assignment.TryGetValue(candidates.Households[pair.Household].Id, out var unitId) &&
                unitId == candidates.Units[pair.Unit].Id;
            Model.AddHint(chosen[p], inPlan[p]);
        }

        foreach (var (encoding, pairs) in groups)
        {
            encoding.Hint(Model, pairs.Count(p => inPlan[p]));
        }

        foreach (var (deviation, pairs, existing, target) in spreads)
        {
            Model.AddHint(deviation, Math.Abs(existing + pairs.Count(p => inPlan[p]) - target));
        }

        var men = new int[candidates.Units.Count];
        var occupants = new int[candidates.Units.Count];
        for (var p = 0; p < chosen.Length; p++)
        {
            if (inPlan[p])
            {
                var pair = candidates.Pairs[p];
                occupants[pair.Unit]++;
                men[pair.Unit] += candidates.Households[pair.Household].Gender == PlacementGender.Male ? 1 : 0;
            }
        }

        foreach (var (inUse, unit) in roomsInUse)
        {
            Model.AddHint(inUse, occupants[unit] > 0);
        }

        foreach (var (menOnly, unit) in roomGenders)
        {
            Model.AddHint(menOnly, men[unit] > 0);
        }
    }

    private void AddHouseholdConstraints()
    {
        foreach (var byHousehold in PairsBy(pair => pair.Household))
        {
            var household = candidates.Households[byHousehold.Key];
            var literals = byHousehold.Value.Select(p => chosen[p]);
            if (index.LocksByHousehold.ContainsKey(household.Id))
            {
                Model.AddExactlyOne(literals);
            }
            else
            {
                Model.AddAtMostOne(literals);
            }
        }
    }

    private void AddUnitConstraints(LinearExprBuilder objective)
    {
        var wastedBed = index.Weights.WastedBed;
        foreach (var byUnit in PairsBy(pair => pair.Unit))
        {
            var unit = candidates.Units[byUnit.Key];
            var pairs = byUnit.Value;
            if (!unit.IsSharedRoom)
            {
                Model.AddAtMostOne(pairs.Select(p => chosen[p]));
                continue;
            }

            Model.Add(LinearExpr.Sum(pairs.Select(p => chosen[p])) <= unit.Beds);
            var genders = pairs.Select(p => candidates.Households[candidates.Pairs[p].Household].Gender).Distinct().Count();
            if (genders > 1)
            {
                var menOnly = Model.NewBoolVar(string.Empty);
                roomGenders.Add((menOnly, byUnit.Key));
                foreach (var p in pairs)
                {
                    var isMan = candidates.Households[candidates.Pairs[p].Household].Gender == PlacementGender.Male;
                    Model.AddImplication(chosen[p], isMan ? menOnly : menOnly.Not());
                }
            }

            if (wastedBed != 0)
            {
                // Empty beds cost only in a room someone lives in: −w·(beds·inUse − occupants).
                var inUse = Model.NewBoolVar(string.Empty);
                roomsInUse.Add((inUse, byUnit.Key));
                objective.AddTerm(inUse, -(long)wastedBed * unit.Beds);
                foreach (var p in pairs)
                {
                    Model.AddImplication(chosen[p], inUse);
                    objective.AddTerm(chosen[p], wastedBed);
                }
            }
        }
    }

    private void AddSchoolSeats()
    {
        foreach (var byDistrict in PairsBy(pair => candidates.Units[pair.Unit].District))
        {
            if (index.SchoolSeats.TryGetValue(byDistrict.Key, out var seats))
            {
                var withChildren = byDistrict.Value
                    .Select(p => (Pair: p, Children: candidates.Households[candidates.Pairs[p].Household].SchoolAgeChildren))
                    .Where(x => x.Children > 0)
                    .ToList();
                if (withChildren.Sum(x => x.Children) > seats)
                {
                    Model.Add(LinearExpr.WeightedSum(withChildren.Select(x => chosen[x.Pair]), withChildren.Select(x => (long)x.Children)) <= seats);
                }
            }
        }
    }

    private void AddLanguageGroups(LinearExprBuilder objective)
    {
        var w = index.Weights;
        foreach (var group in PairsBy(pair => PlacementIndex.LanguageGroup(
            candidates.Units[pair.Unit].District, candidates.Households[pair.Household].Language)))
        {
            var existing = index.ExistingInLanguageGroup(group.Key);
            AddGroup(objective, group.Value, added => GroupValue.LanguageChange(w, existing, added));
        }
    }

    private void AddFamilyGroups(LinearExprBuilder objective)
    {
        var w = index.Weights;
        var familyPairs = candidates.Pairs
            .Select((pair, p) => (pair, p))
            .Where(x => candidates.Households[x.pair.Household].IsFamilyWithChildren)
            .GroupBy(x => candidates.Units[x.pair.Unit].District, StringComparer.Ordinal);
        foreach (var district in familyPairs)
        {
            var existing = index.ExistingFamiliesInDistrict(district.Key);
            AddGroup(objective, [.. district.Select(x => x.p)], added => GroupValue.FamilyChange(w, existing, added));
        }
    }

    private void AddGroup(LinearExprBuilder objective, List<int> pairs, Func<int, long> valueOfAdded)
    {
        var maxAdded = pairs.Select(p => candidates.Pairs[p].Household).Distinct().Count();
        var encoding = StepEncoding.Add(Model, objective, [.. pairs.Select(p => chosen[p])], maxAdded, valueOfAdded);
        if (encoding is not null)
        {
            groups.Add((encoding, [.. pairs]));
        }
    }

    private void AddSpread(LinearExprBuilder objective)
    {
        var spreadWeight = index.Weights.SpreadPerHousehold;
        if (index.DistrictTargets is not { } targets || spreadWeight == 0)
        {
            return;
        }

        foreach (var district in PairsBy(pair => candidates.Units[pair.Unit].District))
        {
            var existing = index.ExistingInDistrict(district.Key);
            var target = targets.GetValueOrDefault(district.Key);
            var maxAdded = district.Value.Select(p => candidates.Pairs[p].Household).Distinct().Count();
            var added = LinearExpr.Sum(district.Value.Select(p => chosen[p]));
            var deviation = Model.NewIntVar(0, Math.Abs(existing - target) + maxAdded, string.Empty);
            Model.Add(deviation >= added + (existing - target));
            Model.Add(deviation >= (target - existing) - added);
            objective.Add((long)spreadWeight * Math.Abs(existing - target));
            objective.AddTerm(deviation, -spreadWeight);
            spreads.Add((deviation, [.. district.Value], existing, target));
        }
    }

    private Dictionary<TKey, List<int>> PairsBy<TKey>(Func<CandidatePair, TKey> key)
        where TKey : notnull
    {
        var result = new Dictionary<TKey, List<int>>();
        for (var p = 0; p < candidates.Pairs.Count; p++)
        {
            var k = key(candidates.Pairs[p]);
            if (!result.TryGetValue(k, out var list))
            {
                list = [];
                result[k] = list;
            }

            list.Add(p);
        }

        return result;
    }
}

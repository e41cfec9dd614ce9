using Google.OrTools.LinearSolver;
using Indgang.Placement.Scoring;

namespace Indgang.Placement.Solving;

/// <summary>
/// The placement as a mixed-integer program. Binary: one per candidate pair (household h lives in unit u) and one
/// per shared room that could get both genders. Everything else is continuous and still exact, because with whole
/// pairs each is pushed to an integer by its constraints and the objective:
/// <list type="bullet">
/// <item>each household in at most one unit (exactly one when locked); one household per whole unit; shared rooms
/// within their beds, one gender (x ≤ menOnly or x ≤ 1 − menOnly); school seats per district;</item>
/// <item>group values (language in a district, families in a district) as concave steps s_j ≤ 1 with Σ s_j ≤ k
/// and marginal values as objective coefficients; in a group nobody lives in yet, the lone-household penalty as
/// lone_h ≥ 2·y_h − k (exactly "h is the only one" for a whole plan);</item>
/// <item>spread per district as dev ≥ ±(existing + k − target) with −w·dev in the objective;</item>
/// <item>shared-room empty beds as inUse ≥ x with −w·beds·inUse + w·x.</item>
/// </list>
/// The LP relaxation of the pair part is an assignment polytope, nearly integral, so the bound is tight.
/// </summary>
internal sealed class PlacementModel
{
    private readonly PlacementIndex index;
    private readonly CandidatePairs candidates;
    private readonly Variable[] chosen;
    private readonly Objective objective;

    public PlacementModel(Solver solver, PlacementIndex index, CandidatePairs candidates)
    {
        Solver = solver;
        this.index = index;
        this.candidates = candidates;
        objective = solver.Objective();
        chosen = new Variable[candidates.Pairs.Count];
        for (var p = 0; p < chosen.Length; p++)
        {
            chosen[p] = solver.MakeBoolVar(string.Empty);
            objective.SetCoefficient(chosen[p], candidates.Pairs[p].Points);
        }

        AddHouseholdConstraints();
        AddUnitConstraints();
        AddSchoolSeats();
        AddLanguageGroups();
        AddFamilyGroups();
        AddSpread();
        objective.SetMaximization();
    }

    public Solver Solver { get; }

    public Dictionary<string, string> Assignment()
    {
        var assignment = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var p = 0; p < chosen.Length; p++)
        {
            if (chosen[p].SolutionValue() > 0.5)
            {
                var pair = candidates.Pairs[p];
                assignment[candidates.Households[pair.Household].Id] = candidates.Units[pair.Unit].Id;
            }
        }

        return assignment;
    }

    /// <summary>Starts the search from a known plan (the pair variables; the solver completes the rest).</summary>
    public void Hint(IReadOnlyDictionary<string, string> assignment)
    {
        var values = new double[chosen.Length];
        for (var p = 0; p < chosen.Length; p++)
        {
            var pair = candidates.Pairs[p];
            values[p] = assignment.TryGetValue(candidates.Households[pair.Household].Id, out var unitId) &&
                unitId == candidates.Units[pair.Unit].Id ? 1 : 0;
        }

        Solver.SetHint(chosen, values);
    }

    private void AddHouseholdConstraints()
    {
        foreach (var (household, pairs) in PairsBy(pair => pair.Household))
        {
            var locked = index.LocksByHousehold.ContainsKey(candidates.Households[household].Id);
            Sum(pairs, locked ? 1 : 0, 1);
        }
    }

    private void AddUnitConstraints()
    {
        var wastedBed = index.Weights.WastedBed;
        foreach (var (u, pairs) in PairsBy(pair => pair.Unit))
        {
            var unit = candidates.Units[u];
            if (!unit.IsSharedRoom)
            {
                Sum(pairs, 0, 1);
                continue;
            }

            Sum(pairs, 0, unit.Beds);
            var genders = pairs.Select(p => Household(p).Gender).Distinct().Count();
            var menOnly = genders > 1 ? Solver.MakeBoolVar(string.Empty) : null;
            var inUse = wastedBed != 0 ? Solver.MakeNumVar(0, 1, string.Empty) : null;
            if (inUse is not null)
            {
                // Empty beds cost only in a room someone lives in: −w·(beds·inUse − occupants).
                objective.SetCoefficient(inUse, -(double)wastedBed * unit.Beds);
            }

            foreach (var p in pairs)
            {
                if (menOnly is not null)
                {
                    var man = Household(p).Gender == PlacementGender.Male;
                    Linear(man ? 0 : double.NegativeInfinity, man ? double.PositiveInfinity : 1, (menOnly, 1), (chosen[p], man ? -1 : 1));
                }

                if (inUse is not null)
                {
                    Linear(0, double.PositiveInfinity, (inUse, 1), (chosen[p], -1));
                    objective.SetCoefficient(chosen[p], candidates.Pairs[p].Points + wastedBed);
                }
            }
        }
    }

    private void AddSchoolSeats()
    {
        foreach (var (district, pairs) in PairsBy(pair => candidates.Units[pair.Unit].District))
        {
            if (index.SchoolSeats.TryGetValue(district, out var seats) && pairs.Sum(p => Household(p).SchoolAgeChildren) > seats)
            {
                var constraint = Solver.MakeConstraint(double.NegativeInfinity, seats);
                foreach (var p in pairs)
                {
                    constraint.SetCoefficient(chosen[p], Household(p).SchoolAgeChildren);
                }
            }
        }
    }

    private void AddLanguageGroups()
    {
        var w = index.Weights;
        foreach (var (group, pairs) in PairsBy(pair => PlacementIndex.LanguageGroup(
            candidates.Units[pair.Unit].District, candidates.Households[pair.Household].Language)))
        {
            var existing = index.ExistingInLanguageGroup(group);
            AddGroup(pairs, existing, added => GroupValue.LanguageChange(w, existing, added), (long)w.AloneWithLanguage + w.TogetherWithLanguage);
        }
    }

    private void AddFamilyGroups()
    {
        var w = index.Weights;
        foreach (var (district, pairs) in PairsBy(pair => candidates.Units[pair.Unit].District))
        {
            var families = pairs.Where(p => Household(p).IsFamilyWithChildren).ToList();
            var existing = index.ExistingFamiliesInDistrict(district);
            if (families.Count > 0)
            {
                AddGroup(families, existing, added => GroupValue.FamilyChange(w, existing, added), (long)w.AloneAsFamily + w.FamiliesTogether);
            }
        }
    }

    /// <summary>
    /// A group's change in value f(k). In a group nobody lives in yet the lone-household penalty is taken out of f,
    /// leaving it concave, and charged through lone indicators instead. A group whose f is still not concave (odd
    /// weights) gets ordered binary steps, exact for any f.
    /// </summary>
    private void AddGroup(List<int> pairs, int existing, Func<int, long> change, long lonePenalty)
    {
        var members = pairs.GroupBy(p => candidates.Pairs[p].Household).Select(g => g.ToArray()).ToList();
        var splitLone = existing == 0 && lonePenalty > 0 && members.Count > 1;
        Func<int, long> f = splitLone ? k => change(k) + (k == 1 ? lonePenalty : 0) : change;
        var marginals = Enumerable.Range(1, members.Count).Select(j => f(j) - f(j - 1)).ToArray();
        var last = Array.FindLastIndex(marginals, m => m != 0) + 1;
        var concave = marginals.All(m => m >= 0) && marginals.Zip(marginals.Skip(1)).All(x => x.First >= x.Second);
        if (last > 0)
        {
            // Σ steps (− overflow) = k, where k is the number of the group's pairs chosen.
            var count = Solver.MakeConstraint(concave ? double.NegativeInfinity : 0, 0);
            foreach (var p in pairs)
            {
                count.SetCoefficient(chosen[p], -1);
            }

            var steps = new Variable[last];
            for (var j = 0; j < last; j++)
            {
                steps[j] = concave ? Solver.MakeNumVar(0, 1, string.Empty) : Solver.MakeBoolVar(string.Empty);
                count.SetCoefficient(steps[j], 1);
                objective.SetCoefficient(steps[j], marginals[j]);
                if (!concave && j > 0)
                {
                    Linear(0, double.PositiveInfinity, (steps[j - 1], 1), (steps[j], -1));
                }
            }

            if (!concave && members.Count > last)
            {
                var overflow = Solver.MakeNumVar(0, members.Count - last, string.Empty);
                count.SetCoefficient(overflow, 1);
                Linear(0, double.PositiveInfinity, (steps[last - 1], members.Count - last), (overflow, -1));
            }
        }

        if (splitLone)
        {
            foreach (var memberPairs in members)
            {
                // lone_h ≥ 2·y_h − k  ⇔  lone_h − 2·y_h + k ≥ 0
                var lone = Solver.MakeNumVar(0, 1, string.Empty);
                objective.SetCoefficient(lone, -lonePenalty);
                var constraint = Solver.MakeConstraint(0, double.PositiveInfinity);
                constraint.SetCoefficient(lone, 1);
                foreach (var p in pairs)
                {
                    constraint.SetCoefficient(chosen[p], 1);
                }

                foreach (var p in memberPairs)
                {
                    constraint.SetCoefficient(chosen[p], -1);
                }
            }
        }
    }

    private void AddSpread()
    {
        var spreadWeight = index.Weights.SpreadPerHousehold;
        if (index.DistrictTargets is not { } targets || spreadWeight == 0)
        {
            return;
        }

        var offset = 0.0;
        foreach (var (district, pairs) in PairsBy(pair => candidates.Units[pair.Unit].District))
        {
            var existing = index.ExistingInDistrict(district);
            var target = targets.GetValueOrDefault(district);
            var deviation = Solver.MakeNumVar(0, double.PositiveInfinity, string.Empty);
            objective.SetCoefficient(deviation, -spreadWeight);
            offset += (double)spreadWeight * Math.Abs(existing - target);
            // dev − k ≥ existing − target and dev + k ≥ target − existing
            var above = Solver.MakeConstraint(existing - target, double.PositiveInfinity);
            var below = Solver.MakeConstraint(target - existing, double.PositiveInfinity);
            above.SetCoefficient(deviation, 1);
            below.SetCoefficient(deviation, 1);
            foreach (var p in pairs)
            {
                above.SetCoefficient(chosen[p], -1);
                below.SetCoefficient(chosen[p], 1);
            }
        }

        objective.SetOffset(offset);
    }

    private PlacementHousehold Household(int pair) => candidates.Households[candidates.Pairs[pair].Household];

    private void Sum(List<int> pairs, double lower, double upper)
    {
        var constraint = Solver.MakeConstraint(lower, upper);
        foreach (var p in pairs)
        {
            constraint.SetCoefficient(chosen[p], 1);
        }
    }

    private void Linear(double lower, double upper, params (Variable Variable, double Coefficient)[] terms)
    {
        var constraint = Solver.MakeConstraint(lower, upper);
        foreach (var (variable, coefficient) in terms)
        {
            constraint.SetCoefficient(variable, coefficient);
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

using Google.OrTools.LinearSolver;
using Indgang.Placement.Scoring;

namespace Indgang.Placement.Solving;

/// <summary>
/// The placement as a mixed-integer program over types t of interchangeable households
/// (<see cref="InterchangeableHouseholds"/>). Integer z[t,u]: how many households of type t live in unit u (0/1 for
/// a whole unit, up to the beds for a shared room). Binary also: one per shared room that could get both genders, one per group step where a group's value is not concave.
/// Everything else is continuous and still exact, because with integer z each is pushed to an integer by its
/// constraints and the objective:
/// <list type="bullet">
/// <item>per type, Σ_u z ≤ members (= 1 when locked), and housing steps h_i with Σ h_i = Σ_u z whose values
/// (housed + days waited of the i-th longest-waiting member) fall, so the LP takes them in order;</item>
/// <item>one household per whole unit; shared rooms within their beds and of one gender (z ≤ cap·menOnly or
/// z ≤ cap·(1 − menOnly)); school seats per district;</item>
/// <item>group values (a language in a district, families in a district) as concave steps s_j ≤ 1 with Σ s_j ≤ k
/// and the marginal values as objective coefficients. In a group nobody lives in yet, a lone household costs:
/// value = concave(k) − penalty·(o − two), with o ≥ every z of the group (o = "anyone here"), two ≤ o and
/// two ≤ k − o (two = "at least two"), so o − two = [k = 1]; o ≥ also what a type of one household has in the group;</item>
/// <item>spread per district as dev ≥ ±(existing + k − target), dev a sum of unit segments of rising cost;</item>
/// <item>shared-room empty beds as cap·inUse ≥ z with −w·beds·inUse + w·z.</item>
/// </list>
/// </summary>
internal sealed class PlacementModel
{
    private readonly PlacementIndex index;
    private readonly CandidatePairs candidates;
    private readonly Variable[] placed;
    private readonly Objective objective;
    private readonly List<ModelRow> rows = [];
    private readonly List<Variable> variables = [];

    public PlacementModel(Solver solver, PlacementIndex index, CandidatePairs candidates)
    {
        Solver = solver;
        this.index = index;
        this.candidates = candidates;
        objective = solver.Objective();
        placed = new Variable[candidates.Pairs.Count];
        for (var p = 0; p < placed.Length; p++)
        {
            placed[p] = Keep(solver.MakeIntVar(0, candidates.Pairs[p].Capacity, string.Empty));
            objective.SetCoefficient(placed[p], candidates.Pairs[p].Points);
        }

        AddTypeConstraints();
        AddUnitConstraints();
        AddSchoolSeats();
        AddLanguageGroups();
        AddFamilyGroups();
        AddSpread();
        objective.SetMaximization();
    }

    public Solver Solver { get; }

    /// <summary>Every constraint with its terms, in the order made.</summary>
    public IReadOnlyList<ModelRow> Rows => rows;

    /// <summary>The variable of each candidate pair (how many of the pair's type live in its unit).</summary>
    public IReadOnlyList<Variable> Placed => placed;

    /// <summary>
    /// SCIP on these pairs, started from the plan, for at most the time: its status, its plan when it has one, and its
    /// bound once it has one.
    /// </summary>
    public static (Solver.ResultStatus Status, Dictionary<string, string>? Plan, long? Bound) SolveFrom(
        PlacementIndex index, CandidatePairs candidates, IReadOnlyDictionary<string, string> start, TimeSpan time)
    {
        using var solver = Scip.Create();
        var model = new PlacementModel(solver, index, candidates);
        model.Hint(start);
        var status = Scip.Solve(solver, time);
        if (status is not (Solver.ResultStatus.OPTIMAL or Solver.ResultStatus.FEASIBLE))
        {
            return (status, null, null);
        }

        // SCIP reports ±1e20 while it has no bound yet.
        var rawBound = solver.Objective().BestBound();
        return (status, model.Assignment(), Math.Abs(rawBound) < 1e15 ? (long)Math.Floor(rawBound + 1e-6) : null);
    }

    /// <summary>Households of a type move into the type's units longest waited first.</summary>
    public Dictionary<string, string> Assignment()
    {
        var assignment = new Dictionary<string, string>(StringComparer.Ordinal);
        var nextMember = new int[candidates.Types.Count];
        for (var p = 0; p < placed.Length; p++)
        {
            var pair = candidates.Pairs[p];
            for (var n = (int)Math.Round(placed[p].SolutionValue()); n > 0; n--)
            {
                var member = candidates.Types[pair.Type].Members[nextMember[pair.Type]++];
                assignment[member.Id] = candidates.Units[pair.Unit].Id;
            }
        }

        return assignment;
    }

    /// <summary>Starts the search from a known plan (the placement counts; the solver completes the rest).</summary>
    public void Hint(IReadOnlyDictionary<string, string> assignment) => Solver.SetHint(placed, Counts(assignment));

    /// <summary>
    /// Keeps every pair outside a neighbourhood as the plan has it, so the solver only rearranges the pairs inside,
    /// and starts the search from the plan.
    /// </summary>
    public void Restrict(Func<CandidatePair, bool> inside, IReadOnlyDictionary<string, string> plan)
    {
        var counts = Counts(plan);
        Solver.SetHint(placed, counts);
        for (var p = 0; p < placed.Length; p++)
        {
            var pair = candidates.Pairs[p];
            if (inside(pair))
            {
                placed[p].SetBounds(0, pair.Capacity);
            }
            else
            {
                placed[p].SetBounds(counts[p], counts[p]);
            }
        }
    }

    private double[] Counts(IReadOnlyDictionary<string, string> assignment) => [.. candidates.Counts(assignment).Select(c => (double)c)];

    private void AddTypeConstraints()
    {
        var anyUnit = candidates.Units[0];
        foreach (var (t, pairs) in PairsBy(pair => pair.Type))
        {
            var type = candidates.Types[t];
            var locked = index.LocksByHousehold.ContainsKey(type.Representative.Id);
            var housed = Row(locked ? 1 : 0, type.Members.Count);
            var steps = Row(0, 0);
            foreach (var p in pairs)
            {
                housed.SetCoefficient(placed[p], 1);
                steps.SetCoefficient(placed[p], -1);
            }

            foreach (var member in type.Members)
            {
                var step = NumVar(0, 1, string.Empty);
                steps.SetCoefficient(step, 1);
                objective.SetCoefficient(step, CandidatePairs.HousedValue(index, member, anyUnit));
            }
        }
    }

    private void AddUnitConstraints()
    {
        var wastedBed = index.Weights.WastedBed;
        foreach (var (u, pairs) in PairsBy(pair => pair.Unit))
        {
            var unit = candidates.Units[u];
            Sum(pairs, 0, unit.IsSharedRoom ? unit.Beds : 1);
            if (!unit.IsSharedRoom)
            {
                continue;
            }

            var genders = pairs.Select(p => Type(p).Gender).Distinct().Count();
            var menOnly = genders > 1 ? BoolVar() : null;
            // Binary: with several households of a type per room, cap·inUse ≥ z alone would let inUse be a fraction.
            var inUse = wastedBed != 0 ? BoolVar() : null;
            if (inUse is not null)
            {
                // Empty beds cost only in a room someone lives in: −w·(beds·inUse − occupants).
                objective.SetCoefficient(inUse, -(double)wastedBed * unit.Beds);
                // beds·inUse ≥ occupants: without it the LP could fill a room from several types, each within its own
                // cap·inUse ≥ z at a fractional inUse, and earn w per occupant it never pays for (M's LP bound 0.5 % high).
                var occupied = Row(0, double.PositiveInfinity);
                occupied.SetCoefficient(inUse, unit.Beds);
                foreach (var p in pairs)
                {
                    occupied.SetCoefficient(placed[p], -1);
                }
            }

            foreach (var p in pairs)
            {
                var capacity = candidates.Pairs[p].Capacity;
                if (menOnly is not null)
                {
                    var man = Type(p).Gender == PlacementGender.Male;
                    Linear(man ? 0 : double.NegativeInfinity, man ? double.PositiveInfinity : capacity,
                        (menOnly, capacity), (placed[p], man ? -1 : 1));
                }

                if (inUse is not null)
                {
                    Linear(0, double.PositiveInfinity, (inUse, capacity), (placed[p], -1));
                    objective.SetCoefficient(placed[p], candidates.Pairs[p].Points + wastedBed);
                }
            }
        }
    }

    private void AddSchoolSeats()
    {
        foreach (var (district, pairs) in PairsBy(pair => candidates.Units[pair.Unit].District))
        {
            if (index.SchoolSeats.TryGetValue(district, out var seats))
            {
                var constraint = Row(double.NegativeInfinity, seats);
                foreach (var p in pairs)
                {
                    constraint.SetCoefficient(placed[p], Type(p).SchoolAgeChildren);
                }
            }
        }
    }

    private void AddLanguageGroups()
    {
        var w = index.Weights;
        foreach (var (group, pairs) in PairsBy(pair => PlacementIndex.LanguageGroup(
            candidates.Units[pair.Unit].District, candidates.Types[pair.Type].Representative.Language)))
        {
            // Households of unknown language form no group (all of a group's pairs share its language).
            if (!PlacementIndex.IsKnownLanguage(Type(pairs[0]).Language))
            {
                continue;
            }

            var existing = index.ExistingInLanguageGroup(group);
            AddGroup(pairs, existing, added => GroupValue.LanguageChange(w, existing, added), (long)w.AloneWithLanguage + w.TogetherWithLanguage);
        }
    }

    private void AddFamilyGroups()
    {
        var w = index.Weights;
        foreach (var (district, pairs) in PairsBy(pair => candidates.Units[pair.Unit].District))
        {
            var families = pairs.Where(p => Type(p).IsFamilyWithChildren).ToList();
            var existing = index.ExistingFamiliesInDistrict(district);
            if (families.Count > 0)
            {
                AddGroup(families, existing, added => GroupValue.FamilyChange(w, existing, added), (long)w.AloneAsFamily + w.FamiliesTogether);
            }
        }
    }

    /// <summary>
    /// A group's change in value f(k), k the households the plan adds. In a group nobody lives in yet the lone
    /// penalty is taken out of f, leaving it concave, and charged as penalty·(o − two) instead. A group whose f is
    /// still not concave (odd weights) gets ordered binary steps, exact for any f.
    /// </summary>
    private void AddGroup(List<int> pairs, int existing, Func<int, long> change, long lonePenalty)
    {
        var maxAdded = pairs.GroupBy(p => candidates.Pairs[p].Type).Sum(g => candidates.Types[g.Key].Members.Count);
        var splitLone = existing == 0 && lonePenalty > 0 && maxAdded > 1;
        Func<int, long> f = splitLone ? k => change(k) + (k == 1 ? lonePenalty : 0) : change;
        var marginals = Enumerable.Range(1, maxAdded).Select(j => f(j) - f(j - 1)).ToArray();
        var last = Array.FindLastIndex(marginals, m => m != 0) + 1;
        var concave = marginals.All(m => m >= 0) && marginals.Zip(marginals.Skip(1)).All(x => x.First >= x.Second);
        if (last > 0)
        {
            // Σ steps (+ overflow) ≤ k for concave f, = k otherwise.
            var count = Row(concave ? double.NegativeInfinity : 0, 0);
            foreach (var p in pairs)
            {
                count.SetCoefficient(placed[p], -1);
            }

            var steps = new Variable[last];
            for (var j = 0; j < last; j++)
            {
                steps[j] = concave ? NumVar(0, 1, string.Empty) : BoolVar();
                count.SetCoefficient(steps[j], 1);
                objective.SetCoefficient(steps[j], marginals[j]);
                if (!concave && j > 0)
                {
                    Linear(0, double.PositiveInfinity, (steps[j - 1], 1), (steps[j], -1));
                }
            }

            if (!concave && maxAdded > last)
            {
                var overflow = NumVar(0, maxAdded - last, string.Empty);
                count.SetCoefficient(overflow, 1);
                Linear(0, double.PositiveInfinity, (steps[last - 1], maxAdded - last), (overflow, -1));
            }
        }

        if (splitLone)
        {
            AddLonePenalty(pairs, lonePenalty);
        }
    }

    private void AddLonePenalty(List<int> pairs, long penalty)
    {
        // Shared rooms hold several households, so "anyone" must be binary to be exact there.
        var sharedRooms = pairs.Any(p => candidates.Units[candidates.Pairs[p].Unit].IsSharedRoom);
        var anyone = sharedRooms ? BoolVar() : NumVar(0, 1, string.Empty);
        var two = NumVar(0, 1, string.Empty);
        objective.SetCoefficient(anyone, -penalty);
        objective.SetCoefficient(two, penalty);
        Linear(0, double.PositiveInfinity, (anyone, 1), (two, -1));
        var atLeastTwo = Row(0, double.PositiveInfinity);
        atLeastTwo.SetCoefficient(anyone, -1);
        atLeastTwo.SetCoefficient(two, -1);
        foreach (var p in pairs)
        {
            atLeastTwo.SetCoefficient(placed[p], 1);
        }

        // anyone ≥ what lives in each whole unit of the group (at most one household), and in each shared-room pair.
        foreach (var unitPairs in pairs.GroupBy(p => candidates.Pairs[p].Unit))
        {
            var members = candidates.Units[unitPairs.Key].IsSharedRoom ? unitPairs.Select(p => new[] { p }) : [unitPairs.ToArray()];
            foreach (var member in members)
            {
                var constraint = Row(0, double.PositiveInfinity);
                constraint.SetCoefficient(anyone, member.Max(p => candidates.Pairs[p].Capacity));
                foreach (var p in member)
                {
                    constraint.SetCoefficient(placed[p], -1);
                }
            }
        }

        // anyone ≥ what one household lives in across the group's units: a type of one household is in one unit at
        // most, so its pairs here sum to 0 or 1. Without it the LP could put half of such a household in each of two
        // units of the group, meet both unit rows with anyone = ½ and two = ½, and charge no lone penalty for a
        // household that, whole, would live there alone. The LP bound hardly moves (S 62,850 → 62,845), but SCIP
        // branches far less: ten S seeds proven in 10.7 s together instead of 13.1 s, seven of them within a second.
        foreach (var typePairs in pairs.GroupBy(p => candidates.Pairs[p].Type))
        {
            if (candidates.Types[typePairs.Key].Members.Count == 1 && typePairs.Skip(1).Any())
            {
                var constraint = Row(0, double.PositiveInfinity);
                constraint.SetCoefficient(anyone, 1);
                foreach (var p in typePairs)
                {
                    constraint.SetCoefficient(placed[p], -1);
                }
            }
        }
    }

    /// <summary>
    /// Spread per district: its distance from target, dev ≥ ±(existing + k − target), written as unit segments whose
    /// costs rise (SpreadStep), so the LP fills the cheap ones first and the convex penalty is exact.
    /// </summary>
    private void AddSpread()
    {
        var w = index.Weights;
        if (index.DistrictTargets is not { } targets || (w.SpreadPerHousehold == 0 && w.SpreadIncreasePerHousehold == 0))
        {
            return;
        }

        var offset = 0.0;
        foreach (var (district, pairs) in PairsBy(pair => candidates.Units[pair.Unit].District))
        {
            var existing = index.ExistingInDistrict(district);
            var target = targets.GetValueOrDefault(district);
            var maxAdded = pairs.GroupBy(p => candidates.Pairs[p].Type).Sum(g => candidates.Types[g.Key].Members.Count);
            offset += GroupValue.SpreadPenalty(w, Math.Abs(existing - target));
            // Σ seg − k ≥ existing − target and Σ seg + k ≥ target − existing
            var above = Row(existing - target, double.PositiveInfinity);
            var below = Row(target - existing, double.PositiveInfinity);
            for (var i = 1; i <= Math.Abs(existing - target) + maxAdded; i++)
            {
                var segment = NumVar(0, 1, string.Empty);
                objective.SetCoefficient(segment, -GroupValue.SpreadStep(w, i));
                above.SetCoefficient(segment, 1);
                below.SetCoefficient(segment, 1);
            }

            foreach (var p in pairs)
            {
                above.SetCoefficient(placed[p], -1);
                below.SetCoefficient(placed[p], 1);
            }
        }

        objective.SetOffset(offset);
    }

    /// <summary>Every variable, in the order made.</summary>
    public IReadOnlyList<Variable> Variables => variables;

    private Variable Keep(Variable variable)
    {
        variables.Add(variable);
        return variable;
    }

    private Variable NumVar(double lower, double upper, string name) => Keep(Solver.MakeNumVar(lower, upper, name));

    private Variable BoolVar() => Keep(Solver.MakeBoolVar(string.Empty));

    private ModelRow Row(double lower, double upper)
    {
        var row = new ModelRow(Solver.MakeConstraint(lower, upper), lower, upper);
        rows.Add(row);
        return row;
    }

    private PlacementHousehold Type(int pair) => candidates.Types[candidates.Pairs[pair].Type].Representative;

    private void Sum(List<int> pairs, double lower, double upper)
    {
        var constraint = Row(lower, upper);
        foreach (var p in pairs)
        {
            constraint.SetCoefficient(placed[p], 1);
        }
    }

    private void Linear(double lower, double upper, params (Variable Variable, double Coefficient)[] terms)
    {
        var constraint = Row(lower, upper);
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

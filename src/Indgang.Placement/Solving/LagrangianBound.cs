using System.Diagnostics;
using Google.OrTools.Graph;
using Indgang.Placement.Scoring;

namespace Indgang.Placement.Solving;

/// <summary>
/// A proof that no plan scores more than a number, found fast enough for instances where the MIP has not yet solved
/// its first LP. Relax shared-room gender and empty beds (which only ever cost), and price each group
/// count (a language in a district, families in a district, households in a district) with a multiplier λ instead
/// of linking it to the pairs. What is left splits into a min-cost flow (types → units, each type's members worth
/// housed + days waited, longest waited first) and one tiny maximisation per group over its count k:
/// L(λ) = max_flow Σ (points + Σ λ_g) z + Σ_g max_k (f_g(k) − λ_g·k) ≥ the best plan, for every λ.
/// School seats are priced too, with μ ≥ 0 per district: each pair pays μ per school-age child and the bound gains
/// μ·seats, so a plan within the seats never scores more in the relaxation than it does. Subgradient steps (Polyak,
/// towards the best known plan) lower the bound. Multipliers move in 64ths so every cost stays an exact integer and
/// the bound stays a proof.
/// </summary>
internal sealed class LagrangianBound
{
    private const long Scale = 64;
    private const int MaxIterations = 300;

    private readonly CandidatePairs candidates;
    private readonly List<(long[] Value, List<int> Pairs)> groups = [];
    private readonly List<int>[] groupsOfPair;

    // School seats per district with a limit: the seats, and per pair the limit it counts against (−1: none).
    private readonly List<long> seatLimits = [];
    private readonly int[] seatLimitOfPair;

    private LagrangianBound(PlacementIndex index, CandidatePairs candidates)
    {
        this.candidates = candidates;
        groupsOfPair = [.. candidates.Pairs.Select(_ => new List<int>())];
        var w = index.Weights;
        var units = candidates.Units;
        AddGroups(p => PlacementIndex.LanguageGroup(units[candidates.Pairs[p].Unit].District, Representative(p).Language),
            key => k => GroupValue.LanguageChange(w, index.ExistingInLanguageGroup(key), k), p => PlacementIndex.IsKnownLanguage(Representative(p).Language));
        AddGroups(p => units[candidates.Pairs[p].Unit].District,
            key => k => GroupValue.FamilyChange(w, index.ExistingFamiliesInDistrict(key), k), p => Representative(p).IsFamilyWithChildren);
        if (index.DistrictTargets is { } targets)
        {
            AddGroups(p => units[candidates.Pairs[p].Unit].District,
                key => k => GroupValue.SpreadChange(w, index.ExistingInDistrict(key), k, targets.GetValueOrDefault(key)), _ => true);
        }

        var limitOf = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (district, seats) in index.SchoolSeats)
        {
            limitOf[district] = seatLimits.Count;
            seatLimits.Add(seats);
        }

        seatLimitOfPair = [.. candidates.Pairs.Select(p =>
            candidates.Types[p.Type].Representative.SchoolAgeChildren > 0 && limitOf.TryGetValue(units[p.Unit].District, out var s) ? s : -1)];
        HousedValues = [.. candidates.Types.Select(t => t.Members.Select(m => CandidatePairs.HousedValue(index, m, units[0])).ToArray())];
    }

    private long[][] HousedValues { get; }

    private int MultiplierCount => groups.Count + seatLimits.Count;

    /// <summary>
    /// The lowest bound found within the budget, or null when there is nothing to bound. bestKnown reads the best
    /// plan's objective so far, which may rise while the bound is computed. With a guide plan, the first half of the
    /// budget starts the prices where that plan says (<see cref="PricesAt"/>) and the second half from zero; the
    /// lower bound stands. On XL the guided start takes the bound within about 0.1 % of the optimum in the iterations
    /// two seconds allow, where starting from zero stays near 0.7 %; on some M variants zero does better.
    /// </summary>
    public static long? Compute(
        PlacementIndex index, CandidatePairs candidates, Func<long> bestKnown, TimeSpan budget, CancellationToken cancellation,
        IReadOnlyDictionary<string, string>? guide = null)
    {
        if (candidates.Pairs.Count == 0)
        {
            return null;
        }

        var clock = Stopwatch.StartNew();
        var relaxation = new LagrangianBound(index, candidates);
        if (guide is null)
        {
            return relaxation.Descend(new long[relaxation.MultiplierCount], clock, budget, bestKnown, cancellation);
        }

        // Half the time from the guide's prices, half from zero: each start wins on some instances.
        var guided = relaxation.Descend(relaxation.PricesAt(guide), clock, budget / 2, bestKnown, cancellation);
        var fromZero = guided is { } g && g <= bestKnown()
            ? null
            : relaxation.Descend(new long[relaxation.MultiplierCount], clock, budget, bestKnown, cancellation);
        return guided is null ? fromZero : fromZero is null ? guided : Math.Min(guided.Value, fromZero.Value);
    }

    /// <summary>Subgradient steps from the given prices until the clock reaches the budget; the lowest bound seen.</summary>
    private long? Descend(long[] multipliers, Stopwatch clock, TimeSpan budget, Func<long> bestKnown, CancellationToken cancellation)
    {
        var best = long.MaxValue;
        var stepSize = 1.0;
        var sinceImproved = 0;
        for (var iteration = 0; iteration < MaxIterations && clock.Elapsed < budget && !cancellation.IsCancellationRequested; iteration++)
        {
            if (Evaluate(multipliers) is not { } evaluation)
            {
                break;
            }

            var (scaledBound, slopes) = evaluation;
            var bound = FloorDiv(scaledBound, Scale);
            if (bound < best)
            {
                best = bound;
                sinceImproved = 0;
            }
            else if (++sinceImproved >= 5)
            {
                stepSize /= 2;
                sinceImproved = 0;
            }

            // A seat price at zero cannot fall: its part of the step is left out (projected subgradient).
            for (var s = groups.Count; s < slopes.Length; s++)
            {
                if (multipliers[s] == 0 && slopes[s] > 0)
                {
                    slopes[s] = 0;
                }
            }

            var norm = slopes.Sum(s => (double)s * s);
            if (norm == 0 || best <= bestKnown())
            {
                break;
            }

            // Polyak step in scaled units: λ ← λ − θ·(L − best known)/‖s‖²·s.
            var step = stepSize * Math.Max(1, (scaledBound / (double)Scale) - bestKnown()) / norm;
            var moved = false;
            for (var g = 0; g < multipliers.Length; g++)
            {
                var change = (long)Math.Round(step * slopes[g] * Scale);
                var before = multipliers[g];
                multipliers[g] -= change;
                if (g >= groups.Count)
                {
                    multipliers[g] = Math.Max(0, multipliers[g]);
                }

                moved |= multipliers[g] != before;
            }

            if (!moved)
            {
                break;
            }
        }

        return best == long.MaxValue ? null : best;
    }

    /// <summary>
    /// The plan that is best on pair points and waiting alone (all multipliers zero: a min-cost flow), members of a
    /// type housed longest waited first. Group terms and the rules between pairs are left to the local search,
    /// which starts from it: it finds who should be housed far better than moving one household at a time.
    /// </summary>
    public static Dictionary<string, string> PairOptimalPlan(PlacementIndex index, CandidatePairs candidates)
    {
        var plan = new Dictionary<string, string>(StringComparer.Ordinal);
        if (candidates.Pairs.Count == 0)
        {
            return plan;
        }

        var relaxation = new LagrangianBound(index, candidates);
        var flows = relaxation.Flows(new long[relaxation.MultiplierCount]);
        var next = new int[candidates.Types.Count];
        for (var p = 0; p < candidates.Pairs.Count; p++)
        {
            var pair = candidates.Pairs[p];
            for (var n = flows?[p] ?? 0; n > 0; n--)
            {
                plan[candidates.Types[pair.Type].Members[next[pair.Type]++].Id] = candidates.Units[pair.Unit].Id;
            }
        }

        return plan;
    }

    /// <summary>
    /// Starting prices read off a plan: each group priced at the slope of its value's concave envelope at the plan's
    /// count (the mean of the slopes either side), which is where the subgradient steps would end up if the plan were
    /// optimal. Seats start free.
    /// </summary>
    private long[] PricesAt(IReadOnlyDictionary<string, string> plan)
    {
        var pairOf = new Dictionary<(int Type, int Unit), int>();
        for (var p = 0; p < candidates.Pairs.Count; p++)
        {
            pairOf[(candidates.Pairs[p].Type, candidates.Pairs[p].Unit)] = p;
        }

        var typeOf = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var t = 0; t < candidates.Types.Count; t++)
        {
            foreach (var member in candidates.Types[t].Members)
            {
                typeOf[member.Id] = t;
            }
        }

        var unitOf = Enumerable.Range(0, candidates.Units.Count).ToDictionary(u => candidates.Units[u].Id, StringComparer.Ordinal);
        var counts = new int[groups.Count];
        foreach (var (household, unit) in plan)
        {
            if (typeOf.TryGetValue(household, out var t) && unitOf.TryGetValue(unit, out var u) && pairOf.TryGetValue((t, u), out var p))
            {
                foreach (var g in groupsOfPair[p])
                {
                    counts[g]++;
                }
            }
        }

        var prices = new long[MultiplierCount];
        for (var g = 0; g < groups.Count; g++)
        {
            var envelope = ConcaveEnvelope(groups[g].Value);
            var k = Math.Min(counts[g], envelope.Length - 1);
            var left = k > 0 ? envelope[k] - envelope[k - 1] : envelope.Length > 1 ? envelope[1] - envelope[0] : 0;
            var right = k + 1 < envelope.Length ? envelope[k + 1] - envelope[k] : left;
            prices[g] = (long)Math.Round((left + right) * Scale / 2);
        }

        return prices;
    }

    /// <summary>The least concave function at or above the values (their upper hull), at every count.</summary>
    private static double[] ConcaveEnvelope(long[] values)
    {
        var hull = new List<int>();
        for (var k = 0; k < values.Length; k++)
        {
            // Drop the last hull point while it lies on or below the line from the one before it to k.
            while (hull.Count >= 2 &&
                   (values[hull[^1]] - values[hull[^2]]) * (double)(k - hull[^2]) <= (values[k] - values[hull[^2]]) * (double)(hull[^1] - hull[^2]))
            {
                hull.RemoveAt(hull.Count - 1);
            }

            hull.Add(k);
        }

        var envelope = new double[values.Length];
        for (var h = 0; h + 1 < hull.Count; h++)
        {
            var (a, b) = (hull[h], hull[h + 1]);
            for (var k = a; k <= b; k++)
            {
                envelope[k] = values[a] + ((values[b] - values[a]) * (double)(k - a) / (b - a));
            }
        }

        envelope[hull[^1]] = values[hull[^1]];
        return envelope;
    }

    private static long FloorDiv(long value, long by) => value >= 0 ? value / by : -((-value + by - 1) / by);

    /// <summary>
    /// L(λ) in 64ths, and its subgradient: flow into each group minus the group's chosen count; null if the flow fails.
    /// </summary>
    private long[]? Flows(long[] multipliers) => Solve(multipliers) is { } solved ? solved.Flows : null;

    private (long ScaledBound, long[] Slopes)? Evaluate(long[] multipliers)
    {
        if (Solve(multipliers) is not { } solved)
        {
            return null;
        }

        var (scaledBound, flows) = solved;
        var slopes = new long[MultiplierCount];
        for (var p = 0; p < candidates.Pairs.Count; p++)
        {
            foreach (var g in groupsOfPair[p])
            {
                slopes[g] += flows[p];
            }
        }

        for (var g = 0; g < groups.Count; g++)
        {
            var values = groups[g].Value;
            var (bestValue, bestCount) = (long.MinValue, 0);
            for (var k = 0; k < values.Length; k++)
            {
                var value = (values[k] * Scale) - (multipliers[g] * k);
                if (value > bestValue)
                {
                    (bestValue, bestCount) = (value, k);
                }
            }

            scaledBound += bestValue;
            slopes[g] -= bestCount;
        }

        // ∂L/∂μ = seats − children the flow places in the district.
        for (var s = 0; s < seatLimits.Count; s++)
        {
            scaledBound += multipliers[groups.Count + s] * seatLimits[s];
            slopes[groups.Count + s] += seatLimits[s];
        }

        for (var p = 0; p < candidates.Pairs.Count; p++)
        {
            if (seatLimitOfPair[p] >= 0)
            {
                slopes[groups.Count + seatLimitOfPair[p]] -= flows[p] * Representative(p).SchoolAgeChildren;
            }
        }

        return (scaledBound, slopes);
    }

    /// <summary>The flow part of L(λ) in 64ths and the flow on each pair; null if the flow fails.</summary>
    private (long ScaledValue, long[] Flows)? Solve(long[] multipliers)
    {
        var types = candidates.Types.Count;
        var units = candidates.Units.Count;
        var source = 0;
        var sink = types + units + 1;
        var total = candidates.Types.Sum(t => t.Members.Count);
        var flow = new MinCostFlow();
        for (var t = 0; t < types; t++)
        {
            foreach (var value in HousedValues[t])
            {
                flow.AddArcWithCapacityAndUnitCost(source, 1 + t, 1, -value * Scale);
            }
        }

        var pairArcs = new int[candidates.Pairs.Count];
        for (var p = 0; p < candidates.Pairs.Count; p++)
        {
            var pair = candidates.Pairs[p];
            var scaledPoints = (pair.Points * Scale) + groupsOfPair[p].Sum(g => multipliers[g]);
            if (seatLimitOfPair[p] >= 0)
            {
                scaledPoints -= multipliers[groups.Count + seatLimitOfPair[p]] * Representative(p).SchoolAgeChildren;
            }

            pairArcs[p] = flow.AddArcWithCapacityAndUnitCost(1 + pair.Type, 1 + types + pair.Unit, pair.Capacity, -scaledPoints);
        }

        for (var u = 0; u < units; u++)
        {
            var unit = candidates.Units[u];
            flow.AddArcWithCapacityAndUnitCost(1 + types + u, sink, unit.IsSharedRoom ? unit.Beds : 1, 0);
        }

        flow.AddArcWithCapacityAndUnitCost(source, sink, total, 0);
        flow.SetNodeSupply(source, total);
        flow.SetNodeSupply(sink, -total);
        if (flow.Solve() != MinCostFlowBase.Status.OPTIMAL)
        {
            // Costs out of the flow solver's range: no bound from here; the MIP's, if any, stands.
            return null;
        }

        return (-flow.OptimalCost(), [.. pairArcs.Select(flow.Flow)]);
    }

    private void AddGroups(Func<int, string> keyOf, Func<string, Func<int, long>> valueOf, Func<int, bool> belongs)
    {
        var byKey = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var p = 0; p < candidates.Pairs.Count; p++)
        {
            if (belongs(p))
            {
                var key = keyOf(p);
                if (!byKey.TryGetValue(key, out var list))
                {
                    list = [];
                    byKey[key] = list;
                }

                list.Add(p);
            }
        }

        foreach (var (key, pairs) in byKey)
        {
            var members = pairs.Select(p => candidates.Pairs[p].Type).Distinct().Sum(t => candidates.Types[t].Members.Count);
            var capacity = pairs.Select(p => candidates.Pairs[p].Unit).Distinct()
                .Sum(u => candidates.Units[u].IsSharedRoom ? candidates.Units[u].Beds : 1);
            var value = valueOf(key);
            var g = groups.Count;
            groups.Add(([.. Enumerable.Range(0, Math.Min(members, capacity) + 1).Select(value)], pairs));
            foreach (var p in pairs)
            {
                groupsOfPair[p].Add(g);
            }
        }
    }

    private PlacementHousehold Representative(int pair) => candidates.Types[candidates.Pairs[pair].Type].Representative;
}

using Indgang.Placement.Scoring;
using Indgang.Placement.Solving;

namespace Indgang.Placement.Tests;

public class PlanStateTests
{
    [Fact]
    public void Score_AfterRandomMoves_EqualsTheObjectiveOfThePlan()
    {
        for (var seed = 300; seed < 310; seed++)
        {
            var request = RandomInstances.Small(seed);
            var index = PlacementIndex.For(request);
            var state = new PlanState(index, new CandidatePairs(index));
            RandomMoves(state, seed);

            var plan = state.Assignment();
            Assert.Equal(PlacementObjective.Evaluate(request, plan), state.Score);
            Assert.Empty(HardConstraints.Violations(request, plan));
        }
    }

    /// <summary>200 seeded moves: a housed household leaves, an unhoused one takes a random unit that fits.</summary>
    internal static void RandomMoves(PlanState state, int seed)
    {
        var random = new Random(seed);
        for (var move = 0; move < 200; move++)
        {
            var household = random.Next(state.Households.Count);
            if (state.UnitOf[household] >= 0)
            {
                state.Remove(household);
                continue;
            }

            var fitting = state.CandidateUnits(household).Where(u => state.Fits(household, u)).ToList();
            if (fitting.Count > 0)
            {
                state.Add(household, fitting[random.Next(fitting.Count)]);
            }
        }
    }
}

namespace Indgang.Placement.Tests;

public class DebugTests(Xunit.Abstractions.ITestOutputHelper output)
{
    [Fact]
    public void Debug_Seed4()
    {
        var request = RandomInstances.Tiny(4);
        foreach (var h in request.Households) output.WriteLine(h.ToString() + " children " + string.Join(",", h.ChildAges));
        foreach (var u in request.Units) output.WriteLine(u.ToString());
        foreach (var d in request.Districts) output.WriteLine(d.ToString());
        foreach (var o in request.Occupants) output.WriteLine(o.ToString());
        output.WriteLine("excl " + string.Join(";", request.Exclusions) + " prev " + string.Join(";", request.PreviousSuggestions!));
        var result = PlacementOptimizer.Solve(request);
        output.WriteLine($"opt {result.Objective} bound {result.Bound} {result.Status}");
        foreach (var s in result.Suggestions) output.WriteLine($"{s.HouseholdId}->{s.UnitId}: " + string.Join("; ", s.Terms.Select(t => $"{t.Code} {t.Points}")));
    }
}

namespace Indgang.Placement.Scoring;

/// <summary>
/// Turns population shares into whole-household targets (largest-remainder method), so that spread is measured in
/// households and stays integer. The total is everyone already housed plus everyone the plan can house.
/// </summary>
internal static class DistrictTargetApportionment
{
    public static IReadOnlyDictionary<string, int>? Targets(IReadOnlyList<PlacementDistrict> districts, int households)
    {
        var shareSum = districts.Sum(d => Math.Max(0, d.PopulationShare));
        if (districts.Count == 0 || shareSum <= 0)
        {
            return null;
        }

        var exact = districts.Select(d => Math.Max(0, d.PopulationShare) / shareSum * households).ToList();
        var targets = exact.Select(x => (int)Math.Floor(x)).ToArray();
        var leftover = households - targets.Sum();
        var byRemainder = Enumerable.Range(0, districts.Count)
            .OrderByDescending(i => exact[i] - targets[i])
            .ThenBy(i => i)
            .Take(leftover);
        foreach (var i in byRemainder)
        {
            targets[i]++;
        }

        var result = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < districts.Count; i++)
        {
            result[districts[i].Name] = result.GetValueOrDefault(districts[i].Name) + targets[i];
        }

        return result;
    }
}

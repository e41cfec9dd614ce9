namespace Indgang.Placement.Generation;

/// <summary>
/// Seeded, realistic-looking placement instances for the benchmark, the tests and demo data: Danish district names,
/// the languages refugees in Denmark speak, 2023 rent caps per household type, and unit rents and distances that
/// vary by district. The same seed always gives the same instance.
/// </summary>
public sealed class SyntheticInstances
{
    public static readonly DateOnly PlanningDate = new(2026, 1, 5);

    private static readonly string[] DistrictNames =
    [
        "Lillerød", "Blovstrød", "Lynge", "Engholm", "Kollerød", "Uggeløse",
        "Ravnsnæs", "Nymølle", "Bregnerød", "Tokkekøb", "Sandholm", "Kongevejen",
        "Ny Hammersholt", "Bastrup", "Farum Øst", "Vassingerød",
    ];

    private static readonly (string Language, double Weight)[] Languages =
    [
        ("arabisk", 0.28), ("tigrinya", 0.18), ("dari", 0.14), ("ukrainsk", 0.16),
        ("somali", 0.09), ("kurdisk", 0.08), ("farsi", 0.07),
    ];

    private readonly Random random;
    private readonly InstanceShape shape;
    private readonly List<PlacementDistrict> districts;
    private readonly double[] districtCentrality;

    public SyntheticInstances(InstanceShape shape, int seed)
    {
        ArgumentNullException.ThrowIfNull(shape);
        this.shape = shape;
        random = new Random(seed);
        var count = Math.Clamp(shape.Districts, 1, DistrictNames.Length);
        var weights = Enumerable.Range(0, count).Select(_ => 1 + (4 * random.NextDouble())).ToArray();
        districts = [.. Enumerable.Range(0, count).Select(i => new PlacementDistrict(DistrictNames[i], weights[i] / weights.Sum()))];
        districtCentrality = [.. Enumerable.Range(0, count).Select(_ => 0.5 + random.NextDouble())];
    }

    public IReadOnlyList<PlacementDistrict> Districts => districts;

    public static PlacementRequest Request(InstanceShape shape, int seed, TimeSpan timeLimit)
    {
        var generator = new SyntheticInstances(shape, seed);
        return generator.Request(timeLimit);
    }

    public PlacementRequest Request(TimeSpan timeLimit)
    {
        var households = Enumerable.Range(1, shape.Households).Select(i => Household($"H{i:D4}")).ToList();
        var units = Enumerable.Range(1, shape.Units).Select(i => Unit($"U{i:D4}", PlanningDate)).ToList();
        var occupants = Enumerable.Range(0, (int)(shape.Households * shape.OccupantsPerHousehold)).Select(_ => Occupant()).ToList();
        return new PlacementRequest(
            households, units, DistrictsWithSeats(households), occupants, PlacementWeights.Default, PlanningDate,
            [], [], null, timeLimit);
    }

    public PlacementHousehold Household(string id)
    {
        var language = Language();
        var waited = (int)(-45 * Math.Log(1 - random.NextDouble()));
        var kind = random.NextDouble();
        var singleShare = shape.SingleAdultShare;
        var rest = (1 - singleShare) / 0.62;
        if (kind < singleShare)
        {
            var gender = random.NextDouble() < 0.65 ? PlacementGender.Male : PlacementGender.Female;
            return new PlacementHousehold(id, 1, [], language, NeedsStepFree(), waited, 2467m, gender);
        }

        if (kind < singleShare + (0.12 * rest))
        {
            return new PlacementHousehold(id, 2, [], language, NeedsStepFree(), waited, 4520m);
        }

        var adults = kind < singleShare + (0.24 * rest) ? 1 : 2;
        var children = Enumerable.Range(0, 1 + (int)(random.NextDouble() * random.NextDouble() * 5)).Select(_ => random.Next(0, 18)).ToList();
        var cap = adults == 1 ? 2467m : children.Count <= 3 ? 4932m : 5343m;
        return new PlacementHousehold(id, adults, children, language, NeedsStepFree(), waited, cap);
    }

    public PlacementUnit Unit(string id, DateOnly availableBy)
    {
        var districtIndex = PickDistrict();
        var shared = random.NextDouble() < shape.SharedRoomUnitShare;
        var beds = shared ? random.Next(2, 5) : Beds();
        var rent = shared ? Rent(1700, 2400) : beds switch
        {
            1 => Rent(1900, 3300),
            2 => Rent(2200, 4700),
            3 => Rent(2300, 5100),
            _ => Rent(3300, 5500),
        };
        var centrality = districtCentrality[districtIndex];
        var availableFrom = random.NextDouble() < shape.NotYetAvailableShare
            ? availableBy.AddDays(random.Next(1, 60))
            : availableBy.AddDays(-random.Next(0, 90));
        return new PlacementUnit(
            id,
            districts[districtIndex].Name,
            beds,
            IsPermanent: !shared && random.NextDouble() >= shape.TemporaryUnitShare,
            IsSharedRoom: shared,
            rent,
            StepFree: random.NextDouble() < shape.StepFreeUnitShare,
            SchoolMetres: Metres(150, 2600, centrality),
            DaycareMetres: Metres(100, 2200, centrality),
            TransportMetres: Metres(50, 1800, centrality),
            ShopsMetres: Metres(100, 2400, centrality),
            InVulnerableArea: random.NextDouble() < shape.VulnerableUnitShare,
            availableFrom);
    }

    public CurrentOccupant Occupant() =>
        new(districts[PickDistrict()].Name, Language(), random.NextDouble() < 0.5);

    private List<PlacementDistrict> DistrictsWithSeats(List<PlacementHousehold> households)
    {
        if (shape.SchoolSeatsPerExpectedChild is not { } seatsPerChild)
        {
            return districts;
        }

        var children = households.Sum(h => h.SchoolAgeChildren);
        return [.. districts.Select(d => d with { FreeSchoolSeats = (int)Math.Round(seatsPerChild * children * d.PopulationShare) })];
    }

    private string Language()
    {
        if (shape.DominantLanguageShare is { } dominant && random.NextDouble() < dominant)
        {
            return Languages[0].Language;
        }

        var roll = random.NextDouble() * Languages.Sum(l => l.Weight);
        foreach (var (language, weight) in Languages)
        {
            roll -= weight;
            if (roll < 0)
            {
                return language;
            }
        }

        return Languages[^1].Language;
    }

    private bool NeedsStepFree() => random.NextDouble() < shape.NeedsStepFreeShare;

    private int PickDistrict()
    {
        var roll = random.NextDouble();
        for (var i = 0; i < districts.Count; i++)
        {
            // Housing stock follows population only roughly: some districts have more vacant units than their share.
            roll -= districts[i].PopulationShare;
            if (roll < 0)
            {
                return random.NextDouble() < 0.25 ? random.Next(districts.Count) : i;
            }
        }

        return districts.Count - 1;
    }

    private int Beds()
    {
        double[] cumulative = shape.TightBeds ? [0.40, 0.75, 0.90, 0.97, 1.0] : [0.22, 0.48, 0.70, 0.86, 0.95];
        var roll = random.NextDouble();
        var index = Array.FindIndex(cumulative, c => roll < c);
        return 1 + (index < 0 ? cumulative.Length : index);
    }

    private decimal Rent(int low, int high) => Math.Round((decimal)(low + (random.NextDouble() * (high - low))) / 10m) * 10m;

    private int Metres(int low, int high, double centrality) =>
        (int)Math.Round((low + (random.NextDouble() * (high - low))) * centrality / 10) * 10;
}

using Indgang.Domain.Housing;

namespace Indgang.Bench;

/// <summary>
/// A grown housing stock for the pages benchmark, on the demo's sites: temporary flats in the pavilions and the old
/// school (rents under the rent caps, so any household may be housed in them), a few shared rooms in the shared
/// housing, and permanent flats with the housing association. Most have been the municipality's for five years, some
/// were added since, and a few are still being made ready.
/// </summary>
internal static class StockGenerator
{
    private static readonly (int Rooms, int Beds, int Weight)[] TemporaryShapes = [(1, 1, 22), (1, 2, 8), (2, 3, 25), (3, 4, 18), (3, 5, 12), (4, 6, 10), (5, 7, 5)];
    private static readonly (int Rooms, int Beds, int Weight)[] PermanentShapes = [(2, 2, 20), (2, 3, 20), (3, 4, 25), (4, 5, 20), (4, 6, 15)];

    public static IReadOnlyList<HousingUnit> Create(int units, IReadOnlyList<HousingSite> sites, DateOnly today, Random random)
    {
        var temporary = sites.Where(s => s.Kind is SiteKind.Pavilion or SiteKind.MunicipalBuilding).ToList();
        var shared = sites.FirstOrDefault(s => s.Kind == SiteKind.SharedHousing) ?? temporary[0];
        var association = sites.FirstOrDefault(s => s.Kind == SiteKind.HousingAssociation) ?? temporary[0];
        var stock = new List<HousingUnit>();
        var (pavilions, flats, rooms, permanent) = (0, 0, 0, 0);
        for (var i = 0; i < units; i++)
        {
            var kind = random.NextDouble();
            HousingUnit unit;
            if (kind < 0.05)
            {
                // Demo labels go up to "Værelse 1".
                unit = new HousingUnit(shared.Id, $"Værelse {++rooms + 1}", 1, 2, Rent(1800, 2200, random)) { IsSharedRoom = true };
            }
            else if (kind < 0.25)
            {
                var (r, beds, _) = Shape(PermanentShapes, random);
                var n = permanent++;
                // Demo labels are "Nr. 7" and "Nr. 9"; these start at Nr. 11.
                unit = new HousingUnit(association.Id, $"Nr. {11 + (n / 6)}, {(n % 6 / 2 == 0 ? "st." : $"{n % 6 / 2}.")} {(n % 2 == 0 ? "tv." : "th.")}", r, beds, Rent(5200, 9000, random))
                {
                    IsPermanent = true,
                    Lift = random.NextDouble() < 0.3,
                };
            }
            else
            {
                var (r, beds, _) = Shape(TemporaryShapes, random);
                var site = temporary[i % temporary.Count];
                // Demo labels are "Pavillon A–C" and "Lejlighed 1–2": these are numbered from 1 and 101.
                var label = site.Kind == SiteKind.Pavilion ? $"Pavillon {++pavilions}" : $"Lejlighed {100 + ++flats}";
                unit = new HousingUnit(site.Id, label, r, beds, Rent(1500, 2350, random));
            }

            unit.AvailableFrom = random.NextDouble() switch
            {
                < 0.60 => today.AddYears(-5).AddDays(-60),
                < 0.95 => today.AddDays(-random.Next(5 * 365)),
                _ => today.AddDays(14 + random.Next(107)),
            };
            unit.StepFree = random.NextDouble() < 0.3;
            unit.GroundFloor = unit.StepFree || random.NextDouble() < 0.4;
            unit.TransportMetres = Metres(100, 2000, random);
            unit.SchoolMetres = Metres(200, 2500, random);
            unit.DaycareMetres = Metres(150, 2000, random);
            unit.ShopsMetres = Metres(100, 1500, random);
            stock.Add(unit);
        }

        return stock;
    }

    /// <summary>Monthly rent in whole fifties.</summary>
    private static decimal Rent(int from, int to, Random random) => (from + random.Next(to - from + 1)) / 50 * 50;

    private static int Metres(int from, int to, Random random) => (from + random.Next(to - from + 1)) / 10 * 10;

    private static (int Rooms, int Beds, int Weight) Shape((int Rooms, int Beds, int Weight)[] shapes, Random random)
    {
        var roll = random.Next(shapes.Sum(s => s.Weight));
        foreach (var shape in shapes)
        {
            if ((roll -= shape.Weight) < 0)
            {
                return shape;
            }
        }

        return shapes[^1];
    }
}

using Indgang.Domain.Housing;
using Indgang.Domain.Municipalities;

namespace Indgang.Web.DemoData;

/// <summary>A small fictitious housing stock spread over Allerød's towns.</summary>
internal static class DemoHousing
{
    /// <summary>Persons the demo municipality is to receive this year and next (fictitious).</summary>
    public const int QuotaThisYear = 8;

    public const int QuotaNextYear = 30;

    public static IEnumerable<(HousingSite Site, HousingUnit[] Units)> Create(IReadOnlyDictionary<string, Town> towns, DateOnly today)
    {
        // Pavillon A and B, and Lejlighed 1, have been ours for years: households that have moved on to a permanent home
        // lived there (DemoFormerResidents). They are free again: a move-out makes a unit free from its day.
        var years = today.AddDays(-DemoFormerResidents.StockInUseDaysAgo);
        var pavilion = new HousingSite("Pavillonerne ved Lillerød Idrætscenter", SiteKind.Pavilion, towns["Lillerød"].Id, "Banevej 12, 3450 Allerød");
        yield return (pavilion,
        [
            Unit(pavilion, "Pavillon A", rooms: 3, beds: 5, rent: 4100, years, stepFree: true, transport: 400, school: 600, daycare: 500, shops: 300),
            Unit(pavilion, "Pavillon B", rooms: 2, beds: 3, rent: 2400, years, stepFree: true, transport: 400, school: 600, daycare: 500, shops: 300),
            Unit(pavilion, "Pavillon C", rooms: 2, beds: 4, rent: 2450, today.AddDays(30), stepFree: false, transport: 450, school: 650, daycare: 520, shops: 350),
        ]);

        var school = new HousingSite("Den gamle skole, Blovstrød", SiteKind.MunicipalBuilding, towns["Blovstrød"].Id, "Skolevej 4, 3450 Allerød");
        var blocked = Unit(school, "Lejlighed 2", rooms: 2, beds: 3, rent: 3800, today, stepFree: false, transport: 900, school: 300, daycare: 700, shops: 800);
        blocked.Block("Vandskade – under udbedring");
        // In use for a long time; the demo's resident couple lives here (DemoResident).
        var lived = Unit(school, DemoResident.UnitLabel, rooms: 2, beds: 2, rent: 3900, today.AddDays(-400), stepFree: false, transport: 900, school: 300, daycare: 700, shops: 800);
        yield return (school,
        [
            Unit(school, "Lejlighed 1", rooms: 3, beds: 5, rent: 4600, years, stepFree: true, transport: 900, school: 300, daycare: 700, shops: 800),
            blocked,
            lived,
        ]);

        var shared = new HousingSite("Delebolig Lynge", SiteKind.SharedHousing, towns["Lynge"].Id, "Lyngevej 88, 3540 Lynge");
        var room = Unit(shared, "Værelse 1", rooms: 1, beds: 2, rent: 2100, today, stepFree: true, transport: 1500, school: 1200, daycare: 1300, shops: 600);
        room.IsSharedRoom = true;
        yield return (shared, [room]);

        var association = new HousingSite("Engholm Boligselskab", SiteKind.HousingAssociation, towns["Engholm"].Id, "Engholm Allé 7, 3450 Allerød");
        var permanent = Unit(association, "Nr. 7, 2. th.", rooms: 4, beds: 6, rent: 7800, today.AddDays(14), stepFree: true, transport: 700, school: 450, daycare: 400, shops: 500);
        permanent.IsPermanent = true;
        permanent.Lift = true;
        var vulnerable = Unit(association, "Nr. 9, st. tv.", rooms: 3, beds: 4, rent: 6100, today, stepFree: true, transport: 700, school: 450, daycare: 400, shops: 500);
        vulnerable.IsPermanent = true;
        vulnerable.InVulnerableArea = true;
        yield return (association, [permanent, vulnerable]);
    }

    private static HousingUnit Unit(HousingSite site, string label, int rooms, int beds, decimal rent, DateOnly availableFrom, bool stepFree, int transport, int school, int daycare, int shops) =>
        new(site.Id, label, rooms, beds, rent)
        {
            AvailableFrom = availableFrom,
            StepFree = stepFree,
            GroundFloor = stepFree,
            TransportMetres = transport,
            SchoolMetres = school,
            DaycareMetres = daycare,
            ShopsMetres = shops,
        };
}

using Indgang.Domain.Housing;
using Indgang.Web.Data;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Indgang.Web.Features.Housing;

public sealed record UnitRow(HousingUnit Unit, string SiteName, SiteKind SiteKind, string Town);

public sealed record SiteRow(HousingSite Site, string Town);

/// <summary>The housing stock (HOUSE-1): every unit with its place, size, rent, accessibility and status, and the sites.</summary>
public sealed class IndexModel(IndgangDbContext db, TimeProvider clock) : PageModel
{
    public IReadOnlyList<UnitRow> Units { get; private set; } = [];

    /// <summary>Every site, also one without units yet, so that each can be corrected.</summary>
    public IReadOnlyList<SiteRow> Sites { get; private set; } = [];
    public int FreeBeds { get; private set; }
    public int TotalBeds { get; private set; }
    public DateOnly Today => DateOnly.FromDateTime(clock.GetLocalNow().DateTime);

    public async Task OnGetAsync()
    {
        Units = await (
            from u in db.HousingUnits.AsNoTracking()
            join s in db.HousingSites.AsNoTracking() on u.SiteId equals s.Id
            join t in db.Towns.AsNoTracking() on s.TownId equals t.Id
            orderby t.Name, s.Name, u.Label
            select new UnitRow(u, s.Name, s.Kind, t.Name)).ToListAsync();
        Sites = await (
            from s in db.HousingSites.AsNoTracking()
            join t in db.Towns.AsNoTracking() on s.TownId equals t.Id
            orderby t.Name, s.Name
            select new SiteRow(s, t.Name)).ToListAsync();
        TotalBeds = Units.Where(r => r.Unit.IsUsable).Sum(r => r.Unit.Beds);
        FreeBeds = Units.Where(r => r.Unit.IsUsable).Sum(r => r.Unit.FreeBeds);
    }

    public static string KindText(SiteKind kind) => kind switch
    {
        SiteKind.MunicipalBuilding => "Kommunal bygning",
        SiteKind.Pavilion => "Pavillon",
        SiteKind.SharedHousing => "Delebolig",
        SiteKind.PrivateLease => "Privat lejemål",
        SiteKind.HousingAssociation => "Almen bolig",
        _ => kind.ToString(),
    };
}

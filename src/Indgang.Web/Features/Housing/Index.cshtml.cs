using Indgang.Domain.Housing;
using Indgang.Web.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Indgang.Web.Features.Housing;

public sealed record UnitRow(HousingUnit Unit, string SiteName, SiteKind SiteKind, string Town);

public sealed record SiteRow(HousingSite Site, string Town);

/// <summary>
/// The housing stock (HOUSE-1): the units the filter lets through with their place, size, rent, accessibility and
/// status, the free beds of the whole stock, and every site.
/// </summary>
public sealed class IndexModel(IndgangDbContext db, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public UnitFilterInput Filter { get; set; } = new();

    public IReadOnlyList<SelectListItem> Towns { get; private set; } = [];
    public IReadOnlyList<UnitRow> Units { get; private set; } = [];

    /// <summary>How many units the whole stock has, filtered or not.</summary>
    public int StockCount { get; private set; }

    /// <summary>Every site, also one without units yet, so that each can be corrected.</summary>
    public IReadOnlyList<SiteRow> Sites { get; private set; } = [];
    public int FreeBeds { get; private set; }
    public int TotalBeds { get; private set; }
    public DateOnly Today => DateOnly.FromDateTime(clock.GetLocalNow().DateTime);

    public async Task OnGetAsync()
    {
        var towns = await db.Towns.AsNoTracking()
            .Where(t => db.HousingSites.Any(s => s.TownId == t.Id))
            .OrderBy(t => t.Name)
            .Select(t => new { t.Id, t.Name })
            .ToListAsync();
        Towns = [new("Alle", ""), .. towns.Select(t => new SelectListItem(t.Name, t.Id.ToString()))];

        var (filter, errors) = Filter.Read(towns.ConvertAll(t => t.Id));
        foreach (var (field, message) in errors)
        {
            // A value the binder could not read already has its message (the step-free box); one is enough.
            if (ModelState.GetFieldValidationState($"{nameof(Filter)}.{field}") != ModelValidationState.Invalid)
            {
                ModelState.AddModelError($"{nameof(Filter)}.{field}", message);
            }
        }

        Units = await (
            from u in filter.Apply(db.HousingUnits.AsNoTracking(), db.HousingSites, Today)
            join s in db.HousingSites.AsNoTracking() on u.SiteId equals s.Id
            join t in db.Towns.AsNoTracking() on s.TownId equals t.Id
            orderby t.Name, s.Name, u.Label
            select new UnitRow(u, s.Name, s.Kind, t.Name)).ToListAsync();
        Sites = await (
            from s in db.HousingSites.AsNoTracking()
            join t in db.Towns.AsNoTracking() on s.TownId equals t.Id
            orderby t.Name, s.Name
            select new SiteRow(s, t.Name)).ToListAsync();

        // The free beds are the whole stock's, whatever the filter shows (read again only when the filter narrowed the list).
        var stock = filter == UnitFilter.None ? Units.Select(r => r.Unit).ToList() : await db.HousingUnits.AsNoTracking().ToListAsync();
        StockCount = stock.Count;
        (FreeBeds, TotalBeds) = HousingUnit.UsableBeds(stock);
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

using System.Globalization;
using Indgang.Domain.Housing;
using Indgang.Web.Data;
using Indgang.Web.Platform;
using Indgang.Web.Platform.Paging;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Indgang.Web.Features.Housing;

public sealed record SiteRow(HousingSite Site, string Town);

/// <summary>
/// The housing stock (HOUSE-1): the units the filter lets through with their place, size, rent, accessibility and
/// status, <see cref="PageSize"/> at a time; the free beds of the whole stock, and every site; every unit the filter
/// lets through also as a CSV file ("Hent som CSV").
/// </summary>
public sealed class IndexModel(IndgangDbContext db, TimeProvider clock) : PageModel
{
    /// <summary>How many units a page of the list shows: a municipality's whole stock can run to a thousand.</summary>
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true)]
    public UnitFilterInput Filter { get; set; } = new();

    /// <summary>The page of the list asked for, as it came in the address (<see cref="Pagination.Of"/> reads it).</summary>
    [BindProperty(SupportsGet = true, Name = "Side")]
    public string? RequestedPage { get; set; }

    public IReadOnlyList<SelectListItem> Towns { get; private set; } = [];

    /// <summary>The page's units: a page of those the filter lets through.</summary>
    public IReadOnlyList<UnitRow> Units { get; private set; } = [];

    /// <summary>Which page of the units the filter lets through is shown, and how many it lets through.</summary>
    public Pagination Pages { get; private set; } = Pagination.Of(null, PageSize, 0);

    /// <summary>How many units the whole stock has, filtered or not.</summary>
    public int StockCount { get; private set; }

    /// <summary>Every site, also one without units yet, so that each can be corrected.</summary>
    public IReadOnlyList<SiteRow> Sites { get; private set; } = [];
    public int FreeBeds { get; private set; }
    public int TotalBeds { get; private set; }
    public DateOnly Today => clock.Today();

    /// <summary>Where "Hent som CSV" gets every unit this filter lets through, not only the page's: the export handler with the filter as typed.</summary>
    public string CsvUrl => QueryHelpers.AddQueryString("/Housing", FilterAddress().Prepend(new("handler", "Csv")));

    /// <summary>A page of the list, with the filter as typed kept.</summary>
    public string AddressOf(int page) =>
        QueryHelpers.AddQueryString("/Housing", FilterAddress().Append(new("Side", page.ToString(CultureInfo.InvariantCulture))));

    private IEnumerable<KeyValuePair<string, string?>> FilterAddress() => new Dictionary<string, string?>
    {
        [$"{nameof(Filter)}.{nameof(Filter.Town)}"] = Filter.Town,
        [$"{nameof(Filter)}.{nameof(Filter.Type)}"] = Filter.Type,
        [$"{nameof(Filter)}.{nameof(Filter.Status)}"] = Filter.Status,
        [$"{nameof(Filter)}.{nameof(Filter.StepFree)}"] = Filter.StepFree ? "true" : null,
        [$"{nameof(Filter)}.{nameof(Filter.MinFreeBeds)}"] = Filter.MinFreeBeds,
        [$"{nameof(Filter)}.{nameof(Filter.Search)}"] = Filter.Search,
    }.Where(p => !string.IsNullOrWhiteSpace(p.Value));

    public async Task OnGetAsync() => await ShowAsync(await ReadFilterAsync());

    /// <summary>
    /// The units the filter shows as a CSV file the import reads (<see cref="UnitCsvExport"/>). A filter with a field
    /// that cannot be read gives no file but the page, with the field's error: the file would otherwise hold other
    /// units than were asked for.
    /// </summary>
    public async Task<IActionResult> OnGetCsvAsync()
    {
        var filter = await ReadFilterAsync();
        if (!ModelState.IsValid)
        {
            await ShowAsync(filter);
            return Page();
        }

        var today = Today;
        var units = await StockList.UnitsAsync(db, filter, today, HttpContext.RequestAborted);
        var sharedBedsTaken = await SharedRoomResidents.BedsTakenFromAsync(db, today, null, HttpContext.RequestAborted);
        var reserved = await UnitReservations.OnAsync(db, today, null, HttpContext.RequestAborted);
        return File(UnitCsvExport.Write(units, today, sharedBedsTaken, reserved), "text/csv; charset=utf-8", $"boliger-{today:yyyy-MM-dd}.csv");
    }

    /// <summary>The towns to choose from, and the filter the form's readable fields give; each other field gets its error.</summary>
    private async Task<UnitFilter> ReadFilterAsync()
    {
        var towns = await StockList.TownsAsync(db);
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

        return filter;
    }

    private async Task ShowAsync(UnitFilter filter)
    {
        var units = await StockList.UnitsQueryAsync(db, filter, Today, HttpContext.RequestAborted);
        Pages = Pagination.Of(RequestedPage, PageSize, await units.CountAsync());
        Units = await units.Skip(Pages.RowsBefore).Take(Pages.PageSize).ToListAsync();
        Sites = await (
            from s in db.HousingSites.AsNoTracking()
            join t in db.Towns.AsNoTracking() on s.TownId equals t.Id
            orderby t.Name, s.Name
            select new SiteRow(s, t.Name)).ToListAsync();

        // The free beds are the whole stock's, whatever the filter and the page show.
        var stock = await db.HousingUnits.AsNoTracking().ToListAsync();
        StockCount = stock.Count;
        SharedBedsTaken = await SharedRoomResidents.BedsTakenFromAsync(db, Today, null, HttpContext.RequestAborted);
        (FreeBeds, TotalBeds) = HousingUnit.UsableBeds(stock, Today, SharedBedsTaken);
        Reservations = await UnitReservations.OnAsync(db, Today, null, HttpContext.RequestAborted);
    }

    /// <summary>The units nobody lives in today that a household is to move into, with its day (<see cref="UnitReservations"/>).</summary>
    private Dictionary<Guid, DateOnly> Reservations { get; set; } = [];

    /// <summary>The day the first household moves into the unit, when nobody lives there today; else null.</summary>
    public DateOnly? ReservedFrom(HousingUnit unit)
    {
        ArgumentNullException.ThrowIfNull(unit);
        return Reservations.TryGetValue(unit.Id, out var day) ? day : null;
    }

    /// <summary>The beds taken in each shared room from today on, by room (<see cref="SharedRoomResidents.BedsTakenFromAsync"/>).</summary>
    private Dictionary<Guid, int> SharedBedsTaken { get; set; } = [];

    /// <summary>The unit's beds to give today, as the free beds above count them (<see cref="HousingUnit.BedsToGiveOn"/>).</summary>
    public int BedsToGive(HousingUnit unit)
    {
        ArgumentNullException.ThrowIfNull(unit);
        return unit.BedsToGiveOn(Today, SharedBedsTaken.GetValueOrDefault(unit.Id));
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

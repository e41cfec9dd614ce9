using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Indgang.Domain.Audit;
using Indgang.Domain.Housing;
using Indgang.Web.Audit;
using Indgang.Web.Data;
using Indgang.Web.Platform;
using Indgang.Web.Platform.Forms;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Indgang.Web.Features.Housing;

/// <summary>
/// Temporary-housing capacity 12 months ahead, and the first month with a shortfall (HOUSE-4); and the yearly quotas it
/// is built on, set here. Every quota change is audited. A quota saved by someone else since the page was opened is not
/// overwritten unseen: it is shown beside the field, and »Gem kvote« saves over it (<see cref="Version"/>).
/// </summary>
public sealed class ForecastModel(ForecastQuery query, IndgangDbContext db, AuditLog audit, TimeProvider clock, IStringLocalizer<SharedResource> T) : PageModel
{
    public ForecastResult Result { get; private set; } = null!;
    public ForecastInput Input { get; private set; } = null!;
    public int? MedianStayDays { get; private set; }
    public IReadOnlyList<MunicipalQuota> Quotas { get; private set; } = [];

    /// <summary>Family members to join waiting or temporarily housed households (<see cref="ForecastQuery.FamilyToJoinAsync"/>).</summary>
    public int FamilyToJoin { get; private set; }

    [BindProperty, Display(Name = "året", Prompt = "2026")]
    public int? QuotaYear { get; set; }

    [BindProperty, Display(Name = "antal personer", Prompt = "40")]
    public int? QuotaPersons { get; set; }

    /// <summary>
    /// The version of the quotas the page showed (<see cref="ShownVersion"/> of every year's quota), compared with those
    /// saved when the form is sent. Not a Guid counts as stale.
    /// </summary>
    [BindProperty]
    public Guid? Version { get; set; }

    /// <summary>In the error summary when the quotas saved now are not those the page showed.</summary>
    public const string SavedByOtherMessage =
        "Kvoterne er ikke de samme, som da du åbnede siden: en anden har gemt en kvote, mens du skrev. Den gemte kvote for året står ved feltet, hvis den er en anden end din. Tryk »Gem kvote« igen for at gemme din i stedet.";

    /// <summary>Housing coordinators set the quota; managers read the forecast only (<see cref="Identity.Policies.HousingForecast"/>).</summary>
    public bool MaySetQuota => User.IsInRole(Identity.Roles.HousingCoordinator);

    public async Task OnGetAsync()
    {
        await LoadAsync();
        Version = Shown(Quotas);
    }

    public async Task<IActionResult> OnPostQuotaAsync()
    {
        if (!MaySetQuota)
        {
            return Forbid();
        }

        // A field whose typed value was no number has its refusal from binding (NumberFieldRefusal) and no second one.
        var year = clock.Today().Year;
        if (ModelState[nameof(QuotaYear)]?.Errors.Count is null or 0 && (QuotaYear is not { } y || y < year - 1 || y > year + 5))
        {
            ModelState.AddModelError(nameof(QuotaYear), T["Angiv et år fra {0} til {1}.", year - 1, year + 5].Value);
        }

        if (ModelState[nameof(QuotaPersons)]?.Errors.Count is null or 0 && QuotaPersons is not (>= 0 and <= 100_000))
        {
            ModelState.AddModelError(nameof(QuotaPersons), "Angiv kvoten som et antal personer (0–100.000).");
        }

        ModelState.Remove(nameof(Version));
        if (!ModelState.IsValid)
        {
            await LoadAsync();
            return Page();
        }

        // Refused for a quota saved by another between this request's read and its save (a changed quota, or the year's
        // first set at the same moment): read again, and then shown as saved by another.
        return await db.UntilAnsweredAsync<IActionResult>(TrySaveAsync, SavedByOtherAsync);
    }

    private async Task LoadAsync()
    {
        (Input, MedianStayDays) = await query.BuildAsync();
        Result = CapacityForecast.Compute(Input);
        Quotas = await db.Quotas.AsNoTracking().OrderBy(q => q.Year).ToListAsync();
        FamilyToJoin = await query.FamilyToJoinAsync();
    }

    /// <summary>Bar geometry for the chart: free beds at each month's end around a zero line.</summary>
    public IReadOnlyList<(string Label, int Value, int X, int Y, int Height)> Bars()
    {
        const int top = 20, span = 160;
        var max = Math.Max(1, Result.Months.Max(m => Math.Abs(m.FreeBedsAtEnd)));
        var zero = Result.Months.Any(m => m.FreeBedsAtEnd < 0) ? top + (span / 2) : top + span;
        var scale = (Result.Months.Any(m => m.FreeBedsAtEnd < 0) ? span / 2.0 : span) / max;
        return Result.Months.Select((m, i) =>
        {
            var height = (int)Math.Round(Math.Abs(m.FreeBedsAtEnd) * scale);
            var y = m.FreeBedsAtEnd >= 0 ? zero - height : zero;
            return (m.Month.ToString("MMM yy", System.Globalization.CultureInfo.CurrentCulture), m.FreeBedsAtEnd, 50 + (i * 55), y, Math.Max(height, 1));
        }).ToList();
    }

    public int ZeroLine => Result.Months.Any(m => m.FreeBedsAtEnd < 0) ? 100 : 180;

    /// <summary>The quota saved and logged, or the page with the quota saved by another; null when refused at the same moment.</summary>
    private async Task<IActionResult?> TrySaveAsync()
    {
        var year = QuotaYear!.Value;
        var persons = QuotaPersons!.Value;
        var quotas = await db.Quotas.ToListAsync();
        var quota = quotas.FirstOrDefault(q => q.Year == year);
        if (Shown(quotas) != Version)
        {
            // The same quota as typed here (a double click, say) is simply taken as saved.
            return quota?.Persons == persons ? RedirectToPage() : await SavedByOtherAsync();
        }

        string change;
        if (quota is null)
        {
            db.Quotas.Add(new MunicipalQuota(year, persons));
            change = string.Create(CultureInfo.InvariantCulture, $"{year}: {persons}");
        }
        else if (quota.Persons == persons)
        {
            return RedirectToPage();
        }
        else
        {
            change = string.Create(CultureInfo.InvariantCulture, $"{year}: {quota.Persons} → {persons}");
            quota.Persons = persons;
        }

        if (!await db.SaveUnlessSavedByOtherAsync())
        {
            return null;
        }

        await audit.RecordAsync(AuditAction.QuotaChanged, null, AuditPurpose.Quota, change);
        return RedirectToPage();
    }

    /// <summary>The form with the user's quota, the year's quota saved now beside it, and the version saved now.</summary>
    private async Task<IActionResult> SavedByOtherAsync()
    {
        db.ChangeTracker.Clear();
        await LoadAsync();
        var saved = Quotas.FirstOrDefault(q => q.Year == QuotaYear)?.Persons;
        Version = this.ShowSavedByOther(nameof(Version), Shown(Quotas), SavedByOtherMessage,
            values => values.Field(nameof(QuotaPersons), QuotaPersons, saved));
        return Page();
    }

    /// <summary>The version of the quotas as the page shows them: every year's, in order.</summary>
    private static Guid Shown(IEnumerable<MunicipalQuota> quotas) =>
        ShownVersion.Of(quotas.OrderBy(q => q.Year).Select(q => new[] { q.Year, q.Persons }).ToList());
}

using Indgang.Domain.Housing;
using Indgang.Web.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Indgang.Web.Features.Housing;

/// <summary>Temporary-housing capacity 12 months ahead, and the first month with a shortfall (HOUSE-4).</summary>
public sealed class ForecastModel(ForecastQuery query, IndgangDbContext db, TimeProvider clock) : PageModel
{
    public ForecastResult Result { get; private set; } = null!;
    public ForecastInput Input { get; private set; } = null!;
    public int? MedianStayDays { get; private set; }
    public IReadOnlyList<MunicipalQuota> Quotas { get; private set; } = [];

    /// <summary>Family members to join waiting or temporarily housed households (<see cref="ForecastQuery.FamilyToJoinAsync"/>).</summary>
    public int FamilyToJoin { get; private set; }

    [BindProperty]
    public int? QuotaYear { get; set; }

    [BindProperty]
    public int? QuotaPersons { get; set; }

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostQuotaAsync()
    {
        var year = DateOnly.FromDateTime(clock.GetLocalNow().DateTime).Year;
        if (QuotaYear is not { } y || y < year - 1 || y > year + 5)
        {
            ModelState.AddModelError(nameof(QuotaYear), $"Angiv et år fra {year - 1} til {year + 5}.");
        }

        if (QuotaPersons is not (>= 0 and <= 100_000))
        {
            ModelState.AddModelError(nameof(QuotaPersons), "Angiv kvoten som et antal personer (0 eller flere).");
        }

        if (!ModelState.IsValid)
        {
            await LoadAsync();
            return Page();
        }

        try
        {
            await SetQuotaAsync();
        }
        catch (DbUpdateException exception) when (UniqueViolation.Is(exception))
        {
            // Another set the year's quota for the first time at the same moment: this one is set over it, as when it
            // had come a moment later.
            db.ChangeTracker.Clear();
            await SetQuotaAsync();
        }
        return RedirectToPage();
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

    private async Task SetQuotaAsync()
    {
        var quota = await db.Quotas.FirstOrDefaultAsync(q => q.Year == QuotaYear);
        if (quota is null)
        {
            db.Quotas.Add(new MunicipalQuota(QuotaYear!.Value, QuotaPersons!.Value));
        }
        else
        {
            quota.Persons = QuotaPersons!.Value;
        }

        await db.SaveChangesAsync();
    }
}

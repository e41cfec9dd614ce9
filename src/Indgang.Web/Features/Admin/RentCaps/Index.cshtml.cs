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

namespace Indgang.Web.Features.Admin.RentCaps;

/// <summary>
/// The yearly rent caps for temporary housing (HOUSE-6, integrationsloven § 12), as data an administrator keeps: a year's
/// four caps from that year's order are added, or corrected. A year without caps of its own uses the latest earlier
/// year's (<see cref="Domain.Housing.RentCaps.For"/>), so the new order is entered when it comes. Every change is audited.
/// Caps saved for the year by someone else since the form was opened, or a year that had caps when a blank form was
/// filled in, are not overwritten unseen: they are shown beside the fields, and Gem saves over them (<see cref="Version"/>).
/// </summary>
public sealed class IndexModel(IndgangDbContext db, AuditLog audit, TimeProvider clock, IStringLocalizer<SharedResource> T) : PageModel
{
    /// <summary>The earliest year a cap can be entered for: orders before it are of no case in the system.</summary>
    public const int FirstYear = 2015;

    public static IReadOnlyList<RentCapCategory> Categories { get; } = Enum.GetValues<RentCapCategory>();

    [BindProperty, Display(Name = "året", Prompt = "2026")]
    public int? Year { get; set; }

    [BindProperty, Display(Name = "loftet for enlige")]
    public decimal? SingleAdult { get; set; }

    [BindProperty, Display(Name = "loftet for par uden børn")]
    public decimal? CoupleWithoutChildren { get; set; }

    [BindProperty, Display(Name = "loftet for par med 1–3 børn")]
    public decimal? CoupleWithOneToThreeChildren { get; set; }

    [BindProperty, Display(Name = "loftet for par med 4 eller flere børn")]
    public decimal? CoupleWithFourOrMoreChildren { get; set; }

    /// <summary>
    /// The version of the caps the form showed (<see cref="ShownVersion"/>): a year's caps when opened to correct them,
    /// none for a blank form. Compared with the caps saved for the year typed. Not a Guid counts as stale.
    /// </summary>
    [BindProperty]
    public Guid? Version { get; set; }

    /// <summary>In the error summary when the year's caps saved now are not those the form was filled from.</summary>
    public const string SavedByOtherMessage =
        "Årets lofter er ikke de samme, som da du åbnede formularen: en anden har gemt dem, mens du skrev, eller året havde allerede lofter. De gemte lofter står ved felterne, hvor de er anderledes end dine. Tryk »Gem lofterne« igen for at gemme dine i stedet.";

    /// <summary>Beside a cap lower than the cap of the category before it (<see cref="Categories"/>, smallest household first).</summary>
    public const string CapBelowTheOneBefore =
        "Loftet for »{0}« ({1} kr.) er lavere end loftet for »{2}« ({3} kr.). Lofterne stiger med husstanden: se efter, om beløbene står i de rigtige felter.";

    /// <summary>Each year's caps, newest first.</summary>
    public IReadOnlyList<(int Year, IReadOnlyDictionary<RentCapCategory, decimal> Caps)> Years { get; private set; } = [];

    /// <summary>The year whose caps are in force now (this year's, or the latest earlier year's), if any.</summary>
    public int? InForce { get; private set; }

    public int ThisYear => clock.Today().Year;

    /// <summary>The year whose caps were just saved, to say so.</summary>
    public int? SavedYear { get; private set; }

    /// <summary>The page, with the form filled in with <paramref name="year"/>'s caps when given (to correct them).</summary>
    public async Task OnGetAsync(int? year, int? saved)
    {
        await LoadAsync();
        SavedYear = saved;
        Version = Shown(new Dictionary<RentCapCategory, decimal>());
        if (year is { } chosen && Years.FirstOrDefault(y => y.Year == chosen).Caps is { } caps)
        {
            Year = chosen;
            Version = Shown(caps);
            foreach (var category in Categories)
            {
                // Whole kroner without a decimal (2467, not 2467.00), as the hint asks them typed.
                var cap = caps.GetValueOrDefault(category);
                Set(category, cap == decimal.Truncate(cap) ? decimal.Truncate(cap) : cap);
            }
        }
    }

    public async Task<IActionResult> OnPostAsync()
    {
        // A field whose typed value was no number has its refusal from binding (NumberFieldRefusal) and no second one.
        if (ModelState[nameof(Year)]?.Errors.Count is null or 0 && (Year is not { } year || year < FirstYear || year > ThisYear + 1))
        {
            ModelState.AddModelError(nameof(Year), T["Angiv et år fra {0} til {1}.", FirstYear, ThisYear + 1].Value);
        }

        foreach (var category in Categories.Where(c => ModelState[c.ToString()]?.Errors.Count is null or 0))
        {
            if (Get(category) is not (> 0 and <= 100_000))
            {
                ModelState.AddModelError(category.ToString(), T["Angiv loftet for »{0}« i kroner om måneden (over 0 og højst 100.000).", T[CategoryText(category)]].Value);
            }
        }

        // The order's caps rise with the household (domain-rules.md): one below the cap before it was typed into the wrong
        // field, and a household would be held to another's cap. Said beside the lower one, each cap compared with the
        // one before it (equal caps keep the order).
        foreach (var (lower, higher) in Categories.Zip(Categories.Skip(1)))
        {
            if (Accepted(lower) is { } before && Accepted(higher) is { } after && after < before)
            {
                var culture = CultureInfo.CurrentCulture;
                ModelState.AddModelError(higher.ToString(), T[CapBelowTheOneBefore, T[CategoryText(higher)], Kroner.Shown(after, culture), T[CategoryText(lower)], Kroner.Shown(before, culture)].Value);
            }
        }

        ModelState.Remove(nameof(Version));
        if (!ModelState.IsValid)
        {
            await LoadAsync();
            return Page();
        }

        // Refused for caps saved by another between this request's read and its save (a changed cap, or the year's first
        // caps entered at the same moment): read again, and then shown as saved by another.
        return await db.UntilAnsweredAsync<IActionResult>(() => TrySaveAsync(Year!.Value), async () =>
            await SavedByOtherAsync(await SavedCapsAsync(Year!.Value)));
    }

    /// <summary>The caps saved and logged, or the page with the caps saved by another; null when refused at the same moment.</summary>
    private async Task<IActionResult?> TrySaveAsync(int year)
    {
        var saved = await db.RentCaps.Where(c => c.Year == year).ToDictionaryAsync(c => c.Category);
        var now = saved.ToDictionary(c => c.Key, c => c.Value.MonthlyCap);
        if (Shown(now) != Version)
        {
            // The same caps as typed here (a double click, say) are simply taken as saved.
            return Categories.All(c => now.TryGetValue(c, out var cap) && cap == Get(c)) ? RedirectToPage(new { saved = year }) : await SavedByOtherAsync(now);
        }

        var changes = new List<string>();
        foreach (var category in Categories)
        {
            var cap = Get(category)!.Value;
            if (saved.GetValueOrDefault(category) is { } row)
            {
                if (row.MonthlyCap != cap)
                {
                    changes.Add(string.Create(CultureInfo.InvariantCulture, $"{category} {row.MonthlyCap:0.##} → {cap:0.##}"));
                    row.MonthlyCap = cap;
                }
            }
            else
            {
                changes.Add(string.Create(CultureInfo.InvariantCulture, $"{category} {cap:0.##}"));
                db.RentCaps.Add(new RentCap(year, category, cap));
            }
        }

        if (!await db.SaveUnlessSavedByOtherAsync())
        {
            return null;
        }

        if (changes.Count > 0)
        {
            await audit.RecordAsync(AuditAction.RentCapsChanged, null, AuditPurpose.RentCaps, $"{year}: {string.Join("; ", changes)}");
        }

        return RedirectToPage(new { saved = year });
    }

    /// <summary>The form with the user's caps, what is saved now beside them, and the version saved now.</summary>
    private async Task<PageResult> SavedByOtherAsync(Dictionary<RentCapCategory, decimal> saved)
    {
        Version = this.ShowSavedByOther(nameof(Version), Shown(saved), SavedByOtherMessage, values =>
        {
            foreach (var category in Categories)
            {
                values.Field(category.ToString(), Get(category), saved.TryGetValue(category, out var cap) ? cap : null);
            }
        });
        await LoadAsync();
        return Page();
    }

    private Task<Dictionary<RentCapCategory, decimal>> SavedCapsAsync(int year) =>
        db.RentCaps.AsNoTracking().Where(c => c.Year == year).ToDictionaryAsync(c => c.Category, c => c.MonthlyCap);

    /// <summary>The version of a year's caps as a form shows them (none: a blank form); the same whatever scale the database keeps.</summary>
    private static Guid Shown(IReadOnlyDictionary<RentCapCategory, decimal> caps) =>
        ShownVersion.Of(Categories.Select(c => caps.TryGetValue(c, out var cap) ? cap.ToString("0.##", CultureInfo.InvariantCulture) : null).ToList());

    /// <summary>Danish names of the order's household categories.</summary>
    public static string CategoryText(RentCapCategory category) => category switch
    {
        RentCapCategory.SingleAdult => "Enlig (med eller uden børn)",
        RentCapCategory.CoupleWithoutChildren => "Par uden børn",
        RentCapCategory.CoupleWithOneToThreeChildren => "Par med 1–3 børn",
        RentCapCategory.CoupleWithFourOrMoreChildren => "Par med 4 eller flere børn",
        _ => category.ToString(),
    };

    private decimal? Get(RentCapCategory category) => category switch
    {
        RentCapCategory.SingleAdult => SingleAdult,
        RentCapCategory.CoupleWithoutChildren => CoupleWithoutChildren,
        RentCapCategory.CoupleWithOneToThreeChildren => CoupleWithOneToThreeChildren,
        RentCapCategory.CoupleWithFourOrMoreChildren => CoupleWithFourOrMoreChildren,
        _ => throw new ArgumentOutOfRangeException(nameof(category), category, null),
    };

    /// <summary>The cap typed for the category, if it was read and is within bounds (no refusal beside it).</summary>
    private decimal? Accepted(RentCapCategory category) =>
        ModelState[category.ToString()]?.Errors.Count is null or 0 ? Get(category) : null;

    private void Set(RentCapCategory category, decimal cap)
    {
        switch (category)
        {
            case RentCapCategory.SingleAdult: SingleAdult = cap; break;
            case RentCapCategory.CoupleWithoutChildren: CoupleWithoutChildren = cap; break;
            case RentCapCategory.CoupleWithOneToThreeChildren: CoupleWithOneToThreeChildren = cap; break;
            case RentCapCategory.CoupleWithFourOrMoreChildren: CoupleWithFourOrMoreChildren = cap; break;
            default: throw new ArgumentOutOfRangeException(nameof(category), category, null);
        }
    }

    private async Task LoadAsync()
    {
        var caps = await db.RentCaps.AsNoTracking().ToListAsync();
        Years = caps.GroupBy(c => c.Year).OrderByDescending(g => g.Key)
            .Select(g => (g.Key, (IReadOnlyDictionary<RentCapCategory, decimal>)g.ToDictionary(c => c.Category, c => c.MonthlyCap))).ToList();
        InForce = Years.Select(y => (int?)y.Year).FirstOrDefault(y => y <= ThisYear);
    }
}

using Indgang.Domain.Audit;
using Indgang.Domain.Deadlines;
using Indgang.Web.Audit;
using Indgang.Web.Data;
using Indgang.Web.Features.Reception;
using Indgang.Web.Features.RuleSets;
using Indgang.Web.Platform;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Indgang.Web.Features.Admin.RuleSets;

/// <summary>
/// The national rule sets (read-only: law is changed by adding a rule set with its effective date)
/// and the municipal overlay of stricter local targets, where every change is a new, audited version.
/// </summary>
public sealed class IndexModel(IndgangDbContext db, RuleSetSource rules, AuditLog audit, TimeProvider clock, IStringLocalizer<SharedResource> T) : PageModel
{
    [BindProperty]
    public TargetInput Input { get; set; } = new();

    public IReadOnlyList<DeadlineRuleSet> National => rules.National.RuleSets;
    public IReadOnlyList<LocalTargetEntry> History { get; private set; } = [];
    public IReadOnlyList<LocalTargetEntry> Current { get; private set; } = [];

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostAsync()
    {
        await LoadAsync();
        Validate();
        if (!ModelState.IsValid)
        {
            return Page();
        }

        if (!await AddVersionAsync(Input.Kind!.Value, Input.Months ?? 0, Input.Weeks ?? 0, Input.Days ?? 0, Input.EffectiveFrom!.Value, Input.Source!.Trim(), removed: false))
        {
            ModelState.AddModelError("", "Et lokalt mål for samme frist er lige blevet gemt af en anden. Se historikken, og gem igen, hvis dit mål stadig skal gælde.");
            return Page();
        }

        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostRemoveAsync(DeadlineKind kind)
    {
        await LoadAsync();
        var current = Current.FirstOrDefault(e => e.Kind == kind);
        if (current is null)
        {
            return NotFound();
        }

        if (!await AddVersionAsync(kind, current.Months, current.Weeks, current.Days, current.EffectiveFrom, current.Source, removed: true))
        {
            ModelState.AddModelError("", "Et lokalt mål for samme frist er lige blevet gemt af en anden. Se historikken, og gem igen, hvis dit mål stadig skal gælde.");
            return Page();
        }

        return RedirectToPage();
    }

    private void Validate()
    {
        if (Input.Kind is null)
        {
            ModelState.AddModelError("Input.Kind", "Vælg hvilken frist målet gælder.");
        }

        var months = Input.Months ?? 0;
        var weeks = Input.Weeks ?? 0;
        var days = Input.Days ?? 0;
        if (months < 0 || weeks < 0 || days < 0 || months + weeks + days == 0)
        {
            ModelState.AddModelError("Input.Months", "Angiv en periode på mindst én dag (måneder, uger og dage kan ikke være negative).");
        }

        var (tooManyMonths, tooManyWeeks, tooManyDays) = (months > LocalTargetEntry.MostMonths, weeks > LocalTargetEntry.MostWeeks, days > LocalTargetEntry.MostDays);
        if (tooManyMonths)
        {
            ModelState.AddModelError("Input.Months", T["Et lokalt mål kan højst være {0:N0} måneder.", LocalTargetEntry.MostMonths].Value);
        }

        if (tooManyWeeks)
        {
            ModelState.AddModelError("Input.Weeks", T["Et lokalt mål kan højst være {0:N0} uger.", LocalTargetEntry.MostWeeks].Value);
        }

        if (tooManyDays)
        {
            ModelState.AddModelError("Input.Days", T["Et lokalt mål kan højst være {0:N0} dage.", LocalTargetEntry.MostDays].Value);
        }

        var today = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        if (Input.EffectiveFrom is not { } start)
        {
            ModelState.AddModelError("Input.EffectiveFrom", "Angiv fra hvilken dato målet gælder.");
        }
        else if (PlanningHorizon.IsBeyond(start, today))
        {
            ModelState.AddModelError("Input.EffectiveFrom", T["Datoen kan højst ligge {0} år frem. Tjek årstallet.", PlanningHorizon.Years].Value);
        }
        else if (months >= 0 && weeks >= 0 && days >= 0 && !tooManyMonths && !tooManyWeeks && !tooManyDays)
        {
            CompareWithTheLaw(start, months, weeks, days);
        }

        if (string.IsNullOrWhiteSpace(Input.Source))
        {
            ModelState.AddModelError("Input.Source", "Angiv kilden, fx byrådets beslutning eller strategien.");
        }
        else if (Input.Source.Trim().Length > LocalTargetEntry.SourceLength)
        {
            ModelState.AddModelError("Input.Source", T["Kilden må højst være {0:N0} tegn.", LocalTargetEntry.SourceLength].Value);
        }
    }

    /// <summary>
    /// Judged against the rule in force when the target starts, or, for a target from before the first rule set (a
    /// strategy older than the law), against the first rule set, whose cases it applies to first: a target looser than
    /// the law means nothing. Only a period and a date within their bounds are compared (beyond them, the period would
    /// reach past the calendar).
    /// </summary>
    private void CompareWithTheLaw(DateOnly from, int months, int weeks, int days)
    {
        var law = rules.National.InForceOn(from) ?? rules.National.RuleSets.FirstOrDefault(set => set.EffectiveFrom > from);
        if (Input.Kind is { } kind && law?.RuleFor(kind) is { } rule)
        {
            from = from < law.EffectiveFrom ? law.EffectiveFrom : from;
            var local = new Period(Months: months, Weeks: weeks, Days: days).AddTo(from);
            if (local > rule.Period.AddTo(from))
            {
                ModelState.AddModelError("Input.Months", $"Et lokalt mål skal være strammere end loven ({rule.Period}).");
            }
        }
    }

    /// <summary>
    /// The next version of the kind's target, numbered after the versions shown; false when another administrator saved
    /// that version at the same moment (the unique version number), and the history is read again to show it.
    /// </summary>
    private async Task<bool> AddVersionAsync(DeadlineKind kind, int months, int weeks, int days, DateOnly from, string source, bool removed)
    {
        var version = History.Where(e => e.Kind == kind).Select(e => e.VersionNumber).DefaultIfEmpty(0).Max() + 1;
        db.LocalTargets.Add(new LocalTargetEntry(kind, months, weeks, days, from, source, removed, User.Identity!.Name!, clock.GetUtcNow(), version));
        if (!await db.SaveUnlessSavedByOtherAsync())
        {
            db.ChangeTracker.Clear();
            await LoadAsync();
            return false;
        }

        await audit.RecordAsync(AuditAction.LocalTargetChanged, null, "Regelsæt: kommunens lokale mål",
            $"{kind} v{version}: {(removed ? "fjernet" : new Period(Months: months, Weeks: weeks, Days: days).ToString())}");
        return true;
    }

    private async Task LoadAsync()
    {
        History = await db.LocalTargets.AsNoTracking().OrderBy(e => e.Kind).ThenByDescending(e => e.VersionNumber).ToListAsync();
        Current = History.GroupBy(e => e.Kind).Select(g => g.First()).Where(e => !e.Removed).ToList();
    }

    /// <summary>Who a national rule's legal deadline applies to, in Danish.</summary>
    public static string AudienceText(DeadlineAudience audience) => audience switch
    {
        DeadlineAudience.Everyone => "Alle",
        DeadlineAudience.AdultsAtDay0 => "Voksne (18 år på dag 0)",
        DeadlineAudience.UnaccompaniedMinors => "Uledsagede mindreårige",
        DeadlineAudience.QuotaRefugees => "Kvoteflygtninge",
        _ => audience.ToString(),
    };

    public static IEnumerable<SelectListItem> KindItems =>
        [new("Vælg", ""), .. Enum.GetValues<DeadlineKind>().Select(k => new SelectListItem(DeadlineTexts.Title(k), k.ToString()))];
}

public sealed class TargetInput
{
    public DeadlineKind? Kind { get; set; }
    public int? Months { get; set; }
    public int? Weeks { get; set; }
    public int? Days { get; set; }
    public DateOnly? EffectiveFrom { get; set; }
    public string? Source { get; set; }
}

using System.ComponentModel.DataAnnotations;
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
/// and the municipal overlay of stricter local targets, where every change is a new, audited version dated from the day
/// it takes effect, and a removal is one dated from the day the target ends (ophører): neither acts backwards.
/// </summary>
public sealed class IndexModel(IndgangDbContext db, RuleSetSource rules, AuditLog audit, TimeProvider clock, IStringLocalizer<SharedResource> T) : PageModel
{
    [BindProperty]
    public TargetInput Input { get; set; } = new();

    [BindProperty]
    public RemovalInput Removal { get; set; } = new();

    public IReadOnlyList<DeadlineRuleSet> National => rules.National.RuleSets;
    public IReadOnlyList<LocalTargetEntry> History { get; private set; } = [];

    /// <summary>Each version's time in force, from the versions saved.</summary>
    public LocalTargetHistory Overlay { get; private set; } = new([]);

    /// <summary>The targets in force today or later (a planned change too), by kind and date.</summary>
    public IReadOnlyList<LocalTarget> Current { get; private set; } = [];

    /// <summary>The kinds with a target in force today or later: those a removal can end.</summary>
    public IEnumerable<SelectListItem> RemovalKindItems =>
        [new("Vælg", ""), .. Current.Select(t => t.Kind).Distinct().Select(k => new SelectListItem(DeadlineTexts.Title(k), k.ToString()))];

    /// <param name="ophoer">The kind whose "Lad ophøre" link was followed: chosen in the removal form.</param>
    public async Task OnGetAsync(DeadlineKind? ophoer)
    {
        await LoadAsync();
        Removal = new RemovalInput { Kind = ophoer, EndsFrom = clock.Today() };
    }

    public async Task<IActionResult> OnPostAsync()
    {
        await LoadAsync();
        Removal.EndsFrom ??= clock.Today();
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

    /// <summary>
    /// Ends the kind's target from the date given (a version marked removed, dated from it): people whose day 0 fell while
    /// the target was in force keep it. The date must fall while a target is in force, or there is nothing to end.
    /// </summary>
    public async Task<IActionResult> OnPostRemoveAsync()
    {
        await LoadAsync();
        var ended = ValidateRemoval();
        if (!ModelState.IsValid || ended is null)
        {
            return Page();
        }

        var entry = History.First(e => e.Kind == ended.Kind && e.EffectiveFrom == ended.EffectiveFrom && !e.Removed);
        if (!await AddVersionAsync(ended.Kind, entry.Months, entry.Weeks, entry.Days, Removal.EndsFrom!.Value, ended.Source, removed: true))
        {
            ModelState.AddModelError("", "Et lokalt mål for samme frist er lige blevet gemt af en anden. Se historikken, og gem igen, hvis dit mål stadig skal gælde.");
            return Page();
        }

        return RedirectToPage();
    }

    private LocalTarget? ValidateRemoval()
    {
        if (Removal.Kind is null)
        {
            ModelState.AddModelError("Removal.Kind", "Vælg hvilken frist målet skal ophøre for.");
        }

        if (Removal.EndsFrom is not { } from)
        {
            ModelState.AddModelError("Removal.EndsFrom", "Angiv fra hvilken dato målet ophører.");
            return null;
        }

        if (PlanningHorizon.IsBeyond(from, clock.Today()))
        {
            ModelState.AddModelError("Removal.EndsFrom", T["Datoen kan højst ligge {0} år frem. Tjek årstallet.", PlanningHorizon.Years].Value);
            return null;
        }

        if (Removal.Kind is not { } chosen)
        {
            return null;
        }

        if (Overlay.InForceOn(chosen, from) is not { } inForce)
        {
            ModelState.AddModelError("Removal.EndsFrom", "Der er intet lokalt mål for fristen på den dato, så der er intet at lade ophøre. Se historikken.");
            return null;
        }

        return inForce;
    }


    private void Validate()
    {
        if (Input.Kind is null)
        {
            ModelState.AddModelError("Input.Kind", "Vælg hvilken frist målet gælder.");
        }
        else if (CountedBack(Input.Kind.Value, Input.EffectiveFrom ?? clock.Today()))
        {
            ModelState.AddModelError("Input.Kind", T["Fristen »{0}« regnes baglæns, så kommunen kan ikke sætte et lokalt mål for den her. Vælg en anden frist.", T[DeadlineTexts.Title(Input.Kind.Value)]].Value);
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

        var today = clock.Today();
        if (Input.EffectiveFrom is not { } start)
        {
            ModelState.AddModelError("Input.EffectiveFrom", "Angiv fra hvilken dato målet gælder.");
        }
        else if (PlanningHorizon.IsBeyond(start, today))
        {
            ModelState.AddModelError("Input.EffectiveFrom", T["Datoen kan højst ligge {0} år frem. Tjek årstallet.", PlanningHorizon.Years].Value);
        }
        else if (PlanningHorizon.IsBeforeEarliest(start))
        {
            ModelState.AddModelError("Input.EffectiveFrom", PlanningHorizon.TooFarBack);
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
        if (Input.Kind is { } kind && !CountedBack(kind, from) && law?.RuleFor(kind) is { } rule)
        {
            from = from < law.EffectiveFrom ? law.EffectiveFrom : from;
            var local = new Period(Months: months, Weeks: weeks, Days: days).AddTo(from);
            if (local > rule.Period.AddTo(from))
            {
                ModelState.AddModelError("Input.Months", T["Et lokalt mål skal være strammere end loven ({0}).", T.Say(rule.Period)].Value);
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

        await audit.RecordAsync(AuditAction.LocalTargetChanged, null, AuditPurpose.LocalRuleSet,
            $"{kind} v{version}: {(removed ? "ophører" : new Period(Months: months, Weeks: weeks, Days: days).ToString())} fra {from:yyyy-MM-dd}");
        return true;
    }

    private async Task LoadAsync()
    {
        History = await db.LocalTargets.AsNoTracking().OrderBy(e => e.Kind).ThenByDescending(e => e.VersionNumber).ToListAsync();
        Overlay = new LocalTargetHistory(History.Select(e => e.ToVersion()));
        var today = clock.Today();
        Current = [.. Overlay.Targets.Where(t => t.EffectiveTo is not { } to || to >= today)];
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

    /// <summary>
    /// The deadlines a local target can be set for: those the law in force today counts forward from their start (a day
    /// before the 18th birthday, counted back, has no period after its start to be stricter with).
    /// </summary>
    public IEnumerable<SelectListItem> KindItems =>
        [new("Vælg", ""), .. Enum.GetValues<DeadlineKind>().Where(k => !CountedBack(k, clock.Today())).Select(k => new SelectListItem(DeadlineTexts.Title(k), k.ToString()))];

    /// <summary>The law in force on <paramref name="on"/> (or its first rule set) counts the deadline back from its start.</summary>
    private bool CountedBack(DeadlineKind kind, DateOnly on)
    {
        var law = rules.National.InForceOn(on) ?? rules.National.RuleSets.FirstOrDefault(set => set.EffectiveFrom > on);
        var from = law is null || on >= law.EffectiveFrom ? on : law.EffectiveFrom;
        return law?.RuleFor(kind) is { } rule && rule.Period.TryAddTo(from) is { } end && end < from;
    }
}

/// <summary>The removal form: which kind's target ends, and from which day (ophører fra; today unless changed).</summary>
public sealed class RemovalInput
{
    public DeadlineKind? Kind { get; set; }
    public DateOnly? EndsFrom { get; set; }
}

public sealed class TargetInput
{
    public DeadlineKind? Kind { get; set; }

    [Display(Name = "antal måneder", Prompt = "3")]
    public int? Months { get; set; }

    [Display(Name = "antal uger", Prompt = "2")]
    public int? Weeks { get; set; }

    [Display(Name = "antal dage", Prompt = "14")]
    public int? Days { get; set; }
    public DateOnly? EffectiveFrom { get; set; }
    public string? Source { get; set; }
}

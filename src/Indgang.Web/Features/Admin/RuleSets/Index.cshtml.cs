using Indgang.Domain.Audit;
using Indgang.Domain.Deadlines;
using Indgang.Web.Audit;
using Indgang.Web.Data;
using Indgang.Web.Features.Reception;
using Indgang.Web.Features.RuleSets;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Indgang.Web.Features.Admin.RuleSets;

/// <summary>
/// The national rule sets (read-only: law is changed by adding a rule set with its effective date)
/// and the municipal overlay of stricter local targets, where every change is a new, audited version.
/// </summary>
public sealed class IndexModel(IndgangDbContext db, RuleSetSource rules, AuditLog audit, TimeProvider clock) : PageModel
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

        if (Input.EffectiveFrom is null)
        {
            ModelState.AddModelError("Input.EffectiveFrom", "Angiv fra hvilken dato målet gælder.");
        }

        if (string.IsNullOrWhiteSpace(Input.Source))
        {
            ModelState.AddModelError("Input.Source", "Angiv kilden, fx byrådets beslutning eller strategien.");
        }

        // Judged against the rule in force when the target starts: a target looser than the law means nothing.
        if (Input.Kind is { } kind && Input.EffectiveFrom is { } from && rules.National.InForceOn(from)?.RuleFor(kind) is { } rule)
        {
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

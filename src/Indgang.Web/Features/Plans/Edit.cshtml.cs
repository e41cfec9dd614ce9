using System.Security.Claims;
using Indgang.Domain.Audit;
using Indgang.Domain.Plans;
using Indgang.Web.Audit;
using Indgang.Web.Data;
using Indgang.Web.Features.People;
using Indgang.Web.Platform;
using Indgang.Web.Platform.Forms;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Indgang.Web.Features.Plans;

/// <summary>
/// "Min plan": goals, sub-goals and activities. Every save is a new version; a save based on an
/// older version than the newest is refused with the user's input kept and the newest shown beside it, so that the
/// user may save again over it (optimistic concurrency, <see cref="EditConflict"/>).
/// </summary>
public sealed class EditModel(
    PersonDirectory directory, PlanCase plans, IndgangDbContext db, Housing.MoveOnMotivation motivation, AuditLog audit, TimeProvider clock, IStringLocalizer<SharedResource> T)
    : PageModel
{
    private const int GoalRows = 3;
    private const int ActivityRows = 6;

    [BindProperty]
    public PlanInput Input { get; set; } = new();

    [BindProperty]
    public string? ExtensionReason { get; set; }

    /// <summary>The version of the extension the form showed (<see cref="ExtensionShown"/>).</summary>
    [BindProperty]
    public Guid? ExtensionVersion { get; set; }

    /// <summary>Another extended the plan since the form was opened: the form is shown again with their reason.</summary>
    public bool ExtensionConflict { get; private set; }

    public PlanFacts Facts { get; private set; } = null!;
    public List<SelectListItem> Departments { get; private set; } = [];
    public bool Saved { get; private set; }
    public DateOnly Today { get; private set; }
    public string CoordinatorName { get; private set; } = "–";

    public async Task<IActionResult> OnGetAsync(Guid id, bool saved = false)
    {
        if (await LoadAsync(id, track: false) is { } refused)
        {
            return refused;
        }

        Saved = saved;
        Input = PlanInput.From(Facts.Content, Facts.Plan?.Version, GoalRows, ActivityRows);
        ExtensionVersion = ExtensionShown(Facts.Plan);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        if (await LoadAsync(id, track: true) is { } refused)
        {
            return refused;
        }

        Validate();
        if (!ModelState.IsValid)
        {
            Input.Pad(GoalRows, ActivityRows);
            return Page();
        }

        if (Facts.Plan is { } existing && existing.Version != Input.Version)
        {
            return SavedByOther(existing);
        }

        var plan = Facts.Plan ?? db.Plans.Add(new Plan(Facts.Person.Id)).Entity;
        if (Facts.Plan is not null)
        {
            db.Entry(plan).Property(p => p.Version).OriginalValue = Input.Version!.Value;
        }

        var userId = User.FindFirstValue(ClaimTypes.NameIdentifier)!;
        var author = await db.Users.Where(u => u.Id == userId).Select(u => u.DisplayName).FirstAsync();
        var content = Input.ToContent();
        var version = plan.Save(content, userId, author, clock.GetUtcNow(), Facts.ProgrammeMaximum ?? DateOnly.MaxValue);
        db.PlanVersions.Add(version);
        // Paid work begun for a member of a household in our temporary housing: Jobberiet is to motivate it to move on to
        // a permanent home (seed 001), saved with the plan.
        if (await motivation.PaidWorkBegunAsync(Facts.Household, Facts.Content, content, HttpContext.RequestAborted) is { Count: > 0 } ownerless)
        {
            ModelState.AddModelError("", Reception.ChecklistTaskFactory.NoDepartmentFor(T, ownerless));
            Input.Pad(GoalRows, ActivityRows);
            return Page();
        }

        // Saved by someone else in the same moment -- refused by the plan's token, or (on PostgreSQL, where the insert of
        // the same version number waits for theirs) by the unique version number -- shown as the plan is saved now.
        if (!await db.SaveUnlessSavedByOtherAsync())
        {
            db.ChangeTracker.Clear();
            if (await LoadAsync(id, track: false) is { } gone)
            {
                return gone;
            }

            return SavedByOther(Facts.Plan!);
        }

        await audit.RecordAsync(AuditAction.PlanSaved, Facts.Person.Id, AuditPurpose.Plan, $"Version {version.Number}");
        return Redirect($"/People/{id}/Plan?saved=true");
    }

    public async Task<IActionResult> OnPostExtendAsync(Guid id)
    {
        if (await LoadAsync(id, track: false) is { } refused)
        {
            return refused;
        }

        Input = PlanInput.From(Facts.Content, Facts.Plan?.Version, GoalRows, ActivityRows);
        if (string.IsNullOrWhiteSpace(ExtensionReason))
        {
            ModelState.AddModelError(nameof(ExtensionReason), "Skriv hvorfor planen forlænges, fx »ikke selvforsørgende ved 1-årsopfølgningen«.");
        }
        else if (ExtensionReason.Trim().Length > Plan.ExtensionReasonLength)
        {
            ModelState.AddModelError(nameof(ExtensionReason), T["Begrundelsen må højst være {0:N0} tegn.", Plan.ExtensionReasonLength].Value);
        }

        if (Facts.Plan is null)
        {
            ModelState.AddModelError("", "Gem planen, før den kan forlænges.");
        }

        // The extension belongs to the one-year review; a month's lead lets it be decided at the review meeting.
        if (Facts.OneYearReview is not { } review || plans.Today < review.AddMonths(-1))
        {
            ModelState.AddModelError(nameof(ExtensionReason), "Planen forlænges ved opfølgningen efter 1 år (tidligst en måned før).");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var shown = Facts.Plan!;
        if (ExtensionShown(shown) != ExtensionVersion)
        {
            return ExtendedByOther(shown);
        }

        // Saved only over the extension as it was shown (none, as a rule): another's extension at this very moment makes
        // this one change no row (on PostgreSQL it waits for theirs, then finds the row changed). The plan's content and
        // version are left alone: a version saved at the same moment does not matter to the extension.
        var (on, reason) = (plans.Today, ExtensionReason!.Trim());
        var saved = await db.Plans
            .Where(p => p.Id == shown.Id && p.ExtendedOn == shown.ExtendedOn && p.ExtensionReason == shown.ExtensionReason)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.ExtendedOn, on).SetProperty(p => p.ExtensionReason, reason));
        if (saved == 0)
        {
            await LoadAsync(id, track: false);
            return ExtendedByOther(Facts.Plan!);
        }

        await audit.RecordAsync(AuditAction.PlanExtended, Facts.Person.Id, AuditPurpose.PlanExtended, $"{on:yyyy-MM-dd} {AuditLog.ReasonKeptInTheCase}");
        return Redirect($"/People/{id}/Plan?saved=true");
    }

    /// <summary>The version of the extension the form showed (none, or the one saved): see <see cref="ShownVersion"/>.</summary>
    private static Guid ExtensionShown(Plan? plan) => ShownVersion.Of(new { plan?.ExtendedOn, plan?.ExtensionReason });

    /// <summary>
    /// Someone else extended the plan since the form was opened: their reason is shown beside the field, the one typed
    /// here stays in it, unsaved, and the form gets the version of their extension, so that pressing the button again
    /// saves this reason over theirs, deliberately.
    /// </summary>
    private PageResult ExtendedByOther(Plan saved)
    {
        ExtensionConflict = true;
        ExtensionVersion = this.ShowSavedByOther(nameof(ExtensionVersion), ExtensionShown(saved),
            "Planen er lige blevet forlænget af en anden. Din begrundelse er ikke gemt; den gemte står ved feltet. Tryk »Forlæng planen« igen for at gemme din begrundelse i stedet.",
            values => values.Field(nameof(ExtensionReason), ExtensionReason, saved.ExtensionReason));
        Input = PlanInput.From(Facts.Content, saved.Version, GoalRows, ActivityRows);
        return Page();
    }

    /// <summary>
    /// Someone else saved the plan after the user opened it: their plan is shown beside the fields, row by row, and the
    /// form gets its version, so that "Gem planen" saves the user's plan as the next version, deliberately.
    /// </summary>
    private PageResult SavedByOther(Plan existing)
    {
        var latest = existing.Versions.MaxBy(v => v.Number)!;
        var saved = PlanInput.From(Facts.Content, existing.Version, 0, 0);
        Input.Pad(Math.Max(GoalRows, saved.Goals.Count), Math.Max(ActivityRows, saved.Activities.Count));
        Input.Version = this.ShowSavedByOther($"{nameof(Input)}.{nameof(PlanInput.Version)}", existing.Version,
            T["Planen er gemt af {0} kl. {1:HH:mm}, efter du åbnede den. Det, der er gemt nu, står ved de felter, hvor det er anderledes end det, du har skrevet. Tryk »Gem planen« igen for at gemme din plan som en ny version i stedet.",
                latest.AuthorName, clock.Local(latest.SavedAt)].Value,
            values => values.Fields(nameof(Input), Input, saved));
        return Page();
    }

    private void Validate()
    {
        // A goal stands once in a plan (the history tells goals apart by their text): told beside the second, whatever
        // the case or the spaces around it.
        var goalRows = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < Input.Goals.Count; i++)
        {
            var goal = Input.Goals[i];
            if (!goal.IsBlank && string.IsNullOrWhiteSpace(goal.Text))
            {
                ModelState.AddModelError($"Input.Goals[{i}].Text", "Skriv målet (delmålene hører til et mål).");
            }
            else if (goal.Text?.Trim().Length > PlanGoal.TextLength)
            {
                ModelState.AddModelError($"Input.Goals[{i}].Text", T["Målet må højst være {0:N0} tegn.", PlanGoal.TextLength].Value);
            }
            else if (!goal.IsBlank && !goalRows.TryAdd(goal.Text!.Trim(), i))
            {
                ModelState.AddModelError($"Input.Goals[{i}].Text", T["Målet står allerede i planen som mål {0}. Skriv hvert mål én gang, og saml delmålene under det.", goalRows[goal.Text.Trim()] + 1].Value);
            }

            var subGoals = (goal.SubGoals ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (subGoals.Length > PlanGoal.MostSubGoals)
            {
                ModelState.AddModelError($"Input.Goals[{i}].SubGoals", T["Et mål kan højst have {0} delmål.", PlanGoal.MostSubGoals].Value);
            }
            else if (subGoals.Any(g => g.Length > PlanGoal.SubGoalLength))
            {
                ModelState.AddModelError($"Input.Goals[{i}].SubGoals", T["Hvert delmål må højst være {0:N0} tegn.", PlanGoal.SubGoalLength].Value);
            }
        }

        // A department renamed (or removed) since the plan was saved is kept as the plan has it: the form offers it as
        // its own option, so that a save does not lose it.
        var savedDepartments = Facts.Content.Activities.Select(a => a.DepartmentName).OfType<string>().ToHashSet(StringComparer.Ordinal);

        // An activity already saved (retitled, or with its status changed) is not held to the person's arrival, so that a
        // plan that holds an activity saved before that rule can still be saved. The form shows the saved activities in
        // their order in its first rows (a row blanked is removed on saving), so the row tells which saved activity it is:
        // the one at its index, kept when its start is the same. An activity new in this save, or whose date changed, is
        // bounded as a deadline met or a contract signed is (CaseDayBounds). Before, any row starting on a date the saved
        // plan held was let through, so an old activity removed and a new one added on its date was saved.
        var savedActivities = Facts.Content.Activities;
        // A form opened on another version (saved by someone else since, refused below) has its rows in that version's
        // order: each saved start is then let through once, wherever it stands.
        var rowsOfThisVersion = Facts.Plan is null || Facts.Plan.Version == Input.Version;
        var savedStarts = savedActivities.GroupBy(a => a.Start).ToDictionary(g => g.Key, g => g.Count());
        bool AlreadySaved(int row, DateOnly start)
        {
            if (rowsOfThisVersion)
            {
                return row < savedActivities.Count && savedActivities[row].Start == start;
            }

            if (savedStarts.GetValueOrDefault(start) is var left and > 0)
            {
                savedStarts[start] = left - 1;
                return true;
            }

            return false;
        }

        for (var i = 0; i < Input.Activities.Count; i++)
        {
            var a = Input.Activities[i];
            if (a.IsBlank)
            {
                continue;
            }

            var prefix = $"Input.Activities[{i}]";
            if (a.Kind is null)
            {
                ModelState.AddModelError($"{prefix}.Kind", "Vælg aktivitetstype.");
            }

            if (a.Title?.Trim().Length > PlanActivity.TitleLength)
            {
                ModelState.AddModelError($"{prefix}.Title", T["Titlen må højst være {0:N0} tegn.", PlanActivity.TitleLength].Value);
            }

            if (a.Start is null)
            {
                ModelState.AddModelError($"{prefix}.Start", "Angiv startdato.");
            }

            if (a.Start is { } first && PlanningHorizon.IsBeforeEarliest(first))
            {
                ModelState.AddModelError($"{prefix}.Start", PlanningHorizon.TooFarBack);
            }
            else if (a.Start is { } day && !AlreadySaved(i, day) && Households.CaseDayBounds.Refusal(Facts.Household, Facts.Person, day, T) is { } tooEarly)
            {
                ModelState.AddModelError($"{prefix}.Start", tooEarly);
            }

            if (a.End is { } last && PlanningHorizon.IsBeforeEarliest(last))
            {
                ModelState.AddModelError($"{prefix}.End", PlanningHorizon.TooFarBack);
            }
            else if (a.End is { } end && a.Start is { } start && end < start)
            {
                ModelState.AddModelError($"{prefix}.End", "Slutdatoen ligger før startdatoen.");
            }

            if (Facts.ProgrammeMaximum is { } max && (a.Start > max || a.End > max))
            {
                ModelState.AddModelError($"{prefix}.End", T["Programmet slutter senest {0:d. MMMM yyyy} (5 år). Intet kan planlægges efter den dato.", max].Value);
            }

            if (a.DepartmentName is { Length: > 0 } name && Departments.All(d => d.Value != name) && !savedDepartments.Contains(name))
            {
                ModelState.AddModelError($"{prefix}.DepartmentName", "Vælg en afdeling fra listen.");
            }
        }
    }

    private async Task<IActionResult?> LoadAsync(Guid id, bool track)
    {
        if (!Identity.PersonAccess.IsCaseOwnerRole(User))
        {
            return Forbid();
        }

        var read = await directory.ReadAsync(User, id, AuditPurpose.Plan);
        switch (read.Outcome)
        {
            case PersonLookup.NotFound:
                return NotFound();
            case PersonLookup.Forbidden:
                return Forbid();
        }

        Facts = await plans.LoadAsync(read.Person!, read.Household!, track);
        Today = plans.Today;
        CoordinatorName = await db.Users.Where(u => u.Id == Facts.Household.CoordinatorUserId).Select(u => u.DisplayName).FirstOrDefaultAsync() ?? "–";
        Departments = [new("Vælg", ""), .. await db.Departments.AsNoTracking().OrderBy(d => d.Name).Select(d => new SelectListItem(d.Name, d.Name)).ToListAsync()];
        return null;
    }

    public static IEnumerable<SelectListItem> KindItems =>
        [new("Vælg", ""), .. PlanTexts.CatalogueOrder.Select(k => new SelectListItem(PlanTexts.Kind(k), k.ToString()))];

    public static IEnumerable<SelectListItem> StatusItems =>
        Enum.GetValues<ActivityStatus>().Select(s => new SelectListItem(PlanTexts.Status(s), s.ToString()));
}

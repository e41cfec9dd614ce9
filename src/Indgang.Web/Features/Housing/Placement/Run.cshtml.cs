using System.Text.Json;
using Indgang.Domain;
using Indgang.Domain.Audit;
using Indgang.Placement;
using Indgang.Web.Audit;
using Indgang.Web.Data;
using Indgang.Web.Data.Configurations;
using Indgang.Web.Identity;
using Indgang.Web.Platform;
using Indgang.Web.Platform.Forms;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Indgang.Web.Features.Housing.Placement;

/// <summary>A unit as the run page names it.</summary>
/// <summary>A household's override form on the run page: instead of its suggestion, or for a household without one.</summary>
public sealed record OverrideFormView(RunModel Page, Guid Household, bool ForSuggestion);

/// <summary>What was decided for a household on the run page.</summary>
public sealed record DecisionView(RunModel Page, Guid Household, PlacementDecision Decision);

/// <summary>One run's suggestions, each explained; the coordinator accepts, locks, excludes or overrides with a reason.</summary>
public sealed class RunModel(IndgangDbContext db, PlacementRunner runner, HousingMoves moves, AuditLog audit, TimeProvider clock, IStringLocalizer<SharedResource> T)
    : PageModel
{
    public PlacementRun Run { get; private set; } = null!;
    public PlacementAsk Ask { get; private set; } = null!;
    public PlacementOutcome Outcome { get; private set; } = null!;
    public IReadOnlyDictionary<Guid, string> HouseholdNames { get; private set; } = new Dictionary<Guid, string>();

    /// <summary>
    /// When each household moves in if its suggestion is accepted: the planning date, or the household's expected
    /// arrival if it has not arrived and comes later (<see cref="PlacementRunner.MoveInDayOf"/>): the optimizer offers it
    /// only units free by then, within that year's rent cap and counting its members' ages that day.
    /// </summary>
    public IReadOnlyDictionary<Guid, DateOnly> MoveInDates { get; private set; } = new Dictionary<Guid, DateOnly>();
    public IReadOnlyDictionary<Guid, UnitLabel> Units { get; private set; } = new Dictionary<Guid, UnitLabel>();
    public IReadOnlyDictionary<Guid, PlacementDecision> Decisions { get; private set; } = new Dictionary<Guid, PlacementDecision>();

    /// <summary>The display names of who ran the optimizer and who decided, by the sign-in names the run and decisions keep.</summary>
    public IReadOnlyDictionary<string, string> Staff { get; private set; } = new Dictionary<string, string>();
    public List<string> Messages { get; } = [];

    [BindProperty] public List<Guid> Accept { get; set; } = [];
    [BindProperty] public Guid? HouseholdId { get; set; }
    [BindProperty] public Guid? UnitId { get; set; }
    [BindProperty] public string? Reason { get; set; }

    /// <summary>
    /// The unit the coordinator ticked »Placér alligevel« for, when asked beside it that it breaks placement rules for the
    /// household: the tick holds for that unit only, not for another chosen after it.
    /// </summary>
    [BindProperty] public Guid? AnywayUnit { get; set; }

    /// <summary>Overridden to a unit that breaks the placement rules for the household, knowing it.</summary>
    public bool Anyway => AnywayUnit is { } unit && unit == UnitId;

    /// <summary>The household whose override was to a unit that breaks the placement rules: its form asks whether to place it anyway.</summary>
    public Guid? AnywayAskedFor { get; private set; }

    public const string RulesBroken =
        "Boligen bryder reglerne for boligplacering for husstanden: {0}. Vælg en anden bolig, eller sæt kryds i »Placér alligevel«, hvis der er grund til det, og skriv den i begrundelsen.";

    /// <summary>
    /// Said beside a ticked suggestion that breaks placement rules as things are now (the unit or the household was
    /// corrected after the run): it is not placed, and is not placed anyway from the checkbox.
    /// </summary>
    public const string SuggestionBreaksRules =
        "Forslaget bryder reglerne for boligplacering for husstanden, som de er nu: {0}. Kør optimeringen igen, eller tilsidesæt forslaget med en begrundelse, hvis der er grund til at placere husstanden her alligevel.";

    public const string DecidedByOther = "{0} er lige blevet placeret af en anden. Se beslutningen nedenfor.";

    public double Improvement => Outcome.Baseline.Objective == 0 ? 0 : 100.0 * (Outcome.Optimized.Objective - Outcome.Baseline.Objective) / Math.Abs(Outcome.Baseline.Objective);

    /// <summary>
    /// The page, with the override form of the household asked for (<c>?tilsidesaet=</c>) open: only that form lists the
    /// units to choose among, so the page stays small with many households and units. Anything else asked for opens none.
    /// </summary>
    public async Task<IActionResult> OnGetAsync(Guid runId, [FromQuery(Name = "tilsidesaet")] string? overrideFor)
    {
        if (!await LoadAsync(runId))
        {
            return NotFound();
        }

        OverrideAskedFor = Guid.TryParse(overrideFor, out var household) && Ask.Households.Contains(household) ? household : null;
        return await ShowAsync();
    }

    /// <summary>
    /// The household whose override form was asked for by its link, or whose override was posted (the page's other
    /// households show the link).
    /// </summary>
    public Guid? OverrideAskedFor { get; private set; }

    /// <summary>
    /// The household's override form is shown (and its units listed): asked for by its link, or posted and sent back
    /// refused, with what was chosen and typed.
    /// </summary>
    public bool ShowsOverrideForm(Guid household) => household == OverrideAskedFor;

    /// <summary>The page with the household's override form open, at its unit field.</summary>
    public string OverrideLink(Guid household) => $"/Housing/Placement/{Run.Id}?tilsidesaet={household}#{OverrideKey(household)}-Unit";

    /// <summary>The error beside a household's "Godkend dette forslag" checkbox, and the checkbox's id (the summary links there).</summary>
    public static string AcceptKey(Guid household) => $"Accept-{household}";

    /// <summary>
    /// The message beside a household's decision, and its id (the summary links there): the household ticked or overridden
    /// here was decided by another (or in another tab) since the page was opened, and its checkbox and form are gone.
    /// </summary>
    public static string DecidedKey(Guid household) => $"Decided-{household}";

    /// <summary>
    /// The start of the ids of a household's override fields and of the errors beside them: "{key}-Unit", "{key}-Reason",
    /// "{key}-Anyway" (the summary links there).
    /// </summary>
    public static string OverrideKey(Guid household) => $"Override-{household}";

    public async Task<IActionResult> OnPostAcceptAsync(Guid runId)
    {
        if (!await LoadAsync(runId))
        {
            return NotFound();
        }

        // Only this run's suggestions count as ticked.
        var ticked = Outcome.Optimized.Suggestions.Where(s => Accept.Contains(Guid.Parse(s.HouseholdId))).ToList();
        if (ticked.Count == 0)
        {
            ModelState.AddModelError(nameof(Accept), "Vælg de forslag, du vil godkende.");
            return await ShowAsync();
        }

        if (Stale() is { } stale)
        {
            ModelState.AddModelError(nameof(Accept), stale);
            return await ShowAsync();
        }

        foreach (var s in ticked)
        {
            var household = Guid.Parse(s.HouseholdId);
            if (Decisions.ContainsKey(household))
            {
                // Decided since the page was opened: said beside the decision, the others ticked are still placed.
                TellDecidedByOther(household);
                continue;
            }

            if (NoLongerWaiting.Contains(household))
            {
                TellNoLongerWaiting(household);
                continue;
            }

            // The suggestion was fitting when the optimizer ran; the unit or the household may have been corrected since
            // (its step-free access, the family to join, …), and the move does not check every placement rule.
            var unit = Guid.Parse(s.UnitId);
            await DecideAsync(household, unit, PlacementDecisionKind.Accepted, null, await RulesBrokenAsync(household, unit));
        }

        return await AfterDecisionAsync(runId);
    }

    public async Task<IActionResult> OnPostOverrideAsync(Guid runId)
    {
        if (!await LoadAsync(runId))
        {
            return NotFound();
        }

        if (HouseholdId is not { } household || !Ask.Households.Contains(household))
        {
            return NotFound();
        }

        var key = OverrideKey(household);
        OverrideAskedFor = household;
        ModelState.MoveToRow(nameof(Reason), $"{key}-Reason");

        // Decided since the page was opened: its override form is gone, so the unit and reason are not judged.
        if (Decisions.ContainsKey(household))
        {
            TellDecidedByOther(household);
            return await ShowAsync();
        }

        // Housed from another run or a unit's page since (or moved on): its form is gone, and the move would refuse it
        // with advice meant for a household that lives here.
        if (NoLongerWaiting.Contains(household))
        {
            TellNoLongerWaiting(household);
            return await ShowAsync();
        }

        if (UnitId is not { } unit || !Units.ContainsKey(unit))
        {
            ModelState.AddModelError($"{key}-Unit", "Vælg en bolig.");
        }

        if (string.IsNullOrWhiteSpace(Reason))
        {
            ModelState.AddModelError($"{key}-Reason", "Skriv begrundelsen for at tilsidesætte forslaget.");
        }
        else if (Reason.Trim().Length > PlacementDecisionConfiguration.ReasonLength)
        {
            // Checked before the household is moved in: the decision that records the reason is saved after the move.
            ModelState.AddModelError($"{key}-Reason", T["Begrundelsen må højst være {0:N0} tegn.", PlacementDecisionConfiguration.ReasonLength].Value);
        }

        if (Stale() is { } stale)
        {
            ModelState.AddModelError($"{key}-Unit", stale);
        }

        if (!ModelState.IsValid)
        {
            return await ShowAsync();
        }

        // A rule the optimizer never breaks (step-free access, room for the family to join, …) is broken only knowingly:
        // asked about once the move has passed its own checks (those it refuses are said as the move says them).
        await DecideAsync(household, UnitId!.Value, PlacementDecisionKind.Overridden, Reason!.Trim(), await RulesBrokenAsync(household, UnitId.Value));
        return await AfterDecisionAsync(runId);
    }

    /// <summary>
    /// The placement rules of the pair alone (<see cref="HardConstraints.BrokenBy"/>) that placing the household in the
    /// unit breaks, as things are now and on its move-in day; the coordinator's own locks and exclusions are not asked.
    /// </summary>
    private async Task<IReadOnlyList<string>> RulesBrokenAsync(Guid household, Guid unit) =>
        HardConstraints.BrokenBy(await AloneAsync(household), household.ToString(), unit.ToString());

    /// <summary>
    /// The placement request of the household alone, as things are now and on its move-in day: what its override is
    /// offered (<see cref="ChoosableUnits"/>) and checked against (<see cref="RulesBrokenAsync"/>) by the optimizer's rules.
    /// </summary>
    private Task<PlacementRequest> AloneAsync(Guid household) =>
        runner.BuildAsync(new PlacementAsk([household], MoveInDates.GetValueOrDefault(household, Run.PlanningDate), [], [], null), HttpContext.RequestAborted);

    public async Task<IActionResult> OnPostLockAsync(Guid runId) => await RerunAsync(runId, Rerun.Lock);

    public async Task<IActionResult> OnPostExcludeAsync(Guid runId) => await RerunAsync(runId, Rerun.Exclude);

    /// <summary>A lock taken off again (the unit is wanted for another, say), and the optimizer run again without it.</summary>
    public async Task<IActionResult> OnPostUnlockAsync(Guid runId) => await RerunAsync(runId, Rerun.Unlock);

    /// <summary>An exclusion taken back (made by mistake, or the reason is gone), and the optimizer run again without it.</summary>
    public async Task<IActionResult> OnPostIncludeAsync(Guid runId) => await RerunAsync(runId, Rerun.Include);

    private enum Rerun
    {
        Lock,
        Exclude,
        Unlock,
        Include,
    }

    /// <summary>Said on the run page of a re-run for each lock it left out (<see cref="PlacementRunner.HoldableLocksAsync"/>).</summary>
    public const string LockDroppedNotFree = "Låsen af {0} til {1} er fjernet, fordi boligen ikke længere er ledig.";

    /// <inheritdoc cref="LockDroppedNotFree"/>
    public const string LockDroppedDoesNotFit = "Låsen af {0} til {1} er fjernet, fordi boligen ikke længere passer husstanden: {2}.";

    /// <summary>Said once on the page of a run whose locks cannot all hold (it has no plan), instead of each household's reason.</summary>
    public const string LocksCannotHold =
        "De låste forslag kan ikke holdes samtidig, så ingen husstand har fået et forslag. Fjern en af låsene under »Låste forslag«, så kører optimeringen igen uden den.";

    /// <summary>The run's locks of households not yet decided, each of which can be taken off (<see cref="OnPostUnlockAsync"/>).</summary>
    public IReadOnlyList<PairChoice> OpenLocks => Ask.Locks.Where(l => !Decisions.ContainsKey(l.HouseholdId) && !NoLongerWaiting.Contains(l.HouseholdId)).ToList();

    /// <summary>
    /// The run's exclusions of households not yet decided, each of which can be taken back (<see cref="OnPostIncludeAsync"/>).
    /// A re-run keeps every exclusion made before it: unlisted, an exclusion made by mistake held in every later re-run.
    /// </summary>
    public IReadOnlyList<PairChoice> OpenExclusions => Ask.Exclusions.Where(e => !Decisions.ContainsKey(e.HouseholdId) && !NoLongerWaiting.Contains(e.HouseholdId)).ToList();

    private async Task<IActionResult> RerunAsync(Guid runId, Rerun rerun)
    {
        if (!await LoadAsync(runId))
        {
            return NotFound();
        }

        if (HouseholdId is not { } household || UnitId is not { } unit)
        {
            return BadRequest();
        }

        // The page offers the units that exist; another id (a request made by hand) would be kept as a lock of no unit.
        if (!await db.HousingUnits.AnyAsync(u => u.Id == unit, HttpContext.RequestAborted))
        {
            return NotFound();
        }

        var pair = new PairChoice(household, unit);
        // A re-run of a run whose day has passed plans from today.
        var today = clock.Today();
        // Households accepted since (from this run or elsewhere) have a home: the re-run plans for those still waiting.
        var current = await runner.StillWaitingAsync(Ask.PlanningDate < today ? Ask with { PlanningDate = today } : Ask, HttpContext.RequestAborted);
        if (!current.Households.Contains(household))
        {
            var name = HouseholdNames.GetValueOrDefault(household) ?? household.ToString();
            ModelState.AddModelError("", T["{0} venter ikke længere på en bolig, så forslaget kan ikke låses eller udelukkes.", name].Value);
            return await ShowAsync();
        }

        var asked = rerun switch
        {
            Rerun.Exclude => current with { Exclusions = [.. current.Exclusions, pair], Locks = current.Locks.Where(l => l != pair).ToList(), PreviousRunId = runId },
            Rerun.Unlock => current with { Locks = current.Locks.Where(l => l != pair).ToList(), PreviousRunId = runId },
            Rerun.Include => current with { Exclusions = current.Exclusions.Where(e => e != pair).ToList(), PreviousRunId = runId },
            _ => current with { Locks = [.. current.Locks.Where(l => l.HouseholdId != household), pair], Exclusions = current.Exclusions.Where(e => e != pair).ToList(), PreviousRunId = runId },
        };
        // A lock whose unit has been given away (or blocked) since, or that no longer fits, is left out and said on the
        // new run's page: kept, no household would get a suggestion, in this re-run and every later one.
        var ask = await runner.HoldableLocksAsync(asked, HttpContext.RequestAborted);
        try
        {
            var next = await runner.RunAsync(ask, User.Identity!.Name!, HttpContext.RequestAborted);
            return Redirect($"/Housing/Placement/{next}");
        }
        catch (PlacementFailedException)
        {
            ModelState.AddModelError("", PlacementFailedException.UserMessage);
            return await ShowAsync();
        }
    }

    /// <summary>
    /// A run planned for a day that has passed would move households in, and date the departments' tasks, in the past;
    /// its suggestions may no longer hold either.
    /// </summary>
    private string? Stale() =>
        Run.PlanningDate < clock.Today()
            ? T["Kørslen er planlagt til {0:d. MMMM yyyy}, som er gået. Kør optimeringen igen for at placere fra i dag.", Run.PlanningDate].Value
            : null;

    /// <summary>
    /// The household moved into the unit and the decision recorded, together; refused beside its field. An override that
    /// breaks placement rules (<paramref name="rulesBroken"/>, <see cref="RulesBrokenAsync"/>) is asked about first, once
    /// the move has passed its own checks (the move is undone), unless ticked to be placed anyway for this unit
    /// (<see cref="Anyway"/>); then the rules are audited with the reason. An accepted suggestion that breaks them is
    /// refused beside its checkbox (<see cref="SuggestionBreaksRules"/>), the move undone likewise.
    /// </summary>
    private async Task DecideAsync(Guid household, Guid unit, PlacementDecisionKind kind, string? reason, IReadOnlyList<string>? rulesBroken = null)
    {
        // The move and the decision are saved together: a move without its decision would not show as placed here.
        await using var transaction = await db.Database.BeginTransactionAsync();
        var result = await moves.MoveInAsync(unit, household, MoveInDates.GetValueOrDefault(household, Run.PlanningDate));
        var name = HouseholdNames.GetValueOrDefault(household) ?? household.ToString();
        if (!result.Succeeded)
        {
            // A refused move may be a refused save: on PostgreSQL nothing more can be read in the transaction.
            await transaction.RollbackAsync();
            // Each refusal beside the household's own field, so the summary shows every one and links to it. Decided in
            // this run by another at the same moment (or by a second click), it is said so beside the decision: the move
            // was theirs.
            if (await db.PlacementDecisions.AnyAsync(d => d.RunId == Run.Id && d.HouseholdId == household))
            {
                TellDecidedByOther(household);
            }
            else
            {
                ModelState.AddModelError(kind == PlacementDecisionKind.Accepted ? AcceptKey(household) : $"{OverrideKey(household)}-Unit", $"{name}: {T[result.Error!].Value}");
            }

            return;
        }

        var broken = rulesBroken ?? [];
        if (broken.Count > 0 && kind == PlacementDecisionKind.Accepted)
        {
            // An accepted suggestion is never placed anyway: that is an override, with its reason.
            await transaction.RollbackAsync();
            db.ChangeTracker.Clear();
            ModelState.AddModelError(AcceptKey(household), $"{name}: {T[SuggestionBreaksRules, RulesText(broken)].Value}");
            return;
        }

        if (broken.Count > 0 && !Anyway)
        {
            await transaction.RollbackAsync();
            db.ChangeTracker.Clear();
            ModelState.AddModelError($"{OverrideKey(household)}-Unit", $"{name}: {T[RulesBroken, RulesText(broken)].Value}");
            AnywayAskedFor = household;
            return;
        }

        db.PlacementDecisions.Add(new PlacementDecision(Run.Id, household, unit, kind, reason, User.Identity!.Name!, clock.GetUtcNow()));
        await db.SaveChangesAsync();
        await audit.RecordAsync(kind == PlacementDecisionKind.Accepted ? AuditAction.PlacementAccepted : AuditAction.PlacementOverridden, null,
            AuditPurpose.PlacementDecision,
            // Named by its household first, so that a search of the household's entries (and a person's insight) finds it.
            AuditLog.Household(household, $", kørsel {Run.Id:D} → bolig {unit:D}{(reason is null ? "" : $", {AuditLog.ReasonKeptInTheCase}")}{(broken.Count > 0 ? $" (bryder: {string.Join("; ", broken)})" : "")}"));
        await transaction.CommitAsync();
        Messages.Add(kind == PlacementDecisionKind.Accepted ? T["{0} er placeret.", name] : T["{0} er placeret efter tilsidesættelse.", name]);
    }

    /// <summary>Placement rules (<see cref="ExplanationTexts"/>, in Danish) in the reader's language, one after the other.</summary>
    public string RulesText(IEnumerable<string> rules) => string.Join(DroppedLock.RulesSeparator, rules.Select(rule => T[rule].Value));

    /// <summary>Said beside a household that no longer waits for a home, instead of its checkbox and forms.</summary>
    public const string NoLongerWaitingText = "{0} venter ikke længere på en bolig: husstanden har fået en bolig eller er flyttet videre, siden kørslen blev lavet.";

    /// <summary>A household ticked or overridden that no longer waits (the page was opened before): said beside its note, which has the checkbox's id.</summary>
    private void TellNoLongerWaiting(Guid household) =>
        ModelState.AddModelError(AcceptKey(household), T[NoLongerWaitingText, HouseholdNames.GetValueOrDefault(household) ?? household.ToString()].Value);

    /// <summary>The household has been decided by another (or in another tab): named, beside its decision and in the summary.</summary>
    private void TellDecidedByOther(Guid household) =>
        ModelState.AddModelError(DecidedKey(household), T[DecidedByOther, HouseholdNames.GetValueOrDefault(household) ?? household.ToString()].Value);

    private async Task<IActionResult> AfterDecisionAsync(Guid runId)
    {
        if (!ModelState.IsValid)
        {
            await LoadAsync(runId);
            return await ShowAsync();
        }

        return Redirect($"/Housing/Placement/{runId}");
    }

    /// <summary>
    /// The page as shown: each household in it, with its suggestion and what the explanation tells of it (or that it
    /// got none), is a read of the household, audited.
    /// </summary>
    private async Task<IActionResult> ShowAsync()
    {
        if (OverrideAskedFor is { } asked && !Decisions.ContainsKey(asked) && !NoLongerWaiting.Contains(asked))
        {
            // Only the units the household may be given, by the optimizer's own rules, and the one posted.
            _choosable = ChoosableUnits.For(await AloneAsync(asked), asked.ToString());
            var offered = _choosable.UnitIds.ToHashSet(StringComparer.Ordinal);
            var posted = asked == HouseholdId ? UnitId : null;
            _overrideUnits = new UnitChoices(_units.Where(u => offered.Contains(u.Id.ToString()) || u.Id == posted).ToList(), Units, "Vælg");
        }

        var shown = Outcome.Optimized.Suggestions.Select(s => s.HouseholdId).Concat(Outcome.Optimized.Unhoused)
            .Select(Guid.Parse).Distinct().Where(HouseholdNames.ContainsKey);
        await audit.RecordReadsAsync(AuditPurpose.PlacementSuggestions, households: shown);

        return Page();
    }

    private async Task<bool> LoadAsync(Guid runId)
    {
        var run = await db.PlacementRuns.AsNoTracking().FirstOrDefaultAsync(r => r.Id == runId);
        if (run is null)
        {
            return false;
        }

        Run = run;
        Ask = JsonSerializer.Deserialize<PlacementAsk>(run.RequestJson, PlacementRunner.Json)!;
        Outcome = JsonSerializer.Deserialize<PlacementOutcome>(run.ResultJson, PlacementRunner.Json)!;
        var households = await db.Households.AsNoTracking().Include(h => h.Members).Where(h => Ask.Households.Contains(h.Id)).ToListAsync();
        HouseholdNames = households.ToDictionary(h => h.Id, h => h.Name);
        MoveInDates = households.ToDictionary(h => h.Id, h => PlacementRunner.MoveInDayOf(h, run.PlanningDate));
        _households = households.ToDictionary(h => h.Id);
        var towns = await db.Towns.AsNoTracking().ToDictionaryAsync(t => t.Id, t => t.Name);
        var sites = await db.HousingSites.AsNoTracking().ToDictionaryAsync(s => s.Id);
        var today = clock.Today();
        var units = await db.HousingUnits.AsNoTracking().ToListAsync();
        Units = units.ToDictionary(u => u.Id, u => new UnitLabel(u.Id, u.Label, sites[u.SiteId].Name, towns[sites[u.SiteId].TownId]));
        _units = units;
        Decisions = await db.PlacementDecisions.AsNoTracking().Where(d => d.RunId == runId).ToDictionaryAsync(d => d.HouseholdId);
        var ids = households.Select(h => h.Id).ToList();
        // As a re-run plans: from the run's day, or from today once that has passed.
        var waiting = await WaitingForHousing.On(db, run.PlanningDate < today ? today : run.PlanningDate).Where(h => ids.Contains(h.Id)).Select(h => h.Id).ToListAsync();
        NoLongerWaiting = ids.Except(waiting).Where(h => !Decisions.ContainsKey(h)).ToHashSet();
        var stays = await db.Occupancies.AsNoTracking().Where(o => ids.Contains(o.HouseholdId)).Select(o => new { o.HouseholdId, o.UnitId }).ToListAsync();
        UndoneDecisions = Decisions.Values.Where(d => !stays.Any(s => s.HouseholdId == d.HouseholdId && s.UnitId == d.UnitId)).Select(d => d.HouseholdId).ToHashSet();
        var lastMovedOut = await db.Occupancies.AsNoTracking().LastMovedOutAsync(ids, today, HttpContext.RequestAborted);
        WaitingSince = households.ToDictionary(h => h.Id, h => PlacementRunner.WaitingSince(h, today, clock.LocalTimeZone, lastMovedOut.TryGetValue(h.Id, out var left) ? left : null));
        Staff = await StaffNames.ForAsync(db, Decisions.Values.Select(d => d.DecidedBy).Append(run.CreatedBy));
        return true;
    }

    /// <summary>
    /// The units to override the household to (<see cref="UnitChoices"/>), for the household whose form is shown: those it
    /// may be given (<see cref="ChoosableUnits"/>: not over its rent cap, beds for it, free on its day, …), and the one
    /// posted, so that what was chosen stays chosen when the move refuses it.
    /// </summary>
    public IReadOnlyList<SelectListItem> UnitItems(Guid household)
    {
        var moveIn = MoveInDates.GetValueOrDefault(household, Run.PlanningDate);
        var members = _households.TryGetValue(household, out var h) ? h.Members : [];
        // Adults by their age on the move-in day, as the move counts them.
        return _overrideUnits.For(Math.Max(1, members.Count), members.Count == 1 ? members[0].BirthDate : null, moveIn, household == HouseholdId ? UnitId : null);
    }

    /// <summary>
    /// Why the household's override has no unit to offer (<see cref="ChoosableUnits.WhyNone"/>: the rules that rule out
    /// each unit, in the words of the reason a household gets no suggestion), said instead of an empty list; null when
    /// there is one, or its form is not shown.
    /// </summary>
    public Said? NoUnitToChoose(Guid household) =>
        household == OverrideAskedFor && _choosable?.WhyNone is { } why && UnitItems(household).Count == 1 ? why : null;

    private Dictionary<Guid, Domain.People.Household> _households = [];
    private List<Domain.Housing.HousingUnit> _units = [];
    private UnitChoices _overrideUnits = new([], new Dictionary<Guid, UnitLabel>(), "Vælg");
    private ChoosableUnits? _choosable;

    /// <summary>
    /// The run's households not decided here that no longer wait for a home (<see cref="WaitingForHousing"/>): housed
    /// from another run or a unit's page, or moved on, since the run. Their suggestions are told so instead of ticked,
    /// and they are not locked, excluded or overridden.
    /// </summary>
    public IReadOnlySet<Guid> NoLongerWaiting { get; private set; } = new HashSet<Guid>();

    /// <summary>The households decided here whose move-in has since been called off (on the unit's page): the decision no longer holds.</summary>
    public IReadOnlySet<Guid> UndoneDecisions { get; private set; } = new HashSet<Guid>();

    /// <summary>
    /// Since when each household has waited (<see cref="PlacementRunner.WaitingSince"/>): the page shows the suggestions,
    /// and those without one, the longest-waiting first, as the coordinator goes through them.
    /// </summary>
    public IReadOnlyDictionary<Guid, DateOnly> WaitingSince { get; private set; } = new Dictionary<Guid, DateOnly>();

    /// <summary>The households in the order the page shows them: the longest-waiting first, then by name.</summary>
    public IEnumerable<T> LongestWaitingFirst<T>(IEnumerable<T> items, Func<T, string> household) =>
        items.OrderBy(i => WaitingSince.GetValueOrDefault(Guid.Parse(household(i)), DateOnly.MaxValue))
            .ThenBy(i => HouseholdNames.GetValueOrDefault(Guid.Parse(household(i))), StringComparer.CurrentCulture);

    public string UnitText(string unitId) => Units.TryGetValue(Guid.Parse(unitId), out var u) ? $"{u.Label}, {u.Site} ({u.Town})" : unitId;
}

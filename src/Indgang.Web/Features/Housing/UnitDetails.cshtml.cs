using System.Security.Claims;
using Indgang.Domain.Audit;
using Indgang.Domain.Housing;
using Indgang.Web.Audit;
using Indgang.Web.Data;
using Indgang.Web.Platform;
using Indgang.Web.Platform.Forms;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Indgang.Web.Features.Housing;

public sealed record OccupantRow(Occupancy Occupancy, string HouseholdName, int DaysHere);

/// <summary>The household that moved out of the unit last, and when.</summary>
public sealed record FormerOccupantRow(Occupancy Occupancy, string HouseholdName);

/// <summary>One unit: its facts, who lives there, and moving a household in or out (HOUSE-2).</summary>
public sealed class UnitDetailsModel(
    IndgangDbContext db, HousingMoves moves, Placement.PlacementRunner placement, AuditLog audit, TimeProvider clock, IStringLocalizer<SharedResource> T) : PageModel
{
    public HousingUnit Unit { get; private set; } = null!;

    /// <summary>The day the first household moves in, when nobody lives in the unit today (<see cref="UnitReservations"/>).</summary>
    public DateOnly? ReservedFrom { get; private set; }
    public string SiteName { get; private set; } = "";

    /// <summary>The unit's beds to give today (<see cref="HousingUnit.BedsToGiveOn"/>), as the stock list counts them.</summary>
    public int BedsToGive { get; private set; }
    public IReadOnlyList<OccupantRow> Occupants { get; private set; } = [];

    /// <summary>The last move out that has happened, if any: whether the unit has been inspected and its keys are back.</summary>
    public FormerOccupantRow? LastMovedOut { get; private set; }

    /// <summary>The tasks of the move outs shown (agreed ones ahead, and the last one), by stay.</summary>
    public ILookup<Guid, MoveOutTaskStatus> MoveOutTasks { get; private set; } = Array.Empty<MoveOutTaskStatus>().ToLookup(_ => Guid.Empty);
    public List<SelectListItem> WaitingHouseholds { get; private set; } = [];

    [BindProperty]
    public Guid? HouseholdId { get; set; }

    [BindProperty]
    public DateOnly? MoveInOn { get; set; }

    /// <summary>
    /// The coordinator confirms a move-in long past for a household whose arrival is not recorded: the day becomes its
    /// arrival, day 0 and every deadline (<see cref="PastArrivalDays"/>).
    /// </summary>
    [BindProperty]
    public bool ConfirmsPastArrival { get; set; }

    /// <summary>Whether the form asks for <see cref="ConfirmsPastArrival"/>: a move-in long past was refused without it.</summary>
    public bool AsksPastArrival { get; private set; }

    /// <summary>
    /// How many days back a move-in may lie, for a household whose arrival is not recorded, before it must be confirmed.
    /// Such a move-in records the household's arrival on its day (HousingMoves), which cannot be undone from the arrival
    /// page; a mistyped month (July for November) put a household months back, every deadline overdue (found by review).
    /// A move-in that has truly happened that long ago (occupants entered when the municipality starts using Indgang) is
    /// confirmed with a tick.
    /// </summary>
    public const int PastArrivalDays = 14;

    [BindProperty]
    public Guid? OccupancyId { get; set; }

    [BindProperty]
    public DateOnly? MoveOutOn { get; set; }

    /// <summary>
    /// The agreed move-out day the page showed when an agreed move out was changed or called off: if it is another now,
    /// another coordinator has changed it meanwhile, and the change is not made over theirs unseen.
    /// </summary>
    [BindProperty]
    public DateOnly? AgreedMoveOutOn { get; set; }

    public const string ChangedWhileShown = "Den aftalte fraflytning er ændret af en anden, mens du så på den. Se den, som den er nu, og prøv igen.";

    /// <summary>Where the household moves, as chosen on a refused move out (bound by that form's handler alone).</summary>
    public MoveOutDestination? MoveOutTo { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        MoveInOn = Today;
        MoveOutOn = Today;
        return await LoadAsync(id) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostMoveInAsync(Guid id)
    {
        if (HouseholdId is null)
        {
            ModelState.AddModelError(nameof(HouseholdId), "Vælg husstanden, der flytter ind.");
        }

        if (MoveInOn is null)
        {
            ModelState.AddModelError(nameof(MoveInOn), "Angiv indflytningsdatoen.");
        }
        else if (Platform.PlanningHorizon.IsBeyond(MoveInOn.Value, Today))
        {
            ModelState.AddModelError(nameof(MoveInOn), Platform.PlanningHorizon.TooFarAhead);
        }

        // Asked only of a day the move could take: one the arrival rules refuse (before the visitation decision) is refused
        // by the move itself, as it says it.
        if (ModelState.IsValid && !ConfirmsPastArrival && MoveInOn!.Value < Today.AddDays(-PastArrivalDays)
            && await db.Households.AsNoTracking().FirstOrDefaultAsync(h => h.Id == HouseholdId) is { ArrivedOn: null } waiting
            && moves.ArrivalRefusal(waiting, MoveInOn.Value, Today) is null)
        {
            AsksPastArrival = true;
            ModelState.AddModelError(nameof(MoveInOn), T["Indflytningen ligger {0} dage tilbage, og husstandens ankomst er ikke registreret: dagen bliver dens ankomst, dag 0 og udgangspunkt for alle frister. Tjek datoen, og bekræft den herunder, hvis den er rigtig.", Today.DayNumber - MoveInOn.Value.DayNumber].Value);
        }

        // A household in another of our temporary units moves straight in from there, in one step.
        var from = ModelState.IsValid
            ? await db.Occupancies.AsNoTracking().MovableTo(id, Today).Where(o => o.HouseholdId == HouseholdId)
                .Select(o => (Guid?)o.Id).FirstOrDefaultAsync()
            : null;
        if (ModelState.IsValid
            && await (from is { } stay ? moves.MoveToAnotherUnitAsync(stay, id, MoveInOn!.Value) : moves.MoveInAsync(id, HouseholdId!.Value, MoveInOn!.Value)) is { Succeeded: false } refused)
        {
            // A refusal of the day (the unit free later, the household arriving later, the move out of its home) beside
            // the date; the rest beside the household.
            ModelState.AddModelError(
                refused.AboutTheDay || (from is not null && !refused.AboutTheNewUnit) ? nameof(MoveInOn) : nameof(HouseholdId), refused.Error!);
        }

        if (!ModelState.IsValid)
        {
            return await LoadAsync(id) ? Page() : NotFound();
        }

        return Redirect($"/Housing/Units/{id}");
    }

    /// <summary>
    /// A resident moves out on the day, to where the form says; with a new unit chosen (<see cref="MoveToUnitField"/>),
    /// straight into it, in one step (<see cref="HousingMoves.MoveToAnotherUnitAsync"/>).
    /// </summary>
    public async Task<IActionResult> OnPostMoveOutAsync(Guid id, [FromForm(Name = MoveOutDestinationField.Name)] MoveOutDestination? moveOutTo)
    {
        MoveOutTo = moveOutTo;
        if (await AnotherUnitsStayAsync(id))
        {
            ModelState.AddModelError("", HousingMoves.NoSuchStay);
            return await AfterAsync(id);
        }

        var unreadable = ModelState.LeaveUnreadableToTheRow(nameof(MoveOutOn));
        if (OccupancyId is null || MoveOutOn is null)
        {
            ModelState.AddModelError(MoveOutKey, unreadable ? "Fraflytningsdatoen er ikke en gyldig dato." : "Angiv fraflytningsdatoen.");
        }

        if (OccupancyId is { } stay && ModelState[MoveToUnitField.Name]?.Errors.Count > 0)
        {
            // Not one of the choices: beside the resident's choice of unit, not under the posted name.
            ModelState.Remove(MoveToUnitField.Name);
            ModelState.AddModelError(MoveToUnitField.For(stay), "Vælg en bolig fra listen.");
        }

        // A unit chosen answers "Hvorhen?" too: another of ours.
        MoveOutTo ??= MoveToUnitId is null ? null : MoveOutDestination.OtherMunicipalUnit;
        if (OccupancyId is { } occupancy && MoveOutTo is null)
        {
            // Beside the resident's choices, not under the posted name (a value that is not a choice lands there).
            ModelState.Remove(MoveOutDestinationField.Name);
            ModelState.AddModelError(MoveOutToField(occupancy), "Vælg, hvorhen husstanden flytter.");
        }
        else if (OccupancyId is { } moving && MoveToUnitId is not null && MoveOutTo != MoveOutDestination.OtherMunicipalUnit)
        {
            ModelState.AddModelError(MoveToUnitField.For(moving), MoveToUnitField.OnlyToOurUnits);
        }

        if (ModelState.IsValid
            && await (MoveToUnitId is { } newUnit
                ? moves.MoveToAnotherUnitAsync(OccupancyId!.Value, newUnit, MoveOutOn!.Value)
                : moves.MoveOutAsync(OccupancyId!.Value, MoveOutOn!.Value, MoveOutTo!.Value)) is { Succeeded: false } refused)
        {
            // A choice the stay does not have is refused beside the choices, the new unit's refusal beside the new unit,
            // the rest beside the date.
            ModelState.AddModelError(
                refused.Error == HousingMoves.FirstPermanentHomeGiven ? MoveOutToField(OccupancyId.Value)
                : refused.AboutTheNewUnit ? MoveToUnitField.For(OccupancyId.Value)
                : MoveOutKey,
                refused.Error!);
        }

        return await AfterAsync(id);
    }

    /// <summary>The unit a resident is to move straight into, as chosen on the move-out form (<see cref="MoveToUnitField"/>).</summary>
    [BindProperty(Name = MoveToUnitField.Name)]
    public Guid? MoveToUnitId { get; set; }

    /// <summary>The "Ny bolig" choices of each resident who may move to another of our units (a temporary stay not moved out).</summary>
    public IReadOnlyDictionary<Guid, MoveToUnitChoices> MoveToChoices { get; private set; } = new Dictionary<Guid, MoveToUnitChoices>();

    /// <summary>
    /// The home each shown move out leads straight to, by stay: another of our units the household moves into on the
    /// move-out day, named and linked beside the move.
    /// </summary>
    public IReadOnlyDictionary<Guid, (Guid UnitId, string Label)> NextHomes { get; private set; } = new Dictionary<Guid, (Guid, string)>();

    /// <summary>A registered move out on a later day comes on another day.</summary>
    public async Task<IActionResult> OnPostChangeMoveOutAsync(Guid id)
    {
        var unreadable = ModelState.LeaveUnreadableToTheRow(nameof(MoveOutOn));
        if (OccupancyId is null || MoveOutOn is null)
        {
            ModelState.AddModelError(MoveOutKey, unreadable ? "Den nye fraflytningsdato er ikke en gyldig dato." : "Angiv den nye fraflytningsdato.");
        }
        else if (await AnotherUnitsStayAsync(id))
        {
            ModelState.AddModelError("", HousingMoves.NoSuchStay);
        }
        else if (await ChangedSinceShownAsync(OccupancyId.Value))
        {
            ModelState.AddModelError("", ChangedWhileShown);
        }
        else if (await AgreedInPipelineAsync(OccupancyId.Value))
        {
            ModelState.AddModelError(MoveOutKey, AgreedInPipelineRefusal);
        }
        else if (await moves.ChangeMoveOutAsync(OccupancyId.Value, MoveOutOn.Value) is { Succeeded: false } refused)
        {
            ModelState.AddModelError(MoveOutKey, refused.Error!);
        }

        return await AfterAsync(id);
    }

    /// <summary>A registered move out on a later day is called off: the household stays.</summary>
    public async Task<IActionResult> OnPostCallOffMoveOutAsync(Guid id)
    {
        if (OccupancyId is null)
        {
            return NotFound();
        }

        if (await AnotherUnitsStayAsync(id))
        {
            ModelState.AddModelError("", HousingMoves.NoSuchStay);
        }
        else if (await ChangedSinceShownAsync(OccupancyId.Value))
        {
            ModelState.AddModelError("", ChangedWhileShown);
        }
        else if (await AgreedInPipelineAsync(OccupancyId.Value))
        {
            ModelState.AddModelError(MoveOutKey, AgreedInPipelineRefusal);
        }
        else if (await moves.CallOffMoveOutAsync(OccupancyId.Value) is { Succeeded: false } refused)
        {
            ModelState.AddModelError(MoveOutKey, refused.Error!);
        }

        return await AfterAsync(id);
    }

    /// <summary>
    /// A move-in still ahead is called off (<see cref="HousingMoves.CallOffMoveInAsync"/>): the household does not come
    /// here after all, and waits for a home again.
    /// </summary>
    public async Task<IActionResult> OnPostCallOffMoveInAsync(Guid id)
    {
        if (OccupancyId is null)
        {
            return NotFound();
        }

        if (await AnotherUnitsStayAsync(id))
        {
            ModelState.AddModelError("", HousingMoves.NoSuchStay);
        }
        else if (await moves.CallOffMoveInAsync(OccupancyId.Value, User.FindFirstValue(ClaimTypes.NameIdentifier)!) is { } calledOff)
        {
            if (!calledOff.Succeeded)
            {
                ModelState.AddModelError(MoveOutKey, calledOff.Error!);
            }
            else if (calledOff.Told is { } told)
            {
                // What became of the move out from the household's home, shown on the page itself.
                CalledOffTold = told;
                return await LoadAsync(id) ? Page() : NotFound();
            }
        }

        return await AfterAsync(id);
    }

    /// <summary>
    /// After a move-in the household was to make from another of our units is called off: whether it stays on there, or
    /// why its move out from there stands (<see cref="MoveResult.Told"/>).
    /// </summary>
    public string? CalledOffTold { get; private set; }

    /// <summary>The stays whose move out belongs to an accepted offer of a permanent home: changed on the pipeline page, with the offer.</summary>
    public IReadOnlySet<Guid> AgreedInPipeline { get; private set; } = new HashSet<Guid>();

    public const string AgreedInPipelineRefusal = "Fraflytningen hører til et accepteret boligtilbud. Ret eller fortryd den under Vejen til permanent bolig.";

    /// <summary>The key of a stay's move-out date field: errors show beside the form of the stay they concern.</summary>
    public static string MoveOutField(Guid occupancyId) => $"MoveOutOn-{occupancyId}";

    /// <summary>The key of a resident's "Hvorhen?" choices, and the first choice's id.</summary>
    public static string MoveOutToField(Guid occupancyId) => $"{MoveOutDestinationField.Name}-{occupancyId}";

    private string MoveOutKey => OccupancyId is { } occupancy ? MoveOutField(occupancy) : nameof(MoveOutOn);

    /// <summary>After a move out, its change or its calling off: the page again with the mistake, or the unit.</summary>
    private async Task<IActionResult> AfterAsync(Guid id)
    {
        if (!ModelState.IsValid)
        {
            // The move-in form below was not sent: it shows today, as when the page was opened.
            MoveInOn = Today;
            return await LoadAsync(id) ? Page() : NotFound();
        }

        return Redirect($"/Housing/Units/{id}");
    }

    /// <summary>
    /// Whether the form names a stay of another unit (its id sent on this unit's page): the handlers move this unit's
    /// households only, and answer it as a stay that is not there (<see cref="HousingMoves.NoSuchStay"/>), beside no
    /// field of this page. A stay that is not there at all is answered by the move it was sent for.
    /// </summary>
    private async Task<bool> AnotherUnitsStayAsync(Guid id) =>
        OccupancyId is { } stay && await db.Occupancies.AnyAsync(o => o.Id == stay && o.UnitId != id);

    /// <summary>
    /// Whether the stay's agreed move out is another than the page showed (<see cref="AgreedMoveOutOn"/>): moved or called
    /// off by another since. A form sent without it (an older page) is not held back.
    /// </summary>
    private async Task<bool> ChangedSinceShownAsync(Guid occupancyId) =>
        AgreedMoveOutOn is { } shown
        && await db.Occupancies.Where(o => o.Id == occupancyId).Select(o => o.MovedOutOn).FirstOrDefaultAsync() != shown;

    private Task<bool> AgreedInPipelineAsync(Guid occupancyId) => AgreedInPipelineOf(db.Occupancies.Where(o => o.Id == occupancyId)).AnyAsync();

    /// <summary>Of the stays, those whose move out is the move day of their household's accepted offer.</summary>
    private IQueryable<Guid> AgreedInPipelineOf(IQueryable<Occupancy> stays) =>
        from o in stays
        join offer in db.HousingOffers on o.HouseholdId equals offer.HouseholdId
        where offer.Status == OfferStatus.Accepted && offer.MoveDate == o.MovedOutOn
        select o.Id;

    public DateOnly Today => clock.Today();

    private async Task<bool> LoadAsync(Guid id)
    {
        var unit = await db.HousingUnits.AsNoTracking().FirstOrDefaultAsync(u => u.Id == id);
        if (unit is null)
        {
            return false;
        }

        Unit = unit;
        ReservedFrom = (await UnitReservations.OnAsync(db, Today, id, HttpContext.RequestAborted)).TryGetValue(id, out var reserved) ? reserved : null;
        BedsToGive = unit.BedsToGiveOn(Today, unit.IsSharedRoom
            ? (await SharedRoomResidents.BedsTakenFromAsync(db, Today, id, HttpContext.RequestAborted)).GetValueOrDefault(id)
            : null);
        SiteName = await db.HousingSites.Where(s => s.Id == unit.SiteId).Select(s => s.Name).FirstAsync();
        var occupants = await (from o in db.Occupancies.AsNoTracking().HomeOn(Today)
                               join h in db.Households.AsNoTracking() on o.HouseholdId equals h.Id
                               where o.UnitId == id
                               select new { o, h.Name }).ToListAsync();
        Occupants = occupants.Select(x => new OccupantRow(x.o, x.Name, x.o.DaysUntil(Today))).ToList();
        AgreedInPipeline = (await AgreedInPipelineOf(db.Occupancies.HomeOn(Today).Where(o => o.UnitId == id)).ToListAsync()).ToHashSet();
        var last = await (from o in db.Occupancies.AsNoTracking()
                          join h in db.Households.AsNoTracking() on o.HouseholdId equals h.Id
                          where o.UnitId == id && o.MovedOutOn <= Today
                          orderby o.MovedOutOn descending
                          select new { o, h.Name }).FirstOrDefaultAsync();
        LastMovedOut = last is null ? null : new FormerOccupantRow(last.o, last.Name);
        var movingOut = Occupants.Select(o => o.Occupancy).Where(o => o.MovedOutOn is not null).Concat(last is null ? [] : [last.o]).ToList();
        var movingHouseholds = movingOut.Select(o => o.HouseholdId).ToList();
        var nextStays = await (from o in db.Occupancies.AsNoTracking()
                               join u in db.HousingUnits.AsNoTracking() on o.UnitId equals u.Id
                               where movingHouseholds.Contains(o.HouseholdId) && o.UnitId != id
                               select new { o.HouseholdId, o.MovedInOn, UnitId = u.Id, u.Label }).ToListAsync();
        NextHomes = movingOut
            .Select(o => (Stay: o, Next: nextStays.FirstOrDefault(n => n.HouseholdId == o.HouseholdId && n.MovedInOn == o.MovedOutOn)))
            .Where(x => x.Next is not null)
            .ToDictionary(x => x.Stay.Id, x => (x.Next!.UnitId, x.Next.Label));
        MoveToChoices = await MoveToUnitField.ChoicesAsync(
            db, placement, [.. Occupants.Select(o => o.Occupancy).Where(o => o.IsTemporary && o.MovedOutOn is null)], Today,
            OccupancyId is { } posting && MoveToUnitId is { } postedUnit ? (posting, postedUnit) : null, T, HttpContext.RequestAborted);
        MoveOutTasks = await MoveOutTaskStatus.ForStaysAsync(db, [.. Occupants.Where(o => o.Occupancy.MovedOutOn is not null).Select(o => o.Occupancy.Id), .. last is null ? [] : new[] { last.o.Id }]);
        // Who lives here, since when and until when, and who moved out last: a read of each of those households, audited.
        await audit.RecordEachAsync(AuditAction.HouseholdRead,
            occupants.Select(x => x.o.HouseholdId).Concat(last is null ? [] : [last.o.HouseholdId]).Distinct()
                .Select(h => ((Guid?)null, (string?)AuditLog.Household(h, $", bolig {unit.Id:D} ({unit.Label})"))), AuditPurpose.UnitResidents);

        var waiting = await WaitingForHousing.On(db, Today).AsNoTracking().OrderBy(h => h.Name)
            .Select(h => new { h.Id, h.Name, Size = h.Members.Count }).ToListAsync();
        // And those living in our other temporary units, with no move out agreed: they may move straight in from there
        // (HousingMoves.MoveToAnotherUnitAsync), e.g. a family into a permanent unit of ours.
        var movable = await (from o in db.Occupancies.AsNoTracking().MovableTo(id, Today)
                             join h in db.Households.AsNoTracking() on o.HouseholdId equals h.Id
                             join u in db.HousingUnits.AsNoTracking() on o.UnitId equals u.Id
                             orderby h.Name
                             select new { h.Id, h.Name, Size = h.Members.Count, u.Label }).ToListAsync();
        var waitingGroup = movable.Count == 0 ? null : new SelectListGroup { Name = WaitingGroup };
        var movableGroup = new SelectListGroup { Name = MovableGroup };
        WaitingHouseholds =
        [
            new("Vælg", ""),
            .. waiting.Select(h => new SelectListItem($"{h.Name} ({h.Size} pers.)", h.Id.ToString()) { Group = waitingGroup }),
            .. movable.Select(h => new SelectListItem($"{h.Name} ({h.Size} pers., {h.Label})", h.Id.ToString()) { Group = movableGroup }),
        ];
        // The move-in form names every household waiting for a home, with its size: a read of each, as on the placement page;
        // and each in our other temporary units, with where it lives.
        await audit.RecordReadsAsync(AuditPurpose.UnitWaitingHouseholds, households: waiting.Select(h => h.Id));
        await audit.RecordReadsAsync(AuditPurpose.UnitMovableHouseholds, households: movable.Select(h => h.Id));
        return true;
    }

    /// <summary>The move-in form's group of households waiting for a home, when the other group is there too.</summary>
    public const string WaitingGroup = "Venter på en bolig";

    /// <summary>The move-in form's group of households living in our other temporary units.</summary>
    public const string MovableGroup = "Bor i en anden af kommunens midlertidige boliger og flytter derfra";
}

using Indgang.Domain;
using Indgang.Domain.Housing;
using Indgang.Domain.Notifications;
using Indgang.Domain.People;
using Indgang.Domain.Reception;
using Indgang.Domain.Tasks;
using Indgang.Web.Data;
using Indgang.Web.Features.Notifications;
using Indgang.Web.Features.Tasks;
using Indgang.Web.Platform;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Indgang.Web.Features.Reception;

/// <summary>
/// Turns the arrival checklist for a household into tasks for the departments that own them, by the
/// responsibility matrix kept in the database, and notifies each department of its new tasks. When a correction to a
/// member makes the checklist give other tasks, the tasks follow it (<see cref="FollowChecklistChangeAsync"/>).
/// </summary>
public sealed partial class ChecklistTaskFactory(IndgangDbContext db, TimeProvider clock)
{
    /// <summary>Adds the tasks to the context (not saved); returns task types that have no owner.</summary>
    public async Task<List<TaskType>> AddChecklistAsync(Household household, IReadOnlyList<Person> members, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(household);
        var arrival = household.ExpectedArrival ?? clock.Today();
        return await AddTasksAsync(household, members, Plan(household, members, arrival), cancellationToken);
    }

    /// <summary>
    /// The arrival checklist of the members dated from an arrival: the household's day 0 (the earliest of the
    /// members', as that arrival gives it) for what is counted from day 0, the arrival for the rest. What registration
    /// creates, and what <see cref="ChecklistRescheduler"/> moves the open tasks by when the arrival changes. Without the
    /// tasks of a home (<see cref="HousingDuty.HomeTasks"/>) for a household that lives with the person it joined.
    /// </summary>
    public static IReadOnlyList<PlannedTask> Plan(Household household, IReadOnlyList<Person> members, DateOnly arrival)
    {
        ArgumentNullException.ThrowIfNull(household);
        ArgumentNullException.ThrowIfNull(members);
        var day0 = members.Select(m => CaseDay0.Compute(m, household, arrival)?.Date).Where(d => d is not null).Min() ?? arrival;
        var type = HouseholdTypeClassifier.Classify(members.Select(m => (m.BirthDate, m.Basis)).ToList(), arrival);
        var planned = ChecklistTemplates.Default.Expand(type, members.Select(m => new ChecklistMember(m.BirthDate, m.FirstName)).ToList(), arrival, day0);
        return household.LivesWithReferencePerson ? [.. planned.Where(t => !HousingDuty.HomeTasks.Contains(t.Type))] : planned;
    }

    /// <summary>
    /// The household is to get a home from us after all (<see cref="Household.LivesWithReferencePerson"/> no longer
    /// set): the checklist's tasks of a home that are not still open are created, dated as the checklist dates them from
    /// its arrival but not before <paramref name="today"/>. Returns the task types without an owner, and how many were
    /// added (not saved).
    /// </summary>
    public async Task<(List<TaskType> Ownerless, int Added)> AddHomeTasksAsync(Household household, DateOnly today, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(household);
        var arrival = household.ArrivalDay ?? today;
        var open = await StillOpen(household, HousingDuty.HomeTasks).Select(t => t.Type).ToListAsync(cancellationToken);
        var missing = Plan(household, household.Members, arrival)
            .Where(t => HousingDuty.HomeTasks.Contains(t.Type) && !open.Contains(t.Type))
            .Select(t => t.DueDate < today ? t with { DueDate = today } : t)
            .ToList();
        return (await AddTasksAsync(household, household.Members, missing, cancellationToken), missing.Count);
    }

    /// <summary>
    /// The household lives with the person it joined: its still open tasks of a home (<see cref="HousingDuty.HomeTasks"/>)
    /// are closed as not needed, by <paramref name="userId"/>, and each department that had one is told. Returns how many
    /// (not saved).
    /// </summary>
    public Task<int> CloseHomeTasksAsync(Household household, string userId, CancellationToken cancellationToken) =>
        CloseStillOpenAsync(household, HousingDuty.HomeTasks, userId, NoHomeReason, new Said("husstanden skal bo hos den herboende"), cancellationToken);

    /// <summary>
    /// The household's still open tasks of the types are closed as not needed, by <paramref name="userId"/> with the
    /// reason, and each department that had one is told why (<paramref name="why"/>). Returns how many (not saved).
    /// </summary>
    public Task<int> CloseStillOpenAsync(
        Household household, IReadOnlyList<TaskType> types, string userId, Said reason, Said why, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(household);
        return CloseAsync(household, StillOpen(household, types), userId, reason, why, cancellationToken);
    }

    /// <summary>
    /// A move into the stay <paramref name="occupancyId"/> is called off: the still open tasks of that move-in
    /// (<see cref="MoveTasks.OfStayMoveIn"/> of the stay; another stay's are its own) and of the <paramref name="alsoTypes"/>
    /// are closed as not needed, as <see cref="CloseStillOpenAsync"/> closes them. Returns how many (not saved).
    /// </summary>
    public Task<int> CloseMoveInAsync(
        Household household, Guid occupancyId, IReadOnlyList<TaskType> alsoTypes, string userId, Said reason, Said why, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(household);
        var moveIn = MoveTasks.OfStayMoveIn;
        var open = StillOpen(household, [.. moveIn, .. alsoTypes]).Where(t => !moveIn.Contains(t.Type) || t.OccupancyId == occupancyId);
        return CloseAsync(household, open, userId, reason, why, cancellationToken);
    }

    private async Task<int> CloseAsync(Household household, IQueryable<CaseTask> tasks, string userId, Said reason, Said why, CancellationToken cancellationToken) =>
        Close(household, await tasks.ToListAsync(cancellationToken), userId, reason, why);

    /// <summary>The open tasks closed as not needed, and each department that had one told why; returns how many (not saved).</summary>
    private int Close(Household household, List<CaseTask> open, string userId, Said reason, Said why)
    {
        var now = clock.GetUtcNow();
        open.ForEach(t => t.CloseAsNotNeeded(userId, reason, now));
        foreach (var group in open.GroupBy(t => t.DepartmentId))
        {
            db.Notifications.Add(new Notification(null, group.Key, Notices.TasksClosedFor(group.Count(), why, household.Name), "/Tasks", now) { HouseholdId = household.Id });
        }

        return open.Count;
    }

    /// <summary>
    /// Why the checklist's defects list at move-in (<see cref="MoveTasks.AfterFirstMoveIn"/>) was closed by a first
    /// move-in into the permanent unit <paramref name="unitLabel"/>: the move brings the permanent home's defects list
    /// (<see cref="MoveTasks.IntoPermanentHome"/>), and a move-in has one.
    /// </summary>
    public static Said PermanentUnitHasItsOwnDefectsList(string unitLabel) =>
        new("Indflytningen i {0} er i en permanent bolig, og dens mangelliste er »Mangelliste til boligselskabet«.", unitLabel);

    /// <summary>
    /// Why the checklist's lease, keys and house-rules introduction (<see cref="MoveTasks.MoveIn"/>) waiting for the
    /// household's first home were closed by the acceptance of a housing association's home <paramref name="address"/>
    /// on the pipeline: the household rents it from the association, which makes the lease and hands over the keys (seed
    /// 001: Sekretariatet makes the leases of our temporary homes and hands out their keys), and the move brings the
    /// guidance on the association's rules and house rules (<see cref="MoveTasks.IntoPermanentHome"/>, seed 004).
    /// </summary>
    public static Said AssociationHomeHasItsOwnLease(string address) =>
        new("{0} lejes af boligselskabet, som laver lejekontrakten og udleverer nøglerne, og husordenen gennemgås i »Vejledning om boligselskabets regler og husorden, og hvor man henvender sig«.", address);

    /// <summary>
    /// The checklist's tasks waiting for the household's first home, closed as not needed because that home, the
    /// permanent home <paramref name="home"/>, brings its own: the defects list at move-in for one of our permanent units
    /// or an association's home (<see cref="PermanentUnitHasItsOwnDefectsList"/>), and for an association's home also the
    /// lease, keys and house-rules introduction (<see cref="AssociationHomeHasItsOwnLease"/>). Each closed with its reason.
    /// </summary>
    private void CloseForPermanentHome(Household household, List<CaseTask> checklists, string userId, string home)
    {
        var defectsLists = checklists.Where(t => MoveTasks.AfterFirstMoveIn.Contains(t.Type)).ToList();
        var ofTheHome = checklists.Except(defectsLists).ToList();
        Close(household, defectsLists, userId, PermanentUnitHasItsOwnDefectsList(home), new Said("indflytningen i {0} får boligselskabets mangelliste", home));
        Close(household, ofTheHome, userId, AssociationHomeHasItsOwnLease(home), new Said("boligselskabet giver lejekontrakt, nøgler og husorden for {0}", home));
    }

    /// <summary>
    /// The types of the checklist's tasks (tied to no stay) that the first move-in into the permanent home
    /// <paramref name="home"/>, or its acceptance, closed (<see cref="CloseForPermanentHome"/>).
    /// </summary>
    private IQueryable<TaskType> ClosedForPermanentHome(Household household, string home) =>
        TasksClosedForPermanentHome(household.Id, home).Select(t => t.Type).Distinct();

    /// <summary>The checklist's tasks (tied to no stay) that the first move-in into, or acceptance of, the permanent home <paramref name="home"/> closed.</summary>
    private IQueryable<CaseTask> TasksClosedForPermanentHome(Guid householdId, string home)
    {
        string[] reasons = [PermanentUnitHasItsOwnDefectsList(home).ToString(), AssociationHomeHasItsOwnLease(home).ToString()];
        IReadOnlyList<TaskType> types = [.. MoveTasks.MoveIn, .. MoveTasks.AfterFirstMoveIn];
        return db.Tasks.Where(t => t.HouseholdId == householdId && t.OccupancyId == null && t.Status == CaseTaskStatus.NotNeeded
            && types.Contains(t.Type) && reasons.Contains(t.NotNeededReason));
    }

    /// <summary>
    /// The household's first home, a permanent home, is named anew, from <paramref name="was"/> to <paramref name="home"/>
    /// (the accepted association home's address corrected, or our permanent unit's label changed:
    /// <see cref="PermanentUnitRelabelledAsync"/>): the checklist's tasks its acceptance or move-in closed
    /// (<see cref="CloseForPermanentHome"/>) say why with the home as it is now, so that the undo of the acceptance
    /// (<see cref="AddFirstHomeTasksAgainAsync"/>) or of the move-in (<see cref="AddMoveInTasksAgainAsync"/>), and a move
    /// into our unit before the accepted home's move day (<see cref="AddMoveInTasksAsync"/>), find them. Before, they kept
    /// the name as it was, and the undo no longer brought them back. Returns how many (not saved).
    /// </summary>
    public async Task<int> PermanentHomeReaddressedAsync(Guid householdId, string was, string home, CancellationToken cancellationToken)
    {
        if (was == home)
        {
            return 0;
        }

        var closed = await TasksClosedForPermanentHome(householdId, was).ToListAsync(cancellationToken);
        foreach (var task in closed)
        {
            task.RestateNotNeeded(MoveTasks.AfterFirstMoveIn.Contains(task.Type) ? PermanentUnitHasItsOwnDefectsList(home) : AssociationHomeHasItsOwnLease(home));
        }

        return closed.Count;
    }

    /// <summary>
    /// One of our units is renamed, from <paramref name="was"/> to <paramref name="label"/> (not saved yet): each household
    /// whose first home it is (its stay there the earliest it has, as <see cref="AddMoveInTasksAsync"/> counts the first)
    /// has the checklist's tasks that move-in closed restated by the same rule as an accepted home's address corrected
    /// (<see cref="PermanentHomeReaddressedAsync"/>). Returns the households whose tasks were restated (not saved).
    /// </summary>
    public async Task<List<Guid>> PermanentUnitRelabelledAsync(Guid unitId, string was, string label, CancellationToken cancellationToken)
    {
        if (was == label)
        {
            return [];
        }

        var firstHomeHere = await db.Occupancies
            .Where(o => o.UnitId == unitId && !db.Occupancies.Any(e => e.HouseholdId == o.HouseholdId && e.MovedInOn < o.MovedInOn))
            .Select(o => o.HouseholdId).Distinct().ToListAsync(cancellationToken);
        var restated = new List<Guid>();
        foreach (var household in firstHomeHere)
        {
            if (await PermanentHomeReaddressedAsync(household, was, label, cancellationToken) > 0)
            {
                restated.Add(household);
            }
        }

        return restated;
    }

    /// <summary>Why a household's tasks of a home were closed.</summary>
    public static readonly Said NoHomeReason = new Said("Husstanden skal bo hos den herboende og får ikke en bolig fra kommunen.");

    /// <summary>
    /// A member who joins later (family reunification, REC-5; already added to <paramref name="household"/>) gets their own
    /// personal tasks, as the checklist of the household with them in it gives them (<see cref="ChecklistTemplates.ExpandJoining"/>).
    /// </summary>
    public async Task<List<TaskType>> AddForJoiningMemberAsync(Household household, Person member, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(household);
        ArgumentNullException.ThrowIfNull(member);
        var joinDate = member.JoinedOn ?? JoinsOn(household, clock.Today());
        return await AddTasksAsync(household, household.Members, PlanJoining(household, member, joinDate), cancellationToken);
    }

    /// <summary>
    /// The personal checklist of a member who joined the household later, dated from the day they came and their own day
    /// 0: what <see cref="AddForJoiningMemberAsync"/> creates, and what <see cref="ChecklistRescheduler"/> moves their open
    /// tasks by when their day 0 changes.
    /// </summary>
    public static IReadOnlyList<PlannedTask> PlanJoining(Household household, Person member, DateOnly joinDate)
    {
        ArgumentNullException.ThrowIfNull(household);
        ArgumentNullException.ThrowIfNull(member);
        var day0 = CaseDay0.Compute(member, household)?.Date ?? joinDate;
        var members = household.Members;
        var joining = members.ToList().FindIndex(m => m.Id == member.Id);
        return ChecklistTemplates.Default.ExpandJoining(
            [.. members.Select(m => (new ChecklistMember(m.BirthDate, m.FirstName), m.Basis))], joining, joinDate, day0);
    }

    /// <summary>
    /// The day a member added to the household <paramref name="today"/> is taken to come, unless told otherwise: today,
    /// or the household's arrival when it has not come yet (no one joins a household before it is here).
    /// </summary>
    public static DateOnly JoinsOn(Household household, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(household);
        return household.ArrivalDay is { } arrival && arrival > today ? arrival : today;
    }

    /// <summary>
    /// A move into a unit (HOUSE-2), the stay <paramref name="occupancyId"/> (not saved yet), needs a lease, keys and the
    /// house-rules introduction on the move-in day: tasks of the stay (<see cref="CaseTask.OccupancyId"/>). The household's
    /// first stay takes the open ones the arrival checklist made before it had a home (tied to no stay), moved to that
    /// day (<see cref="CaseTask.MovesInWith"/>) and named with the home, and the open defects list, to the days after it
    /// (<see cref="MoveTasks.AfterFirstMoveIn"/>) — into a permanent unit, that list is closed as not needed instead
    /// (<see cref="PermanentUnitHasItsOwnDefectsList"/>), as the move brings the permanent home's defects list, one list
    /// for the move-in (seed 004); a later stay gets its own, and the tasks of an earlier home stay as they are. Missing ones are created; at the first stay, one the department marked done before the household had a home
    /// counts for it (done for the home to come), so it is not made a second time; that move-in undone, it is made anew
    /// for the next (<see cref="AddMoveInTasksAgainAsync"/>). A move into a <paramref name="temporary"/>
    /// unit brings the help to register for a permanent home too (<see cref="RegistrationHelpAsync"/>); one into a
    /// permanent unit the tasks of a move into a permanent home, of the stay too (<see cref="PermanentUnitTasksAsync"/>).
    /// </summary>
    public async Task<List<TaskType>> AddMoveInTasksAsync(
        Household household, Guid occupancyId, DateOnly moveIn, string unitLabel, bool temporary, string userId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(household);
        var types = MoveTasks.MoveIn;
        var first = !await db.Occupancies.AnyAsync(o => o.HouseholdId == household.Id && o.Id != occupancyId, cancellationToken);
        var open = first ? await StillOpen(household, [.. types, .. MoveTasks.AfterFirstMoveIn]).Where(t => t.OccupancyId == null).ToListAsync(cancellationToken) : [];
        if (!temporary)
        {
            // One defects list for the move-in: the permanent home's. Before, the checklist's stayed open beside it.
            var checklists = open.Where(t => MoveTasks.AfterFirstMoveIn.Contains(t.Type)).ToList();
            open.RemoveAll(checklists.Contains);
            CloseForPermanentHome(household, checklists, userId, unitLabel);
        }

        foreach (var task in open)
        {
            if (types.Contains(task.Type))
            {
                task.MovesInWith(occupancyId, moveIn);
                // Named with the home, as the tasks a later move-in makes are: made before it had one, it named none.
                task.Rename(MoveTasks.TitleWith(task.Type, unitLabel));
            }
            else
            {
                task.Reschedule(moveIn.AddDays(MoveTasks.DaysAfterMove(task.Type)));
            }
        }

        // The checklist's tasks a home accepted ahead closed wait for no home of ours: one done for a stay of ours since
        // called off (tied to no stay then) was not done for this one.
        var closedForAccepted = first ? await ClosedForAcceptedHomeAsync(household, cancellationToken) : [];
        var doneBefore = first
            ? (await db.Tasks.Where(t => t.HouseholdId == household.Id && t.OccupancyId == null && t.Status == CaseTaskStatus.Done && types.Contains(t.Type))
                .Select(t => t.Type).ToListAsync(cancellationToken)).Except(closedForAccepted).ToList()
            : [];
        var missing = MoveTasks.Plan(types.Where(t => open.All(o => o.Type != t) && !doneBefore.Contains(t)), moveIn, unitLabel);
        var also = temporary ? await RegistrationHelpAsync(household, moveIn, cancellationToken) : await PermanentUnitTasksAsync(household, moveIn, unitLabel, cancellationToken);
        // A home accepted ahead closed the checklist's defects list; a move into our temporary unit before its move day is
        // a move-in of its own, with its list. Before, it had none.
        var defectsList = first && temporary ? DefectsListClosedForAcceptedHome(household, closedForAccepted, open, moveIn) : [];
        return await AddTasksAsync(household, household.Members, [.. missing, .. also, .. defectsList], cancellationToken, occupancyId);
    }

    /// <summary>
    /// The household's first move-in, on <paramref name="moveIn"/> into a temporary unit of ours, comes before the move
    /// day of the permanent home it has accepted, whose acceptance closed the checklist's defects list at move-in
    /// (<see cref="AddPermanentHomeTasksAsync"/>): that list made anew for this move-in, as the checklist makes it, due
    /// the days after it (<see cref="MoveTasks.DaysAfterMove"/>), one list for the move-in; none while one is still open
    /// (<paramref name="open"/>, taken by the move-in) or when no acceptance closed it.
    /// </summary>
    private static IReadOnlyList<PlannedTask> DefectsListClosedForAcceptedHome(Household household, List<TaskType> closedForAccepted, List<CaseTask> open, DateOnly moveIn) =>
        [.. Plan(household, household.Members, household.ArrivalDay ?? moveIn)
            .Where(t => MoveTasks.AfterFirstMoveIn.Contains(t.Type) && closedForAccepted.Contains(t.Type) && open.All(o => o.Type != t.Type))
            .Select(t => t with { DueDate = moveIn.AddDays(MoveTasks.DaysAfterMove(t.Type)) })];

    /// <summary>The address of the permanent home the household has accepted on the pipeline; null when none.</summary>
    private Task<string?> AcceptedHomeAsync(Household household, CancellationToken cancellationToken) =>
        db.HousingOffers.Where(o => o.HouseholdId == household.Id && o.Status == OfferStatus.Accepted).Select(o => (string?)o.Address).FirstOrDefaultAsync(cancellationToken);

    /// <summary>The types of the checklist's tasks the acceptance of the household's accepted permanent home closed (<see cref="AddPermanentHomeTasksAsync"/>); none without one.</summary>
    private async Task<List<TaskType>> ClosedForAcceptedHomeAsync(Household household, CancellationToken cancellationToken) =>
        await AcceptedHomeAsync(household, cancellationToken) is { } accepted ? await ClosedForPermanentHome(household, accepted).ToListAsync(cancellationToken) : [];

    /// <summary>
    /// The household's first move-in, to the stay <paramref name="occupancyId"/>, is undone (with no other stay of ours,
    /// its next move-in is its first again): a lease, keys or house-rules introduction done for it — done before the
    /// household had a home and counted for this one (<see cref="AddMoveInTasksAsync"/>), or the stay's own — was for a
    /// home that never came. Each such type is made anew, as the checklist made it before the household had a home (tied
    /// to no stay, dated from the arrival but not before <paramref name="today"/>), for the next move-in to take; not
    /// while one is still open. So is the checklist's defects list at move-in that the move-in into the permanent unit
    /// <paramref name="unitLabel"/> closed (<see cref="PermanentUnitHasItsOwnDefectsList"/>): the household has no home
    /// again, and the list waits for the next. With a housing association's home accepted (its first home again), the
    /// checklist is as right after the acceptance (<see cref="AddPermanentHomeTasksAsync"/>): what it closed stays closed,
    /// and what waits open for a home is closed for it by <paramref name="userId"/>. Returns the task types without an
    /// owner (not saved).
    /// </summary>
    public async Task<List<TaskType>> AddMoveInTasksAgainAsync(Household household, Guid occupancyId, string unitLabel, string userId, DateOnly today, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(household);
        if (await db.Occupancies.AnyAsync(o => o.HouseholdId == household.Id && o.Id != occupancyId, cancellationToken))
        {
            return [];
        }

        var types = MoveTasks.MoveIn;
        var done = await db.Tasks
            .Where(t => t.HouseholdId == household.Id && (t.OccupancyId == null || t.OccupancyId == occupancyId) && t.Status == CaseTaskStatus.Done && types.Contains(t.Type))
            .Select(t => t.Type).Distinct().ToListAsync(cancellationToken);
        done.AddRange(await ClosedForPermanentHome(household, unitLabel).ToListAsync(cancellationToken));
        if (await AcceptedHomeAsync(household, cancellationToken) is { } accepted)
        {
            // Its first home is again the association's it has accepted, as right after the acceptance: the checklist's
            // tasks the acceptance closed stay closed, and those still open waiting for a home (the defects list the
            // move-in made anew) close for it again. Before, that list stayed open beside the permanent home's.
            var closed = await ClosedForPermanentHome(household, accepted).ToListAsync(cancellationToken);
            done.RemoveAll(closed.Contains);
            CloseForPermanentHome(household, await StillOpen(household, [.. types, .. MoveTasks.AfterFirstMoveIn]).Where(t => t.OccupancyId == null).ToListAsync(cancellationToken), userId, accepted);
        }

        return await AddAgainAsync(household, done, today, cancellationToken);
    }

    /// <summary>
    /// The checklist's tasks of the <paramref name="types"/> made anew, as the checklist made them before the household
    /// had a home (tied to no stay, dated from the arrival but not before <paramref name="today"/>), for the next move-in
    /// to take; not one still open. Returns the task types without an owner (not saved).
    /// </summary>
    private async Task<List<TaskType>> AddAgainAsync(Household household, List<TaskType> types, DateOnly today, CancellationToken cancellationToken)
    {
        var open = await StillOpen(household, [.. MoveTasks.MoveIn, .. MoveTasks.AfterFirstMoveIn]).Where(t => t.OccupancyId == null).Select(t => t.Type).ToListAsync(cancellationToken);
        var again = Plan(household, household.Members, household.ArrivalDay ?? today)
            .Where(t => types.Contains(t.Type) && !open.Contains(t.Type))
            .Select(t => t.DueDate < today ? t with { DueDate = today } : t)
            .ToList();
        return await AddTasksAsync(household, household.Members, again, cancellationToken);
    }

    /// <summary>
    /// The acceptance of the permanent home <paramref name="address"/> is undone while the household has no stay of ours
    /// (before or ahead): that home was to be its first, and the checklist's tasks its acceptance closed
    /// (<see cref="AddPermanentHomeTasksAsync"/>: the defects list at move-in, the lease, keys and house-rules
    /// introduction) are made anew, waiting for the next home, as when a first move-in into one of our permanent units is
    /// undone (<see cref="AddMoveInTasksAgainAsync"/>). Returns the task types without an owner (not saved).
    /// </summary>
    public async Task<List<TaskType>> AddFirstHomeTasksAgainAsync(Household household, string address, DateOnly today, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(household);
        if (await db.Occupancies.AnyAsync(o => o.HouseholdId == household.Id, cancellationToken))
        {
            return [];
        }

        return await AddAgainAsync(household, await ClosedForPermanentHome(household, address).ToListAsync(cancellationToken), today, cancellationToken);
    }

    /// <summary>
    /// A move into one of our permanent units on <paramref name="moveIn"/>: the guidance in the rules and the defects list
    /// (<see cref="MoveTasks.IntoPermanentHome"/>) named with the unit, as an accepted offer brings them
    /// (<see cref="AddPermanentHomeTasksAsync"/>); none for a household that has accepted an offer, whose acceptance made
    /// them already and which they follow (<see cref="Housing.AgreedMoveTasks"/>).
    /// </summary>
    private async Task<IReadOnlyList<PlannedTask>> PermanentUnitTasksAsync(Household household, DateOnly moveIn, string unitLabel, CancellationToken cancellationToken) =>
        await db.HousingOffers.AnyAsync(o => o.HouseholdId == household.Id && o.Status == OfferStatus.Accepted, cancellationToken)
            ? []
            : MoveTasks.Plan(MoveTasks.IntoPermanentHome, moveIn, unitLabel);

    /// <summary>
    /// The household lives in, or is to move into, a temporary unit of ours again (a move out of it called off on
    /// <paramref name="day"/>): the help to register for a permanent home is created if it needs it
    /// (<see cref="RegistrationHelpAsync"/>). Returns the task types without an owner (not saved).
    /// </summary>
    public async Task<List<TaskType>> AddRegistrationHelpAsync(Household household, DateOnly day, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(household);
        return await AddTasksAsync(household, household.Members, await RegistrationHelpAsync(household, day, cancellationToken), cancellationToken);
    }

    /// <summary>
    /// The household's registration <paramref name="removed"/> was a mistake and is removed (its removal tracked, not
    /// saved): on no other waiting list, the help to register is needed again, due the days after
    /// <paramref name="day"/>, also when it was done by recording that registration (which stays done, as it was
    /// then); not while the help is still to do. Returns the task types without an owner (not saved).
    /// </summary>
    public async Task<List<TaskType>> AddRegistrationHelpAgainAsync(Household household, Guid removed, DateOnly day, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(household);
        return await AddTasksAsync(household, household.Members, await RegistrationHelpAsync(household, day, cancellationToken, removed), cancellationToken);
    }

    /// <summary>
    /// Jobberiet's help to register with the housing associations (<see cref="MoveTasks.IntoTemporaryHome"/>), due the
    /// days after <paramref name="day"/> that <see cref="MoveTasks.DaysAfterMove"/> gives, for a household on no waiting
    /// list yet (leaving out the registration <paramref name="removed"/>, if one is being removed) whose help is neither
    /// still to do nor done — a help done by a registration removed as a mistake does not count; none otherwise.
    /// Recording its first registration on the pipeline completes it.
    /// </summary>
    private async Task<IReadOnlyList<PlannedTask>> RegistrationHelpAsync(Household household, DateOnly day, CancellationToken cancellationToken, Guid? removed = null)
    {
        var help = MoveTasks.IntoTemporaryHome;
        if (await db.HousingRegistrations.AnyAsync(r => r.HouseholdId == household.Id && r.Id != removed, cancellationToken)
            || await db.Tasks.AnyAsync(t => t.HouseholdId == household.Id && help.Contains(t.Type) && t.Status != CaseTaskStatus.NotNeeded
                && (removed == null || t.Status != CaseTaskStatus.Done), cancellationToken))
        {
            return [];
        }

        return MoveTasks.Plan(help, day);
    }

    /// <summary>
    /// Jobberiet's motivation of a household in temporary housing to move on to a permanent home, now that a member has
    /// paid work (<see cref="MoveTasks.OnFromTemporaryHome"/>), due on <paramref name="due"/> and named with the work;
    /// none while one is still to do. Returns the task types without an owner (not saved).
    /// </summary>
    public async Task<List<TaskType>> AddMoveOnMotivationAsync(Household household, DateOnly due, string work, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(household);
        if (await StillOpen(household, MoveTasks.OnFromTemporaryHome).AnyAsync(cancellationToken))
        {
            return [];
        }

        return await AddTasksAsync(household, household.Members, MoveTasks.Plan(MoveTasks.OnFromTemporaryHome, due, work), cancellationToken);
    }

    /// <summary>
    /// The household stays in our temporary housing after all (a move out of it called off on <paramref name="day"/>):
    /// Jobberiet's motivation to move on, when that move closed it as not needed (<paramref name="closedBecause"/>), is
    /// made again with its title, due on its own day or <paramref name="day"/> when that has passed; none while one is
    /// still to do, or when the last was done or closed for another reason. Returns the task types without an owner (not
    /// saved).
    /// </summary>
    public async Task<List<TaskType>> AddMoveOnMotivationAgainAsync(Household household, DateOnly day, Said closedBecause, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(household);
        var motivations = await db.Tasks.AsNoTracking()
            .Where(t => t.HouseholdId == household.Id && MoveTasks.OnFromTemporaryHome.Contains(t.Type))
            .ToListAsync(cancellationToken);
        // The last closed, one still open (no closing time) first: ordered here, as the two databases sort a missing time
        // at opposite ends; a household has few.
        if (motivations.OrderByDescending(t => t.ClosedAt ?? DateTimeOffset.MaxValue).FirstOrDefault() is not { Status: CaseTaskStatus.NotNeeded } last
            || last.NotNeededReason != closedBecause.ToString())
        {
            return [];
        }

        return await AddTasksAsync(household, household.Members, [new PlannedTask(last.Type, last.DueDate > day ? last.DueDate : day, null, last.Title)], cancellationToken);
    }

    /// <summary>
    /// A move out of a unit (HOUSE-2) ends its lease, hands its keys back and has it inspected, on the move-out day: new
    /// tasks of the stay (<see cref="CaseTask.OccupancyId"/>), so that they follow that stay's move out if it changes.
    /// </summary>
    public Task<List<TaskType>> AddMoveOutTasksAsync(Household household, Guid occupancyId, DateOnly moveOut, string unitLabel, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(household);
        return AddTasksAsync(household, household.Members, MoveTasks.Plan(MoveTasks.MoveOut, moveOut, unitLabel), cancellationToken, occupancyId);
    }

    /// <summary>
    /// A move into a permanent home accepted on the pipeline (HOUSE-5) on <paramref name="moveDay"/>: the guidance in the
    /// association's rules and the defects list (<see cref="MoveTasks.IntoPermanentHome"/>), named with its address. They
    /// follow the acceptance (<see cref="Housing.AgreedMoveTasks"/>). When it is the household's first home (no stay of
    /// ours, before or ahead), the checklist's tasks waiting for it that the association's home makes not needed are
    /// closed as such by <paramref name="userId"/> (<see cref="CloseForPermanentHome"/>): the defects list at move-in
    /// (<see cref="PermanentUnitHasItsOwnDefectsList"/>), as at a first move-in into one of our permanent units, one list
    /// for the move-in; the lease, keys and house-rules introduction (<see cref="AssociationHomeHasItsOwnLease"/>). The
    /// start package stays: the municipality gives it at the arrival (seed 004), whoever rents out the home. Made anew
    /// when the acceptance is undone (<see cref="AddFirstHomeTasksAgainAsync"/>). Before, they stayed open, waiting for a
    /// home of ours that would never come. Returns the task types without an owner (not saved).
    /// </summary>
    public async Task<List<TaskType>> AddPermanentHomeTasksAsync(Household household, DateOnly moveDay, string address, string userId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(household);
        if (!await db.Occupancies.AnyAsync(o => o.HouseholdId == household.Id, cancellationToken))
        {
            CloseForPermanentHome(household, await StillOpen(household, [.. MoveTasks.MoveIn, .. MoveTasks.AfterFirstMoveIn]).Where(t => t.OccupancyId == null).ToListAsync(cancellationToken), userId, address);
        }

        return await AddTasksAsync(household, household.Members, MoveTasks.Plan(MoveTasks.IntoPermanentHome, moveDay, address), cancellationToken);
    }

    /// <summary>
    /// What a page says when the responsibility matrix has no department for some of the tasks it would create, in the
    /// reader's language: the tasks named by their types.
    /// </summary>
    public static string NoDepartmentFor(IStringLocalizer T, IEnumerable<TaskType> ownerless)
    {
        ArgumentNullException.ThrowIfNull(T);
        return T["Ansvarsfordelingen mangler en afdeling for: {0}. Bed en administrator om at rette den.",
            string.Join(", ", ownerless.Select(type => T[Admin.Responsibilities.TaskTexts.Title(type)].Value))];
    }

    /// <summary>The household's tasks of the types still to do (open or taken).</summary>
    private IQueryable<CaseTask> StillOpen(Household household, IReadOnlyList<TaskType> types) =>
        db.Tasks.StillOpen().Where(t => t.HouseholdId == household.Id && types.Contains(t.Type));

    /// <summary>
    /// Adds the planned tasks (not saved), one notice per department; those of a move in or out
    /// (<see cref="MoveTasks.OfStayMoveIn"/>, <see cref="MoveTasks.MoveOut"/>) tied to the stay <paramref name="occupancyId"/>
    /// when one is given. Returns the task types without an owner, and adds none then.
    /// </summary>
    private async Task<List<TaskType>> AddTasksAsync(
        Household household, IReadOnlyList<Person> members, IReadOnlyList<PlannedTask> planned, CancellationToken cancellationToken, Guid? occupancyId = null)
    {
        var owners = await OwnersAsync(cancellationToken);
        var ownerless = planned.Select(p => p.Type).Where(t => !owners.ContainsKey(t)).Distinct().ToList();
        if (ownerless.Count > 0)
        {
            return ownerless;
        }

        var now = clock.GetUtcNow();
        foreach (var group in planned.GroupBy(p => owners[p.Type]).Where(g => g.Any()))
        {
            foreach (var task in group)
            {
                var personId = task.MemberIndex is { } i ? members[i].Id : (Guid?)null;
                var stay = MoveTasks.OfStayMoveIn.Contains(task.Type) || MoveTasks.MoveOut.Contains(task.Type) ? occupancyId : null;
                db.Tasks.Add(new CaseTask(household.Id, personId, task.Type, group.Key, task.Title, task.DueDate, stay));
            }

            db.Notifications.Add(new Notification(null, group.Key, Notices.NewTasksFor(group.Count(), household.Name), "/Tasks", now) { HouseholdId = household.Id });
        }

        return [];
    }

    /// <summary>
    /// Each task type's department: as the responsibility matrix kept in the database says, and for a type it does not
    /// name (none kept yet, or a type added since it was kept) as Allerød's default table says, by department code.
    /// </summary>
    private async Task<Dictionary<TaskType, Guid>> OwnersAsync(CancellationToken cancellationToken)
    {
        var owners = await db.Responsibilities.AsNoTracking().ToDictionaryAsync(r => r.TaskType, r => r.DepartmentId, cancellationToken);
        if (ResponsibilityMatrix.Allerød.Owners.Keys.All(owners.ContainsKey))
        {
            return owners;
        }

        var departments = await db.Departments.AsNoTracking().ToDictionaryAsync(d => d.Code, d => d.Id, StringComparer.OrdinalIgnoreCase, cancellationToken);
        foreach (var (type, code) in ResponsibilityMatrix.Allerød.Owners)
        {
            if (!owners.ContainsKey(type) && departments.TryGetValue(code, out var department))
            {
                owners[type] = department;
            }
        }

        return owners;
    }
}

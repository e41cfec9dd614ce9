using Indgang.Domain.Audit;
using Indgang.Domain.Deadlines;
using Indgang.Domain.Plans;
using Indgang.Web.Audit;
using Indgang.Web.Data;
using Indgang.Web.Features.Housing;
using Indgang.Web.Features.Reception;
using Indgang.Web.Features.RuleSets;
using Indgang.Web.Platform;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Indgang.Web.DemoData;

/// <summary>
/// The residents' history, through the app's own code. The households that have moved on
/// (<see cref="DemoFormerResidents"/>) and the couple living here now (<see cref="DemoResident"/>) were each registered
/// on the day the notice came (so its notices are that old), moved into a temporary unit the day they came (which
/// records the arrival, gives Sekretariatet the lease and keys, and Jobberiet the help to register, done by the
/// registration), were put on a housing association's waiting list, and had the coordinator's statutory deadlines met
/// in time. The former residents were offered homes, said no to
/// some, accepted one and moved out of temporary housing on the day (the pipeline's steps, which gave Sekretariatet
/// and Teknik og drift the end of the lease, the keys and the inspection, and Jobberiet the guidance and the defects
/// list of the new home); the couple has an offer to answer. Their
/// tasks are done by <see cref="DemoTaskHistory"/>.
/// </summary>
internal sealed class DemoResidentHistory(
    IndgangDbContext db, AuditLog audit, PermanentHousingSteps steps, ChecklistRescheduler rescheduler, AgreedMoveTasks moveTasks,
    IHttpContextAccessor http, RuleSetSource rules, TimeProvider clock, IStringLocalizer<SharedResource> texts)
{
    /// <summary>Kinds met by a date recorded on the household page (the contract is signed on its own page).</summary>
    private static readonly DeadlineKind[] MetByDate =
    [
        DeadlineKind.ProgrammeStart, DeadlineKind.FirstCompanyOffer, DeadlineKind.DanishEducationReferral, DeadlineKind.DanishEducationStart,
        DeadlineKind.HealthAssessmentOffer, DeadlineKind.OneYearReview,
    ];

    public async Task RecordAsync(string coordinatorId, string coordinatorUserName, CancellationToken cancellationToken)
    {
        var today = clock.Today();
        foreach (var former in DemoFormerResidents.All)
        {
            var household = await HouseAsync(former.Request(today), former.RegisteredDaysAgo, former.UnitLabel, former.ArrivedDaysAgo, coordinatorId, cancellationToken);
            await On(former.ListedDaysAgo).Steps.RegisterAsync(household, former.Association, today.AddDays(-former.ListedDaysAgo), former.WaitingListNumber, cancellationToken);
            var moved = today.AddDays(-former.MovedOutDaysAgo);
            if (former.Declined is { } declined)
            {
                await steps.DeclineAsync(await steps.OfferAsync(household, declined.Address, moved.AddDays(-declined.DaysBeforeMove), cancellationToken: cancellationToken),
                    declined.DeclineReason, cancellationToken);
            }

            var offer = await steps.OfferAsync(household, former.Accepted.Address, moved.AddDays(-former.Accepted.DaysBeforeMove), cancellationToken: cancellationToken);
            // Accepted on the move day, so the move-out tasks' notices carry that day.
            var accepted = await On(former.MovedOutDaysAgo).Steps.AcceptAsync(offer, moved, cancellationToken);
            if (!accepted.Succeeded)
            {
                throw new InvalidOperationException($"Demo household {former.Name} could not move on: {accepted.Error}");
            }

            await MeetDeadlinesAsync(household, coordinatorUserName, today, cancellationToken);
        }

        var resident = await HouseAsync(DemoResident.Request(today), DemoResident.RegisteredDaysAgo, DemoResident.UnitLabel, DemoResident.ArrivedDaysAgo, coordinatorId, cancellationToken);
        await On(DemoResident.WaitingListDaysAgo).Steps.RegisterAsync(resident, DemoResident.Association, today.AddDays(-DemoResident.WaitingListDaysAgo), DemoResident.WaitingListNumber, cancellationToken);
        await steps.OfferAsync(resident, DemoResident.OfferedAddress, today.AddDays(-DemoResident.OfferedDaysAgo), today.AddDays(DemoResident.AnswerInDays),
            DemoResident.OfferedRooms, DemoResident.OfferedRent, cancellationToken);
        await MeetDeadlinesAsync(resident, coordinatorUserName, today, cancellationToken);
    }

    /// <summary>
    /// The moves and the pipeline's steps as they were taken some days ago: what they stamp with "now" (notices, tasks
    /// done) carries that day.
    /// </summary>
    private (HousingMoves Moves, PermanentHousingSteps Steps) On(int daysAgo)
    {
        var then = new DemoClock(clock, daysAgo);
        var tasks = new ChecklistTaskFactory(db, then);
        var help = new RegistrationHelp(db, tasks, audit, http, then);
        var moves = new HousingMoves(db, audit, tasks, rescheduler, moveTasks, help, then, texts);
        return (moves, new PermanentHousingSteps(db, moves, tasks, help, audit, then, texts));
    }

    /// <summary>Registered the day the notice came, and moved into its temporary unit the day it came: the household's id.</summary>
    private async Task<Guid> HouseAsync(ArrivalRequest request, int registeredDaysAgo, string unitLabel, int arrivedDaysAgo, string coordinatorId, CancellationToken cancellationToken)
    {
        var today = clock.Today();
        var then = new DemoClock(clock, registeredDaysAgo);
        var registration = new ArrivalRegistration(db, then, audit, new ChecklistTaskFactory(db, then), texts);
        var registered = await registration.RegisterAsync(request, coordinatorId, cancellationToken);
        var household = registered.Household ?? throw new InvalidOperationException($"Demo household {request.HouseholdName} rejected: " + string.Join("; ", registered.Errors.SelectMany(e => e.Value)));

        var unit = await db.HousingUnits.Where(u => u.Label == unitLabel).Select(u => u.Id).SingleAsync(cancellationToken);
        var moved = await On(arrivedDaysAgo).Moves.MoveInAsync(unit, household.Id, today.AddDays(-arrivedDaysAgo), cancellationToken);
        if (!moved.Succeeded)
        {
            throw new InvalidOperationException($"Demo household {household.Name} could not move in: " + moved.Error);
        }

        return household.Id;
    }

    /// <summary>Every deadline of theirs that has passed was met a few days before it: the contract signed, the others dated.</summary>
    private async Task MeetDeadlinesAsync(Guid householdId, string coordinatorUserName, DateOnly today, CancellationToken cancellationToken)
    {
        var household = await db.Households.Include(h => h.Members).SingleAsync(h => h.Id == householdId, cancellationToken);
        var overlay = await rules.OverlayAsync(cancellationToken);
        var now = clock.GetUtcNow();
        foreach (var member in household.Members)
        {
            var passed = CaseDeadlines.For(member, household, rules.National, overlay, null, today).Deadlines
                .Where(d => d.FirstDue < today).ToList();
            foreach (var deadline in passed)
            {
                var met = deadline.FirstDue.AddDays(-3);
                if (deadline.Kind == DeadlineKind.IntegrationContract)
                {
                    var contract = new IntegrationContract(member.Id, met);
                    contract.Sign(met, met, today);
                    db.IntegrationContracts.Add(contract);
                    await db.SaveChangesAsync(cancellationToken);
                    await audit.RecordAsync(AuditAction.ContractSigned, member.Id, AuditPurpose.ContractAndDeclaration, "demodata", cancellationToken);
                }
                else if (MetByDate.Contains(deadline.Kind))
                {
                    db.DeadlineCompletions.Add(new DeadlineCompletion(member.Id, deadline.Kind, met, coordinatorUserName, now));
                    await db.SaveChangesAsync(cancellationToken);
                    await audit.RecordAsync(AuditAction.DeadlineMet, member.Id, AuditPurpose.DeadlineMet, $"{deadline.Kind}: {met:yyyy-MM-dd}", cancellationToken);
                }
            }
        }
    }
}

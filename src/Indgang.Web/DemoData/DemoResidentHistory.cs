using Indgang.Domain.Audit;
using Indgang.Domain.Deadlines;
using Indgang.Domain.Housing;
using Indgang.Domain.Plans;
using Indgang.Web.Audit;
using Indgang.Web.Data;
using Indgang.Web.Features.Housing;
using Indgang.Web.Features.Reception;
using Indgang.Web.Features.RuleSets;
using Microsoft.EntityFrameworkCore;

namespace Indgang.Web.DemoData;

/// <summary>
/// The resident couple's months so far (<see cref="DemoResident"/>), through the app's own code: registered on the
/// day the notice came (so its notices are that old), moved into their temporary unit the day they came (which
/// records the arrival and gives Sekretariatet the lease and keys), put on a housing association's waiting list, and
/// the coordinator's statutory deadlines met in time. Their tasks are done by <see cref="DemoTaskHistory"/>.
/// </summary>
internal sealed class DemoResidentHistory(IndgangDbContext db, AuditLog audit, HousingMoves moves, RuleSetSource rules, TimeProvider clock)
{
    /// <summary>Kinds met by a date recorded on the household page (the contract is signed on its own page).</summary>
    private static readonly DeadlineKind[] MetByDate =
        [DeadlineKind.ProgrammeStart, DeadlineKind.FirstCompanyOffer, DeadlineKind.DanishEducationReferral, DeadlineKind.DanishEducationStart, DeadlineKind.HealthAssessmentOffer];

    public async Task RecordAsync(string coordinatorId, string coordinatorUserName, CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        var then = new DemoClock(clock, DemoResident.RegisteredDaysAgo);
        var registration = new ArrivalRegistration(db, then, audit, new ChecklistTaskFactory(db, then));
        var registered = await registration.RegisterAsync(DemoResident.Request(today), coordinatorId, cancellationToken);
        var household = registered.Household ?? throw new InvalidOperationException("Demo resident rejected: " + string.Join("; ", registered.Errors.SelectMany(e => e.Value)));

        var unit = await db.HousingUnits.Where(u => u.Label == DemoResident.UnitLabel).Select(u => u.Id).SingleAsync(cancellationToken);
        var moved = await moves.MoveInAsync(unit, household.Id, today.AddDays(-DemoResident.ArrivedDaysAgo), cancellationToken);
        if (!moved.Succeeded)
        {
            throw new InvalidOperationException("Demo resident could not move in: " + moved.Error);
        }

        var listed = today.AddDays(-DemoResident.WaitingListDaysAgo);
        db.HousingRegistrations.Add(new HousingRegistration(household.Id, DemoResident.Association, listed, DemoResident.WaitingListNumber));
        await db.SaveChangesAsync(cancellationToken);
        await audit.RecordAsync(AuditAction.HouseholdUpdated, null, "Vejen til permanent bolig: opskrivning",
            AuditLog.Household(household.Id, $": {DemoResident.Association}, {listed:yyyy-MM-dd}"), cancellationToken);

        await MeetDeadlinesAsync(household.Id, coordinatorUserName, today, cancellationToken);
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
                .Where(d => (d.TargetDate ?? d.LegalDate) < today).ToList();
            foreach (var deadline in passed)
            {
                var met = Earlier(deadline.TargetDate ?? deadline.LegalDate, deadline.LegalDate).AddDays(-3);
                if (deadline.Kind == DeadlineKind.IntegrationContract)
                {
                    var contract = new IntegrationContract(member.Id, met);
                    contract.Sign(met, met, today);
                    db.IntegrationContracts.Add(contract);
                    await db.SaveChangesAsync(cancellationToken);
                    await audit.RecordAsync(AuditAction.ContractSigned, member.Id, "Integrationskontrakt og erklæring", "demodata", cancellationToken);
                }
                else if (MetByDate.Contains(deadline.Kind))
                {
                    db.DeadlineCompletions.Add(new DeadlineCompletion(member.Id, deadline.Kind, met, coordinatorUserName, now));
                    await db.SaveChangesAsync(cancellationToken);
                    await audit.RecordAsync(AuditAction.DeadlineMet, member.Id, "Frist opfyldt", $"{deadline.Kind}: {met:yyyy-MM-dd}", cancellationToken);
                }
            }
        }
    }

    private static DateOnly Earlier(DateOnly a, DateOnly b) => a < b ? a : b;
}

using System.Globalization;
using Indgang.Domain.Audit;
using Indgang.Domain.Deadlines;
using Indgang.Domain.Plans;
using Indgang.Web.Audit;
using Indgang.Web.Data;
using Indgang.Web.Features.Reception;
using Indgang.Web.Features.RuleSets;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Indgang.Bench;

/// <summary>
/// The coordinator's statutory deadlines over the years, met as the demo's residents' are (DemoResidentHistory): each
/// one that has passed is recorded met — the integration contract signed, the others dated — mostly a few days before
/// it, now and then some days late; of the last two months', a fifth are still open. Five years of unmet deadlines
/// would be no municipality, and would make the coordinator's overview list thousands. Recorded as the household page's
/// forms record them (a completion or a signed contract, and an audit entry each), one scope per household.
/// </summary>
internal static class DeadlineHistory
{
    /// <summary>Kinds met by a date recorded on the household page (the contract is signed on its own page).</summary>
    private static readonly DeadlineKind[] MetByDate =
    [
        DeadlineKind.ProgrammeStart, DeadlineKind.FirstCompanyOffer, DeadlineKind.DanishEducationReferral, DeadlineKind.DanishEducationStart,
        DeadlineKind.HealthAssessmentOffer, DeadlineKind.OneYearReview,
    ];

    /// <summary>Records the households' passed deadlines (of those that have come); returns how many were met.</summary>
    public static async Task<int> RecordAsync(IServiceProvider services, IReadOnlyList<Guid> households, DateOnly today, Random random)
    {
        var met = 0;
        foreach (var id in households)
        {
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<IndgangDbContext>();
            var rules = scope.ServiceProvider.GetRequiredService<RuleSetSource>();
            var now = scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow();
            var household = await db.Households.Include(h => h.Members).SingleAsync(h => h.Id == id);
            if (household.ArrivedOn is null)
            {
                continue;
            }

            var overlay = await rules.OverlayAsync();
            var signed = new List<(Guid? Person, string? Details)>();
            var dated = new List<(Guid? Person, string? Details)>();
            // In a fixed order, so that the same seed meets the same deadlines (the members load in the order of their ids).
            foreach (var member in household.Members.OrderBy(m => m.BirthDate).ThenBy(m => m.FirstName, StringComparer.Ordinal))
            {
                foreach (var deadline in CaseDeadlines.For(member, household, rules.National, overlay, null, today).Deadlines)
                {
                    // The municipality's own goals without a legal date are not met in the history.
                    if (deadline.LegalDate is not { } legal)
                    {
                        continue;
                    }

                    var due = Earlier(deadline.TargetDate ?? legal, legal);
                    if (due >= today || (due > today.AddDays(-60) && random.NextDouble() < 0.2)
                        || (deadline.Kind != DeadlineKind.IntegrationContract && !MetByDate.Contains(deadline.Kind)))
                    {
                        continue;
                    }

                    var on = random.NextDouble() < 0.1 ? Earlier(legal.AddDays(1 + random.Next(20)), today) : due.AddDays(-1 - random.Next(5));
                    if (deadline.Kind == DeadlineKind.IntegrationContract)
                    {
                        var contract = new IntegrationContract(member.Id, on);
                        contract.Sign(on, on, today);
                        db.IntegrationContracts.Add(contract);
                        signed.Add((member.Id, null));
                    }
                    else
                    {
                        db.DeadlineCompletions.Add(new DeadlineCompletion(member.Id, deadline.Kind, on, "koordinator", now));
                        dated.Add((member.Id, string.Create(CultureInfo.InvariantCulture, $"{deadline.Kind}: {on:yyyy-MM-dd}")));
                    }
                }
            }

            await db.SaveChangesAsync();
            var audit = scope.ServiceProvider.GetRequiredService<AuditLog>();
            await audit.RecordEachAsync(AuditAction.ContractSigned, signed, AuditPurpose.ContractAndDeclaration);
            await audit.RecordEachAsync(AuditAction.DeadlineMet, dated, AuditPurpose.DeadlineMet);
            met += signed.Count + dated.Count;
        }

        return met;
    }

    private static DateOnly Earlier(DateOnly a, DateOnly b) => a < b ? a : b;
}

using System.Net;
using Indgang.Domain.Audit;
using Indgang.Domain.People;
using Indgang.Domain.Reception;
using Indgang.Domain.Tasks;
using Indgang.Web.Features.Reception;
using Indgang.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Indgang.Web.Tests.Infrastructure.Arrivals;

namespace Indgang.Web.Tests.Concurrency;

/// <summary>
/// A birth date correction that changes the checklist's tasks (<c>/People/{id}/BirthDate</c>) meets another's save
/// between the page's checks and its own: another coordinator's correction of the person's name, after which the page
/// reads and saves again, making its tasks once; or a department taking a task the correction closes, which is closed
/// all the same.
/// </summary>
public sealed class BirthDateCorrectionMeetsOtherSaveTests(SavesMeetAppFactory factory) : IClassFixture<SavesMeetAppFactory>
{
    private const string Reason = "Fødselsdatoen er rettet, så opgaven gælder ikke længere.";

    [Fact]
    public async Task NameCorrectedByAnotherAtTheMomentOfTheSave_SavedOnTheSecondTry_TheTasksMadeOnce()
    {
        var (household, daughter) = await FamilyWithADaughterAsync("Samtidigrettet");
        using var a = await Browser.SignedInAsync(factory, "koordinator");
        using var b = await Browser.SignedInAsync(factory, "koordinator");
        var form = await OpenedForm.OpenAsync(a, Url(daughter));
        var notices = await factory.NotificationIdsAsync();
        factory.BeforeNextSave(MakesTasksFor(household), () => b.CorrectFirstNameAsync(daughter, "Datteren", "Samtidigrettet", "Female"));

        var saved = await form.PostAsync(Typed("2001-03-03"));

        Assert.Equal(HttpStatusCode.Redirect, saved.Status);
        var stored = await factory.QueryAsync(db => db.Persons.AsNoTracking().SingleAsync(p => p.Id == daughter));
        Assert.Equal(("Datteren", new DateOnly(2001, 3, 3)), (stored.FirstName, stored.BirthDate));
        Assert.Equal(
            [(TaskType.TaxCard, CaseTaskStatus.Open), (TaskType.BankAccount, CaseTaskStatus.Open), (TaskType.BenefitsInformation, CaseTaskStatus.Open)],
            await factory.QueryAsync(async db => (await db.Tasks.AsNoTracking()
                    .Where(t => t.PersonId == daughter && (t.Type == TaskType.TaxCard || t.Type == TaskType.BankAccount || t.Type == TaskType.BenefitsInformation)).ToListAsync())
                .OrderBy(t => t.Type == TaskType.TaxCard ? 0 : t.Type == TaskType.BankAccount ? 1 : 2).Select(t => (t.Type, t.Status)).ToList()));
        Assert.Equal(
            [
                ("1 opgave er lukket, en fødselsdato er rettet: Familien Samtidigrettet", "boern-familier"),
                ("1 opgave er lukket, en fødselsdato er rettet: Familien Samtidigrettet", "skole-dagtilbud"),
                ("3 nye opgaver: Familien Samtidigrettet", "jobberiet"),
            ],
            await factory.NotificationsSinceAsync(notices));
        Assert.Equal(
            ["Rettet: fødselsdato, 0 opgaver flyttet, 3 oprettet, 2 lukket"],
            await factory.QueryAsync(db => db.AuditEntries.Where(e => e.Action == AuditAction.PersonUpdated && e.SubjectPersonId == daughter && e.Details!.StartsWith("Rettet: fødselsdato"))
                .Select(e => e.Details).ToListAsync()));
    }

    [Fact]
    public async Task TheFamilyConsultantTakenAtTheMomentOfTheSave_ClosedAllTheSame_TakenByTheDepartment()
    {
        var (household, daughter) = await FamilyWithADaughterAsync("Samtidigtaget");
        var consultant = await factory.QueryAsync(db => db.Tasks.Where(t => t.HouseholdId == household && t.Type == TaskType.FamilyConsultantOffer).Select(t => t.Id).SingleAsync());
        using var coordinator = await Browser.SignedInAsync(factory, "koordinator");
        var form = await OpenedForm.OpenAsync(coordinator, Url(daughter));
        factory.BeforeNextSave(MakesTasksFor(household), () => factory.TakeAsAsync(consultant, "boernefamilie"));

        var saved = await form.PostAsync(Typed("2001-03-03"));

        Assert.Equal(HttpStatusCode.Redirect, saved.Status);
        var task = await factory.QueryAsync(db => db.Tasks.AsNoTracking().SingleAsync(t => t.Id == consultant));
        Assert.Equal(
            (CaseTaskStatus.NotNeeded, Reason, await factory.UserIdAsync("boernefamilie")),
            (task.Status, task.NotNeededReason, task.AssigneeUserId));
        Assert.Equal(3, await factory.QueryAsync(db => db.Tasks.CountAsync(t => t.PersonId == daughter && t.Type != TaskType.SchoolOrDaycareOffer && t.Type != TaskType.HealthDocumentsConsent)));
    }

    /// <summary>The page's save that makes tasks for the household (what a correction that changes the checklist saves).</summary>
    private static Func<DbContext, bool> MakesTasksFor(Guid household) =>
        db => db.ChangeTracker.Entries<CaseTask>().Any(e => e.State == EntityState.Added && e.Entity.HouseholdId == household);

    /// <summary>A father and a daughter registered as the child of 10 she is not, arrived 20 days ago.</summary>
    private async Task<(Guid Household, Guid Daughter)> FamilyWithADaughterAsync(string lastName)
    {
        var household = await factory.RegisterAsync(new ArrivalRequest($"Familien {lastName}", null, Today.AddDays(-20),
        [
            new ArrivalMember("Far", lastName, new DateOnly(1975, 5, 5), Gender.Male, ResidenceBasis.QuotaRefugee),
            new ArrivalMember("Datter", lastName, new DateOnly(2015, 3, 3), Gender.Female, ResidenceBasis.QuotaRefugee, RelationToFirst: RelationKind.Child),
        ]));
        return (household, await factory.QueryAsync(db => db.Persons.Where(p => p.HouseholdId == household && p.FirstName == "Datter").Select(p => p.Id).SingleAsync()));
    }

    private static string Url(Guid person) => $"/People/{person}/BirthDate";

    private static Dictionary<string, string> Typed(string birthDate) => new() { ["BirthDate"] = birthDate };
}

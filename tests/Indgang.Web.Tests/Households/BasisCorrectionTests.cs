using System.Globalization;
using System.Net;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Indgang.Domain.Audit;
using Indgang.Domain.People;
using Indgang.Domain.Reception;
using Indgang.Domain.Tasks;
using Indgang.Tests.Hosting;
using Indgang.Web.Features.People;
using Indgang.Web.Features.Reception;
using Indgang.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Indgang.Web.Tests.Infrastructure.Arrivals;

namespace Indgang.Web.Tests.Households;

/// <summary>
/// A residence basis recorded wrong at registration is corrected from the person's page (»Ret opholdsgrundlag«,
/// <c>/People/{id}/Basis</c>): saved and logged; day 0, the deadlines and the checklist tasks follow it (a quota refugee
/// gets the health assessment's legal deadline, a family-reunified household that is a family with children after all
/// gets the family consultant's offer). A basis the household's registration would refuse is refused beside the field,
/// a visited member asks for the date of the visitation decision when the household has none; only the coordinator may
/// correct; another's correction meanwhile is shown, not overwritten.
/// </summary>
public sealed class BasisCorrectionTests(IndgangAppFactory factory) : IClassFixture<IndgangAppFactory>
{
    private static readonly HtmlParser Parser = new();
    private static readonly CultureInfo Danish = CultureInfo.GetCultureInfo("da-DK");

    /// <summary>A deadline that does not apply, as the household page shows it: no row, or no legal date.</summary>
    private static readonly string[] NoLegalDeadline = ["(no such deadline)", "– (ingen lovfrist)"];

    [Fact]
    public async Task VisitedCorrectedToQuotaRefugee_Saved_Day0AndTheHealthAssessmentDeadlineFollow_TasksMoved_Logged()
    {
        var (decided, arrival) = (Today.AddDays(-70), Today.AddDays(-10));
        var household = await factory.RegisterAsync(new ArrivalRequest(null, decided, arrival,
            [new ArrivalMember("Visiteret", "Kvotefejl", new DateOnly(1980, 4, 4), Gender.Female, ResidenceBasis.VisitedRefugee)]));
        var person = await PersonAsync(household);
        using var coordinator = await Browser.SignedInAsync(factory, "koordinator");
        Assert.Contains($"href=\"/People/{person}/Basis\"", await coordinator.GetPageAsync($"/People/{person}"), StringComparison.Ordinal);
        // The health assessment is a legal duty to a quota refugee alone (integrationsloven): no legal deadline before.
        Assert.Equal("– (ingen lovfrist)", await LegalDeadlineAsync(coordinator, household, "HealthAssessmentOffer"));
        var day0Before = Day0Calculator.Denmark.Calculate(ResidenceBasis.VisitedRefugee, decided, null, arrival).Date;
        var day0After = Day0Calculator.Denmark.Calculate(ResidenceBasis.QuotaRefugee, decided, null, arrival).Date;
        Assert.NotEqual(day0Before, day0After);
        Assert.Equal(day0Before, await BenefitsInformationDueAsync(household));

        var saved = await (await OpenedForm.OpenAsync(coordinator, Url(person))).PostAsync(Chosen("QuotaRefugee"));

        Assert.Equal(HttpStatusCode.Redirect, saved.Status);
        Assert.Equal(ResidenceBasis.QuotaRefugee, (await StoredAsync(person)).Basis);
        // Day 0 of a quota refugee is the CPR registration, estimated from the arrival until it is known.
        Assert.Equal(day0After, await BenefitsInformationDueAsync(household));
        Assert.NotEqual("– (ingen lovfrist)", await LegalDeadlineAsync(coordinator, household, "HealthAssessmentOffer"));
        Assert.NotNull((await DeadlineRowAsync(coordinator, household, "HealthAssessmentOffer"))?.QuerySelectorAll("td")[1].QuerySelector(".badge"));
        var logged = await factory.QueryAsync(db => db.AuditEntries.SingleAsync(e => e.Action == AuditAction.PersonUpdated && e.SubjectPersonId == person));
        Assert.Equal(("Rettet: opholdsgrundlag, 1 opgaver flyttet", "koordinator"), (logged.Details, logged.Actor));
        Assert.Equal("Kvoteflygtning", Parser.ParseDocument(await coordinator.GetPageAsync($"/People/{person}")).QuerySelector("[data-testid=basis]")?.TextContent);
    }

    /// <summary>
    /// A mother and child registered as family-reunified (a household joining, without the family consultant's offer),
    /// the mother a quota refugee after all: the household is a family with children, and the offer is made for its
    /// department, which is told.
    /// </summary>
    [Fact]
    public async Task TheHouseholdTypeChanges_TheTaskTheChecklistNowGives_IsMadeForItsDepartment()
    {
        var household = await factory.RegisterAsync(new ArrivalRequest(null, null, Today.AddDays(-5),
        [
            new ArrivalMember("Mor", "Typeskift", new DateOnly(1988, 2, 2), Gender.Female, ResidenceBasis.FamilyReunified),
            new ArrivalMember("Barn", "Typeskift", new DateOnly(2019, 2, 2), Gender.Male, ResidenceBasis.FamilyReunified, RelationToFirst: RelationKind.Child),
        ]));
        var mother = await PersonAsync(household, "Mor");
        Assert.False(await factory.QueryAsync(db => db.Tasks.AnyAsync(t => t.HouseholdId == household && t.Type == TaskType.FamilyConsultantOffer)));
        using var coordinator = await Browser.SignedInAsync(factory, "koordinator");

        var saved = await (await OpenedForm.OpenAsync(coordinator, Url(mother))).PostAsync(Chosen("QuotaRefugee"));

        Assert.Equal(HttpStatusCode.Redirect, saved.Status);
        var offer = await factory.QueryAsync(db => db.Tasks.AsNoTracking().SingleAsync(t => t.HouseholdId == household && t.Type == TaskType.FamilyConsultantOffer));
        Assert.Equal((CaseTaskStatus.Open, (Guid?)null, Today.AddDays(25)), (offer.Status, offer.PersonId, offer.DueDate));
        Assert.Equal("boern-familier", await factory.QueryAsync(db => db.Departments.Where(d => d.Id == offer.DepartmentId).Select(d => d.Code).SingleAsync()));
        var logged = await factory.QueryAsync(db => db.AuditEntries.SingleAsync(e => e.Action == AuditAction.PersonUpdated && e.SubjectPersonId == mother));
        Assert.EndsWith(", 1 oprettet, 0 lukket", logged.Details, StringComparison.Ordinal);
    }

    /// <summary>
    /// A child registered as a quota refugee who came alone, an unaccompanied minor after all: the household has no date of
    /// the visitation decision, which their day 0 is counted from, so the page asks for it; saved with it, the decision
    /// about the adult programme before the 18th birthday applies.
    /// </summary>
    [Fact]
    public async Task CorrectedToUnaccompaniedMinor_TheVisitationDecisionIsAskedFor_ThenSavedWithIt()
    {
        var birth = Today.AddYears(-16);
        var household = await factory.RegisterAsync(new ArrivalRequest(null, null, Today.AddDays(-10),
            [new ArrivalMember("Alene", "Uledsaget", birth, Gender.Male, ResidenceBasis.QuotaRefugee)]));
        var person = await PersonAsync(household);
        using var coordinator = await Browser.SignedInAsync(factory, "koordinator");
        var form = await OpenedForm.OpenAsync(coordinator, Url(person));
        Assert.NotNull(Parser.ParseDocument(await coordinator.GetPageAsync(Url(person))).GetElementById("VisitationDecisionDate"));
        Assert.Contains(await LegalDeadlineAsync(coordinator, household, "AdultProgrammeDecision"), NoLegalDeadline);

        var refused = await form.PostAsync(Chosen("UnaccompaniedMinor"));
        var future = await form.PostAsync(Chosen("UnaccompaniedMinor", Iso(Today.AddDays(1))));
        var afterArrival = await form.PostAsync(Chosen("UnaccompaniedMinor", Iso(Today.AddDays(-5))));
        var saved = await form.PostAsync(Chosen("UnaccompaniedMinor", Iso(Today.AddDays(-30))));

        AssertRefused(refused, "VisitationDecisionDate", BasisModel.VisitationDecisionMissing, "");
        AssertRefused(future, "VisitationDecisionDate", "Visitationsafgørelsen kan ikke ligge i fremtiden.", Iso(Today.AddDays(1)));
        AssertRefused(afterArrival, "VisitationDecisionDate", ArrivalValidator.ArrivalBeforeVisitation, Iso(Today.AddDays(-5)));
        Assert.Equal("UnaccompaniedMinor", (Parser.ParseDocument(refused.Html).GetElementById("Basis") as IHtmlSelectElement)?.Value);
        Assert.Equal(HttpStatusCode.Redirect, saved.Status);
        Assert.Equal(ResidenceBasis.UnaccompaniedMinor, (await StoredAsync(person)).Basis);
        Assert.Equal(Today.AddDays(-30), await factory.QueryAsync(db => db.Households.Where(h => h.Id == household).Select(h => h.VisitationDecisionDate).SingleAsync()));
        // Integrationsloven: the decision to offer the adult programme is due before the 18th birthday, the day before it.
        Assert.StartsWith(birth.AddYears(18).AddDays(-1).ToString("d. MMM yyyy", Danish), await LegalDeadlineAsync(coordinator, household, "AdultProgrammeDecision"), StringComparison.Ordinal);
        var logged = await factory.QueryAsync(db => db.AuditEntries.SingleAsync(e => e.Action == AuditAction.PersonUpdated && e.SubjectPersonId == person));
        Assert.StartsWith($"Rettet: opholdsgrundlag, visitationsafgørelse {Iso(Today.AddDays(-30))}, ", logged.Details, StringComparison.Ordinal);
    }

    /// <summary>A basis the household's registration would refuse: an adult unaccompanied minor; one not family-reunified in a household living with the person it joined.</summary>
    [Fact]
    public async Task BasisThatBreaksTheHousehold_RefusedBesideTheField_NothingSaved()
    {
        var adult = await PersonAsync(await factory.RegisterSingleAsync("Grundvoksen"));
        var joined = await factory.RegisterAsync(new ArrivalRequest(null, null, Today,
            [new ArrivalMember("Hustru", "Grundherboende", new DateOnly(1991, 3, 1), Gender.Female, ResidenceBasis.FamilyReunified)], LivesWithReferencePerson: true));
        var wife = await PersonAsync(joined);
        using var coordinator = await Browser.SignedInAsync(factory, "koordinator");

        var adultMinor = await (await OpenedForm.OpenAsync(coordinator, Url(adult))).PostAsync(Chosen("UnaccompaniedMinor", Iso(Today.AddDays(-30))));
        var notJoining = await (await OpenedForm.OpenAsync(coordinator, Url(wife))).PostAsync(Chosen("QuotaRefugee"));

        AssertRefused(adultMinor, "Basis", ArrivalValidator.UnaccompaniedMinorAdult, null);
        AssertRefused(notJoining, "Basis", ArrivalValidator.JoinsWithoutHome, null);
        Assert.Equal((ResidenceBasis.QuotaRefugee, ResidenceBasis.FamilyReunified), ((await StoredAsync(adult)).Basis, (await StoredAsync(wife)).Basis));
        Assert.Equal(0, await factory.AuditCountAsync(AuditAction.PersonUpdated, adult) + await factory.AuditCountAsync(AuditAction.PersonUpdated, wife));
    }

    [Theory]
    [InlineData("")]
    [InlineData("Turist")]
    [InlineData("99")]
    public async Task NoBasisChosen_RefusedBesideTheField_NothingSaved(string chosen)
    {
        var person = await PersonAsync(await factory.RegisterSingleAsync($"Grundtom{chosen.Length}"));
        using var coordinator = await Browser.SignedInAsync(factory, "koordinator");

        var refused = await (await OpenedForm.OpenAsync(coordinator, Url(person))).PostAsync(Chosen(chosen));

        AssertRefused(refused, "Basis", BasisModel.Missing, null);
        Assert.Equal(ResidenceBasis.QuotaRefugee, (await StoredAsync(person)).Basis);
        Assert.Equal(0, await factory.AuditCountAsync(AuditAction.PersonUpdated, person));
    }

    [Theory]
    [InlineData("skole")]
    [InlineData("leder")]
    [InlineData("bolig")]
    public async Task NotTheCaseOwner_IsRefused_AndNothingChanges(string userName)
    {
        var person = await PersonAsync(await factory.RegisterSingleAsync($"Grundadgang{userName}"));
        using var coordinator = await Browser.SignedInAsync(factory, "koordinator");
        var form = await OpenedForm.OpenAsync(coordinator, Url(person));
        using var browser = await Browser.SignedInAsync(factory, userName);

        using var shown = await browser.GetAsync(Url(person));
        var posted = await OpenedForm.Of(browser, Url(person), await browser.GetPageAsync("/"))
            .PostAsync(Chosen("VisitedRefugee").Append(new("Version", form.Hidden["Version"])));

        Assert.Equal(HttpStatusCode.Forbidden, shown.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, posted.Status);
        Assert.Equal(ResidenceBasis.QuotaRefugee, (await StoredAsync(person)).Basis);
    }

    [Fact]
    public async Task CorrectedByAnotherWhileEditing_TheirBasisShownBesideMine_SavingAgainSavesMine()
    {
        var household = await factory.RegisterAsync(new ArrivalRequest(null, Today.AddDays(-40), Today,
            [new ArrivalMember("Samtidig", "Grundsamtidig", new DateOnly(1990, 1, 1), Gender.Male, ResidenceBasis.VisitedRefugee)]));
        var person = await PersonAsync(household);
        using var a = await Browser.SignedInAsync(factory, "koordinator");
        using var b = await Browser.SignedInAsync(factory, "koordinator");
        var formA = await OpenedForm.OpenAsync(a, Url(person));
        Assert.Equal(HttpStatusCode.Redirect, (await (await OpenedForm.OpenAsync(b, Url(person))).PostAsync(Chosen("QuotaRefugee"))).Status);

        var conflict = await formA.PostAsync(Chosen("FamilyReunified"));

        Assert.Equal(HttpStatusCode.OK, conflict.Status);
        Assert.Contains($"<li>{BasisModel.SavedByOtherMessage}</li>", conflict.Html, StringComparison.Ordinal);
        var page = Parser.ParseDocument(conflict.Html);
        Assert.Equal("Gemt af en anden: Kvoteflygtning", page.GetElementById("Basis-saved")?.TextContent);
        Assert.Equal("FamilyReunified", (page.GetElementById("Basis") as IHtmlSelectElement)?.Value);
        Assert.Equal(ResidenceBasis.QuotaRefugee, (await StoredAsync(person)).Basis);

        var again = await OpenedForm.Of(a, Url(person), conflict.Html).PostAsync(Chosen("FamilyReunified"));

        Assert.Equal(HttpStatusCode.Redirect, again.Status);
        Assert.Equal(ResidenceBasis.FamilyReunified, (await StoredAsync(person)).Basis);
        Assert.Equal(2, await factory.AuditCountAsync(AuditAction.PersonUpdated, person));
    }

    private static void AssertRefused((HttpStatusCode Status, string Html) refused, string field, string message, string? typed)
    {
        Assert.Equal(HttpStatusCode.OK, refused.Status);
        var page = Parser.ParseDocument(refused.Html);
        Assert.Equal($"Fejl: {message}", page.GetElementById($"{field}-error")?.TextContent);
        Assert.NotNull(page.QuerySelector($".alert-error a[href='#{field}']"));
        if (typed is not null)
        {
            Assert.Equal(typed, (page.GetElementById(field) as IHtmlInputElement)?.Value);
        }
    }

    /// <summary>The row of the deadline on the household page, or null when it does not apply.</summary>
    private static async Task<AngleSharp.Dom.IElement?> DeadlineRowAsync(Browser coordinator, Guid household, string kind) =>
        Parser.ParseDocument(await coordinator.GetPageAsync($"/Households/{household}")).QuerySelector($"tr[data-deadline={kind}]");

    /// <summary>The deadline's legal date and status as the household page shows them, whitespace collapsed.</summary>
    private static async Task<string> LegalDeadlineAsync(Browser coordinator, Guid household, string kind) =>
        string.Join(' ', ((await DeadlineRowAsync(coordinator, household, kind))?.QuerySelectorAll("td")[1].TextContent ?? "(no such deadline)")
            .Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private Task<DateOnly> BenefitsInformationDueAsync(Guid household) =>
        factory.QueryAsync(db => db.Tasks.Where(t => t.HouseholdId == household && t.Type == TaskType.BenefitsInformation).Select(t => t.DueDate).SingleAsync());

    private static string Url(Guid person) => $"/People/{person}/Basis";

    private static Dictionary<string, string> Chosen(string basis, string? visitationDecision = null)
    {
        var fields = new Dictionary<string, string> { ["Basis"] = basis };
        if (visitationDecision is not null)
        {
            fields["VisitationDecisionDate"] = visitationDecision;
        }

        return fields;
    }

    private Task<Person> StoredAsync(Guid person) => factory.QueryAsync(db => db.Persons.AsNoTracking().SingleAsync(p => p.Id == person));

    private Task<Guid> PersonAsync(Guid household, string? firstName = null) =>
        factory.QueryAsync(db => db.Persons.Where(p => p.HouseholdId == household && (firstName == null || p.FirstName == firstName)).Select(p => p.Id).SingleAsync());
}

using System.Net;
using AngleSharp.Html.Parser;
using Indgang.Domain.Audit;
using Indgang.Domain.People;
using Indgang.Domain.Reception;
using Indgang.Tests.Hosting;
using Indgang.Web.Features.Reception;
using Indgang.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Indgang.Web.Tests.Infrastructure.Arrivals;

namespace Indgang.Web.Tests.Households;

/// <summary>
/// A deadline met, or a contract signed, in a quota refugee's case cannot be dated before the person came, nor before
/// they were born (<see cref="Web.Features.Households.CaseDayBounds"/>): a programme start met in 2001 for a person who
/// came in 2026 was saved, set the programme's maximum to 2006, and every save of the person's plan was then refused
/// (found by exploratory review). Refused beside the field, what was typed kept, nothing saved; the arrival day itself is
/// allowed.
/// </summary>
public sealed class CaseDayBoundsTests(IndgangAppFactory factory) : IClassFixture<IndgangAppFactory>
{
    private static readonly HtmlParser Parser = new();
    private static readonly DateOnly Came = Today.AddDays(-20);

    [Fact]
    public async Task ProgrammeStartMetYearsBeforeThePersonCame_IsRefused_NothingSaved_TheArrivalDayIsSaved()
    {
        var (household, adult, _) = await QuotaFamilyAsync("Fristfør");
        using var coordinator = await Browser.SignedInAsync(factory, "koordinator");
        var url = $"/Households/{household}/Deadline?personId={adult}&kind=ProgrammeStart";

        var refused = await (await OpenedForm.OpenAsync(coordinator, url)).PostAsync(new Dictionary<string, string> { ["CompletedOn"] = "2001-01-01" });

        Assert.Equal(HttpStatusCode.OK, refused.Status);
        var page = Parser.ParseDocument(refused.Html);
        Assert.Equal($"Fejl: Datoen kan ikke ligge før personens ankomst ({DanishDates.Written(Came)}). Er ankomsten forkert, så ret den først.", page.GetElementById("CompletedOn-error")?.TextContent);
        Assert.Equal("2001-01-01", page.GetElementById("CompletedOn")?.GetAttribute("value"));
        Assert.False(await factory.QueryAsync(db => db.DeadlineCompletions.AnyAsync(c => c.PersonId == adult)));

        var saved = await (await OpenedForm.OpenAsync(coordinator, url)).PostAsync(new Dictionary<string, string> { ["CompletedOn"] = Iso(Came) });
        Assert.Equal(HttpStatusCode.Redirect, saved.Status);
        Assert.Equal(Came, await factory.QueryAsync(db => db.DeadlineCompletions.Where(c => c.PersonId == adult).Select(c => c.CompletedOn).SingleAsync()));
    }

    [Fact]
    public async Task HealthOfferMetBeforeTheChildWasBorn_IsRefusedAsBeforeTheBirth()
    {
        var (household, _, child) = await QuotaFamilyAsync("Fødselfør");
        using var coordinator = await Browser.SignedInAsync(factory, "koordinator");
        var url = $"/Households/{household}/Deadline?personId={child}&kind=HealthAssessmentOffer";

        var refused = await (await OpenedForm.OpenAsync(coordinator, url)).PostAsync(new Dictionary<string, string> { ["CompletedOn"] = "2005-05-05" });

        Assert.Equal(HttpStatusCode.OK, refused.Status);
        Assert.Equal("Fejl: Datoen kan ikke ligge før personens fødselsdato.", Parser.ParseDocument(refused.Html).GetElementById("CompletedOn-error")?.TextContent);
        Assert.False(await factory.QueryAsync(db => db.DeadlineCompletions.AnyAsync(c => c.PersonId == child)));
    }

    [Fact]
    public async Task ContractSignedYearsBeforeThePersonCame_IsRefusedBesideTheField_NothingSaved()
    {
        var (household, adult, _) = await QuotaFamilyAsync("Kontraktfør");
        using var coordinator = await Browser.SignedInAsync(factory, "koordinator");
        var url = $"/Households/{household}/Contract?personId={adult}";

        var refused = await (await OpenedForm.OpenAsync(coordinator, url)).PostAsync(new Dictionary<string, string>
        {
            ["ContractSignedOn"] = "2001-02-03",
            ["DeclarationSignedOn"] = Iso(Today),
        });

        Assert.Equal(HttpStatusCode.OK, refused.Status);
        var page = Parser.ParseDocument(refused.Html);
        Assert.Equal($"Fejl: Datoen kan ikke ligge før personens ankomst ({DanishDates.Written(Came)}). Er ankomsten forkert, så ret den først.", page.GetElementById("ContractSignedOn-error")?.TextContent);
        Assert.Null(page.GetElementById("DeclarationSignedOn-error"));
        Assert.False(await factory.QueryAsync(db => db.IntegrationContracts.AnyAsync(c => c.PersonId == adult)));
        Assert.Equal(0, await factory.AuditCountAsync(AuditAction.ContractSigned, adult));
    }

    /// <summary>
    /// A child's contract page says at once that only adults on day 0 have a contract, with no form to fill in: it showed
    /// the form and refused only the save (found by exploratory review). The adult's page has the form.
    /// </summary>
    [Fact]
    public async Task ContractPageOfAChild_SaysOnlyAdultsHaveOne_WithoutAForm()
    {
        var (household, adult, child) = await QuotaFamilyAsync("Kontraktbarn");
        using var coordinator = await Browser.SignedInAsync(factory, "koordinator");

        var childsPage = Parser.ParseDocument(await coordinator.GetPageAsync($"/Households/{household}/Contract?personId={child}"));
        var adultsPage = Parser.ParseDocument(await coordinator.GetPageAsync($"/Households/{household}/Contract?personId={adult}"));

        Assert.Equal("Kun voksne over 18 år på dag 0 skal have en integrationskontrakt.", childsPage.QuerySelector("main .alert-info .alert-text")?.TextContent);
        Assert.Null(childsPage.GetElementById("ContractSignedOn"));
        Assert.NotNull(adultsPage.GetElementById("ContractSignedOn"));
        Assert.Null(adultsPage.QuerySelector("main .alert-info"));
    }

    /// <summary>A quota refugee family that came 20 days ago (a parent born 1980, a child born 2018): the household, the parent, the child.</summary>
    private async Task<(Guid Household, Guid Adult, Guid Child)> QuotaFamilyAsync(string lastName)
    {
        var household = await factory.RegisterAsync(new ArrivalRequest(null, null, Came,
        [
            new ArrivalMember("Voksen", lastName, new DateOnly(1980, 5, 5), Gender.Male, ResidenceBasis.QuotaRefugee),
            new ArrivalMember("Barn", lastName, new DateOnly(2018, 3, 3), Gender.Female, ResidenceBasis.QuotaRefugee, RelationToFirst: RelationKind.Child),
        ]));
        var members = await factory.QueryAsync(db => db.Persons.Where(p => p.HouseholdId == household).Select(p => new { p.Id, p.FirstName }).ToListAsync());
        return (household, members.Single(m => m.FirstName == "Voksen").Id, members.Single(m => m.FirstName == "Barn").Id);
    }
}

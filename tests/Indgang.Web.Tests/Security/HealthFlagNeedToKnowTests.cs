using System.Net;
using AngleSharp.Html.Parser;
using Indgang.Domain.Audit;
using Indgang.Domain.People;
using Indgang.Domain.Reception;
using Indgang.Tests.Hosting;
using Indgang.Web.Features.People;
using Indgang.Web.Features.Reception;
using Indgang.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Indgang.Web.Tests.Security;

/// <summary>
/// That a person has special health needs, ticked at registration, is health data (HEALTH-3): the person page shows it to
/// the coordinator and to the health department, whose task (consent to fetch health documents) needs it, each showing
/// recorded in the page's one read row; Sekretariatet and Teknik, reading the case for their own tasks, and the housing coordinator are not shown it.
/// </summary>
public sealed class HealthFlagNeedToKnowTests(IndgangAppFactory factory) : IClassFixture<IndgangAppFactory>
{
    private static readonly HtmlParser Parser = new();

    [Theory]
    [InlineData("koordinator", "Asta", true, "Ja (detaljer hos sundhedsområdet)")]
    [InlineData("sundhed", "Birk", true, "Ja (detaljer hos sundhedsområdet)")]
    [InlineData("sundhed", "Cira", false, "Nej")]
    public async Task TheCoordinatorAndTheHealthDepartment_AreShownIt_AndTheShowingIsRecorded(string userName, string firstName, bool flagged, string shown)
    {
        var person = await PersonAsync(firstName, flagged);
        using var browser = await Browser.SignedInAsync(factory, userName);

        var page = Parser.ParseDocument(await browser.GetPageAsync($"/People/{person}"));

        Assert.Equal(shown, HealthFact(page));
        Assert.Equal(1, await ShowingsAsync(person));
    }

    [Theory]
    [InlineData("sekretariat", "Dagny")]
    [InlineData("teknik", "Elin")]
    [InlineData("bolig", "Frode")]
    public async Task OthersReadingTheCase_AreNotShownIt(string userName, string firstName)
    {
        var person = await PersonAsync(firstName, flagged: true);
        using var browser = await Browser.SignedInAsync(factory, userName);

        var html = await browser.GetPageAsync($"/People/{person}");

        Assert.Null(HealthFact(Parser.ParseDocument(html)));
        Assert.DoesNotContain("helbredsmæssige", WebUtility.HtmlDecode(html), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(0, await ShowingsAsync(person));
    }

    private static string? HealthFact(AngleSharp.Html.Dom.IHtmlDocument page) =>
        page.QuerySelectorAll("dl.person-facts dt").FirstOrDefault(dt => dt.TextContent == "Særlige helbredsmæssige behov")?.NextElementSibling?.TextContent;

    private Task<int> ShowingsAsync(Guid person) => factory.QueryAsync(db =>
        db.AuditEntries.CountAsync(e => e.Action == AuditAction.PersonRead && e.SubjectPersonId == person && e.Details == PersonDirectory.HealthFlagShown));

    /// <summary>An adult quota refugee registered today (the checklist's tasks sent to the departments, the consent task to health).</summary>
    private async Task<Guid> PersonAsync(string firstName, bool flagged)
    {
        var lastName = $"Behovsflag{firstName}";
        var household = await factory.RegisterAsync(new ArrivalRequest(null, null, DateOnly.FromDateTime(DateTime.Now),
            [new ArrivalMember(firstName, lastName, new DateOnly(1984, 4, 4), Gender.Female, ResidenceBasis.QuotaRefugee, HasMedicalFlag: flagged)]));
        return await factory.QueryAsync(db => db.Persons.Where(p => p.HouseholdId == household).Select(p => p.Id).SingleAsync());
    }
}

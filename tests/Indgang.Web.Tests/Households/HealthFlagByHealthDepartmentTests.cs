using System.Net;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Indgang.Domain.Audit;
using Indgang.Domain.People;
using Indgang.Domain.Reception;
using Indgang.Tests.Hosting;
using Indgang.Web.Features.People;
using Indgang.Web.Features.Reception;
using Indgang.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Indgang.Web.Tests.Households;

/// <summary>
/// The health department, whose consent task for a person's health documents shows it their health flag (health data),
/// learns from the documents when the flag is wrong, and sets or withdraws it from the person's page (»Ret særlige
/// helbredsmæssige behov«): saved, logged as the field changed without its value. A department that reads the case for
/// another task, the housing coordinator and the manager are refused the page, and their post changes nothing.
/// </summary>
public sealed class HealthFlagByHealthDepartmentTests(IndgangAppFactory factory) : IClassFixture<IndgangAppFactory>
{
    private const string LinkText = "Ret særlige helbredsmæssige behov";

    [Fact]
    public async Task TheHealthDepartment_SetsAndWithdrawsTheFlag_FromThePersonsPage_EachChangeAuditedWithoutItsValue()
    {
        var person = await RegisteredAsync("Helbredsafd", "Gerda", flagged: false);
        using var health = await Browser.SignedInAsync(factory, "sundhed");

        var personPage = new HtmlParser().ParseDocument(await health.GetPageAsync($"/People/{person}"));
        var link = personPage.QuerySelectorAll("a").Single(a => a.TextContent == LinkText);
        Assert.Equal(Url(person), link.GetAttribute("href"));
        Assert.Null(personPage.QuerySelector("[data-testid=edit-person]"));
        Assert.False(Box(await health.GetPageAsync(Url(person))).IsChecked);

        var set = await (await OpenedForm.OpenAsync(health, Url(person))).PostAsync(Ticked(true));

        Assert.Equal(HttpStatusCode.Redirect, set.Status);
        Assert.True((await StoredAsync(person)).HasMedicalFlag);
        Assert.Equal("Ja (detaljer hos sundhedsområdet)", HealthShown(await health.GetPageAsync($"/People/{person}")));
        Assert.True(Box(await health.GetPageAsync(Url(person))).IsChecked);

        var withdrawn = await (await OpenedForm.OpenAsync(health, Url(person))).PostAsync(Ticked(false));

        Assert.Equal(HttpStatusCode.Redirect, withdrawn.Status);
        Assert.False((await StoredAsync(person)).HasMedicalFlag);
        Assert.Equal("Nej", HealthShown(await health.GetPageAsync($"/People/{person}")));
        var updates = await UpdatesAsync(person);
        Assert.Equal([("sundhed", "Rettet: særlige helbredsmæssige behov"), ("sundhed", "Rettet: særlige helbredsmæssige behov")], updates);
        Assert.True(await factory.QueryAsync(db => db.AuditEntries.AnyAsync(e => e.Action == AuditAction.PersonRead && e.SubjectPersonId == person
            && e.Actor == "sundhed" && e.Purpose == "Rettelse af borgerens oplysninger" && e.Details == PersonDirectory.HealthFlagShown)));
    }

    /// <summary>
    /// Sekretariatet reads the case for its own tasks, the housing coordinator places the household, the manager reads no
    /// case: none may see the flag, so none is offered the page, shown it, or changes the flag by posting to it (with a
    /// version taken from the health department's form); nor is a read for the correction logged for them.
    /// </summary>
    [Theory]
    [InlineData("sekretariat")]
    [InlineData("bolig")]
    [InlineData("leder")]
    public async Task OneWhoMayNotSeeTheFlag_IsRefused_AndTheFlagIsUnchanged(string userName)
    {
        var person = await RegisteredAsync($"Helbredsnej{userName}", "Hanne", flagged: true);
        using var health = await Browser.SignedInAsync(factory, "sundhed");
        var form = await OpenedForm.OpenAsync(health, Url(person));
        using var browser = await Browser.SignedInAsync(factory, userName);

        using var personPage = await browser.GetAsync($"/People/{person}");
        using var shown = await browser.GetAsync(Url(person));
        var posted = await OpenedForm.Of(browser, Url(person), await browser.GetPageAsync("/"))
            .PostAsync(Ticked(false).Append(new("Version", form.Hidden["Version"])));

        if (personPage.StatusCode == HttpStatusCode.OK)
        {
            Assert.DoesNotContain(LinkText, WebUtility.HtmlDecode(await personPage.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        }
        Assert.Equal(HttpStatusCode.Forbidden, shown.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, posted.Status);
        Assert.True((await StoredAsync(person)).HasMedicalFlag);
        Assert.Equal(0, await factory.AuditCountAsync(AuditAction.PersonUpdated, person));
        Assert.False(await factory.QueryAsync(db => db.AuditEntries.AnyAsync(e => e.SubjectPersonId == person && e.Actor == userName
            && e.Purpose == "Rettelse af borgerens oplysninger")));
    }

    [Fact]
    public async Task APersonWhoDoesNotExist_IsNotFound()
    {
        using var health = await Browser.SignedInAsync(factory, "sundhed");

        using var shown = await health.GetAsync(Url(Guid.NewGuid()));

        Assert.Equal(HttpStatusCode.NotFound, shown.StatusCode);
    }

    /// <summary>
    /// The coordinator still corrects the flag on »Ret oplysninger«; the health department's form, opened before, is then
    /// not saved over it unseen: the coordinator's value is shown beside the box, and pressing Gem again saves it.
    /// </summary>
    [Fact]
    public async Task TheCoordinatorCorrectsItMeanwhile_TheHealthDepartmentIsShownTheirs_AndSavingAgainSavesIts()
    {
        var person = await RegisteredAsync("Helbredssamtidig", "Inge", flagged: false);
        using var health = await Browser.SignedInAsync(factory, "sundhed");
        using var coordinator = await Browser.SignedInAsync(factory, "koordinator");
        var healthForm = await OpenedForm.OpenAsync(health, Url(person));

        var byCoordinator = await (await OpenedForm.OpenAsync(coordinator, $"/People/{person}/Edit")).PostAsync(new Dictionary<string, string>
        {
            ["FirstName"] = "Inge",
            ["LastName"] = "Helbredssamtidig",
            ["Gender"] = "Female",
            ["Nationality"] = "",
            ["Languages"] = "",
            ["NeedsInterpreter"] = "false",
            ["NeedsAccessibleHousing"] = "false",
            ["HasMedicalFlag"] = "true",
        });
        Assert.Equal(HttpStatusCode.Redirect, byCoordinator.Status);
        Assert.True((await StoredAsync(person)).HasMedicalFlag);

        var conflict = await healthForm.PostAsync(Ticked(false));

        Assert.Equal(HttpStatusCode.OK, conflict.Status);
        Assert.Contains(HealthFlagModel.SavedByOtherMessage, conflict.Html, StringComparison.Ordinal);
        Assert.NotNull(new HtmlParser().ParseDocument(conflict.Html).GetElementById("HasMedicalFlag-saved"));
        Assert.True((await StoredAsync(person)).HasMedicalFlag);
        Assert.Equal([("koordinator", "Rettet: særlige helbredsmæssige behov")], await UpdatesAsync(person));

        var again = await OpenedForm.Of(health, Url(person), conflict.Html).PostAsync(Ticked(false));

        Assert.Equal(HttpStatusCode.Redirect, again.Status);
        Assert.False((await StoredAsync(person)).HasMedicalFlag);
        Assert.Equal([("koordinator", "Rettet: særlige helbredsmæssige behov"), ("sundhed", "Rettet: særlige helbredsmæssige behov")], await UpdatesAsync(person));
    }

    private static string Url(Guid person) => $"/People/{person}/HealthFlag";

    private static Dictionary<string, string> Ticked(bool medical) => new() { ["HasMedicalFlag"] = medical ? "true" : "false" };

    private static IHtmlInputElement Box(string html) =>
        Assert.IsAssignableFrom<IHtmlInputElement>(new HtmlParser().ParseDocument(html).GetElementById("HasMedicalFlag"));

    private static string? HealthShown(string html) =>
        new HtmlParser().ParseDocument(html).QuerySelectorAll("dl.person-facts dt")
            .FirstOrDefault(dt => dt.TextContent == "Særlige helbredsmæssige behov")?.NextElementSibling?.TextContent;

    /// <summary>An adult quota refugee registered today: the checklist's consent task for the health documents goes to Ældre og Sundhed.</summary>
    private async Task<Guid> RegisteredAsync(string lastName, string firstName, bool flagged)
    {
        var household = await factory.RegisterAsync(new ArrivalRequest(null, null, DateOnly.FromDateTime(DateTime.Now),
            [new ArrivalMember(firstName, lastName, new DateOnly(1984, 4, 4), Gender.Female, ResidenceBasis.QuotaRefugee, HasMedicalFlag: flagged)]));
        return await factory.QueryAsync(db => db.Persons.Where(p => p.HouseholdId == household).Select(p => p.Id).SingleAsync());
    }

    private Task<Person> StoredAsync(Guid person) => factory.QueryAsync(db => db.Persons.AsNoTracking().SingleAsync(p => p.Id == person));

    private async Task<List<(string Actor, string? Details)>> UpdatesAsync(Guid person) => [.. (await factory.QueryAsync(db => db.AuditEntries
        .Where(e => e.Action == AuditAction.PersonUpdated && e.SubjectPersonId == person).OrderBy(e => e.Sequence)
        .Select(e => new { e.Actor, e.Details }).ToListAsync())).Select(e => (e.Actor, e.Details))];
}

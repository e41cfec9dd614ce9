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
/// The health flag (special health needs, health data) set at registration can be corrected and withdrawn afterwards on
/// the person's »Ret oplysninger«, by one who may see it (<c>PersonAccess.SeesHealthFlagAsync</c>): saved, logged by the
/// field changed (not its value), the read that showed it logged as showing it. One who may not see it is not shown the
/// field, and posting it changes nothing.
/// </summary>
public sealed class HealthFlagCorrectionTests(IndgangAppFactory factory) : IClassFixture<IndgangAppFactory>
{
    private const string Label = "Har særlige helbredsmæssige behov (uden detaljer her)";

    [Fact]
    public async Task TheCoordinator_SetsAndClearsTheHealthFlag_EachChangeAudited()
    {
        var person = await RegisteredAsync("Helbredsret", "Asta", flagged: false);
        using var coordinator = await Browser.SignedInAsync(factory, "koordinator");

        var form = await OpenedForm.OpenAsync(coordinator, Url(person));
        var box = new HtmlParser().ParseDocument(await coordinator.GetPageAsync(Url(person))).GetElementById("HasMedicalFlag") as IHtmlInputElement;
        Assert.NotNull(box);
        Assert.False(box.IsChecked);
        Assert.True(await factory.QueryAsync(db => db.AuditEntries.AnyAsync(e => e.Action == AuditAction.PersonRead && e.SubjectPersonId == person
            && e.Purpose == "Rettelse af borgerens oplysninger" && e.Details == PersonDirectory.HealthFlagShown)));

        var set = await form.PostAsync(Typed("Asta", "Helbredsret", medical: true));

        Assert.Equal(HttpStatusCode.Redirect, set.Status);
        Assert.True((await StoredAsync(person)).HasMedicalFlag);
        Assert.Equal(["Rettet: særlige helbredsmæssige behov"], await UpdatesAsync(person));
        Assert.Equal("Ja (detaljer hos sundhedsområdet)", HealthShown(await coordinator.GetPageAsync($"/People/{person}")));

        var reopened = await OpenedForm.OpenAsync(coordinator, Url(person));
        Assert.True((new HtmlParser().ParseDocument(await coordinator.GetPageAsync(Url(person))).GetElementById("HasMedicalFlag") as IHtmlInputElement)!.IsChecked);
        var cleared = await reopened.PostAsync(Typed("Asta", "Helbredsret", medical: false));

        Assert.Equal(HttpStatusCode.Redirect, cleared.Status);
        Assert.False((await StoredAsync(person)).HasMedicalFlag);
        Assert.Equal(["Rettet: særlige helbredsmæssige behov", "Rettet: særlige helbredsmæssige behov"], await UpdatesAsync(person));
        Assert.Equal("Nej", HealthShown(await coordinator.GetPageAsync($"/People/{person}")));
    }

    /// <summary>A form that does not carry the field (another client, an older page) leaves the flag as it is.</summary>
    [Fact]
    public async Task ACorrectionWithoutTheField_LeavesTheHealthFlag()
    {
        var person = await RegisteredAsync("Helbredsbevar", "Birk", flagged: true);
        using var coordinator = await Browser.SignedInAsync(factory, "koordinator");
        var typed = Typed("Birke", "Helbredsbevar", medical: false);
        typed.Remove("HasMedicalFlag");

        // The form as such a client holds it: without the box, nor its hidden »false«.
        var html = (await coordinator.GetPageAsync(Url(person))).Replace("name=\"HasMedicalFlag\"", "name=\"Ukendt\"", StringComparison.Ordinal);

        var saved = await OpenedForm.Of(coordinator, Url(person), html).PostAsync(typed);

        Assert.Equal(HttpStatusCode.Redirect, saved.Status);
        var stored = await StoredAsync(person);
        Assert.Equal("Birke", stored.FirstName);
        Assert.True(stored.HasMedicalFlag);
        Assert.Equal(["Rettet: fornavn"], await UpdatesAsync(person));
    }

    /// <summary>
    /// The school department has a task for the household, so it reads the person, but it may not see the health flag:
    /// it is not shown the field, and posting it (with a version taken from the coordinator's form) changes nothing.
    /// </summary>
    [Fact]
    public async Task ADepartmentWorkerWhoMayNotSeeIt_PostsTheField_NothingChanges()
    {
        var rania = await factory.QueryAsync(db => db.Persons.Where(p => p.FirstName == "Rania" && p.LastName == "Haddad").Select(p => p.Id).SingleAsync());
        var before = (await StoredAsync(rania)).HasMedicalFlag;
        using var coordinator = await Browser.SignedInAsync(factory, "koordinator");
        var form = await OpenedForm.OpenAsync(coordinator, Url(rania));
        using var school = await Browser.SignedInAsync(factory, "skole");

        var personPage = await school.GetPageAsync($"/People/{rania}");
        var posted = await OpenedForm.Of(school, Url(rania), await school.GetPageAsync("/"))
            .PostAsync(Typed("Rania", "Haddad", medical: !before).Append(new("Version", form.Hidden["Version"])));

        Assert.DoesNotContain(Label, personPage, StringComparison.Ordinal);
        Assert.DoesNotContain("HasMedicalFlag", personPage, StringComparison.Ordinal);
        Assert.NotEqual(HttpStatusCode.Redirect, posted.Status);
        Assert.DoesNotContain("HasMedicalFlag", posted.Html, StringComparison.Ordinal);
        Assert.Equal(before, (await StoredAsync(rania)).HasMedicalFlag);
        Assert.Equal(0, await factory.AuditCountAsync(AuditAction.PersonUpdated, rania));
    }

    private static string Url(Guid person) => $"/People/{person}/Edit";

    private static Dictionary<string, string> Typed(string firstName, string lastName, bool medical) => new()
    {
        ["FirstName"] = firstName,
        ["LastName"] = lastName,
        ["Gender"] = "Female",
        ["Nationality"] = "",
        ["Languages"] = "",
        ["NeedsInterpreter"] = "false",
        ["NeedsAccessibleHousing"] = "false",
        ["HasMedicalFlag"] = medical ? "true" : "false",
    };

    private static string? HealthShown(string html)
    {
        var page = new HtmlParser().ParseDocument(html);
        return page.QuerySelectorAll("dt").FirstOrDefault(dt => dt.TextContent == "Særlige helbredsmæssige behov")?.NextElementSibling?.TextContent;
    }

    private async Task<Guid> RegisteredAsync(string lastName, string firstName, bool flagged)
    {
        var household = await factory.RegisterAsync(new ArrivalRequest(null, null, DateOnly.FromDateTime(DateTime.Now),
            [new ArrivalMember(firstName, lastName, new DateOnly(1984, 4, 4), Gender.Female, ResidenceBasis.QuotaRefugee, HasMedicalFlag: flagged)]));
        return await factory.QueryAsync(db => db.Persons.Where(p => p.HouseholdId == household).Select(p => p.Id).SingleAsync());
    }

    private Task<Person> StoredAsync(Guid person) => factory.QueryAsync(db => db.Persons.AsNoTracking().SingleAsync(p => p.Id == person));

    private Task<List<string?>> UpdatesAsync(Guid person) => factory.QueryAsync(db => db.AuditEntries
        .Where(e => e.Action == AuditAction.PersonUpdated && e.SubjectPersonId == person).OrderBy(e => e.Sequence).Select(e => e.Details).ToListAsync());
}

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
/// After registration, the coordinator corrects a member's names, gender, nationality, languages and needs from the
/// person's page (»Ret oplysninger«, <c>/People/{id}/Edit</c>): saved, logged by the fields changed, and shown on the
/// person's page. Bad input is refused beside the field as at registration, what was typed kept and nothing saved; only
/// the coordinator may correct; a correction by another meanwhile is shown, not overwritten.
/// </summary>
public sealed class PersonCorrectionTests(IndgangAppFactory factory) : IClassFixture<IndgangAppFactory>
{
    private static readonly HtmlParser Parser = new();

    [Fact]
    public async Task Correct_SavedAndLoggedByTheFieldsChanged_ShownOnThePersonPage()
    {
        var person = await RegisteredAsync("Tastfejl", "Mohamad");
        using var coordinator = await Browser.SignedInAsync(factory, "koordinator");
        var personPage = await coordinator.GetPageAsync($"/People/{person}");
        Assert.Contains($"href=\"/People/{person}/Edit\"", personPage, StringComparison.Ordinal);
        var form = await OpenedForm.OpenAsync(coordinator, Url(person));

        var saved = await form.PostAsync(Typed("Mohammad", "Tastfejl", "Female", " Syrien ", "arabisk, kurdisk", interpreter: true, accessible: true));

        Assert.Equal(HttpStatusCode.Redirect, saved.Status);
        var stored = await StoredAsync(person);
        Assert.Equal(("Mohammad", "Tastfejl", Gender.Female, "Syrien", "arabisk, kurdisk"), (stored.FirstName, stored.LastName, stored.Gender, stored.Nationality, stored.Languages));
        Assert.True(stored.NeedsInterpreter);
        Assert.True(stored.NeedsAccessibleHousing);
        var logged = await factory.QueryAsync(db => db.AuditEntries.SingleAsync(e => e.Action == AuditAction.PersonUpdated && e.SubjectPersonId == person));
        Assert.Equal("Rettet: fornavn, køn, statsborgerskab, sprog, behov for tolk, behov for tilgængelig bolig", logged.Details);
        Assert.Equal("koordinator", logged.Actor);
        Assert.Equal("Rettelse af borgerens oplysninger", logged.Purpose);
        Assert.True(await factory.QueryAsync(db => db.AuditEntries.AnyAsync(e => e.Action == AuditAction.PersonRead && e.SubjectPersonId == person && e.Purpose == "Rettelse af borgerens oplysninger")));
        var page = Parser.ParseDocument(await coordinator.GetPageAsync($"/People/{person}"));
        Assert.Equal("Mohammad Tastfejl", page.QuerySelector("h1")?.TextContent);
        Assert.Equal("arabisk, kurdisk", page.QuerySelector("[data-testid=languages]")?.TextContent);
        Assert.Equal("Har brug for tolk", page.QuerySelector("[data-testid=interpreter]")?.TextContent);
        Assert.Equal("Har brug for tilgængelig bolig (niveaufri adgang)", page.QuerySelector("[data-testid=accessible-housing]")?.TextContent);
        Assert.Equal("Kvinde", page.QuerySelector("[data-testid=gender]")?.TextContent);
    }

    [Theory]
    [InlineData("FirstName", "", "Angiv fornavn.")]
    [InlineData("FirstName", "201", "FirstNameTooLong")]
    [InlineData("LastName", " ", "Angiv efternavn.")]
    [InlineData("LastName", "201", "LastNameTooLong")]
    [InlineData("Nationality", "101", "NationalityTooLong")]
    [InlineData("Languages", "301", "LanguagesTooLong")]
    [InlineData("Gender", "", ArrivalValidator.UnknownGender)]
    [InlineData("Gender", "Robot", ArrivalValidator.UnknownGender)]
    public async Task BadInput_RefusedBesideTheField_WhatWasTypedKept_NothingSaved(string field, string value, string message)
    {
        var lastName = $"Forkert{field}{value.Length}";
        var person = await RegisteredAsync(lastName, "Amal");
        using var coordinator = await Browser.SignedInAsync(factory, "koordinator");
        var typed = Typed("Amaal", "Rettet", "Female", "Eritrea", "tigrinya", interpreter: true, accessible: false);
        typed[field] = int.TryParse(value, out var length) ? new string('a', length) : value;
        var expected = message switch
        {
            "FirstNameTooLong" => ArrivalValidator.FirstNameTooLong,
            "LastNameTooLong" => ArrivalValidator.LastNameTooLong,
            "NationalityTooLong" => ArrivalValidator.NationalityTooLong,
            "LanguagesTooLong" => ArrivalValidator.LanguagesTooLong,
            _ => message,
        };

        var refused = await (await OpenedForm.OpenAsync(coordinator, Url(person))).PostAsync(typed);

        Assert.Equal(HttpStatusCode.OK, refused.Status);
        var page = Parser.ParseDocument(refused.Html);
        Assert.Equal($"Fejl: {expected}", page.GetElementById($"{field}-error")?.TextContent);
        Assert.NotNull(page.QuerySelector($".alert-error a[href='#{field}']"));
        foreach (var text in new[] { "FirstName", "LastName", "Nationality", "Languages" })
        {
            Assert.Equal(typed[text], (page.GetElementById(text) as IHtmlInputElement)?.Value);
        }

        Assert.Equal(field == "Gender" ? "" : "Female", (page.GetElementById("Gender") as IHtmlSelectElement)?.Value ?? "");
        Assert.True((page.GetElementById("NeedsInterpreter") as IHtmlInputElement)?.IsChecked);
        var stored = await StoredAsync(person);
        Assert.Equal(("Amal", lastName, Gender.Male, null, null, false), (stored.FirstName, stored.LastName, stored.Gender, stored.Nationality, stored.Languages, stored.NeedsInterpreter));
        Assert.Equal(0, await factory.AuditCountAsync(AuditAction.PersonUpdated, person));
    }

    /// <summary>With a CPR number the gender follows the number: another is refused beside the field, the names still kept.</summary>
    [Fact]
    public async Task GenderOtherThanTheCprNumbers_Refused()
    {
        var household = await factory.RegisterAsync(new ArrivalRequest(null, null, DateOnly.FromDateTime(DateTime.Now),
            [new ArrivalMember("Karim", "Cprkøn", new DateOnly(1985, 7, 4), Gender.Male, ResidenceBasis.QuotaRefugee, Cpr: "040785-1237")]));
        var person = await factory.QueryAsync(db => db.Persons.Where(p => p.HouseholdId == household).Select(p => p.Id).SingleAsync());
        using var coordinator = await Browser.SignedInAsync(factory, "koordinator");

        var refused = await (await OpenedForm.OpenAsync(coordinator, Url(person))).PostAsync(Typed("Kareem", "Cprkøn", "Female", "", "", interpreter: false, accessible: false));

        Assert.Equal(HttpStatusCode.OK, refused.Status);
        Assert.Equal($"Fejl: {CprMessages.GenderFollowsCpr}", Parser.ParseDocument(refused.Html).GetElementById("Gender-error")?.TextContent);
        Assert.Equal("Karim", (await StoredAsync(person)).FirstName);
    }

    [Theory]
    [InlineData("skole")]
    [InlineData("leder")]
    [InlineData("bolig")]
    public async Task NotTheCaseOwner_IsRefused_AndNothingChanges(string userName)
    {
        // The school department has a task for this family, so it may read the person, but not correct them.
        var rania = await factory.QueryAsync(db => db.Persons.Where(p => p.FirstName == "Rania" && p.LastName == "Haddad").Select(p => p.Id).SingleAsync());
        using var coordinator = await Browser.SignedInAsync(factory, "koordinator");
        var form = await OpenedForm.OpenAsync(coordinator, Url(rania));
        using var browser = await Browser.SignedInAsync(factory, userName);

        using var shown = await browser.GetAsync(Url(rania));
        var posted = await OpenedForm.Of(browser, Url(rania), await browser.GetPageAsync("/"))
            .PostAsync(Typed("Rana", "Haddad", "Female", "Syrien", "arabisk", interpreter: false, accessible: false).Append(new("Version", form.Hidden["Version"])));

        Assert.Equal(HttpStatusCode.Forbidden, shown.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, posted.Status);
        var stored = await StoredAsync(rania);
        Assert.Equal("Rania", stored.FirstName);
        Assert.True(stored.NeedsInterpreter);
        Assert.Equal(0, await factory.AuditCountAsync(AuditAction.PersonUpdated, rania));
        if (userName != "leder")
        {
            Assert.DoesNotContain($"/People/{rania}/Edit", await browser.GetPageAsync($"/People/{rania}"), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task CorrectedByAnotherWhileEditing_TheirValuesShownBesideMine_SavingAgainSavesMine()
    {
        var person = await RegisteredAsync("Samtidig", "Yusuf");
        using var a = await Browser.SignedInAsync(factory, "koordinator");
        using var b = await Browser.SignedInAsync(factory, "koordinator");
        var formA = await OpenedForm.OpenAsync(a, Url(person));
        Assert.Equal(HttpStatusCode.Redirect, (await (await OpenedForm.OpenAsync(b, Url(person))).PostAsync(Typed("Youssef", "Samtidig", "Male", "", "arabisk", interpreter: true, accessible: false))).Status);
        var mine = Typed("Yousef", "Samtidig", "Male", "Irak", "arabisk", interpreter: false, accessible: false);

        var conflict = await formA.PostAsync(mine);

        Assert.Equal(HttpStatusCode.OK, conflict.Status);
        Assert.Contains($"<li>{EditModel.SavedByOtherMessage}</li>", conflict.Html, StringComparison.Ordinal);
        var page = Parser.ParseDocument(conflict.Html);
        Assert.Equal("Gemt af en anden: Youssef", page.GetElementById("FirstName-saved")?.TextContent);
        Assert.Equal("Gemt af en anden: (tomt)", page.GetElementById("Nationality-saved")?.TextContent);
        Assert.Equal("Gemt af en anden: Ja", page.GetElementById("NeedsInterpreter-saved")?.TextContent);
        Assert.Null(page.GetElementById("Languages-saved"));
        Assert.Equal("Yousef", (page.GetElementById("FirstName") as IHtmlInputElement)?.Value);
        Assert.Equal("Irak", (page.GetElementById("Nationality") as IHtmlInputElement)?.Value);
        Assert.Equal("Youssef", (await StoredAsync(person)).FirstName);
        Assert.Equal(1, await factory.AuditCountAsync(AuditAction.PersonUpdated, person));

        var again = await OpenedForm.Of(a, Url(person), conflict.Html).PostAsync(mine);

        Assert.Equal(HttpStatusCode.Redirect, again.Status);
        var stored = await StoredAsync(person);
        Assert.Equal(("Yousef", "Irak", false), (stored.FirstName, stored.Nationality, stored.NeedsInterpreter));
        Assert.Equal(2, await factory.AuditCountAsync(AuditAction.PersonUpdated, person));
    }

    private static string Url(Guid person) => $"/People/{person}/Edit";

    private static Dictionary<string, string> Typed(string firstName, string lastName, string gender, string nationality, string languages, bool interpreter, bool accessible) => new()
    {
        ["FirstName"] = firstName,
        ["LastName"] = lastName,
        ["Gender"] = gender,
        ["Nationality"] = nationality,
        ["Languages"] = languages,
        ["NeedsInterpreter"] = interpreter ? "true" : "false",
        ["NeedsAccessibleHousing"] = accessible ? "true" : "false",
    };

    private Task<Person> StoredAsync(Guid person) => factory.QueryAsync(db => db.Persons.AsNoTracking().SingleAsync(p => p.Id == person));

    /// <summary>A single man registered without a CPR number, nationality or languages.</summary>
    private async Task<Guid> RegisteredAsync(string lastName, string firstName)
    {
        var household = await factory.RegisterSingleAsync(lastName, Gender.Male, firstName);
        return await factory.QueryAsync(db => db.Persons.Where(p => p.HouseholdId == household).Select(p => p.Id).SingleAsync());
    }
}

using System.Globalization;
using System.Net;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Indgang.Domain.Audit;
using Indgang.Domain.People;
using Indgang.Domain.Reception;
using Indgang.Tests.Hosting;
using Indgang.Web.Features.Households;
using Indgang.Web.Features.People;
using Indgang.Web.Features.Reception;
using Indgang.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Indgang.Web.Tests.Infrastructure.Arrivals;

namespace Indgang.Web.Tests.Households;

/// <summary>
/// A birth date typed wrong at registration is corrected from the person's page (»Ret fødselsdato«,
/// <c>/People/{id}/BirthDate</c>) for a person without a CPR number: saved, the deadlines counted from the 18th birthday
/// follow it, logged; the CPR number that matches the corrected date can then be recorded. With a CPR number the date
/// follows the number and is not corrected here. Bad input, or a date the household's registration would refuse, is
/// refused beside the field with what was typed kept; only the coordinator may correct; another's correction meanwhile
/// is shown, not overwritten.
/// </summary>
public sealed class BirthDateCorrectionTests(IndgangAppFactory factory) : IClassFixture<IndgangAppFactory>
{
    private static readonly HtmlParser Parser = new();
    private static readonly CultureInfo Danish = CultureInfo.GetCultureInfo("da-DK");

    [Fact]
    public async Task Correct_Saved_AdultProgrammeDecisionFollowsThe18thBirthday_Logged()
    {
        var typedWrong = Today.AddYears(-16);
        var household = await factory.RegisterAsync(new ArrivalRequest(null, Today.AddDays(-40), Today.AddDays(-10),
            [new ArrivalMember("Ung", "Fødselsfejl", typedWrong, Gender.Male, ResidenceBasis.UnaccompaniedMinor)]));
        var person = await PersonAsync(household);
        using var coordinator = await Browser.SignedInAsync(factory, "koordinator");
        Assert.Contains($"href=\"/People/{person}/BirthDate\"", await coordinator.GetPageAsync($"/People/{person}"), StringComparison.Ordinal);
        Assert.StartsWith(Shown(typedWrong.AddYears(18).AddDays(-1)), await AdultProgrammeDecisionAsync(coordinator, household), StringComparison.Ordinal);
        var corrected = Today.AddYears(-17).AddDays(-20);

        var saved = await (await OpenedForm.OpenAsync(coordinator, Url(person))).PostAsync(Typed(Iso(corrected)));

        Assert.Equal(HttpStatusCode.Redirect, saved.Status);
        Assert.Equal(corrected, (await StoredAsync(person)).BirthDate);
        // Integrationsloven: the decision to offer the adult programme is due before the 18th birthday, the day before it.
        Assert.StartsWith(Shown(corrected.AddYears(18).AddDays(-1)), await AdultProgrammeDecisionAsync(coordinator, household), StringComparison.Ordinal);
        var logged = await factory.QueryAsync(db => db.AuditEntries.SingleAsync(e => e.Action == AuditAction.PersonUpdated && e.SubjectPersonId == person));
        Assert.Equal("Rettet: fødselsdato, 0 opgaver flyttet", logged.Details);
        Assert.Equal("koordinator", logged.Actor);
        Assert.Equal("Rettelse af borgerens oplysninger", logged.Purpose);
        Assert.Contains(corrected.ToString("d. MMMM yyyy", Danish), await coordinator.GetPageAsync($"/People/{person}"), StringComparison.Ordinal);
    }

    /// <summary>The journey the wrong date blocked: the CPR number was refused as not matching it, and is recorded once it is corrected.</summary>
    [Fact]
    public async Task AfterTheCorrection_TheCprNumberOfTheRightDate_IsRecorded()
    {
        var household = await factory.RegisterAsync(new ArrivalRequest(null, null, Today.AddDays(-20),
            [new ArrivalMember("Kvote", "Cprdato", new DateOnly(1977, 3, 15), Gender.Male, ResidenceBasis.QuotaRefugee)]));
        var person = await PersonAsync(household);
        using var coordinator = await Browser.SignedInAsync(factory, "koordinator");
        var cprUrl = $"/Households/{household}/Cpr?personId={person}";
        var cpr = new Dictionary<string, string> { ["Cpr"] = "140377-1235", ["RegisteredOn"] = Iso(Today.AddDays(-5)) };
        var refused = await (await OpenedForm.OpenAsync(coordinator, cprUrl)).PostAsync(cpr);
        Assert.Equal($"Fejl: {CprModel.NotBirthDate}", Parser.ParseDocument(refused.Html).GetElementById("Cpr-error")?.TextContent);

        var corrected = await (await OpenedForm.OpenAsync(coordinator, Url(person))).PostAsync(Typed("1977-03-14"));
        var recorded = await (await OpenedForm.OpenAsync(coordinator, cprUrl)).PostAsync(cpr);

        Assert.Equal(HttpStatusCode.Redirect, corrected.Status);
        Assert.Equal(HttpStatusCode.Redirect, recorded.Status);
        var stored = await StoredAsync(person);
        Assert.Equal(("1403771235", new DateOnly(1977, 3, 14)), (stored.Cpr?.Digits, stored.BirthDate));
    }

    /// <summary>With a CPR number the birth date follows it: said, with the way to the CPR page, and no date field; a post saves nothing.</summary>
    [Fact]
    public async Task WithACprNumber_TheDateFollowsIt_NotCorrectedHere()
    {
        var household = await factory.RegisterAsync(new ArrivalRequest(null, null, Today,
            [new ArrivalMember("Karim", "Cprfødsel", new DateOnly(1985, 7, 4), Gender.Male, ResidenceBasis.QuotaRefugee, Cpr: "040785-1237")]));
        var person = await PersonAsync(household);
        using var coordinator = await Browser.SignedInAsync(factory, "koordinator");
        var form = await OpenedForm.OpenAsync(coordinator, Url(person));
        var shown = Parser.ParseDocument(await coordinator.GetPageAsync(Url(person)));
        Assert.Contains(BirthDateModel.FollowsCpr, shown.QuerySelector("[data-testid=follows-cpr]")?.TextContent, StringComparison.Ordinal);
        Assert.NotNull(shown.QuerySelector($"a[href='/Households/{household}/Cpr?personId={person}']"));
        Assert.Null(shown.GetElementById("BirthDate"));

        var posted = await form.PostAsync(Typed("1985-07-05").Append(new("Version", Guid.NewGuid().ToString())));

        Assert.Equal(HttpStatusCode.OK, posted.Status);
        Assert.Contains($"<li>{BirthDateModel.FollowsCpr}</li>", posted.Html, StringComparison.Ordinal);
        Assert.Equal(new DateOnly(1985, 7, 4), (await StoredAsync(person)).BirthDate);
        Assert.Equal(0, await factory.AuditCountAsync(AuditAction.PersonUpdated, person));
    }

    [Theory]
    [InlineData("", "Angiv fødselsdato.")]
    [InlineData("1990-02-31", ArrivalValidator.InvalidDate)]
    [InlineData("tomorrow", "Fødselsdatoen kan ikke ligge i fremtiden.")]
    [InlineData("1899-12-31", "Fødselsdatoen er for langt tilbage. Tjek årstallet.")]
    public async Task BadInput_RefusedBesideTheField_WhatWasTypedKept_NothingSaved(string typed, string message)
    {
        var household = await factory.RegisterSingleAsync($"Fødselsdato{typed.Length}{message.Length}");
        var person = await PersonAsync(household);
        using var coordinator = await Browser.SignedInAsync(factory, "koordinator");
        var value = typed == "tomorrow" ? Iso(Today.AddDays(1)) : typed;

        var refused = await (await OpenedForm.OpenAsync(coordinator, Url(person))).PostAsync(Typed(value));

        AssertRefused(refused, message, value);
        Assert.Equal(new DateOnly(1990, 1, 1), (await StoredAsync(person)).BirthDate);
        Assert.Equal(0, await factory.AuditCountAsync(AuditAction.PersonUpdated, person));
    }

    /// <summary>A date the household's registration would refuse: an unaccompanied minor of 18, a parent younger than their child.</summary>
    [Fact]
    public async Task DateThatBreaksTheHousehold_RefusedBesideTheField()
    {
        var minorHousehold = await factory.RegisterAsync(new ArrivalRequest(null, Today.AddDays(-40), Today.AddDays(-10),
            [new ArrivalMember("Ung", "Fødselsvoksen", Today.AddYears(-16), Gender.Male, ResidenceBasis.UnaccompaniedMinor)]));
        var minor = await PersonAsync(minorHousehold);
        var family = await factory.RegisterFamilyAsync("Fødselsrækkefølge");
        var (father, child) = (await PersonAsync(family, "Far"), await PersonAsync(family, "Barn"));
        using var coordinator = await Browser.SignedInAsync(factory, "koordinator");

        var adult = await (await OpenedForm.OpenAsync(coordinator, Url(minor))).PostAsync(Typed(Iso(Today.AddYears(-19))));
        var youngFather = await (await OpenedForm.OpenAsync(coordinator, Url(father))).PostAsync(Typed("2019-01-01"));
        var oldChild = await (await OpenedForm.OpenAsync(coordinator, Url(child))).PostAsync(Typed("1980-01-01"));

        AssertRefused(adult, ArrivalValidator.UnaccompaniedMinorAdult, Iso(Today.AddYears(-19)));
        AssertRefused(youngFather, "En forælder kan ikke være yngre end sit barn: Barn Fødselsrækkefølge er født 1. januar 2018.", "2019-01-01");
        AssertRefused(oldChild, "Et barn kan ikke være ældre end sin forælder: Far Fødselsrækkefølge er født 1. januar 1985.", "1980-01-01");
        Assert.Equal(
            [Today.AddYears(-16), new DateOnly(1985, 1, 1), new DateOnly(2018, 1, 1)],
            [(await StoredAsync(minor)).BirthDate, (await StoredAsync(father)).BirthDate, (await StoredAsync(child)).BirthDate]);
    }

    [Theory]
    [InlineData("skole")]
    [InlineData("leder")]
    [InlineData("bolig")]
    public async Task NotTheCaseOwner_IsRefused_AndNothingChanges(string userName)
    {
        var household = await factory.RegisterSingleAsync($"Fødselsadgang{userName}");
        var person = await PersonAsync(household);
        using var coordinator = await Browser.SignedInAsync(factory, "koordinator");
        var form = await OpenedForm.OpenAsync(coordinator, Url(person));
        using var browser = await Browser.SignedInAsync(factory, userName);

        using var shown = await browser.GetAsync(Url(person));
        var posted = await OpenedForm.Of(browser, Url(person), await browser.GetPageAsync("/"))
            .PostAsync(Typed("1991-01-01").Append(new("Version", form.Hidden["Version"])));

        Assert.Equal(HttpStatusCode.Forbidden, shown.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, posted.Status);
        Assert.Equal(new DateOnly(1990, 1, 1), (await StoredAsync(person)).BirthDate);
        Assert.Equal(0, await factory.AuditCountAsync(AuditAction.PersonUpdated, person));
    }

    [Fact]
    public async Task CorrectedByAnotherWhileEditing_TheirDateShownBesideMine_SavingAgainSavesMine()
    {
        var person = await PersonAsync(await factory.RegisterSingleAsync("Fødselssamtidig"));
        using var a = await Browser.SignedInAsync(factory, "koordinator");
        using var b = await Browser.SignedInAsync(factory, "koordinator");
        var formA = await OpenedForm.OpenAsync(a, Url(person));
        Assert.Equal(HttpStatusCode.Redirect, (await (await OpenedForm.OpenAsync(b, Url(person))).PostAsync(Typed("1990-10-01"))).Status);

        var conflict = await formA.PostAsync(Typed("1991-01-01"));

        Assert.Equal(HttpStatusCode.OK, conflict.Status);
        Assert.Contains($"<li>{BirthDateModel.SavedByOtherMessage}</li>", conflict.Html, StringComparison.Ordinal);
        var page = Parser.ParseDocument(conflict.Html);
        Assert.Equal("Gemt af en anden: 1. oktober 1990", page.GetElementById("BirthDate-saved")?.TextContent);
        Assert.Equal("1991-01-01", (page.GetElementById("BirthDate") as IHtmlInputElement)?.Value);
        Assert.Equal(new DateOnly(1990, 10, 1), (await StoredAsync(person)).BirthDate);

        var again = await OpenedForm.Of(a, Url(person), conflict.Html).PostAsync(Typed("1991-01-01"));

        Assert.Equal(HttpStatusCode.Redirect, again.Status);
        Assert.Equal(new DateOnly(1991, 1, 1), (await StoredAsync(person)).BirthDate);
        Assert.Equal(2, await factory.AuditCountAsync(AuditAction.PersonUpdated, person));
    }

    /// <summary>
    /// An adult at arrival corrected to a child: the checklist would give a child's tasks instead of an adult's, and the
    /// tasks made do not follow, so the correction is refused beside the field and nothing is saved or moved.
    /// </summary>
    [Fact]
    public async Task AnAdultMadeAChildAtArrival_Refused_TheChecklistsTasksWouldNotFollow()
    {
        var household = await factory.RegisterAsync(new ArrivalRequest(null, null, Today.AddDays(-20),
            [new ArrivalMember("Voksen", "Barnefejl", new DateOnly(1995, 5, 5), Gender.Male, ResidenceBasis.QuotaRefugee)]));
        var person = await PersonAsync(household);
        var tasksBefore = await factory.QueryAsync(db => db.Tasks.AsNoTracking().Where(t => t.HouseholdId == household).OrderBy(t => t.Type).ThenBy(t => t.DueDate).Select(t => new { t.Type, t.DueDate, t.Status }).ToListAsync());
        using var coordinator = await Browser.SignedInAsync(factory, "koordinator");
        var typed = Iso(Today.AddYears(-10));

        var refused = await (await OpenedForm.OpenAsync(coordinator, Url(person))).PostAsync(Typed(typed));

        AssertRefused(refused, BirthDateModel.ChangesTheChecklist.Replace("{0}", "Voksen Barnefejl", StringComparison.Ordinal), typed);
        Assert.Equal(new DateOnly(1995, 5, 5), (await StoredAsync(person)).BirthDate);
        Assert.Equal(tasksBefore, await factory.QueryAsync(db => db.Tasks.AsNoTracking().Where(t => t.HouseholdId == household).OrderBy(t => t.Type).ThenBy(t => t.DueDate).Select(t => new { t.Type, t.DueDate, t.Status }).ToListAsync()));
        Assert.Equal(0, await factory.AuditCountAsync(AuditAction.PersonUpdated, person));
    }

    private static void AssertRefused((HttpStatusCode Status, string Html) refused, string message, string typed)
    {
        Assert.Equal(HttpStatusCode.OK, refused.Status);
        var page = Parser.ParseDocument(refused.Html);
        Assert.Equal($"Fejl: {message}", page.GetElementById("BirthDate-error")?.TextContent);
        Assert.NotNull(page.QuerySelector(".alert-error a[href='#BirthDate']"));
        Assert.Equal(typed, (page.GetElementById("BirthDate") as IHtmlInputElement)?.Value);
    }

    /// <summary>The legal date of the decision to offer the adult programme, as the household page's deadlines show it.</summary>
    private static async Task<string> AdultProgrammeDecisionAsync(Browser coordinator, Guid household)
    {
        var row = Parser.ParseDocument(await coordinator.GetPageAsync($"/Households/{household}")).QuerySelector("tr[data-deadline=AdultProgrammeDecision]");
        return row?.QuerySelectorAll("td")[1].TextContent.Trim() ?? "(no such deadline)";
    }

    private static string Shown(DateOnly date) => date.ToString("d. MMM yyyy", Danish);

    private static string Url(Guid person) => $"/People/{person}/BirthDate";

    private static Dictionary<string, string> Typed(string birthDate) => new() { ["BirthDate"] = birthDate };

    private Task<Person> StoredAsync(Guid person) => factory.QueryAsync(db => db.Persons.AsNoTracking().SingleAsync(p => p.Id == person));

    private Task<Guid> PersonAsync(Guid household, string? firstName = null) =>
        factory.QueryAsync(db => db.Persons.Where(p => p.HouseholdId == household && (firstName == null || p.FirstName == firstName)).Select(p => p.Id).SingleAsync());
}

using System.Globalization;
using System.Net;
using AngleSharp.Html.Parser;
using Indgang.Domain.Audit;
using Indgang.Domain.People;
using Indgang.Domain.Reception;
using Indgang.Tests.Hosting;
using Indgang.Web.Features.Households;
using Indgang.Web.Features.Reception;
using Indgang.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Indgang.Web.Tests.Infrastructure.Arrivals;

namespace Indgang.Web.Tests.Households;

/// <summary>
/// A quota refugee registered without a CPR number gets one, and a CPR registration day, after registration: the
/// coordinator records them on the case, day 0 becomes that day (no longer an estimate from the arrival), the open
/// checklist tasks counted from day 0 move with it, and the change is logged with the numbers masked. Bad input is refused
/// beside the field with what was typed kept; only the case owner may record it; another's save is shown, not overwritten.
/// </summary>
public sealed class CprRegistrationTests(IndgangAppFactory factory) : IClassFixture<IndgangAppFactory>
{
    private const string Conflict = "CPR-oplysningerne er ændret af en anden, mens du rettede dem. Det, der er gemt nu, står ved de felter, hvor det er anderledes end det, du har skrevet. Tryk »Gem« igen for at gemme dine oplysninger i stedet.";
    private static readonly HtmlParser Parser = new();
    private static readonly CultureInfo Danish = CultureInfo.GetCultureInfo("da-DK");
    private static readonly DateOnly Arrived = Today.AddDays(-20);

    [Fact]
    public async Task Record_Day0BecomesTheRegistrationDay_TasksMove_LoggedMasked()
    {
        var (household, person) = await ArrivedAsync("Cprløs", new DateOnly(1977, 3, 14));
        using var coordinator = await Browser.SignedInAsync(factory, "koordinator");
        Assert.Contains("skøn", Day0Cell(await coordinator.GetPageAsync($"/Households/{household}"), person), StringComparison.Ordinal);
        Assert.Equal(Arrived, await BenefitsInformationDueAsync(person));
        var registered = Today.AddDays(-5);

        var saved = await (await OpenedForm.OpenAsync(coordinator, Url(household, person))).PostAsync(Typed("140377-1235", Iso(registered)));

        Assert.Equal(HttpStatusCode.Redirect, saved.Status);
        var stored = await StoredAsync(person);
        Assert.Equal("1403771235", stored.Cpr?.Digits);
        Assert.Equal(registered, stored.CprRegisteredOn);
        var day0 = Day0Cell(await coordinator.GetPageAsync($"/Households/{household}"), person);
        Assert.Contains(registered.ToString("d. MMM yyyy", Danish), day0, StringComparison.Ordinal);
        Assert.DoesNotContain("skøn", day0, StringComparison.Ordinal);
        Assert.Equal(registered, await BenefitsInformationDueAsync(person));
        var logged = await factory.QueryAsync(db => db.AuditEntries.SingleAsync(e => e.Action == AuditAction.CprRecorded && e.SubjectPersonId == person));
        Assert.Equal($"CPR-nummer – → 140377-xxxx, registreret i kommunen – → {Iso(registered)}, 1 opgaver flyttet", logged.Details);
        Assert.DoesNotContain("1235", logged.Details, StringComparison.Ordinal);
        Assert.Equal("koordinator", logged.Actor);
        Assert.Contains("140377-xxxx", await coordinator.GetPageAsync($"/People/{person}"), StringComparison.Ordinal);
    }

    /// <summary>
    /// A member who joined later has tasks dated from their own arrival: recording their CPR registration moves those
    /// tasks too (they stayed, as the household's plan never gave them that date).
    /// </summary>
    [Fact]
    public async Task Record_ForAMemberWhoJoinedLater_TheirOwnTasksMove()
    {
        var (household, _) = await ArrivedAsync("Senerekommen", new DateOnly(1980, 2, 2));
        using var coordinator = await Browser.SignedInAsync(factory, "koordinator");
        var joined = Today.AddDays(-6);
        using (var added = await coordinator.PostFormAsync($"/Households/{household}/AddMember", new Dictionary<string, string>
        {
            ["Input.Members[0].FirstName"] = "Hustru",
            ["Input.Members[0].LastName"] = "Senerekommen",
            ["Input.Members[0].BirthDate"] = "1993-02-01",
            ["Input.Members[0].Gender"] = "Female",
            ["Input.Members[0].Basis"] = "FamilyReunified",
            ["Input.Members[0].RelationToFirst"] = "Spouse",
            ["JoinedOn"] = Iso(joined),
            ["CprRegisteredOn"] = "",
        }))
        {
            Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        }

        var spouse = await factory.QueryAsync(db => db.Persons.Where(p => p.HouseholdId == household && p.FirstName == "Hustru").Select(p => p.Id).SingleAsync());
        Assert.Equal(joined, await BenefitsInformationDueAsync(spouse));
        var registered = Today.AddDays(-2);

        var saved = await (await OpenedForm.OpenAsync(coordinator, Url(household, spouse))).PostAsync(Typed("", Iso(registered)));

        Assert.Equal(HttpStatusCode.Redirect, saved.Status);
        Assert.Equal(registered, await BenefitsInformationDueAsync(spouse));
        var logged = await factory.QueryAsync(db => db.AuditEntries.SingleAsync(e => e.Action == AuditAction.CprRecorded && e.SubjectPersonId == spouse));
        Assert.EndsWith("1 opgaver flyttet", logged.Details, StringComparison.Ordinal);
    }

    /// <summary>A mistyped number is corrected: the change is saved and logged, still masked.</summary>
    [Fact]
    public async Task Correct_AMistypedNumber_IsSavedAndLoggedMasked()
    {
        var (household, person) = await ArrivedAsync("Tastefejl", new DateOnly(1978, 4, 15));
        using var coordinator = await Browser.SignedInAsync(factory, "koordinator");
        var first = await (await OpenedForm.OpenAsync(coordinator, Url(household, person))).PostAsync(Typed("150478-1111", ""));
        Assert.Equal(HttpStatusCode.Redirect, first.Status);

        var corrected = await (await OpenedForm.OpenAsync(coordinator, Url(household, person))).PostAsync(Typed("150478-1113", ""));

        Assert.Equal(HttpStatusCode.Redirect, corrected.Status);
        Assert.Equal("1504781113", (await StoredAsync(person)).Cpr?.Digits);
        var details = await factory.QueryAsync(db => db.AuditEntries.Where(e => e.Action == AuditAction.CprRecorded && e.SubjectPersonId == person).Select(e => e.Details!).ToListAsync());
        Assert.Equal(2, details.Count);
        Assert.Contains("CPR-nummer 150478-xxxx → 150478-xxxx, registreret i kommunen – → –, 0 opgaver flyttet", details);
        Assert.All(details, d => Assert.DoesNotContain("111", d, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Ugyldig", "1503791", "", "Cpr", "Et CPR-nummer har 10 cifre (DDMMÅÅ-NNNN).")]
    [InlineData("Forkertdato", "160379-1235", "", "Cpr", CprModel.NotBirthDate)]
    [InlineData("Optaget", "TAKEN", "", "Cpr", CprModel.Taken)]
    [InlineData("Fremtid", "", "+1d", "RegisteredOn", CprModel.InFuture)]
    [InlineData("Oldtid", "", "1998-12-31", "RegisteredOn", "Datoen kan ikke ligge før 1. januar 1999, hvor integrationsloven trådte i kraft. Tjek årstallet.")]
    public async Task Record_BadInput_RefusedBesideTheField_WhatWasTypedKept_NothingSaved(string lastName, string cpr, string date, string field, string message)
    {
        var (household, person) = await ArrivedAsync(lastName, new DateOnly(1979, 3, 15));
        var typedCpr = cpr;
        if (cpr == "TAKEN")
        {
            var (otherHousehold, other) = await ArrivedAsync(lastName + "s", new DateOnly(1979, 3, 15));
            using var owner = await Browser.SignedInAsync(factory, "koordinator");
            Assert.Equal(HttpStatusCode.Redirect, (await (await OpenedForm.OpenAsync(owner, Url(otherHousehold, other))).PostAsync(Typed("150379-1237", ""))).Status);
            typedCpr = "150379-1237";
        }

        var typedDate = date == "+1d" ? Iso(Today.AddDays(1)) : date;
        using var coordinator = await Browser.SignedInAsync(factory, "koordinator");

        var refused = await (await OpenedForm.OpenAsync(coordinator, Url(household, person))).PostAsync(Typed(typedCpr, typedDate));

        Assert.Equal(HttpStatusCode.OK, refused.Status);
        var page = Parser.ParseDocument(refused.Html);
        Assert.Equal($"Fejl: {message}", page.GetElementById($"{field}-error")?.TextContent);
        Assert.NotNull(page.QuerySelector($".alert-error a[href='#{field}']"));
        Assert.Equal(typedCpr, page.GetElementById("Cpr")?.GetAttribute("value") ?? "");
        Assert.Equal(typedDate, page.GetElementById("RegisteredOn")?.GetAttribute("value") ?? "");
        var stored = await StoredAsync(person);
        Assert.Null(stored.Cpr);
        Assert.Null(stored.CprRegisteredOn);
        Assert.Equal(0, await factory.AuditCountAsync(AuditAction.CprRecorded, person));
    }

    [Fact]
    public async Task Form_OnlyForTheCaseOwner()
    {
        var (household, person) = await ArrivedAsync("Ikkeejercpr", new DateOnly(1980, 5, 16));
        using var coordinator = await Browser.SignedInAsync(factory, "koordinator");
        var form = await OpenedForm.OpenAsync(coordinator, Url(household, person));
        using var housing = await Browser.SignedInAsync(factory, "bolig");

        using var shown = await housing.GetAsync(Url(household, person));
        var posted = await OpenedForm.Of(housing, Url(household, person), await housing.GetPageAsync("/Housing/Pipeline"))
            .PostAsync(Typed("160580-1235", Iso(Today)).Append(new("Version", form.Hidden["Version"])));

        Assert.Equal(HttpStatusCode.Forbidden, shown.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, posted.Status);
        Assert.Null((await StoredAsync(person)).Cpr);
        Assert.DoesNotContain($"/Households/{household}/Cpr", await housing.GetPageAsync($"/People/{person}"), StringComparison.Ordinal);
        Assert.Contains($"/Households/{household}/Cpr?personId={person}", await coordinator.GetPageAsync($"/People/{person}"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ChangedByAnotherWhileEditing_TheirValuesShownBesideMine_SavingAgainSavesMine()
    {
        var (household, person) = await ArrivedAsync("Cprsamtidig", new DateOnly(1981, 6, 17));
        using var a = await Browser.SignedInAsync(factory, "koordinator");
        using var b = await Browser.SignedInAsync(factory, "koordinator");
        var formA = await OpenedForm.OpenAsync(a, Url(household, person));
        Assert.Equal(HttpStatusCode.Redirect, (await (await OpenedForm.OpenAsync(b, Url(household, person))).PostAsync(Typed("170681-1235", Iso(Today.AddDays(-3))))).Status);

        var conflict = await formA.PostAsync(Typed("170681-1237", Iso(Today.AddDays(-4))));

        Assert.Equal(HttpStatusCode.OK, conflict.Status);
        Assert.Contains($"<li>{Conflict}</li>", conflict.Html, StringComparison.Ordinal);
        Assert.Contains("id=\"Cpr-saved\">Gemt af en anden: 170681-xxxx</span>", conflict.Html, StringComparison.Ordinal);
        Assert.Contains($"id=\"RegisteredOn-saved\">Gemt af en anden: {Today.AddDays(-3).ToString("d. MMMM yyyy", Danish)}</span>", conflict.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("1701811235", conflict.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("170681-1235", conflict.Html, StringComparison.Ordinal);
        Assert.Equal("1706811235", (await StoredAsync(person)).Cpr?.Digits);

        var again = await OpenedForm.Of(a, Url(household, person), conflict.Html).PostAsync(Typed("170681-1237", Iso(Today.AddDays(-4))));

        Assert.Equal(HttpStatusCode.Redirect, again.Status);
        var stored = await StoredAsync(person);
        Assert.Equal("1706811237", stored.Cpr?.Digits);
        Assert.Equal(Today.AddDays(-4), stored.CprRegisteredOn);
    }

    [Fact]
    public async Task NameCorrectedByAnotherWhileEditing_NoConflict_NumberSavedAtOnce()
    {
        var (household, person) = await ArrivedAsync("Cprnavn", new DateOnly(1981, 6, 17));
        using var a = await Browser.SignedInAsync(factory, "koordinator");
        using var b = await Browser.SignedInAsync(factory, "koordinator");
        var formA = await OpenedForm.OpenAsync(a, Url(household, person));
        await b.CorrectFirstNameAsync(person, "Kvotte", "Cprnavn", "Male");

        var saved = await formA.PostAsync(Typed("170681-1241", Iso(Today.AddDays(-3))));

        Assert.Equal(HttpStatusCode.Redirect, saved.Status);
        var stored = await StoredAsync(person);
        Assert.Equal(("1706811241", Today.AddDays(-3), "Kvotte"), (stored.Cpr?.Digits, stored.CprRegisteredOn, stored.FirstName));
    }

    private static string Url(Guid household, Guid person) => $"/Households/{household}/Cpr?personId={person}";

    private static Dictionary<string, string> Typed(string cpr, string registeredOn) => new() { ["Cpr"] = cpr, ["RegisteredOn"] = registeredOn };

    private static string Day0Cell(string html, Guid person) =>
        Parser.ParseDocument(html).QuerySelector($"tr:has(a[href='/People/{person}'])")?.QuerySelectorAll("td")[4].TextContent ?? "";

    private Task<Person> StoredAsync(Guid person) => factory.QueryAsync(db => db.Persons.AsNoTracking().SingleAsync(p => p.Id == person));

    private Task<DateOnly> BenefitsInformationDueAsync(Guid person) =>
        factory.QueryAsync(db => db.Tasks.Where(t => t.PersonId == person && t.Type == TaskType.BenefitsInformation).Select(t => t.DueDate).SingleAsync());

    /// <summary>A quota refugee registered without a CPR number, arrived 20 days ago.</summary>
    private async Task<(Guid Household, Guid Person)> ArrivedAsync(string lastName, DateOnly birthDate)
    {
        var household = await factory.RegisterAsync(new ArrivalRequest(null, null, Arrived,
            [new ArrivalMember("Kvote", lastName, birthDate, Gender.Male, ResidenceBasis.QuotaRefugee)]));
        return (household, await factory.QueryAsync(db => db.Persons.Where(p => p.HouseholdId == household).Select(p => p.Id).SingleAsync()));
    }
}

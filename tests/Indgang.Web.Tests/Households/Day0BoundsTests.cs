using System.Net;
using Indgang.Tests.Hosting;
using Indgang.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Indgang.Web.Tests.Households;

/// <summary>
/// A day 0 beyond the planning horizon (a year such as 9999 made every deadline no date, and every page of the case a
/// server error) and a reason longer than its column (PostgreSQL refused to save it) are refused beside the fields, with
/// what was typed kept; nothing is saved.
/// </summary>
public sealed class Day0BoundsTests(IndgangAppFactory factory) : IClassFixture<IndgangAppFactory>
{
    [Fact]
    public async Task Day0FarAheadAndReasonTooLong_AreRefusedBesideTheFields_AndNothingIsSaved()
    {
        var (household, person) = await SingleAsync("Dagnul");
        using var coordinator = await Browser.SignedInAsync(factory, "koordinator");
        var reason = new string('b', 1001);

        using var response = await PostAsync(coordinator, household, person, "9999-12-01", reason);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("id=\"Date-error\"><span class=\"sr-only\">Fejl: </span>Datoen kan højst ligge 2 år frem. Tjek årstallet.</span>", html, StringComparison.Ordinal);
        Assert.Contains("id=\"Reason-error\"><span class=\"sr-only\">Fejl: </span>Begrundelsen må højst være 1.000 tegn.</span>", html, StringComparison.Ordinal);
        Assert.Contains("value=\"9999-12-01\"", html, StringComparison.Ordinal);
        Assert.Contains($"value=\"{reason}\"", html, StringComparison.Ordinal);
        Assert.Null(await factory.QueryAsync(db => db.Persons.Where(p => p.Id == person).Select(p => p.Day0Override).SingleAsync()));
    }

    /// <summary>
    /// A day 0 that is no date (month 13) is told once beside the field, as the arrival page tells it, with what was typed
    /// kept: it was told twice, the second time as if nothing had been typed (»Angiv den nye dag 0«).
    /// </summary>
    [Fact]
    public async Task Day0ThatIsNoDate_IsToldOnce_AsAnInvalidDate_WithWhatWasTypedKept()
    {
        var (household, person) = await SingleAsync("Dagnulugyldig");
        using var coordinator = await Browser.SignedInAsync(factory, "koordinator");

        using var response = await PostAsync(coordinator, household, person, "2026-13-01", "Samtykke");
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("id=\"Date-error\"><span class=\"sr-only\">Fejl: </span>Angiv en gyldig dato.</span>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Angiv den nye dag 0.", html, StringComparison.Ordinal);
        Assert.Contains("value=\"2026-13-01\"", html, StringComparison.Ordinal);
        Assert.Null(await factory.QueryAsync(db => db.Persons.Where(p => p.Id == person).Select(p => p.Day0Override).SingleAsync()));
    }

    /// <summary>The furthest day 0 and the longest reason are saved, and the case's deadlines are still counted from it.</summary>
    [Fact]
    public async Task Day0OnTheLastDayOfTheHorizonWithTheLongestReason_IsSaved_AndTheCaseIsShown()
    {
        var (household, person) = await SingleAsync("Dagnulgrænse");
        using var coordinator = await Browser.SignedInAsync(factory, "koordinator");
        var lastDay = Arrivals.Today.AddYears(2);
        var reason = new string('c', 1000);

        using var response = await PostAsync(coordinator, household, person, Arrivals.Iso(lastDay), $" {reason} ");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var saved = await factory.QueryAsync(db => db.Persons.Where(p => p.Id == person).Select(p => new { p.Day0Override, p.Day0OverrideReason }).SingleAsync());
        Assert.Equal(lastDay, saved.Day0Override);
        Assert.Equal(reason, saved.Day0OverrideReason);
        foreach (var page in new[] { $"/Households/{household}", "/", $"/People/{person}/Plan" })
        {
            using var shown = await coordinator.GetAsync(page);
            Assert.Equal(HttpStatusCode.OK, shown.StatusCode);
        }
    }

    /// <summary>
    /// A day 0 saved years wrong before it was refused (9999) no longer makes the case, the start page and the plan a
    /// server error: the deadlines beyond the calendar are left out, and the day 0 is shown to be corrected.
    /// </summary>
    [Fact]
    public async Task Day0SavedInTheYear9999_TheCaseAndTheStartPageAndThePlanAreStillShown()
    {
        var (household, person) = await SingleAsync("Dagnulgemt");
        await factory.QueryAsync(async db =>
        {
            (await db.Persons.SingleAsync(p => p.Id == person)).OverrideDay0(new DateOnly(9999, 12, 1), "Tastefejl");
            return await db.SaveChangesAsync();
        });
        using var coordinator = await Browser.SignedInAsync(factory, "koordinator");

        foreach (var page in new[] { $"/Households/{household}", "/", $"/People/{person}/Plan" })
        {
            using var shown = await coordinator.GetAsync(page);
            Assert.Equal(HttpStatusCode.OK, shown.StatusCode);
        }

        Assert.Contains("1. dec. 9999", WebUtility.HtmlDecode(await coordinator.GetPageAsync($"/Households/{household}")), StringComparison.Ordinal);
    }

    /// <summary>
    /// A day 0 earlier by consent, but not before the visitation decision it is counted from, nor before the person was
    /// born (a day in 2000 moved every open checklist task 26 years back, all overdue); refused beside the field.
    /// </summary>
    [Fact]
    public async Task Day0BeforeTheVisitationDecisionOrTheBirth_IsRefusedBesideTheField()
    {
        var decided = Arrivals.Today.AddDays(-20);
        var visited = await factory.RegisterVisitedAsync("Dagnulfør", decided);
        var visitedPerson = await factory.QueryAsync(db => db.Persons.Where(p => p.HouseholdId == visited).Select(p => p.Id).SingleAsync());
        var (quota, quotaPerson) = await SingleAsync("Dagnulfødt");
        await factory.QueryAsync(async db =>
        {
            await db.Persons.Where(p => p.Id == quotaPerson).ExecuteUpdateAsync(p => p.SetProperty(x => x.BirthDate, new DateOnly(2010, 5, 5)));
            return 0;
        });
        using var coordinator = await Browser.SignedInAsync(factory, "koordinator");

        using var beforeDecision = await PostAsync(coordinator, visited, visitedPerson, Arrivals.Iso(decided.AddDays(-1)), "Samtykke");
        using var beforeBirth = await PostAsync(coordinator, quota, quotaPerson, "2010-05-04", "Samtykke");

        Assert.Contains("id=\"Date-error\"><span class=\"sr-only\">Fejl: </span>Dag 0 kan ikke ligge før visitationsafgørelsen.</span>", WebUtility.HtmlDecode(await beforeDecision.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Contains("id=\"Date-error\"><span class=\"sr-only\">Fejl: </span>Dag 0 kan ikke ligge før personens fødselsdato.</span>", WebUtility.HtmlDecode(await beforeBirth.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal([null, null], await factory.QueryAsync(db => db.Persons.Where(p => p.Id == visitedPerson || p.Id == quotaPerson).Select(p => p.Day0Override).ToListAsync()));

        using var onTheDecision = await PostAsync(coordinator, visited, visitedPerson, Arrivals.Iso(decided), "Samtykke");
        Assert.Equal(HttpStatusCode.Redirect, onTheDecision.StatusCode);
    }

    private static async Task<HttpResponseMessage> PostAsync(Browser coordinator, Guid household, Guid person, string date, string reason)
    {
        var url = $"/Households/{household}/Day0?personId={person}";
        var version = HiddenFields.Value(await coordinator.GetPageAsync(url), "Version");
        return await coordinator.PostFormAsync(url, new Dictionary<string, string> { ["PersonId"] = person.ToString(), ["Date"] = date, ["Reason"] = reason, ["Version"] = version }, formPage: url);
    }

    private async Task<(Guid Household, Guid Person)> SingleAsync(string lastName)
    {
        var household = await factory.RegisterSingleAsync(lastName);
        return (household, await factory.QueryAsync(db => db.Persons.Where(p => p.HouseholdId == household).Select(p => p.Id).SingleAsync()));
    }
}

using System.Globalization;
using System.Net;
using Indgang.Domain.Audit;
using Indgang.Domain.People;
using Indgang.Domain.Reception;
using Indgang.Tests.Hosting;
using Indgang.Web.Features.Reception;
using Indgang.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Indgang.Web.Tests.Infrastructure.Arrivals;

namespace Indgang.Web.Tests.Households;

/// <summary>The coordinator moves a household's expected arrival or records the day it came; its open tasks follow.</summary>
public sealed class ArrivalPageTests(IndgangAppFactory factory) : IClassFixture<IndgangAppFactory>
{
    private static readonly CultureInfo Danish = CultureInfo.GetCultureInfo("da-DK");

    [Fact]
    public async Task ExpectedArrivalMovedAWeek_OpenTasksMoveAWeek_CompletedStays_Day0AndArrivalShownMoved()
    {
        var expected = Today.AddDays(10);
        var household = await RegisterAsync("Senere", expected);
        var done = await CompleteAsync(household, TaskType.StartPackage);
        var before = await DueDatesAsync(household);
        using var coordinator = await Browser.SignedInAsync(factory, "koordinator");

        using var saved = await coordinator.PostFormAsync(Url(household), await FormAsync(household, expected: Iso(expected.AddDays(7))));

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var after = await DueDatesAsync(household);
        Assert.Equal(before[done], after[done]);
        Assert.All(before.Keys.Where(t => t != done), t => Assert.Equal(before[t].AddDays(7), after[t]));
        Assert.Equal(expected.AddDays(7), await StoredAsync(household, h => h.ExpectedArrival));

        var page = WebUtility.HtmlDecode(await coordinator.GetPageAsync($"/Households/{household}"));
        var moved = expected.AddDays(7).ToString("d. MMM yyyy", Danish);
        Assert.Contains($"<span data-testid=\"expected-arrival\">{moved}</span>", page, StringComparison.Ordinal);
        // Quota refugee without a CPR registration yet: day 0 is estimated from the arrival.
        var members = page[page.IndexOf("<h2>Medlemmer</h2>", StringComparison.Ordinal)..];
        Assert.Contains(moved, members[..members.IndexOf("</table>", StringComparison.Ordinal)], StringComparison.Ordinal);
        Assert.Contains($"/Households/{household}/Arrival", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ArrivedOnRecorded_TasksMoveToTheDayTheyCame_FutureDayRefused_ChangeAuditedForEachMember()
    {
        var expected = Today.AddDays(5);
        var household = await RegisterAsync("Tidligere", expected);
        var member = await factory.QueryAsync(db => db.Persons.Where(p => p.HouseholdId == household).Select(p => p.Id).SingleAsync());
        var before = await DueDatesAsync(household);
        using var coordinator = await Browser.SignedInAsync(factory, "koordinator");

        using var future = await coordinator.PostFormAsync(Url(household), await FormAsync(household, expected: Iso(expected), arrivedOn: Iso(Today.AddDays(1))));
        Assert.Contains(ArrivalValidator.ArrivedInTheFuture, WebUtility.HtmlDecode(await future.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Null(await StoredAsync(household, h => h.ArrivedOn));

        using var saved = await coordinator.PostFormAsync(Url(household), await FormAsync(household, expected: Iso(expected), arrivedOn: Iso(Today.AddDays(-2))));

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(Today.AddDays(-2), await StoredAsync(household, h => h.ArrivedOn));
        Assert.Equal(expected, await StoredAsync(household, h => h.ExpectedArrival));
        var after = await DueDatesAsync(household);
        Assert.All(before.Keys, t => Assert.Equal(before[t].AddDays(-7), after[t]));
        var entry = await factory.QueryAsync(db => db.AuditEntries.SingleAsync(e => e.Action == AuditAction.ArrivalChanged && e.SubjectPersonId == member));
        Assert.Equal("koordinator", entry.Actor);
        Assert.Equal($"Husstand {household:D}: forventet ankomst {Iso(expected)} → {Iso(expected)}, ankommet – → {Iso(Today.AddDays(-2))}, {before.Count} opgaver flyttet", entry.Details);
        Assert.True(await factory.QueryAsync(db => db.AuditEntries.AnyAsync(e => e.Action == AuditAction.HouseholdRead && e.Purpose == "Ændring af ankomst" && e.Details == $"Husstand {household:D}")));

        var page = WebUtility.HtmlDecode(await coordinator.GetPageAsync($"/Households/{household}"));
        Assert.Contains($"<span data-testid=\"arrived-on\">{Today.AddDays(-2).ToString("d. MMM yyyy", Danish)}</span>", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InvalidOrOverlongDates_KeepWhatWasTyped_AndSayWhyInTheSummaryAndBesideTheField()
    {
        var household = await RegisterAsync("Fejl", Today.AddDays(3));
        var before = await DueDatesAsync(household);
        var garbage = new string('9', 5000);
        using var coordinator = await Browser.SignedInAsync(factory, "koordinator");

        using var response = await coordinator.PostFormAsync(Url(household), await FormAsync(household, expected: "2026-02-31", arrivedOn: garbage));
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<li><a class=\"function-link\" href=\"#ExpectedArrival\">Angiv en gyldig dato.</a></li>", html, StringComparison.Ordinal);
        Assert.Contains("<li><a class=\"function-link\" href=\"#ArrivedOn\">Angiv en gyldig dato.</a></li>", html, StringComparison.Ordinal);
        Assert.Contains(FieldErrors.Beside("ExpectedArrival", "Angiv en gyldig dato."), html, StringComparison.Ordinal);
        Assert.Contains(FieldErrors.Beside("ArrivedOn", "Angiv en gyldig dato."), html, StringComparison.Ordinal);
        Assert.Contains("value=\"2026-02-31\"", html, StringComparison.Ordinal);
        Assert.Contains($"value=\"{garbage}\"", html, StringComparison.Ordinal);
        Assert.Equal(before, await DueDatesAsync(household));
    }

    [Fact]
    public async Task ExpectedArrivalLeftOutOrBeforeTheVisitationDecision_IsRefusedBesideTheField()
    {
        var decided = Today.AddDays(-20);
        var household = await factory.RegisterAsync(new ArrivalRequest(null, decided, Today.AddDays(4),
            [new ArrivalMember("Visiteret", "Flygtning", new DateOnly(1988, 4, 4), Gender.Male, ResidenceBasis.VisitedRefugee)]));
        using var coordinator = await Browser.SignedInAsync(factory, "koordinator");

        using var missing = await coordinator.PostFormAsync(Url(household), await FormAsync(household, expected: ""));
        using var early = await coordinator.PostFormAsync(Url(household), await FormAsync(household, expected: Iso(decided.AddDays(-1))));

        Assert.Contains($"id=\"ExpectedArrival-error\"><span class=\"sr-only\">Fejl: </span>{ArrivalValidator.ExpectedArrivalMissing}</span>", WebUtility.HtmlDecode(await missing.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Contains($"id=\"ExpectedArrival-error\"><span class=\"sr-only\">Fejl: </span>{ArrivalValidator.ArrivalBeforeVisitation}</span>", WebUtility.HtmlDecode(await early.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(Today.AddDays(4), await StoredAsync(household, h => h.ExpectedArrival));
    }

    /// <summary>A mistyped year (9999) would make every deadline counted from the arrival no date, and the case pages fail.</summary>
    [Fact]
    public async Task ExpectedArrivalBeyondThePlanningHorizon_IsRefusedBesideTheField_AndNothingMoves()
    {
        var household = await RegisterAsync("Langtfrem", Today.AddDays(5));
        var before = await DueDatesAsync(household);
        using var coordinator = await Browser.SignedInAsync(factory, "koordinator");

        using var response = await coordinator.PostFormAsync(Url(household), await FormAsync(household, expected: "9999-12-31"));
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("id=\"ExpectedArrival-error\"><span class=\"sr-only\">Fejl: </span>Datoen kan højst ligge 2 år frem. Tjek årstallet.</span>", html, StringComparison.Ordinal);
        Assert.Contains("value=\"9999-12-31\"", html, StringComparison.Ordinal);
        Assert.Equal(Today.AddDays(5), await StoredAsync(household, h => h.ExpectedArrival));
        Assert.Equal(before, await DueDatesAsync(household));
    }

    [Fact]
    public async Task PlannedMoveIn_ArrivalAfterItRefusedNamingTheDay_EarlierArrivalMovesTasksButNotTheMoveInOnes()
    {
        var expected = Today.AddDays(5);
        var moveIn = Today.AddDays(10);
        var household = await RegisterAsync("Indflytter", expected);
        await factory.AddSingleRoomsAsync("Ankomstværelse", 1);
        await factory.MovedInAsync(await factory.UnitIdAsync("Ankomstværelse 1"), household, moveIn);
        var before = await DueDatesAsync(household);
        using var coordinator = await Browser.SignedInAsync(factory, "koordinator");

        var form = WebUtility.HtmlDecode(await coordinator.GetPageAsync(Url(household)));
        Assert.Contains($"name=\"ExpectedArrival\" type=\"date\" value=\"{Iso(moveIn)}\"", form, StringComparison.Ordinal);

        using var late = await coordinator.PostFormAsync(Url(household), await FormAsync(household, expected: Iso(moveIn.AddDays(2))));
        Assert.Equal(HttpStatusCode.OK, late.StatusCode);
        Assert.Contains($"Husstanden skal flytte ind i Ankomstværelse 1 {DanishDates.Written(moveIn)}. Ankomsten kan ikke ligge efter indflytningen.", WebUtility.HtmlDecode(await late.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(before, await DueDatesAsync(household));

        using var earlier = await coordinator.PostFormAsync(Url(household), await FormAsync(household, expected: Iso(expected.AddDays(3))));

        Assert.Equal(HttpStatusCode.Redirect, earlier.StatusCode);
        var types = await factory.QueryAsync(db => db.Tasks.Where(t => t.HouseholdId == household).ToDictionaryAsync(t => t.Id, t => t.Type));
        var after = await DueDatesAsync(household);
        TaskType[] moveInTasks = [TaskType.LeaseContract, TaskType.KeyHandover, TaskType.HouseRulesIntroduction, TaskType.HousingRegistrationHelp];
        Assert.All(before.Keys.Where(t => moveInTasks.Contains(types[t])), t => Assert.Equal(types[t] == TaskType.HousingRegistrationHelp ? moveIn.AddDays(30) : moveIn, after[t]));
        // The planned move-in made its day the expected arrival (the checklist already follows it); the earlier day moves it back.
        var shift = expected.AddDays(3).DayNumber - moveIn.DayNumber;
        Assert.All(before.Keys.Where(t => !moveInTasks.Contains(types[t])), t => Assert.Equal(before[t].AddDays(shift), after[t]));
        Assert.Equal(expected.AddDays(3), await StoredAsync(household, h => h.ExpectedArrival));
    }

    [Theory]
    [InlineData("skole")]
    [InlineData("leder")]
    public async Task RoleThatOwnsNoCases_IsRefused_AndNothingChanges(string userName)
    {
        // The school department has a task for this family, so it may read the household, but not change it.
        var haddad = await factory.QueryAsync(db => db.Households.Where(h => h.Name == "Familien Haddad").Select(h => h.Id).SingleAsync());
        var stored = await StoredAsync(haddad, h => h.ExpectedArrival);
        using var browser = await Browser.SignedInAsync(factory, userName);

        using var page = await browser.GetAsync(Url(haddad));
        // A valid antiforgery token of the user's own (from the start page's sign-out form), so only the refusal stops it.
        using var post = await browser.PostFormAsync(Url(haddad), await FormAsync(haddad, expected: Iso(Today.AddDays(30))), formPage: "/");

        Assert.Equal(HttpStatusCode.Forbidden, page.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
        Assert.Equal(stored, await StoredAsync(haddad, h => h.ExpectedArrival));
        Assert.False(await factory.QueryAsync(db => db.AuditEntries.AnyAsync(e => e.Action == AuditAction.ArrivalChanged && e.Details!.StartsWith($"Husstand {haddad:D}"))));
    }

    [Fact]
    public async Task HouseholdPage_DepartmentWorker_HasNoLinkToChangeTheArrival()
    {
        var haddad = await factory.QueryAsync(db => db.Households.Where(h => h.Name == "Familien Haddad").Select(h => h.Id).SingleAsync());
        using var school = await Browser.SignedInAsync(factory, "skole");

        var html = await school.GetPageAsync($"/Households/{haddad}");

        Assert.DoesNotContain($"/Households/{haddad}/Arrival", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExpectedArrivalCome_WithoutARecordedArrival_IsOnTheStartPageToConfirm_UntilRecorded()
    {
        var come = await RegisterAsync("Bekræftes", Today.AddDays(-3));
        var coming = await RegisterAsync("Kommer", Today.AddDays(3));
        using var coordinator = await Browser.SignedInAsync(factory, "koordinator");

        var start = WebUtility.HtmlDecode(await coordinator.GetPageAsync("/"));
        Assert.Contains("Ankomster, der skal bekræftes", start, StringComparison.Ordinal);
        Assert.Contains($"data-arrival-to-confirm=\"{come}\"", start, StringComparison.Ordinal);
        Assert.Contains($"href=\"{Url(come)}\"", start, StringComparison.Ordinal);
        Assert.DoesNotContain($"data-arrival-to-confirm=\"{coming}\"", start, StringComparison.Ordinal);

        using var recorded = await coordinator.PostFormAsync(Url(come), await FormAsync(come, expected: Iso(Today.AddDays(-3)), arrivedOn: Iso(Today.AddDays(-3))));

        Assert.Equal(HttpStatusCode.Redirect, recorded.StatusCode);
        Assert.DoesNotContain($"data-arrival-to-confirm=\"{come}\"", await coordinator.GetPageAsync("/"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task DemoData_HaddadsArrivalRecorded_KovalenkosToConfirm()
    {
        var demo = await factory.QueryAsync(db => db.Households.Where(h => h.Name == "Familien Haddad" || h.Name == "Familien Kovalenko")
            .ToDictionaryAsync(h => h.Name, h => new { h.Id, h.ExpectedArrival, h.ArrivedOn }));
        using var coordinator = await Browser.SignedInAsync(factory, "koordinator");

        var start = await coordinator.GetPageAsync("/");

        Assert.Equal(demo["Familien Haddad"].ExpectedArrival, demo["Familien Haddad"].ArrivedOn);
        Assert.DoesNotContain($"data-arrival-to-confirm=\"{demo["Familien Haddad"].Id}\"", start, StringComparison.Ordinal);
        Assert.Null(demo["Familien Kovalenko"].ArrivedOn);
        Assert.Contains($"data-arrival-to-confirm=\"{demo["Familien Kovalenko"].Id}\"", start, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FormOpenedBeforeSomeoneElseChangedTheArrival_IsRefused_TypedValueKept_NothingOverwritten()
    {
        var expected = Today.AddDays(12);
        var household = await RegisterAsync("Tostemmer", expected);
        using var first = await Browser.SignedInAsync(factory, "koordinator");
        var opened = await FormAsync(household, expected: Iso(expected.AddDays(3)));
        using var second = await first.PostFormAsync(Url(household), await FormAsync(household, expected: Iso(expected.AddDays(5))));
        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);

        using var stale = await first.PostFormAsync(Url(household), opened);

        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        var html = WebUtility.HtmlDecode(await stale.Content.ReadAsStringAsync());
        Assert.Contains("Husstanden er ændret af en anden, mens du rettede ankomsten. Det, der er gemt nu, står ved de felter, hvor det er anderledes end det, du har skrevet. Tryk »Gem« igen for at gemme dine datoer i stedet.", html, StringComparison.Ordinal);
        Assert.Contains($"name=\"ExpectedArrival\" type=\"date\" value=\"{Iso(expected.AddDays(3))}\"", html, StringComparison.Ordinal);
        Assert.Equal(expected.AddDays(5), await StoredAsync(household, h => h.ExpectedArrival));
    }

    [Fact]
    public async Task FormPostedWithoutAVersion_IsRefusedAsStale()
    {
        var expected = Today.AddDays(12);
        var household = await RegisterAsync("Uversioneret", expected);
        using var coordinator = await Browser.SignedInAsync(factory, "koordinator");
        var form = await FormAsync(household, expected: Iso(expected.AddDays(1)));
        form["Version"] = "ikke-en-version";

        using var response = await coordinator.PostFormAsync(Url(household), form);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Husstanden er ændret af en anden", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(expected, await StoredAsync(household, h => h.ExpectedArrival));
    }

    /// <summary>
    /// A planned move-in and a moved arrival that read the household at the same moment: each passed its own check
    /// against the other's old value, so only one may be saved (otherwise the arrival could land after the move-in).
    /// </summary>
    [Fact]
    public async Task ArrivalMovedWhileAMoveInIsPlannedFromTheSameRead_TheSecondSaveIsRefused()
    {
        var expected = Today.AddDays(8);
        var household = await RegisterAsync("Samtidig", expected);
        await factory.AddSingleRoomsAsync("Samtidigværelse", 1);
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Indgang.Web.Data.IndgangDbContext>();
        var read = await db.Households.FirstAsync(h => h.Id == household);

        var moved = await factory.MoveInAsync(await factory.UnitIdAsync("Samtidigværelse 1"), household, expected.AddDays(4));
        read.SetArrival(expected.AddDays(10), null);

        Assert.True(moved.Succeeded, moved.Error);
        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => db.SaveChangesAsync());
        Assert.Equal(expected.AddDays(4), await StoredAsync(household, h => h.ExpectedArrival));
    }

    private static string Url(Guid household) => $"/Households/{household}/Arrival";

    /// <summary>The form as the page posts it, with the household's version as the page was opened.</summary>
    private async Task<Dictionary<string, string>> FormAsync(Guid household, string expected, string arrivedOn = "") => new()
    {
        ["ExpectedArrival"] = expected,
        ["ArrivedOn"] = arrivedOn,
        ["Version"] = await OpenedVersionAsync(household),
    };

    /// <summary>The version the form has when the household's coordinator opens the page now.</summary>
    private async Task<string> OpenedVersionAsync(Guid household)
    {
        using var coordinator = await Browser.SignedInAsync(factory, "koordinator");
        return HiddenFields.Value(await coordinator.GetPageAsync(Url(household)), "Version");
    }

    private Task<Guid> RegisterAsync(string lastName, DateOnly expected) =>
        factory.RegisterAsync(new ArrivalRequest(null, null, expected, [new ArrivalMember("Ny", lastName, new DateOnly(1990, 5, 5), Gender.Female, ResidenceBasis.QuotaRefugee)]));

    private Task<Dictionary<Guid, DateOnly>> DueDatesAsync(Guid household) =>
        factory.QueryAsync(db => db.Tasks.Where(t => t.HouseholdId == household).ToDictionaryAsync(t => t.Id, t => t.DueDate));

    private Task<DateOnly?> StoredAsync(Guid household, System.Linq.Expressions.Expression<Func<Household, DateOnly?>> date) =>
        factory.QueryAsync(db => db.Households.Where(h => h.Id == household).Select(date).SingleAsync());

    private Task<Guid> CompleteAsync(Guid household, TaskType type) => factory.QueryAsync(async db =>
    {
        var task = await db.Tasks.SingleAsync(t => t.HouseholdId == household && t.Type == type);
        task.Complete("test", DateTimeOffset.UtcNow);
        await db.SaveChangesAsync();
        return task.Id;
    });
}

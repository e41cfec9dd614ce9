using System.Net;
using System.Text.RegularExpressions;
using Indgang.Domain.Audit;
using Indgang.Domain.People;
using Indgang.Domain.Reception;
using Indgang.Domain.Tasks;
using Indgang.Tests.Hosting;
using Indgang.Web.Features.Housing;
using Indgang.Web.Features.Reception;
using Indgang.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Indgang.Web.Tests.Housing;

/// <summary>
/// A move-in still ahead is called off on the unit's page (HOUSE-2): the household does not come there after all. The
/// unit is free again, the lease, keys and house-rules tasks close as not needed with their departments told, and the
/// household waits for a home again; the expected arrival the move-in set goes back to what it was. A move-in that has
/// happened is moved out of instead.
/// </summary>
public sealed class MoveInCallOffTests(IndgangAppFactory factory) : IClassFixture<IndgangAppFactory>
{
    [Fact]
    public async Task CallOff_AMoveInAhead_FreesTheUnit_ClosesItsTasks_AndTheHouseholdWaitsAgain()
    {
        var household = await factory.RegisterSingleAsync("Fortryder");
        var name = await factory.QueryAsync(db => db.Households.Where(h => h.Id == household).Select(h => h.Name).SingleAsync());
        var unit = await factory.UnitOfItsOwnAsync("Fortryd 1");
        await factory.MovedInAsync(unit, household, Arrivals.Today.AddDays(5));
        var stay = await factory.StayOfAsync(household);
        using var housing = await Browser.SignedInAsync(factory, "bolig");
        var page = WebUtility.HtmlDecode(await housing.GetPageAsync($"/Housing/Units/{unit}"));
        Assert.Contains($"{name}</a> – flytter ind", page, StringComparison.Ordinal);
        Assert.Contains($"Fortryd indflytning<span class=\"sr-only\"> – {name}</span>", page, StringComparison.Ordinal);
        // A move out cannot come before the move-in: its form starts from the move-in day, not today.
        Assert.Equal(Arrivals.Iso(Arrivals.Today.AddDays(5)), new AngleSharp.Html.Parser.HtmlParser().ParseDocument(page).GetElementById($"MoveOutOn-{stay}")?.GetAttribute("value"));
        Assert.DoesNotContain(name, await housing.GetPageAsync("/Housing/Placement"), StringComparison.Ordinal);
        // Its case says the home is ahead.
        var ahead = Arrivals.Today.AddDays(5).ToString("d. MMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("da-DK"));
        using (var coordinator = await Browser.SignedInAsync(factory, "koordinator"))
        {
            Assert.Matches($"data-testid=\"current-home\">Fortryd 1, [^<]+</span>\\s*\\(flytter ind {Regex.Escape(ahead)}\\)", WebUtility.HtmlDecode(await coordinator.GetPageAsync($"/Households/{household}")));
        }

        using var calledOff = await housing.CallOffMoveInAsync(unit, stay);

        Assert.Equal(HttpStatusCode.Redirect, calledOff.StatusCode);
        Assert.False(await factory.QueryAsync(db => db.Occupancies.AnyAsync(o => o.HouseholdId == household)));
        var after = await factory.QueryAsync(db => db.HousingUnits.AsNoTracking().SingleAsync(u => u.Id == unit));
        Assert.Equal((0, 0), (after.OccupiedBeds, after.OccupyingHouseholds));
        Assert.Contains(name, await housing.GetPageAsync("/Housing/Placement"), StringComparison.Ordinal);
        var moveInTasks = await factory.QueryAsync(db => db.Tasks.AsNoTracking().Where(t => t.HouseholdId == household && MoveTasks.MoveIn.Contains(t.Type)).ToListAsync());
        Assert.Equal(MoveTasks.MoveIn.Order(), moveInTasks.Select(t => t.Type).Order());
        Assert.All(moveInTasks, t =>
        {
            Assert.Equal(CaseTaskStatus.NotNeeded, t.Status);
            Assert.Equal("Indflytningen i Fortryd 1 er fortrudt.", t.NotNeededReason);
        });
        var sekretariatet = await factory.QueryAsync(db => db.Departments.Where(d => d.Code == "sekretariatet").Select(d => d.Id).SingleAsync());
        Assert.True(await factory.QueryAsync(db => db.Notifications.AnyAsync(n => n.DepartmentId == sekretariatet && n.Text == $"2 opgaver er lukket, indflytningen i Fortryd 1 er fortrudt: {name}")));
        var member = await factory.QueryAsync(db => db.Persons.Where(p => p.HouseholdId == household).Select(p => p.Id).SingleAsync());
        Assert.Equal(1, await factory.AuditCountAsync(AuditAction.MoveInCalledOff, member));

        // Placed elsewhere, it gets its tasks anew, named for the new home.
        await factory.MovedInAsync(await factory.UnitOfItsOwnAsync("Fortryd 2"), household, Arrivals.Today.AddDays(6));
        var open = await factory.QueryAsync(db => db.Tasks.AsNoTracking().Where(t => t.HouseholdId == household && t.Status == CaseTaskStatus.Open && MoveTasks.MoveIn.Contains(t.Type)).Select(t => t.Title).ToListAsync());
        Assert.Equal(3, open.Count);
        Assert.All(open, title => Assert.EndsWith(" – Fortryd 2", title, StringComparison.Ordinal));
    }

    [Fact]
    public async Task CallOff_TheExpectedArrivalTheMoveInSet_GoesBack_WithTheChecklistTasksItMoved()
    {
        var expected = Arrivals.Today.AddDays(4);
        var household = await factory.RegisterAsync(new ArrivalRequest(null, Arrivals.Today.AddDays(-5), expected,
            [new ArrivalMember("Layla", "Ankomstfortryder", new DateOnly(1990, 1, 1), Gender.Female, ResidenceBasis.QuotaRefugee)]));
        var checklist = await ChecklistDatesAsync(household);
        var unit = await factory.UnitOfItsOwnAsync("Fortryd ankomst");
        await factory.MovedInAsync(unit, household, Arrivals.Today.AddDays(20));
        // The move-in, later than expected, became the expected arrival and moved the checklist with it.
        Assert.Equal(Arrivals.Today.AddDays(20), await ExpectedArrivalAsync(household));
        Assert.NotEqual(checklist, await ChecklistDatesAsync(household));
        var stay = await factory.StayOfAsync(household);
        using var housing = await Browser.SignedInAsync(factory, "bolig");

        using var calledOff = await housing.CallOffMoveInAsync(unit, stay);

        Assert.Equal(HttpStatusCode.Redirect, calledOff.StatusCode);
        Assert.Equal(expected, await ExpectedArrivalAsync(household));
        Assert.Equal(checklist, await ChecklistDatesAsync(household));
        var member = await factory.QueryAsync(db => db.Persons.Where(p => p.HouseholdId == household).Select(p => p.Id).SingleAsync());
        var logged = await factory.QueryAsync(db => db.AuditEntries.Where(e => e.Action == AuditAction.MoveInCalledOff && e.SubjectPersonId == member).Select(e => e.Details).SingleAsync());
        Assert.EndsWith($", forventet ankomst {Arrivals.Iso(Arrivals.Today.AddDays(20))} → {Arrivals.Iso(expected)}", logged, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CallOff_AnExpectedArrivalChangedSinceTheMoveIn_Stands()
    {
        var household = await factory.RegisterAsync(new ArrivalRequest(null, Arrivals.Today.AddDays(-5), Arrivals.Today.AddDays(3),
            [new ArrivalMember("Samir", "Ankomstrettet", new DateOnly(1988, 1, 1), Gender.Male, ResidenceBasis.QuotaRefugee)]));
        var unit = await factory.UnitOfItsOwnAsync("Fortryd rettet");
        await factory.MovedInAsync(unit, household, Arrivals.Today.AddDays(10));
        // The coordinator has since said it comes later still.
        await factory.QueryAsync(async db =>
        {
            var h = await db.Households.SingleAsync(x => x.Id == household);
            h.SetArrival(Arrivals.Today.AddDays(12), arrivedOn: null);
            return await db.SaveChangesAsync();
        });
        var stay = await factory.StayOfAsync(household);
        using var housing = await Browser.SignedInAsync(factory, "bolig");

        using var calledOff = await housing.CallOffMoveInAsync(unit, stay);

        Assert.Equal(HttpStatusCode.Redirect, calledOff.StatusCode);
        Assert.Equal(Arrivals.Today.AddDays(12), await ExpectedArrivalAsync(household));
    }

    private Task<DateOnly?> ExpectedArrivalAsync(Guid household) =>
        factory.QueryAsync(db => db.Households.Where(h => h.Id == household).Select(h => h.ExpectedArrival).SingleAsync());

    /// <summary>The due dates of the household's open checklist tasks, but the move-in's own, by type and member.</summary>
    private Task<List<string>> ChecklistDatesAsync(Guid household) =>
        factory.QueryAsync(async db => (await db.Tasks.AsNoTracking()
                .Where(t => t.HouseholdId == household && t.Status == CaseTaskStatus.Open && !MoveTasks.MoveIn.Contains(t.Type))
                .Select(t => new { t.Type, t.PersonId, t.DueDate }).ToListAsync())
            .Select(t => $"{t.Type} {t.PersonId} {t.DueDate:yyyy-MM-dd}").Order(StringComparer.Ordinal).ToList());

    [Fact]
    public async Task CallOff_AMoveInThatHasHappened_IsRefused_TheStayRemains()
    {
        var household = await factory.RegisterSingleAsync("Indflyttetnu");
        var unit = await factory.UnitOfItsOwnAsync("Fortryd 3");
        await factory.MovedInAsync(unit, household, Arrivals.Today);
        var stay = await factory.StayOfAsync(household);
        using var housing = await Browser.SignedInAsync(factory, "bolig");
        Assert.DoesNotContain("Fortryd indflytning", await housing.GetPageAsync($"/Housing/Units/{unit}"), StringComparison.Ordinal);

        using var refused = await housing.CallOffMoveInAsync(unit, stay);

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains(HousingMoves.NoMoveInAhead, WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.True(await factory.QueryAsync(db => db.Occupancies.AnyAsync(o => o.Id == stay)));
    }
}

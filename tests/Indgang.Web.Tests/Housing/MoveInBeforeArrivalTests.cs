using System.Net;
using Indgang.Domain.People;
using Indgang.Domain.Reception;
using Indgang.Tests.Hosting;
using Indgang.Web.Features.Reception;
using Indgang.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Indgang.Web.Tests.Housing;

/// <summary>
/// A move-in is held to the arrival rules: a household does not move in before it came, and a move-in that has happened
/// becomes its arrival, which cannot lie before the visitation decision. Otherwise a mistyped month leaves an arrival the
/// arrival page refuses every correction of.
/// </summary>
public sealed class MoveInBeforeArrivalTests(IndgangAppFactory factory) : IClassFixture<IndgangAppFactory>
{
    [Fact]
    public async Task MoveIn_BeforeTheVisitationDecision_IsRefusedBesideTheField_AndNoArrivalIsRecorded()
    {
        var decided = Arrivals.Today.AddDays(-40);
        var household = await factory.RegisterAsync(new ArrivalRequest(null, decided, Arrivals.Today.AddDays(-10),
            [new ArrivalMember("Hamid", "Forhastet", new DateOnly(1990, 1, 1), Gender.Male, ResidenceBasis.VisitedRefugee)]));
        var unit = await factory.UnitOfItsOwnAsync("Forhastet");
        using var housing = await Browser.SignedInAsync(factory, "bolig");
        var typo = Arrivals.Today.AddDays(-50);

        using var refused = await housing.MoveInAsync(unit, household, Arrivals.Iso(typo));
        var html = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains($"Indflytningen bliver husstandens ankomst og kan ikke ligge før visitationsafgørelsen {DanishDates.Written(decided)}.", html, StringComparison.Ordinal);
        Assert.Contains($"value=\"{Arrivals.Iso(typo)}\"", html, StringComparison.Ordinal);
        Assert.Null(await factory.QueryAsync(db => db.Households.Where(h => h.Id == household).Select(h => h.ArrivedOn).SingleAsync()));
        Assert.False(await factory.QueryAsync(db => db.Occupancies.AnyAsync(o => o.HouseholdId == household)));

        // The day corrected, 20 days back: the arrival it records is confirmed.
        using var corrected = await housing.MoveInAsync(unit, household, Arrivals.Iso(Arrivals.Today.AddDays(-20)), confirmed: true);
        Assert.Equal(HttpStatusCode.Redirect, corrected.StatusCode);
        Assert.Equal(Arrivals.Today.AddDays(-20), await factory.QueryAsync(db => db.Households.Where(h => h.Id == household).Select(h => h.ArrivedOn).SingleAsync()));
    }

    [Fact]
    public async Task MoveIn_BeforeTheRecordedArrival_IsRefused_TheDayItCameIsTaken()
    {
        // It came 20 days ago and has stayed with relatives since; the coordinator recorded its arrival.
        var arrived = Arrivals.Today.AddDays(-20);
        var household = await factory.RegisterAsync(new ArrivalRequest(null, Arrivals.Today.AddDays(-60), arrived,
            [new ArrivalMember("Leila", "Tidligere", new DateOnly(1992, 1, 1), Gender.Female, ResidenceBasis.VisitedRefugee)]));
        await factory.RecordArrivalAsync(household, arrived);
        var unit = await factory.UnitOfItsOwnAsync("Tidligere");

        var before = await factory.MoveInAsync(unit, household, arrived.AddDays(-5));
        var onTheDay = await factory.MoveInAsync(unit, household, arrived);

        Assert.False(before.Succeeded);
        Assert.Equal($"Husstanden kom {DanishDates.Written(arrived)}. Indflytningen kan ikke ligge før ankomsten.", before.Error);
        Assert.True(onTheDay.Succeeded, onTheDay.Error);
        Assert.Equal(arrived, await factory.QueryAsync(db => db.Households.Where(h => h.Id == household).Select(h => h.ArrivedOn).SingleAsync()));
    }
}

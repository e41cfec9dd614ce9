using Indgang.Domain.People;
using Indgang.Domain.Reception;
using Indgang.Tests.Hosting;
using Indgang.Web.Features.Housing.Placement;
using Indgang.Web.Features.Reception;
using Indgang.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Indgang.Web.Tests.Housing;

/// <summary>
/// A household waits for a home from its arrival (day 0), not from the day it was registered: one announced for a later
/// day has not waited yet, so the placement page says when it comes (»Ankommer«) and the optimizer counts no days waited.
/// Before, it had »Venter siden« its registration day, and the days since counted as waited.
/// </summary>
public sealed class WaitingSinceArrivalTests(IndgangAppFactory factory) : IClassFixture<IndgangAppFactory>
{
    [Theory]
    // the expected arrival, in days from today (registered today); the day it waits from, in days from today
    [InlineData(10, 10)]
    [InlineData(1, 1)]
    [InlineData(0, 0)]
    [InlineData(-5, -5)]
    public async Task WaitingSince_IsTheArrivalDay_ForAnAnnouncedHouseholdTooNotItsRegistration(int arrivesIn, int waitsFrom)
    {
        var today = Arrivals.Today;
        var id = await factory.RegisterAsync(new ArrivalRequest(null, null, today.AddDays(arrivesIn),
            [new ArrivalMember("Venter", $"Ankomstdag{arrivesIn + 100}", new DateOnly(1990, 1, 1), Gender.Female, ResidenceBasis.QuotaRefugee)]));
        var household = await factory.QueryAsync(db => db.Households.AsNoTracking().Include(h => h.Members).SingleAsync(h => h.Id == id));

        var since = PlacementRunner.WaitingSince(household, today, TimeZoneInfo.Local, lastMovedOut: null);

        Assert.Equal(today.AddDays(waitsFrom), since);
    }
}

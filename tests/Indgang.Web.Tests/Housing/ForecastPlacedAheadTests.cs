using Indgang.Domain.Housing;
using Indgang.Domain.People;
using Indgang.Domain.Reception;
using Indgang.Tests.Hosting;
using Indgang.Web.Features.Housing;
using Indgang.Web.Features.Reception;
using Indgang.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Indgang.Web.Tests.Housing;

/// <summary>
/// A household of next year's quota placed ahead (its move-in planned for its arrival next January) is counted once in
/// the capacity forecast (HOUSE-4): its beds are taken by its move-in in January (not now), and next year's quota expects
/// its persons no more.
/// </summary>
public sealed class ForecastPlacedAheadTests(IndgangAppFactory factory) : IClassFixture<IndgangAppFactory>
{
    [Fact]
    public async Task PlacedAheadForNextYear_CountsAgainstNextYearsQuota_NotExpectedTwice()
    {
        var nextYear = Arrivals.Today.Year + 1;
        var arrival = new DateOnly(nextYear, 1, 10);
        await factory.QueryAsync(async db =>
        {
            var quota = await db.Quotas.FirstOrDefaultAsync(q => q.Year == nextYear);
            if (quota is null)
            {
                db.Quotas.Add(new MunicipalQuota(nextYear, 1200));
            }
            else
            {
                quota.Persons = 1200;
            }

            return await db.SaveChangesAsync();
        });
        var household = await factory.RegisterAsync(new ArrivalRequest(null, null, arrival,
            [.. Enumerable.Range(1, 12).Select(i => new ArrivalMember($"Ena{i}", "Forudplaceret", new DateOnly(1980 + i, 1, 1), Gender.Female, ResidenceBasis.QuotaRefugee))]));
        var unit = await factory.UnitOfItsOwnAsync("Forud-1", beds: 12);
        var (waiting, waitingMonths) = await ForecastAsync();

        await factory.MovedInAsync(unit, household, arrival);
        var (placed, placedMonths) = await ForecastAsync();

        // Waiting, its 12 persons were a registered arrival in January and taken off next year's quota; placed ahead,
        // its beds are taken by its move-in in January (not occupied now), and they are still taken off the quota (not
        // expected again as the quota's rest).
        Assert.Equal(waiting.OccupiedBeds, placed.OccupiedBeds);
        Assert.Contains(new ExpectedMoveIn(12, arrival), placed.MoveIns ?? []);
        Assert.Equal(12, placedMonths.Single(m => m.Month == new DateOnly(nextYear, 1, 1)).MoveIns);
        Assert.Equal(12, placed.PersonsReceivedByYear.GetValueOrDefault(nextYear));
        Assert.Equal(QuotaIn(waitingMonths, nextYear), QuotaIn(placedMonths, nextYear));
        Assert.Equal(waitingMonths.Sum(m => m.RegisteredArrivals) - 12, placedMonths.Sum(m => m.RegisteredArrivals));
    }

    private static int QuotaIn(IReadOnlyList<ForecastMonth> months, int year) => months.Where(m => m.Month.Year == year).Sum(m => m.QuotaArrivals);

    private async Task<(ForecastInput Input, IReadOnlyList<ForecastMonth> Months)> ForecastAsync()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var (input, _) = await scope.ServiceProvider.GetRequiredService<ForecastQuery>().BuildAsync();
        return (input, CapacityForecast.Compute(input).Months);
    }
}

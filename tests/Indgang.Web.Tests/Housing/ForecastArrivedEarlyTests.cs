using Indgang.Domain.Housing;
using Indgang.Domain.People;
using Indgang.Domain.Reception;
using Indgang.Tests.Hosting;
using Indgang.Web.Features.Reception;
using Indgang.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Indgang.Web.Tests.Housing;

/// <summary>
/// A household that came earlier than announced and waits for a home is dated by the day it came in the capacity
/// forecast (HOUSE-4): it needs its beds now, not in the announced month, and counts against this year's quota, not the
/// announced year's.
/// </summary>
public sealed class ForecastArrivedEarlyTests(IndgangAppFactory factory) : IClassFixture<IndgangAppFactory>
{
    [Fact]
    public async Task ArrivedEarly_AndWaiting_NeedsItsBedsNow_NotInTheAnnouncedMonth()
    {
        var announced = Arrivals.Today.AddDays(70);
        var household = await RegisterAsync("Tidligsen", announced, persons: 2);
        var (announcedInput, announcedMonths, _) = await ForecastStays.ComputeAsync(factory);

        await ArrivedTodayAsync(household);
        var (arrivedInput, arrivedMonths, _) = await ForecastStays.ComputeAsync(factory);

        // Its two persons move from the announced month to now (the first month).
        Assert.Contains(announcedInput.RegisteredArrivals, a => a.ExpectedOn == announced && a.Persons == 2);
        Assert.DoesNotContain(arrivedInput.RegisteredArrivals, a => a.ExpectedOn == announced);
        Assert.Contains(arrivedInput.RegisteredArrivals, a => a.ExpectedOn == Arrivals.Today && a.Persons == 2);
        Assert.Equal(announcedMonths[0].RegisteredArrivals + 2, arrivedMonths[0].RegisteredArrivals);
        var announcedMonth = new DateOnly(announced.Year, announced.Month, 1);
        Assert.Equal(RegisteredIn(announcedMonths, announcedMonth) - 2, RegisteredIn(arrivedMonths, announcedMonth));
        // Still waiting, so not received: its beds are needed, once.
        Assert.Equal(announcedMonths.Sum(m => m.RegisteredArrivals), arrivedMonths.Sum(m => m.RegisteredArrivals));
    }

    [Fact]
    public async Task AnnouncedForNextYear_ArrivedToday_CountsAgainstThisYearsQuota()
    {
        var (thisYear, nextYear) = (Arrivals.Today.Year, Arrivals.Today.Year + 1);
        await QuotaAsync(thisYear, 5000);
        await QuotaAsync(nextYear, 1200);
        // Twelve persons: next year's quota is spread evenly over its twelve months, one more each.
        var household = await RegisterAsync("Nytårsen", new DateOnly(nextYear, 2, 16), persons: 12);
        var (_, announcedMonths, _) = await ForecastStays.ComputeAsync(factory);

        await ArrivedTodayAsync(household);
        var (_, arrivedMonths, _) = await ForecastStays.ComputeAsync(factory);

        // This year's quota expects twelve persons fewer (they are here), next year's twelve more (they are not its).
        Assert.Equal(QuotaIn(announcedMonths, thisYear) - 12, QuotaIn(arrivedMonths, thisYear));
        Assert.Equal(QuotaIn(announcedMonths, nextYear) + arrivedMonths.Count(m => m.Month.Year == nextYear), QuotaIn(arrivedMonths, nextYear));
    }

    private static int RegisteredIn(IReadOnlyList<ForecastMonth> months, DateOnly month) => months.SingleOrDefault(m => m.Month == month)?.RegisteredArrivals ?? 0;

    private static int QuotaIn(IReadOnlyList<ForecastMonth> months, int year) => months.Where(m => m.Month.Year == year).Sum(m => m.QuotaArrivals);

    private Task<Guid> RegisterAsync(string lastName, DateOnly announced, int persons) =>
        factory.RegisterAsync(new ArrivalRequest(null, null, announced,
            [.. Enumerable.Range(1, persons).Select(i => new ArrivalMember($"Tidlig{i}", lastName, new DateOnly(1980 + i, 1, 1), Gender.Female, ResidenceBasis.QuotaRefugee))]));

    /// <summary>The household came today, as the arrival page records it: the announced day is kept.</summary>
    private async Task ArrivedTodayAsync(Guid household) => await factory.QueryAsync(async db =>
    {
        var h = await db.Households.SingleAsync(x => x.Id == household);
        h.SetArrival(h.ExpectedArrival, Arrivals.Today);
        return await db.SaveChangesAsync();
    });

    private async Task QuotaAsync(int year, int persons) => await factory.QueryAsync(async db =>
    {
        var quota = await db.Quotas.FirstOrDefaultAsync(q => q.Year == year);
        if (quota is null)
        {
            db.Quotas.Add(new MunicipalQuota(year, persons));
        }
        else
        {
            quota.Persons = persons;
        }

        return await db.SaveChangesAsync();
    });
}

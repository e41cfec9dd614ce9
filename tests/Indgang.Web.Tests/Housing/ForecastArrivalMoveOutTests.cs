using Indgang.Domain.People;
using Indgang.Domain.Reception;
using Indgang.Tests.Hosting;
using Indgang.Web.Features.Reception;
using Indgang.Web.Tests.Infrastructure;

namespace Indgang.Web.Tests.Housing;

/// <summary>
/// A household expected to arrive moves out after the typical stay, as it would once placed (HOUSE-4; found by the
/// housing coordinator's review): placing it changes nothing in the forecast from its expected move-out on. Before, a
/// waiting household never moved out, and placing it freed its beds in the last months.
/// </summary>
public sealed class ForecastArrivalMoveOutTests(IndgangAppFactory factory) : IClassFixture<IndgangAppFactory>
{
    [Fact]
    public async Task PlacingAnExpectedArrival_DoesNotChangeTheMonthsFromItsExpectedMoveOut()
    {
        var today = Arrivals.Today;
        await ForecastStays.ClearAsync(factory);
        // History: stays that ended after 100, 200 and 300 days; the typical stay is 200 days.
        await ForecastStays.AddAsync(factory, "Lejlighed 1", await factory.RegisterSingleAsync("Fraflyttet1"), today.AddDays(-700), days: 100);
        await ForecastStays.AddAsync(factory, "Lejlighed 1", await factory.RegisterSingleAsync("Fraflyttet2"), today.AddDays(-550), days: 200);
        await ForecastStays.AddAsync(factory, "Lejlighed 1", await factory.RegisterSingleAsync("Fraflyttet3"), today.AddDays(-320), days: 300);
        var arrival = today.AddDays(2);
        var household = await factory.RegisterAsync(new ArrivalRequest(null, null, arrival,
            [.. Enumerable.Range(1, 3).Select(i => new ArrivalMember($"Ven{i}", "Forventetfraflytning", new DateOnly(1980 + i, 1, 1), Gender.Female, ResidenceBasis.QuotaRefugee))]));
        var unit = await factory.UnitOfItsOwnAsync("Forventet fraflytning", beds: 3);
        var (_, waiting, stay) = await ForecastStays.ComputeAsync(factory);

        await factory.MovedInAsync(unit, household, arrival);
        var (_, placed, _) = await ForecastStays.ComputeAsync(factory);

        Assert.Equal(200, stay);
        var movesOut = arrival.AddDays(200);
        var from = new DateOnly(movesOut.Year, movesOut.Month, 1);
        var waitingLater = waiting.Where(m => m.Month >= from).ToList();
        Assert.NotEmpty(waitingLater);
        Assert.Equal(waitingLater.Select(m => (m.Month, m.MoveOuts, m.FreeBedsAtEnd)), placed.Where(m => m.Month >= from).Select(m => (m.Month, m.MoveOuts, m.FreeBedsAtEnd)));
    }
}

using Indgang.Tests.Hosting;
using Indgang.Web.Features.Housing;
using Indgang.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Indgang.Web.Tests.Housing;

/// <summary>
/// A move between two of our temporary units agreed for a later day: the household's expected move-out after the
/// typical stay is counted from its first move-in into temporary housing, not from the move (its own database).
/// </summary>
public sealed class ForecastMoveAgreedAheadTests(IndgangAppFactory factory) : IClassFixture<IndgangAppFactory>
{
    [Fact]
    public async Task Build_MoveBetweenTemporaryUnitsAgreedAhead_ExpectsTheMoveOutFromTheFirstMoveIn()
    {
        var today = Arrivals.Today;
        await ForecastStays.ClearAsync(factory);
        // One household left temporary housing after 100 days: the typical stay. Another has lived 50 days in Pavillon A
        // and moves to Pavillon B in 20 days.
        await ForecastStays.AddAsync(factory, "Lejlighed 1", await factory.RegisterSingleAsync("Videre"), today.AddDays(-300), days: 100);
        var moving = await factory.RegisterSingleAsync("Flytter");
        await ForecastStays.AddAsync(factory, "Pavillon A", moving, today.AddDays(-50), days: 70);
        await ForecastStays.AddAsync(factory, "Pavillon B", moving, today.AddDays(20));

        await using var scope = factory.Services.CreateAsyncScope();
        var (input, medianStay) = await scope.ServiceProvider.GetRequiredService<ForecastQuery>().BuildAsync();

        // Pavillon A's beds come free on the move, and the household leaves Pavillon B 100 days after it first moved in:
        // in 50 days. Before, the 50 days left were counted from the move, and it left in 70.
        Assert.Equal(100, medianStay);
        Assert.Equal([today.AddDays(20), today.AddDays(50)], input.MoveOuts.Select(m => m.On).Order());
    }
}

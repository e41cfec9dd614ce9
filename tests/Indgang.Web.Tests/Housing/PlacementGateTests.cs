using Indgang.Placement;
using Indgang.Placement.Generation;
using Indgang.Tests.Hosting;
using Indgang.Web.Features.Housing.Placement;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Indgang.Web.Tests.Housing;

public sealed class PlacementGateTests
{
    [Fact]
    public async Task ASecondRun_WaitsForTheFirst_AndDoesNotRunWhenGivenUpWhileWaiting()
    {
        await using var factory = new IndgangAppFactory();
        var gate = factory.Services.GetRequiredService<PlacementGate>();
        // An instance the optimizer cannot prove within its limit, so the first run holds the gate for all of it; long
        // enough that the waiting request is given up well before, even on a busy test machine.
        var slow = SyntheticInstances.Request(new InstanceShape(150, 200, 8), 3, TimeSpan.FromSeconds(3));
        // Time enough to prove the small one optimal also on a machine loaded by other builds (about 0.2 s when quiet; it
        // stops once proven): with 1 s it once ended unproven under a load of 13 on two cores.
        var small = SyntheticInstances.Request(new InstanceShape(10, 15, 4), 1, TimeSpan.FromSeconds(10));

        var first = gate.SolveAsync(slow, CancellationToken.None);
        using var givenUp = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => gate.SolveAsync(small, givenUp.Token));
        Assert.False(first.IsCompleted);

        var afterwards = await gate.SolveAsync(small, CancellationToken.None);
        Assert.True((await first).Suggestions.Count > 0);
        Assert.Equal(SolveStatus.Optimal, afterwards.Status);
    }

    [Fact]
    public async Task TheTimeLimit_ComesFromConfiguration()
    {
        await using var factory = new ConfiguredFactory("12");
        Assert.Equal(TimeSpan.FromSeconds(12), factory.Services.GetRequiredService<PlacementGate>().TimeLimit);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("61")]
    public async Task ATimeLimitOutsideOneToSixtySeconds_StopsTheAppAtStartup(string seconds)
    {
        await using var factory = new ConfiguredFactory(seconds);
        var error = Assert.Throws<OptionsValidationException>(() => factory.Services);
        Assert.Contains("Indgang:Placement:Seconds must be between 1 and 60.", error.Message, StringComparison.Ordinal);
    }

    private sealed class ConfiguredFactory(string seconds) : IndgangAppFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Indgang:Placement:Seconds", seconds);
        }
    }
}

using System.Net;
using Indgang.Tests.Hosting;
using Indgang.Web.Features.Housing.Placement;
using Indgang.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Indgang.Web.Tests.Housing;

/// <summary>
/// A lock of an earlier run whose unit has since been given to another household is left out of the re-run, and the
/// run page says so; a lock can be taken off from the run page. Kept, it made every later re-run infeasible: no
/// household got a suggestion, and each was told falsely that the units fitting it went to others.
/// </summary>
public sealed class PlacementStaleLockTests(IndgangAppFactory factory) : IClassFixture<IndgangAppFactory>
{
    [Fact]
    public async Task LockedUnitGivenToAnother_TheRerunLeavesTheLockOut_SaysWhy_AndEveryoneGetsASuggestion()
    {
        await factory.AddSingleRoomsAsync("Låsebolig", 4);
        var first = await factory.RegisterSingleAsync("Låstførst");
        var second = await factory.RegisterSingleAsync("Låstanden");
        using var housing = await Browser.SignedInAsync(factory, "bolig");
        var run = await housing.RunPlacementAsync(first, second);
        var firstUnit = (await factory.SuggestedUnitAsync(run, first))!.Value;
        using var locked = await housing.PostPairAsync(run, "Lock", first, firstUnit);
        var lockedRun = PlacementRuns.RunIdOf(locked);

        // Meanwhile the locked unit is given to someone else on the unit page.
        await factory.MovedInAsync(firstUnit, await factory.RegisterSingleAsync("Låstandetsteds"), Arrivals.Today);
        var secondUnit = await factory.SuggestedUnitAsync(lockedRun, second) ?? firstUnit;
        using var excluded = await housing.PostPairAsync(lockedRun, "Exclude", second, secondUnit);
        var next = PlacementRuns.RunIdOf(excluded);

        var ask = await factory.AskAsync(next);
        Assert.Empty(ask.Locks);
        Assert.Equal([new DroppedLock(first, firstUnit, null)], ask.DroppedLocks);
        var outcome = await factory.OutcomeAsync(next);
        Assert.NotEqual(Indgang.Placement.SolveStatus.Infeasible, outcome.Optimized.Status);
        Assert.Contains(outcome.Optimized.Suggestions, s => s.HouseholdId == second.ToString() && s.UnitId != secondUnit.ToString());
        Assert.Contains(outcome.Optimized.Suggestions, s => s.HouseholdId == first.ToString() && s.UnitId != firstUnit.ToString());
        var page = WebUtility.HtmlDecode(await housing.GetPageAsync($"/Housing/Placement/{next}"));
        var label = await factory.QueryAsync(db => db.HousingUnits.Where(u => u.Id == firstUnit).Select(u => u.Label).SingleAsync());
        Assert.Contains($"Låsen af {await factory.HouseholdNameAsync(first)} til {label}, ", page, StringComparison.Ordinal);
        Assert.Contains("er fjernet, fordi boligen ikke længere er ledig.", page, StringComparison.Ordinal);
        Assert.DoesNotContain("De låste forslag kan ikke holdes samtidig", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ALock_TakenOffFromTheRunPage_RerunsWithoutIt()
    {
        await factory.AddSingleRoomsAsync("Oplåst", 3);
        var first = await factory.RegisterSingleAsync("Oplåstførst");
        var second = await factory.RegisterSingleAsync("Oplåstanden");
        using var housing = await Browser.SignedInAsync(factory, "bolig");
        var run = await housing.RunPlacementAsync(first, second);
        var firstUnit = (await factory.SuggestedUnitAsync(run, first))!.Value;
        using var locked = await housing.PostPairAsync(run, "Lock", first, firstUnit);
        var lockedRun = PlacementRuns.RunIdOf(locked);
        var lockedPage = WebUtility.HtmlDecode(await housing.GetPageAsync($"/Housing/Placement/{lockedRun}"));
        Assert.Contains("Låste forslag", lockedPage, StringComparison.Ordinal);
        Assert.Contains($"data-lock=\"{first}\"", lockedPage, StringComparison.Ordinal);
        Assert.Contains($"Fjern låsen og kør igen<span class=\"sr-only\"> – {await factory.HouseholdNameAsync(first)}</span>", lockedPage, StringComparison.Ordinal);

        using var unlocked = await housing.PostPairAsync(lockedRun, "Unlock", first, firstUnit);

        var next = PlacementRuns.RunIdOf(unlocked);
        var ask = await factory.AskAsync(next);
        Assert.Empty(ask.Locks);
        Assert.Null(ask.DroppedLocks);
        Assert.Equal(new[] { first, second }.Order(), ask.Households.Order());
        Assert.DoesNotContain("data-lock=", WebUtility.HtmlDecode(await housing.GetPageAsync($"/Housing/Placement/{next}")), StringComparison.Ordinal);
    }
}

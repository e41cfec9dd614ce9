using AngleSharp.Html.Parser;
using Indgang.Tests.Hosting;
using Indgang.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Indgang.Web.Tests.Housing;

/// <summary>A household the optimizer leaves without a suggestion is listed on the run's page with why (HOUSE-3: it explains itself).</summary>
public sealed class PlacementUnhousedTests(IndgangAppFactory factory) : IClassFixture<IndgangAppFactory>
{
    [Fact]
    public async Task RunPage_AHouseholdNoUnitFits_IsListedWithTheRuleThatRulesTheUnitsOut()
    {
        // Twelve people: no unit of the stock has the beds.
        var household = await factory.RegisterTwelveAsync("Storfamilie");
        using var housing = await Browser.SignedInAsync(factory, "bolig");

        var run = await housing.RunPlacementAsync(household);

        Assert.Equal([household.ToString()], (await factory.OutcomeAsync(run)).Optimized.Unhoused);
        var page = new HtmlParser().ParseDocument(await housing.GetPageAsync($"/Housing/Placement/{run}"));
        var listed = page.QuerySelector($"li[data-unhoused='{household}']");
        Assert.NotNull(listed);
        Assert.StartsWith("Ingen ledig bolig passer husstanden: for få senge (", listed.QuerySelector(".form-hint")?.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunPage_AHouseholdWithoutASuggestion_CanBePlacedWithAReason_TheRuleItBreaksAskedAboutFirst()
    {
        // Needs step-free access, and no unit of the stock has it.
        var household = await factory.RegisterSingleAsync("Trappefri");
        var unit = await factory.UnitOfItsOwnAsync("Med trapper");
        await factory.QueryAsync(async db =>
        {
            (await db.Persons.SingleAsync(p => p.HouseholdId == household)).NeedsAccessibleHousing = true;
            await db.HousingUnits.ForEachAsync(u => u.StepFree = false);
            return await db.SaveChangesAsync();
        });
        using var housing = await Browser.SignedInAsync(factory, "bolig");
        var run = await housing.RunPlacementAsync(household);
        var path = $"/Housing/Placement/{run}";
        var listed = new HtmlParser().ParseDocument(await housing.GetPageAsync(path)).QuerySelector($"li[data-unhoused='{household}']");
        Assert.Contains("husstanden har brug for niveaufri adgang", listed?.QuerySelector(".form-hint")?.TextContent, StringComparison.Ordinal);
        Assert.Equal("Placér i en bolig, du vælger – Solo Trappefri", listed?.QuerySelector("a")?.TextContent.Trim());
        var opened = new HtmlParser().ParseDocument(await housing.GetPageAsync(listed!.QuerySelector("a")!.GetAttribute("href")!.Split('#')[0]))
            .QuerySelector($"li[data-unhoused='{household}']");
        Assert.Equal("Placér med begrundelse – Solo Trappefri", opened?.QuerySelector("form button")?.TextContent.Trim());
        var form = new Dictionary<string, string> { ["HouseholdId"] = household.ToString(), ["UnitId"] = unit.ToString(), ["Reason"] = "Bor i stueetagen; trappen er to trin" };

        using var asked = await housing.PostFormAsync($"{path}?handler=Override", form, formPage: path);

        var error = new HtmlParser().ParseDocument(await asked.Content.ReadAsStringAsync()).QuerySelector($"li[data-unhoused='{household}'] #Override-{household}-Unit-error");
        Assert.Contains("husstanden har brug for niveaufri adgang", error?.TextContent, StringComparison.Ordinal);
        Assert.False(await factory.QueryAsync(db => db.Occupancies.AnyAsync(o => o.HouseholdId == household)));

        form["AnywayUnit"] = form["UnitId"];
        using var placed = await housing.PostFormAsync($"{path}?handler=Override", form, formPage: path);

        Assert.Equal(System.Net.HttpStatusCode.Redirect, placed.StatusCode);
        Assert.True(await factory.QueryAsync(db => db.Occupancies.AnyAsync(o => o.HouseholdId == household && o.UnitId == unit)));
        var decided = new HtmlParser().ParseDocument(await housing.GetPageAsync(path)).QuerySelector($"li[data-unhoused='{household}'] .placement-decision");
        Assert.Contains("Tilsidesat", decided?.TextContent, StringComparison.Ordinal);
        Assert.Contains("Bor i stueetagen; trappen er to trin", decided?.TextContent, StringComparison.Ordinal);
        Assert.Null(new HtmlParser().ParseDocument(await housing.GetPageAsync(path)).QuerySelector($"li[data-unhoused='{household}'] form"));
    }
}

using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Indgang.Browser.Tests;

/// <summary>
/// The placement pages as they answer a user who was overtaken by another (here in another tab): the weights saved by
/// another while editing them, suggestions decided by another before they were approved here, and a household placed
/// from another run while a re-run with an exclusion was open. Checked with axe-core (WCAG 2.0/2.1 A and AA). A class
/// of its own: it changes the weights and places demo households (one in each run test, of the three waiting).
/// </summary>
public sealed class PlacementAccessibilityTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public Task PlacementWeights_WithAConflict_HasNoWcagViolations() =>
        browser.RunAsync(async page =>
        {
            await SignInPage.SignInAsync(page, "admin");
            await page.GetByRole(AriaRole.Navigation, new() { Name = "Hovedmenu", Exact = true })
                .GetByRole(AriaRole.Link, new() { Name = "Placeringsvægte", Exact = true }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Vægte for boligplacering", Level = 1, Exact = true })).ToBeVisibleAsync();
            var wastedBed = page.GetByLabel("Straf pr. tom seng", new() { Exact = true });
            var housed = page.GetByLabel("Point for at få en bolig", new() { Exact = true });
            await Axe.AssertNoViolationsAsync(page);

            // Meanwhile another administrator (here in another tab) changes a weight.
            var other = await page.Context.NewPageAsync();
            await other.GotoAsync(page.Url);
            await other.GetByLabel("Straf pr. tom seng", new() { Exact = true }).FillAsync("77");
            await other.GetByRole(AriaRole.Button, new() { Name = "Gem vægte", Exact = true }).ClickAsync();
            await Expect(other.GetByText(new Regex("^Version 1: "))).ToBeVisibleAsync();
            await other.CloseAsync();

            await housed.FillAsync("1234");
            await page.GetByRole(AriaRole.Button, new() { Name = "Gem vægte", Exact = true }).ClickAsync();

            await Expect(page.GetByRole(AriaRole.Alert).Filter(new() { HasText = "Der er problemer" })).ToContainTextAsync("Vægtene er ændret af en anden");
            await Expect(wastedBed).ToHaveAccessibleDescriptionAsync("Gemt af en anden: 77");
            await Expect(housed).ToHaveValueAsync("1234");
            await Axe.AssertNoViolationsAsync(page);

            // Gem vægte again saves this user's values over it, deliberately.
            await page.GetByRole(AriaRole.Button, new() { Name = "Gem vægte", Exact = true }).ClickAsync();
            await Expect(page.GetByText(new Regex("^Version 2: "))).ToBeVisibleAsync();
            await Expect(page.GetByRole(AriaRole.Alert)).ToHaveCountAsync(0);
            await Expect(housed).ToHaveValueAsync("1234");
        });

    [Fact]
    public Task PlacementRun_NothingTickedAndDecidedInAnotherTab_HasNoWcagViolations() =>
        browser.RunAsync(async page =>
        {
            await SignInPage.SignInAsync(page, "bolig");
            await page.GotoAsync(new Uri(browser.BaseAddress, "/Housing/Placement").ToString());
            await page.GetByRole(AriaRole.Button, new() { Name = "Find de bedste boliger", Exact = true }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Forslag til boligplacering", Level = 1, Exact = true })).ToBeVisibleAsync();
            var approve = page.GetByRole(AriaRole.Button, new() { Name = "Godkend valgte forslag", Exact = true });
            var summary = page.GetByRole(AriaRole.Alert).Filter(new() { HasText = "Der er problemer" });

            await approve.ClickAsync();
            await Expect(summary).ToContainTextAsync("Vælg de forslag, du vil godkende.");
            var first = page.GetByRole(AriaRole.Checkbox).First;
            await Expect(first).ToHaveAccessibleDescriptionAsync("Fejl: Vælg de forslag, du vil godkende.");
            await Axe.AssertNoViolationsAsync(page);

            // The first suggestion is approved in another tab before it is approved here.
            var name = (await first.GetAttributeAsync("id"))!;
            var other = await page.Context.NewPageAsync();
            await other.GotoAsync(page.Url);
            await other.Locator($"[id='{name}']").CheckAsync();
            await other.GetByRole(AriaRole.Button, new() { Name = "Godkend valgte forslag", Exact = true }).ClickAsync();
            await Expect(other.Locator($"[id='{name}']")).ToHaveCountAsync(0);
            await other.CloseAsync();

            await first.CheckAsync();
            await approve.ClickAsync();

            await Expect(summary).ToContainTextAsync("er lige blevet placeret af en anden. Se beslutningen nedenfor.");
            var told = summary.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("er lige blevet placeret af en anden") });
            await Expect(page.GetByText("Godkendt", new() { Exact = true })).ToHaveCountAsync(1);
            await Axe.AssertNoViolationsAsync(page);
            await told.ClickAsync();
            await Expect(page.Locator(".suggestion .form-error-message")).ToBeFocusedAsync();
        });

    [Fact]
    public Task PlacementRun_WithAnExclusion_AndAHouseholdPlacedFromAnotherRun_HasNoWcagViolations() =>
        browser.RunAsync(async page =>
        {
            await SignInPage.SignInAsync(page, "bolig");
            await page.GotoAsync(new Uri(browser.BaseAddress, "/Housing/Placement").ToString());
            await page.GetByRole(AriaRole.Button, new() { Name = "Find de bedste boliger", Exact = true }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Forslag til boligplacering", Level = 1, Exact = true })).ToBeVisibleAsync();
            var firstRun = page.Url;
            var households = await page.Locator("article.suggestion").EvaluateAllAsync<string[]>("all => all.map(a => a.dataset.household)");
            Assert.True(households.Length >= 2, $"Two suggestions were expected, there were {households.Length}.");
            var (excluded, placedElsewhere) = (households[0], households[1]);

            // She excludes the first household's suggested unit: the re-run lists the exclusion, to be taken back.
            var panel = page.Locator("details").Filter(new() { Has = page.Locator("summary", new() { HasTextRegex = new Regex($"^{Regex.Escape(excluded)}$") }) });
            await panel.Locator("summary").ClickAsync();
            await panel.GetByRole(AriaRole.Button, new() { Name = $"Udeluk denne bolig og kør igen – {excluded}", Exact = true }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Udelukkede boliger", Exact = true })).ToBeVisibleAsync();
            Assert.NotEqual(firstRun, page.Url);
            await Axe.AssertNoViolationsAsync(page);

            // Meanwhile the second household is placed from the first run (here in another tab).
            var other = await page.Context.NewPageAsync();
            await other.GotoAsync(firstRun);
            await other.GetByRole(AriaRole.Checkbox, new() { Name = $"Godkend dette forslag – {placedElsewhere}", Exact = true }).CheckAsync();
            await other.GetByRole(AriaRole.Button, new() { Name = "Godkend valgte forslag", Exact = true }).ClickAsync();
            await Expect(other.GetByText("Godkendt", new() { Exact = true })).ToHaveCountAsync(1);
            await other.CloseAsync();

            await page.ReloadAsync();
            await Expect(page.GetByText($"{placedElsewhere} venter ikke længere på en bolig", new() { Exact = false })).ToBeVisibleAsync();
            await Expect(page.GetByRole(AriaRole.Checkbox, new() { Name = $"Godkend dette forslag – {placedElsewhere}", Exact = true })).ToHaveCountAsync(0);
            await Axe.AssertNoViolationsAsync(page);

            await page.GetByRole(AriaRole.Button, new() { Name = $"Fjern udelukkelsen og kør igen – {excluded}", Exact = true }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Udelukkede boliger", Exact = true })).ToHaveCountAsync(0);
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Forslag til boligplacering", Level = 1, Exact = true })).ToBeVisibleAsync();
            await Axe.AssertNoViolationsAsync(page);
        });
}

using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Indgang.Browser.Tests;

/// <summary>
/// An override that breaks a placement rule is made only knowingly: the housing coordinator adds a small permanent
/// flat to the stock, runs the optimizer, and overrides Tesfay Gebremedhin (who waits for three family members by family
/// reunification, demo data) to it. The page asks first, beside the unit, naming the rule; she ticks »Placér alligevel«
/// and he is placed. Checked with axe-core on the page that asks. A class of its own: it adds a unit and places a demo
/// household.
/// </summary>
public sealed class PlacementOverrideJourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private const string Tesfay = "Tesfay Gebremedhin";
    private const string Flat = "Nr. 11, 1. tv.";
    private const string Reason = "Tesfay ønsker selv lejligheden; familien ventes først om et år.";

    [Fact]
    public Task Override_ToAPermanentFlatWithoutRoomForTheFamily_IsAskedAboutFirst_ThenPlacedAnyway() =>
        browser.RunAsync(async page =>
        {
            await SignInPage.SignInAsync(page, "bolig");
            await AddSmallPermanentFlatAsync(page);

            await page.GotoAsync("/Housing/Placement");
            await page.GetByRole(AriaRole.Button, new() { Name = "Find de bedste boliger", Exact = true }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Forslag til boligplacering", Level = 1, Exact = true })).ToBeVisibleAsync();
            var panel = page.Locator("details").Filter(new() { Has = page.Locator("summary", new() { HasTextRegex = new Regex($"^{Regex.Escape(Tesfay)}$") }) });
            await panel.Locator("summary").ClickAsync();
            await panel.GetByRole(AriaRole.Link, new() { Name = $"Vælg en anden bolig – {Tesfay}", Exact = true }).ClickAsync();
            var unit = panel.GetByLabel("Anden bolig", new() { Exact = true });
            await Expect(unit).ToBeVisibleAsync();
            var flat = (await unit.Locator("option").AllInnerTextsAsync()).Select(o => o.Trim()).Single(o => o.StartsWith($"{Flat}, ", StringComparison.Ordinal));
            await unit.SelectOptionAsync(new SelectOptionValue { Label = flat });
            await panel.GetByLabel("Begrundelse", new() { Exact = true }).FillAsync(Reason);
            var overrideButton = page.GetByRole(AriaRole.Button, new() { Name = $"Tilsidesæt og placér – {Tesfay}", Exact = true });
            await overrideButton.ClickAsync();

            var summary = page.GetByRole(AriaRole.Alert).Filter(new() { HasText = "Der er problemer" });
            await Expect(summary).ToContainTextAsync("den permanente bolig har ikke plads til familien, der er søgt familiesammenføring til");
            await Expect(unit).ToHaveAccessibleDescriptionAsync(new Regex($"^Fejl: {Regex.Escape(Tesfay)}: Boligen bryder reglerne for boligplacering for husstanden: "));
            await Expect(unit.Locator("option:checked")).ToHaveTextAsync(flat);
            await Expect(panel.GetByLabel("Begrundelse", new() { Exact = true })).ToHaveValueAsync(Reason);
            var anyway = panel.GetByRole(AriaRole.Checkbox, new() { Name = $"Placér alligevel – {Tesfay}", Exact = true });
            await Expect(anyway).Not.ToBeCheckedAsync();
            await Axe.AssertNoViolationsAsync(page);

            await anyway.CheckAsync();
            await overrideButton.ClickAsync();

            var suggestion = page.GetByRole(AriaRole.Article, new() { NameRegex = new Regex($"^{Regex.Escape(Tesfay)} → ") });
            await Expect(suggestion.GetByText("Tilsidesat", new() { Exact = true })).ToBeVisibleAsync();
            await Expect(suggestion).ToContainTextAsync(Reason);
            await Expect(page.GetByRole(AriaRole.Alert)).ToHaveCountAsync(0);
        });

    /// <summary>A permanent flat of one room and two beds, free from yesterday, on the stock page.</summary>
    private static async Task AddSmallPermanentFlatAsync(IPage page)
    {
        await page.GotoAsync("/Housing/Units/Edit");
        var site = page.GetByLabel("Boligsted", new() { Exact = true });
        await site.SelectOptionAsync(new SelectOptionValue { Index = 1 });
        await page.GetByLabel("Betegnelse", new() { Exact = true }).FillAsync(Flat);
        await page.GetByLabel("Værelser", new() { Exact = true }).FillAsync("1");
        await page.GetByLabel("Senge", new() { Exact = true }).FillAsync("2");
        await page.GetByLabel("Husleje pr. måned (kr.)", new() { Exact = true }).FillAsync("5200");
        await page.GetByLabel("Permanent bolig (ellers midlertidig)", new() { Exact = true }).CheckAsync();
        foreach (var (place, metres) in new[] { ("Station eller bus", "600"), ("Skole", "800"), ("Dagtilbud", "700"), ("Indkøb", "400") })
        {
            await page.GetByLabel(place, new() { Exact = true }).FillAsync(metres);
        }

        await page.GetByLabel("Ledig fra", new() { Exact = true }).FillAsync(DateOnly.FromDateTime(DateTime.Now).AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await page.GetByRole(AriaRole.Button, new() { Name = "Gem bolig", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Alert)).ToHaveCountAsync(0);
    }
}

using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Indgang.Browser.Tests;

/// <summary>
/// Below 992 px (a phone, a tablet upright, a browser window beside another on a laptop) DKFDS hides the main menu and
/// the user line with "Log af". The "Menu" button opens them in a drawer; wide tables scroll in their own box, not the
/// page. Checked with axe-core at a phone's width, the drawer open and closed.
/// </summary>
public sealed class NarrowScreenTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private const int PhoneWidth = 390;

    [Fact]
    public Task MenuButton_OpensTheMainMenuAndLogOff_AndClosesAgain() =>
        browser.RunAsync(async page =>
        {
            await page.SetViewportSizeAsync(PhoneWidth, 844);
            await SignInPage.SignInAsync(page, "bolig");
            var drawer = page.GetByRole(AriaRole.Dialog, new() { Name = "Menu", Exact = true });
            var menuButton = page.GetByRole(AriaRole.Button, new() { Name = "Menu", Exact = true });
            await Expect(MainMenu(page)).ToHaveCountAsync(0);
            await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Log af", Exact = true })).ToHaveCountAsync(0);
            await Expect(drawer).ToBeHiddenAsync();
            await Axe.AssertNoViolationsAsync(page);

            await menuButton.ClickAsync();
            await Expect(drawer).ToBeVisibleAsync();
            var close = drawer.GetByRole(AriaRole.Button, new() { Name = "Luk menuen", Exact = true });
            await Expect(close).ToBeFocusedAsync();
            await Expect(drawer).ToContainTextAsync("Hanne Friis");
            await Expect(drawer.GetByRole(AriaRole.Button, new() { Name = "Log af", Exact = true })).ToBeVisibleAsync();
            await Expect(MainMenu(page).GetByRole(AriaRole.Link)).ToHaveTextAsync(["Forside", "Boliger", "Notifikationer"]);
            await Axe.AssertNoViolationsAsync(page);

            // Escape closes it and gives the focus back to the button that opened it.
            await page.Keyboard.PressAsync("Escape");
            await Expect(drawer).ToBeHiddenAsync();
            await Expect(menuButton).ToBeFocusedAsync();

            await menuButton.ClickAsync();
            await MainMenu(page).GetByRole(AriaRole.Link, new() { Name = "Boliger", Exact = true }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Boliger", Level = 1, Exact = true })).ToBeVisibleAsync();
            await Expect(drawer).ToBeHiddenAsync();

            await menuButton.ClickAsync();
            await drawer.GetByRole(AriaRole.Button, new() { Name = "Log af", Exact = true }).ClickAsync();
            await Expect(SignInPage.Heading(page)).ToBeVisibleAsync();
            await Expect(menuButton).ToHaveCountAsync(0);
        });

    [Fact]
    public Task WideTables_ScrollInTheirOwnBox_NotThePage() =>
        browser.RunAsync(async page =>
        {
            await page.SetViewportSizeAsync(PhoneWidth, 844);
            await SignInPage.SignInAsync(page, "bolig");
            foreach (var (path, heading) in new[]
            {
                ("/", "Velkommen, Hanne Friis"),
                ("/Housing", "Boliger"),
                ("/Housing/Forecast", "Kapacitetsprognose for midlertidige boliger"),
                ("/Housing/Pipeline", "Vejen til permanent bolig"),
            })
            {
                await page.GotoAsync(path);
                await Expect(page.GetByRole(AriaRole.Heading, new() { Name = heading, Level = 1, Exact = true })).ToBeVisibleAsync();
                var widths = await page.EvaluateAsync<int[]>(
                    "() => [document.documentElement.scrollWidth, document.documentElement.clientWidth, " +
                    "Math.max(...[...document.querySelectorAll('table')].map(t => t.scrollWidth))]");
                Assert.True(widths[2] > PhoneWidth, $"{path}: no table is wider than the screen ({widths[2]} px), so this proves nothing.");
                Assert.True(widths[0] <= widths[1], $"{path}: the page is {widths[0]} px wide on a {widths[1]} px screen.");
                await Axe.AssertNoViolationsAsync(page);
            }
        });

    [Fact]
    public Task WideTables_OnPaper_AreNotCutAtTheirScrollBox() =>
        browser.RunAsync(async page =>
        {
            await page.SetViewportSizeAsync(PhoneWidth, 844);
            await SignInPage.SignInAsync(page, "bolig");
            await page.GotoAsync("/Housing");
            var box = page.Locator(".table--responsive-scroll").Filter(new() { Has = page.Locator("table.housing-stock") });
            Assert.Equal("auto", await box.EvaluateAsync<string>("b => getComputedStyle(b).overflowX"));

            await page.EmulateMediaAsync(new() { Media = Media.Print });

            Assert.Equal("visible", await box.EvaluateAsync<string>("b => getComputedStyle(b).overflowX"));
        });

    /// <summary>Every page each user's menu leads to, at a phone's width: no sideways scrolling of the page, and axe clean.</summary>
    [Theory]
    [InlineData("koordinator")]
    [InlineData("sekretariat")]
    [InlineData("bolig")]
    [InlineData("frivillig")]
    [InlineData("leder")]
    [InlineData("admin")]
    public Task EveryMenuPage_FitsAPhone_WithoutWcagViolations(string user) =>
        browser.RunAsync(async page =>
        {
            await page.SetViewportSizeAsync(PhoneWidth, 844);
            await SignInPage.SignInAsync(page, user);
            await page.GetByRole(AriaRole.Button, new() { Name = "Menu", Exact = true }).ClickAsync();
            var links = MainMenu(page).GetByRole(AriaRole.Link);
            await Expect(links.First).ToBeVisibleAsync();
            var paths = new List<string>();
            foreach (var link in await links.AllAsync())
            {
                paths.Add((await link.GetAttributeAsync("href"))!);
            }

            Assert.True(paths.Count >= 2, $"{user}'s menu has {paths.Count} item(s).");
            foreach (var path in paths)
            {
                await page.GotoAsync(path);
                await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToBeVisibleAsync();
                var (wide, screen) = await WidthsAsync(page);
                Assert.True(wide <= screen, $"{user} {path}: the page is {wide} px wide on a {screen} px screen.");
                await Axe.AssertNoViolationsAsync(page);
            }
        }, $"{nameof(EveryMenuPage_FitsAPhone_WithoutWcagViolations)}-{user}");

    private static async Task<(int Page, int Screen)> WidthsAsync(IPage page)
    {
        var widths = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]");
        return (widths[0], widths[1]);
    }

    private static ILocator MainMenu(IPage page) => page.GetByRole(AriaRole.Navigation, new() { Name = "Hovedmenu", Exact = true });
}

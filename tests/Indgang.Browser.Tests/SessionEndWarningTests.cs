using System.Globalization;
using System.Text.RegularExpressions;
using static Microsoft.Playwright.Assertions;

namespace Indgang.Browser.Tests;

/// <summary>
/// A page left open says by itself, without a reload or a request, at what time the session ends at its absolute limit
/// (8 hours after the sign-in), from 15 minutes before (README, Sessions). The page's clock is Playwright's, moved on by
/// the test; the server's is real.
/// </summary>
public sealed partial class SessionEndWarningTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public Task APageLeftOpen_WarnsByItself_WhenTheLastQuarterHourBegins() =>
        browser.RunAsync(async page =>
        {
            await page.Clock.InstallAsync();
            var before = TimeProvider.System.GetLocalNow();
            await SignInPage.SignInAsync(page, "koordinator");
            var after = TimeProvider.System.GetLocalNow();
            await PageLoad.CompleteAsync(page);
            var requests = 0;
            page.Request += (_, _) => requests++;
            var warning = page.Locator("#session-end[aria-live=polite]").GetByTestId("session-end-alert");

            await page.Clock.FastForwardAsync("07:43:00");
            await Expect(warning).ToHaveCountAsync(0);
            await page.Clock.FastForwardAsync("00:02:00");

            await Expect(warning).ToBeVisibleAsync();
            // As Danish writes a time of day: "kl. 16.42".
            var text = await warning.InnerTextAsync();
            var at = Warning().Match(text);
            Assert.True(at.Success, text);
            Assert.Contains(at.Groups["at"].Value, new[] { before, after }.Select(t => t.AddHours(8).ToString("HH:mm", CultureInfo.GetCultureInfo("da-DK"))));
            Assert.Equal(0, requests);
            await Axe.AssertNoViolationsAsync(page);
        });

    [GeneratedRegex(@"^Du bliver logget ud kl\. (?<at>\d\d\.\d\d), 8 timer efter du loggede ind\. Gem det, du er i gang med, og log ind igen\.$")]
    private static partial Regex Warning();
}

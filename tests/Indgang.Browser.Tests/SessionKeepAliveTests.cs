using Microsoft.Playwright;

namespace Indgang.Browser.Tests;

/// <summary>
/// One who types in a form keeps the session (README, Sessions): the page's script posts to /Account/KeepAlive at most once
/// a minute while anything is typed, so a long note written under the idle limit is not lost at its submit. The page's
/// clock is Playwright's, moved on by the test; the server's answers are real.
/// </summary>
public sealed class SessionKeepAliveTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public Task TypingInAForm_KeepsTheSession_AtMostOnceAMinute() =>
        browser.RunAsync(async page =>
        {
            await page.Clock.InstallAsync();
            await SignInPage.SignInAsync(page, "koordinator");
            var kept = new List<IResponse>();
            page.Response += (_, response) =>
            {
                if (response.Url.EndsWith("/Account/KeepAlive", StringComparison.Ordinal))
                {
                    kept.Add(response);
                }
            };
            var search = page.GetByLabel("Søg efter husstand", new() { Exact = true });

            // Typing within the first minute of the page sends nothing: the page's own request renewed the session.
            await search.PressSequentiallyAsync("Ha");
            await page.Clock.FastForwardAsync("01:01");
            var keepAlive = page.WaitForResponseAsync(r => r.Url.EndsWith("/Account/KeepAlive", StringComparison.Ordinal));
            await search.PressSequentiallyAsync("dd");
            var response = await keepAlive;

            Assert.Equal("POST", response.Request.Method);
            Assert.Equal(204, response.Status);
            Assert.Single(kept);
        });
}

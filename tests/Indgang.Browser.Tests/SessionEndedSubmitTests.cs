using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Indgang.Browser.Tests;

/// <summary>
/// What the user typed stays in the form when the session has ended (README, Sessions): a POST form sent after the page's
/// count of its session's end is stopped, the text stays, and the page says why and how to go on; signed in again in
/// another tab, the same button sends it. The page's clock is Playwright's, moved on by the test; the server's is real,
/// and learns the session has ended as a browser tells it, by the sign-in cookie being gone.
/// </summary>
public sealed class SessionEndedSubmitTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private const string Note = "Ringede til familien om tolk til mødet på torsdag.";

    [Fact]
    public Task ANoteSentAfterTheIdleLimit_StaysInTheForm_AndIsSavedAfterSigningInAgainInAnotherTab() =>
        browser.RunAsync(async page =>
        {
            await page.Clock.InstallAsync();
            await SignInPage.SignInAsync(page, "koordinator");
            var households = page.GetByRole(AriaRole.Region, new() { Name = "Mine husstande", Exact = true });
            await households.GetByRole(AriaRole.Table).GetByRole(AriaRole.Link).First.ClickAsync();
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Journal", Level = 2, Exact = true })).ToBeVisibleAsync();
            await PageLoad.CompleteAsync(page);
            var household = SignInPage.CurrentPath(page);
            var text = page.GetByLabel("Nyt notat", new() { Exact = true });
            await text.FillAsync(Note);
            var save = page.GetByRole(AriaRole.Button, new() { Name = "Gem notat", Exact = true });

            await page.Clock.FastForwardAsync("31:00");
            await page.Context.ClearCookiesAsync(new() { Name = "indgang.auth" });
            await save.ClickAsync();

            var alert = page.Locator("#session-end[aria-live=polite]").GetByTestId("session-ended-alert");
            await Expect(alert).ToBeVisibleAsync();
            await Expect(alert).ToContainTextAsync("Du er blevet logget ud, fordi du ikke har brugt Indgang i 30 minutter.");
            await Expect(alert).ToContainTextAsync("Det, du har skrevet, står her stadig. Log ind i en ny fane, og tryk derefter på knappen igen.");
            await Expect(alert).ToBeFocusedAsync();
            Assert.Equal(household, SignInPage.CurrentPath(page));
            await Expect(text).ToHaveValueAsync(Note);
            var signIn = alert.GetByRole(AriaRole.Link, new() { Name = "Log ind i en ny fane", Exact = true });
            await Expect(signIn).ToHaveAttributeAsync("href", SignInPage.Path);
            await Expect(signIn).ToHaveAttributeAsync("target", "_blank");
            await Expect(signIn).ToHaveAttributeAsync("rel", "noopener");
            await Axe.AssertNoViolationsAsync(page);

            // The old page's antiforgery token holds for the same user's new sign-in: the note is saved, not refused.
            var tab = await page.Context.NewPageAsync();
            await SignInPage.SignInAsync(tab, "koordinator");
            await page.BringToFrontAsync();
            await save.ClickAsync();

            await Expect(page.Locator(".journal-note .journal-text").Filter(new() { HasTextString = Note })).ToBeVisibleAsync();
            Assert.Equal(household, SignInPage.CurrentPath(page));
            await Expect(page.GetByTestId("session-ended-alert")).ToHaveCountAsync(0);
        });
}

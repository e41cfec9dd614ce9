using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Indgang.Browser.Tests;

public sealed class SignInTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    /// <summary>The households the demo data gives Mette Holm (koordinator).</summary>
    private static readonly string[] CoordinatorHouseholds = ["Familien Haddad", "Tesfay Gebremedhin", "Familien Kovalenko", "Familien Sharifi"];

    [Fact]
    public Task SignIn_CoordinatorWithCorrectPassword_ShowsWelcomeOwnHouseholdsAndName() =>
        browser.RunAsync(async page =>
        {
            await SignInPage.SignInAsync(page, "koordinator");

            Assert.Equal("/", SignInPage.CurrentPath(page));
            var heading = page.GetByRole(AriaRole.Heading, new() { Level = 1 });
            await Expect(heading).ToContainTextAsync("Velkommen");
            await Expect(heading).ToContainTextAsync("Mette Holm");

            var households = page.GetByRole(AriaRole.Region, new() { Name = "Mine husstande", Exact = true }).GetByRole(AriaRole.Table);
            foreach (var household in CoordinatorHouseholds)
            {
                await Expect(households.GetByRole(AriaRole.Link, new() { Name = household, Exact = true })).ToBeVisibleAsync();
            }

            await Expect(page.GetByRole(AriaRole.Banner)).ToContainTextAsync("Mette Holm");
        });

    [Fact]
    public Task LogOff_SignedInCoordinator_ReturnsToLoginPageAndStartPageNeedsSignInAgain() =>
        browser.RunAsync(async page =>
        {
            await SignInPage.SignInAsync(page, "koordinator");

            await page.GetByRole(AriaRole.Button, new() { Name = "Log af", Exact = true }).ClickAsync();

            await Expect(SignInPage.Heading(page)).ToBeVisibleAsync();
            Assert.Equal(SignInPage.Path, SignInPage.CurrentPath(page));
            await Expect(page.GetByRole(AriaRole.Banner)).Not.ToContainTextAsync("Mette Holm");

            var response = await page.GotoAsync("/");

            Assert.NotNull(response);
            Assert.Equal(SignInPage.Path, SignInPage.CurrentPath(page));
            Assert.Equal("?ReturnUrl=%2F", new Uri(page.Url).Query);
            await Expect(SignInPage.Heading(page)).ToBeVisibleAsync();
        });

    [Fact]
    public Task SignIn_WrongPassword_ShowsDanishErrorSummaryAndKeepsUserName() =>
        browser.RunAsync(async page =>
        {
            await SignInPage.SubmitAsync(page, "leder", "Forkert-9876");

            var summary = SignInPage.ErrorSummary(page);
            await Expect(summary).ToBeVisibleAsync();
            await Expect(summary).ToContainTextAsync("Brugernavn eller adgangskode er forkert.");
            await Expect(SignInPage.UserName(page)).ToHaveValueAsync("leder");
            await Expect(SignInPage.Password(page)).ToHaveValueAsync("");
            await Expect(SignInPage.Heading(page)).ToBeVisibleAsync();
            Assert.Equal(SignInPage.Path, SignInPage.CurrentPath(page));
            await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Log af", Exact = true })).ToHaveCountAsync(0);
        });
}

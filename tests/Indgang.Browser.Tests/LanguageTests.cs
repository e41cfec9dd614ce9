using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Indgang.Browser.Tests;

public sealed class LanguageTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public Task LanguageSwitch_EnglishOnLoginPage_PageIsInEnglish() =>
        browser.RunAsync(async page =>
        {
            await page.GotoAsync(SignInPage.Path);
            await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "da");

            await page.GetByRole(AriaRole.Button, new() { Name = "English", Exact = true }).ClickAsync();

            await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Sign in", Level = 1 })).ToBeVisibleAsync();
            await Expect(page.GetByLabel("User name")).ToBeVisibleAsync();
            // The switch now offers the way back, and the user stays on the login page.
            await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Dansk", Exact = true })).ToBeVisibleAsync();
            Assert.Equal(SignInPage.Path, SignInPage.CurrentPath(page));
        });

    [Fact]
    public Task LanguageSwitch_BackToDanish_PageIsInDanishAgain() =>
        browser.RunAsync(async page =>
        {
            await page.GotoAsync(SignInPage.Path);
            await page.GetByRole(AriaRole.Button, new() { Name = "English", Exact = true }).ClickAsync();
            await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");

            await page.GetByRole(AriaRole.Button, new() { Name = "Dansk", Exact = true }).ClickAsync();

            await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "da");
            await Expect(SignInPage.Heading(page)).ToBeVisibleAsync();
        });
}

using Microsoft.Playwright;

namespace Indgang.Browser.Tests;

/// <summary>axe-core finds no WCAG 2.0/2.1 level A or AA violations on the pages a user meets first.</summary>
public sealed class AccessibilityTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public Task LoginPage_Anonymous_HasNoWcagViolations() =>
        browser.RunAsync(async page =>
        {
            await page.GotoAsync(SignInPage.Path);
            await Assertions.Expect(SignInPage.Heading(page)).ToBeVisibleAsync();

            await Axe.AssertNoViolationsAsync(page);
        });

    [Fact]
    public Task LoginPage_WithErrorSummary_HasNoWcagViolations() =>
        browser.RunAsync(async page =>
        {
            await SignInPage.FailSignInAsync(page, "leder");

            await Axe.AssertNoViolationsAsync(page);
        });

    [Fact]
    public Task StartPage_Coordinator_HasNoWcagViolations() =>
        browser.RunAsync(async page =>
        {
            await SignInPage.SignInAsync(page, "koordinator");
            await Assertions.Expect(page.GetByRole(AriaRole.Region, new() { Name = "Mine husstande", Exact = true })).ToBeVisibleAsync();

            await Axe.AssertNoViolationsAsync(page);
        });
}

using System.Globalization;
using System.Text;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Indgang.Browser.Tests;

/// <summary>axe-core finds no WCAG 2.0/2.1 level A or AA violations on the pages a user meets first.</summary>
public sealed class AccessibilityTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private static readonly AxeRunOptions Wcag21AA = new()
    {
        RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
    };

    [Fact]
    public Task LoginPage_Anonymous_HasNoWcagViolations() =>
        browser.RunAsync(async page =>
        {
            await page.GotoAsync(SignInPage.Path);
            await Assertions.Expect(SignInPage.Heading(page)).ToBeVisibleAsync();

            await AssertNoViolationsAsync(page);
        });

    [Fact]
    public Task LoginPage_WithErrorSummary_HasNoWcagViolations() =>
        browser.RunAsync(async page =>
        {
            await SignInPage.FailSignInAsync(page, "leder");

            await AssertNoViolationsAsync(page);
        });

    [Fact]
    public Task StartPage_Coordinator_HasNoWcagViolations() =>
        browser.RunAsync(async page =>
        {
            await SignInPage.SignInAsync(page, "koordinator");
            await Assertions.Expect(page.GetByRole(AriaRole.Region, new() { Name = "Mine husstande", Exact = true })).ToBeVisibleAsync();

            await AssertNoViolationsAsync(page);
        });

    private static async Task AssertNoViolationsAsync(IPage page)
    {
        // Styles and scripts must have loaded, or colour contrast and the DKFDS components are judged half-built.
        await page.WaitForLoadStateAsync(LoadState.Load);
        var result = await page.RunAxe(Wcag21AA);
        Assert.True(result.Violations.Length == 0, Describe(page.Url, result.Violations));
    }

    /// <summary>One line per violation and one per element, so the failure says what to fix and where.</summary>
    private static string Describe(string url, AxeResultItem[] violations)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"axe-core found {violations.Length} WCAG violation(s) on {url}:");
        foreach (var violation in violations)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"- {violation.Id} [{violation.Impact}]: {violation.Help} ({violation.HelpUrl})");
            foreach (var node in violation.Nodes)
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"    at {node.Target}: {node.Html}");
                // What axe checked and found wrong: "fix any of" (Any), "fix all of" (All, None).
                foreach (var check in (node.Any ?? []).Concat(node.All ?? []).Concat(node.None ?? []))
                {
                    text.AppendLine(CultureInfo.InvariantCulture, $"      {check.Message}");
                }
            }
        }

        return text.ToString();
    }
}

using Microsoft.Playwright;

namespace Indgang.Browser.Tests;

/// <summary>Waiting for a page to have loaded its styles and scripts, asked of the page itself.</summary>
internal static class PageLoad
{
    /// <summary>
    /// Waits until the document's readyState is "complete". Not WaitForLoadStateAsync: the .NET client checks its load
    /// states and then subscribes to the event, and a load event delivered in between is lost, so the wait hangs until
    /// its timeout (microsoft/playwright-dotnet#3364 describes the same race in WaitForURLAsync; a sign-in in CI hung so,
    /// with only "NetworkIdle" logged).
    /// A function, not a bare expression: Playwright re-evaluates a bare expression with eval() on every poll, which the
    /// app's Content-Security-Policy (no 'unsafe-eval') refuses whenever the page is not complete at the first check
    /// (microsoft/playwright#7395); a function is compiled once, outside the page's CSP.
    /// </summary>
    public static Task CompleteAsync(IPage page) =>
        page.WaitForFunctionAsync("() => document.readyState === 'complete'");
}

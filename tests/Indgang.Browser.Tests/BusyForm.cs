using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Indgang.Browser.Tests;

/// <summary>
/// A form that takes a while (<c>data-busy-text</c>) says so on its button, and a second click does not send it again.
/// Checked without leaving the page: a listener after the page's own stops the submission and counts those the page let
/// through.
/// </summary>
internal static class BusyForm
{
    /// <summary>Clicks <paramref name="button"/>, then the busy button once more; how many submissions the page let through.</summary>
    public static async Task<int> SubmissionsOfTwoClicksAsync(IPage page, string button, string busyButton)
    {
        await page.EvaluateAsync("""
            () => {
                window.submissionsLetThrough = 0;
                document.querySelector('form[data-busy-text]').addEventListener('submit', event => {
                    if (!event.defaultPrevented) { window.submissionsLetThrough++; }
                    event.preventDefault();
                });
            }
            """);
        await page.GetByRole(AriaRole.Button, new() { Name = button, Exact = true }).ClickAsync();
        var busy = page.GetByRole(AriaRole.Button, new() { Name = busyButton, Exact = true });
        await Expect(busy).ToHaveAttributeAsync("aria-disabled", "true");
        await busy.ClickAsync(new() { Force = true });
        return await page.EvaluateAsync<int>("() => window.submissionsLetThrough");
    }
}

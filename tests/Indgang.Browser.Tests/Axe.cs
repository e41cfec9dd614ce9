using System.Globalization;
using System.Text;
using Deque.AxeCore.Commons;
using Microsoft.Playwright;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Indgang.Browser.Tests;

/// <summary>The accessibility check every browser test shares: axe-core with the WCAG 2.0/2.1 level A and AA rules.</summary>
internal static class Axe
{
    private static readonly AxeRunOptions Wcag21AA = new()
    {
        RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
    };

    private static readonly string RunOptions = JsonConvert.SerializeObject(Wcag21AA, AxeJsonSerializerSettings.Default);

    private static readonly Lazy<string> AxeScript = new(() => new BundledAxeScriptProvider().GetScript());

    /// <summary>Fails with one line per violation and per element when axe-core finds anything on the page as it is now.</summary>
    public static async Task AssertNoViolationsAsync(IPage page)
    {
        // Styles and scripts must have loaded, or colour contrast and the DKFDS components are judged half-built.
        await PageLoad.CompleteAsync(page);
        var result = await RunAsync(page);
        Assert.True(result.Violations.Length == 0, Describe(page.Url, result.Violations));
    }

    /// <summary>
    /// axe-core's own run, in the page, on the whole document, with the axe-core script the package bundles. Not the
    /// package's RunAxe: for its support of iframes (the app has none) it opens a new browser page for every check to put
    /// the results together, about 1.2 s of each check on this machine against 0.2 s for axe's run itself; and its
    /// in-page mode (RunAxeLegacy) is marked for removal.
    /// </summary>
    private static async Task<AxeResult> RunAsync(IPage page)
    {
        if (!await page.EvaluateAsync<bool>("() => typeof window.axe === 'object'"))
        {
            await page.EvaluateAsync(AxeScript.Value);
        }

        // Handed over as axe's JSON: objects shared within the results would come back from Playwright as references.
        var result = await page.EvaluateAsync<string>("options => window.axe.run(document, JSON.parse(options)).then(JSON.stringify)", RunOptions);
        return new AxeResult(JObject.Parse(result));
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

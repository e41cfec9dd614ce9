using System.Net;
using System.Text.RegularExpressions;

namespace Indgang.Web.Tests.Infrastructure;

/// <summary>
/// A form as a browser holds it after opening the page: its antiforgery token and the hidden fields it rendered (a
/// version, say), posted back later with what the user typed, as the browser would, however long after it was opened.
/// Two opened forms posted with <see cref="Task.WhenAll(Task[])"/> are two people pressing Gem at the same moment.
/// </summary>
public sealed partial class OpenedForm(Browser browser, string url, string token, IReadOnlyDictionary<string, string> hidden)
{
    /// <summary>The hidden fields the page rendered in its forms (the first of each name).</summary>
    public IReadOnlyDictionary<string, string> Hidden { get; } = hidden;

    public static async Task<OpenedForm> OpenAsync(Browser browser, string url, string? postUrl = null)
    {
        ArgumentNullException.ThrowIfNull(browser);
        return Of(browser, postUrl ?? url, await browser.GetPageAsync(url));
    }

    /// <summary>The form of a page the browser was answered with, e.g. the form shown again after an edit conflict.</summary>
    public static OpenedForm Of(Browser browser, string postUrl, string html)
    {
        var hidden = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (Match match in HiddenInput().Matches(html))
        {
            var name = match.Groups["name"].Value;
            if (name != "__RequestVerificationToken")
            {
                hidden.TryAdd(name, WebUtility.HtmlDecode(match.Groups["value"].Value));
            }
        }

        return new OpenedForm(browser, postUrl, Browser.AntiforgeryToken(html), hidden);
    }

    /// <summary>Posts the hidden fields with the typed ones (which win); answers the status and the decoded page.</summary>
    public async Task<(HttpStatusCode Status, string Html)> PostAsync(IEnumerable<KeyValuePair<string, string>> typed)
    {
        var fields = Hidden.Where(h => typed.All(t => t.Key != h.Key)).Concat(typed).ToList();
        fields.Add(new("__RequestVerificationToken", token));
        using var content = new FormUrlEncodedContent(fields);
        using var response = await browser.Client.PostAsync(new Uri(url, UriKind.Relative), content);
        return (response.StatusCode, WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
    }

    [GeneratedRegex("<input type=\"hidden\" name=\"(?<name>[^\"]+)\" value=\"(?<value>[^\"]*)\"")]
    private static partial Regex HiddenInput();
}

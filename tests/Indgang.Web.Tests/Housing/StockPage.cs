using AngleSharp.Html.Parser;
using Indgang.Web.Tests.Infrastructure;

namespace Indgang.Web.Tests.Housing;

/// <summary>The stock list (/Housing) as the housing coordinator sees it, filtered through its query string.</summary>
internal static class StockPage
{
    private static readonly HtmlParser Parser = new();

    /// <summary>The page with the filter fields given (field name without "Filter.", value as typed).</summary>
    public static Task<string> FilteredAsync(this Browser browser, params (string Field, string Value)[] fields) =>
        browser.GetPageAsync(Url(fields));

    public static string Url(params (string Field, string Value)[] fields) =>
        "/Housing" + (fields.Length == 0 ? "" : "?" + string.Join('&', fields.Select(f => $"Filter.{f.Field}={Uri.EscapeDataString(f.Value)}")));

    /// <summary>The labels of the units in the unit table, in its order; none when the table is not there.</summary>
    public static IReadOnlyList<string> Units(string html) =>
        Parser.ParseDocument(html).QuerySelectorAll("table.housing-stock tbody tr").Select(r => r.GetAttribute("data-unit")!).ToList();

    /// <summary>The text of the page element the CSS selector finds (decoded), or null.</summary>
    public static string? Text(string html, string selector) => Parser.ParseDocument(html).QuerySelector(selector)?.TextContent.Trim();

    /// <summary>An input's or a chosen option's value, as the page shows it back.</summary>
    public static string? Value(string html, string selector)
    {
        var element = Parser.ParseDocument(html).QuerySelector(selector);
        return element?.TagName == "SELECT" ? element.QuerySelector("option[selected]")?.GetAttribute("value") : element?.GetAttribute("value");
    }

    public static bool IsChecked(string html, string selector) => Parser.ParseDocument(html).QuerySelector(selector)?.HasAttribute("checked") ?? false;
}

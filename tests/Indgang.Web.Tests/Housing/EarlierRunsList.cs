using AngleSharp.Html.Parser;

namespace Indgang.Web.Tests.Housing;

/// <summary>The "Tidligere kørsler" list on the placement page, and a run page's suggestions, read as a user reads them.</summary>
internal static class EarlierRunsList
{
    private static readonly HtmlParser Parser = new();

    /// <summary>The runs listed, newest first.</summary>
    public static IReadOnlyList<Guid> Runs(string html) =>
        Parser.ParseDocument(html).QuerySelectorAll("table.placement-runs tbody tr").Select(r => Guid.Parse(r.GetAttribute("data-run")!)).ToList();

    /// <summary>The run's row, cell by cell (Kørt, Af, Planlægningsdato, Husstande, Resultat, Godkendt, Tilsidesat, Uden beslutning), or null.</summary>
    public static IReadOnlyList<string>? Row(string html, Guid run) =>
        Parser.ParseDocument(html).QuerySelector($"table.placement-runs tr[data-run='{run}']")?.QuerySelectorAll("td").Select(Text).ToList();

    /// <summary>Where the run's row links to.</summary>
    public static string? Link(string html, Guid run) =>
        Parser.ParseDocument(html).QuerySelector($"table.placement-runs tr[data-run='{run}'] a")?.GetAttribute("href");

    /// <summary>The whole section's text: its heading, the note or the empty state, and the table.</summary>
    public static string Section(string html)
    {
        var heading = Parser.ParseDocument(html).GetElementById("earlier-runs");
        var text = new List<string>();
        for (var element = heading; element is not null; element = element.NextElementSibling)
        {
            text.Add(Text(element));
        }

        return string.Join('\n', text);
    }

    /// <summary>The decision lines of a household's suggestion on a run page (empty when it has none).</summary>
    public static IReadOnlyList<string> DecisionLines(string html, Guid household) =>
        Parser.ParseDocument(html).QuerySelectorAll($"article[aria-labelledby='s-{household}'] .placement-decision p").Select(Text).ToList();

    private static string Text(AngleSharp.Dom.IElement element) => string.Join(' ', element.TextContent.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}

using System.Text.RegularExpressions;
using Indgang.Web.Tests.Infrastructure;

namespace Indgang.Web.Tests.Layout;

/// <summary>
/// A layout class the stylesheets do not define does nothing, silently: the numbers in the housing tables were meant to be
/// right-aligned by "text-align-right", which Det Fælles Designsystem calls "align-text-right". Classes of the design
/// system's utility families must exist in its stylesheet or in site.css. Other class names (hooks such as
/// "housing-stock" for tests and scripts) are free.
/// </summary>
public sealed partial class StylesheetClassTests
{
    [Fact]
    public void EveryUtilityClassTheViewsUse_IsDefinedInAStylesheet()
    {
        var css = string.Concat(
            File.ReadAllText(Path.Combine(SourceTree.WebProject, "wwwroot", "lib", "dkfds", "css", "dkfds.min.css")),
            File.ReadAllText(Path.Combine(SourceTree.WebProject, "wwwroot", "css", "site.css")));
        var used = SourceTree.WebSourceFiles()
            .SelectMany(file => ClassAttribute().Matches(File.ReadAllText(file))
                .SelectMany(m => m.Groups["names"].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                .Select(name => (Name: name, File: Path.GetRelativePath(SourceTree.WebProject, file))))
            .Where(c => UtilityFamily().IsMatch(c.Name))
            .ToList();

        var undefined = used
            .Where(c => !Regex.IsMatch(css, $@"\.{Regex.Escape(c.Name)}(?![\w-])"))
            .Select(c => $"{c.Name} ({c.File})")
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();

        Assert.True(used.Count > 50, $"Only {used.Count} utility classes found: the search for class attributes has stopped working.");
        Assert.True(undefined.Count == 0, $"Classes no stylesheet defines:{Environment.NewLine}{string.Join(Environment.NewLine, undefined)}");
    }

    /// <summary>class="…" in a view, or class=\"…\" in C#; a value with Razor (@) in it is left out.</summary>
    [GeneratedRegex(@"class=\\?""(?<names>[^""@{}\\]*)\\?""")]
    private static partial Regex ClassAttribute();

    /// <summary>The design system's utility families: alignment, display, flex, grid columns, spacing, buttons, tables.</summary>
    [GeneratedRegex(@"^(align-text-|align-items-|align-self-|justify-content-|d-|flex-|col(-|$)|row$|[mp][trblxy]?-\d|button|table|text-|font-|mb-|mt-)")]
    private static partial Regex UtilityFamily();
}

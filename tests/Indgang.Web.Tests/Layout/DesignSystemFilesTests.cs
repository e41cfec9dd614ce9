using System.Net;
using System.Text.RegularExpressions;
using Indgang.Tests.Hosting;
using Indgang.Web.Tests.Infrastructure;

namespace Indgang.Web.Tests.Layout;

/// <summary>
/// The build copies only part of the design system's package (DesignSystem.targets): the stylesheet and script the layout
/// loads and what that stylesheet names. Every icon, image and font the served stylesheet names is served with a body,
/// so that none of them is left behind by that choice (a missing icon is an empty box in the page, a missing font a
/// fallback one), and what the app does not use is not served.
/// </summary>
public sealed partial class DesignSystemFilesTests(IndgangAppFactory factory) : IClassFixture<IndgangAppFactory>
{
    private const string Stylesheet = "/lib/dkfds/css/dkfds.min.css";

    [Fact]
    public async Task EveryFileTheStylesheetNames_IsServed()
    {
        using var browser = Browser.For(factory);
        var css = await browser.GetPageAsync(Stylesheet);
        var named = UrlInStylesheet().Matches(css)
            .Select(m => m.Groups["url"].Value.Trim('\'', '"'))
            .Where(u => !u.StartsWith("data:", StringComparison.Ordinal))
            .Select(u => new Uri(new Uri("http://indgang" + Stylesheet), u.Split('?', '#')[0]).AbsolutePath)
            .Distinct(StringComparer.Ordinal)
            .ToList();

        var missing = new List<string>();
        foreach (var path in named)
        {
            using var response = await browser.GetAsync(path);
            if (response.StatusCode != HttpStatusCode.OK || (await response.Content.ReadAsByteArrayAsync()).Length == 0)
            {
                missing.Add($"{path}: {(int)response.StatusCode}");
            }
        }

        Assert.True(named.Count > 100, $"The stylesheet names only {named.Count} files: is it the design system's?");
        Assert.True(missing.Count == 0, "Named by the design system's stylesheet but not served:\n" + string.Join('\n', missing));
    }

    [Theory]
    [InlineData("/lib/dkfds/css/dkfds.css")]
    [InlineData("/lib/dkfds/css/dkfds-borgerdk.min.css")]
    [InlineData("/lib/dkfds/fonts/IBMPlexSans/split/woff2/IBMPlexSans-Regular-Latin1.woff2")]
    [InlineData("/lib/dkfds/fonts/IBMPlexSans/complete/woff2/IBMPlexSans-Thin.woff2")]
    public async Task FilesOfThePackageTheAppDoesNotUse_AreNotServed(string path)
    {
        using var browser = Browser.For(factory);
        using var response = await browser.GetAsync(path);

        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
    }

    [GeneratedRegex(@"url\((?<url>[^)]+)\)")]
    private static partial Regex UrlInStylesheet();
}

using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Indgang.Web.Tests.Housing;
using Indgang.Web.Tests.Infrastructure;

namespace Indgang.Web.Tests.Api;

/// <summary>One page of a paged list endpoint as a client reads it: the rows (a JSON array), X-Total-Count and the Link header's pages by rel.</summary>
internal sealed record PagedAnswer<T>(List<T> Rows, int TotalCount, IReadOnlyDictionary<string, string> Links);

/// <summary>Reads paged list endpoints (/api/v1) as a client does, and walks their pages by the Link header's next.</summary>
internal static partial class PagedApi
{
    public static async Task<PagedAnswer<T>> GetPagedAsync<T>(this Browser browser, string url)
    {
        using var response = await browser.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
        var rows = JsonSerializer.Deserialize<List<T>>(await response.Content.ReadAsStringAsync(), HousingApi.Json)!;
        var total = int.Parse(Assert.Single(response.Headers.GetValues("X-Total-Count")), CultureInfo.InvariantCulture);
        return new PagedAnswer<T>(rows, total, Links(string.Join(", ", response.Headers.GetValues("Link"))));
    }

    /// <summary>Every page from <paramref name="url"/> on, by each page's next link, until a page has none.</summary>
    public static async Task<List<PagedAnswer<T>>> WalkAsync<T>(this Browser browser, string url)
    {
        var pages = new List<PagedAnswer<T>> { await browser.GetPagedAsync<T>(url) };
        while (pages[^1].Links.TryGetValue("next", out var next))
        {
            Assert.True(pages.Count < 100, "The next links do not end.");
            pages.Add(await browser.GetPagedAsync<T>(next));
        }

        return pages;
    }

    /// <summary>A Link header's addresses by their rel (RFC 8288: <c>&lt;url&gt;; rel="next", …</c>); each rel once.</summary>
    public static Dictionary<string, string> Links(string header) =>
        LinkValue().Matches(header).ToDictionary(m => m.Groups["rel"].Value, m => m.Groups["url"].Value, StringComparer.Ordinal);

    [GeneratedRegex("<(?<url>[^>]*)>;\\s*rel=\"(?<rel>[^\"]*)\"")]
    private static partial Regex LinkValue();
}

using System.Globalization;
using Indgang.Web.Platform.Paging;
using Microsoft.Extensions.Primitives;

namespace Indgang.Web.Features.Api;

/// <summary>
/// The <c>Link</c> header (RFC 8288) of a page of a list endpoint: the first, previous, next and last pages, each the
/// request's own path and query with only <c>page</c> and <c>pageSize</c> set anew (last, so a filter stays as sent).
/// First and last are always there (the last of an empty list is page 1); prev only after page 1, and from a page past
/// the last it is the last, not the empty page before; next only before the last.
/// </summary>
internal static class ApiPageLinks
{
    public static string For(string path, IEnumerable<KeyValuePair<string, StringValues>> query, ApiPage page, int totalCount)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(page);
        var kept = query.Where(q => !IsPagingParameter(q.Key)).ToList();
        var last = Pagination.Of(null, page.Size, totalCount).PageCount;
        var links = new List<(string Rel, int Page)> { ("first", 1) };
        if (page.Number > 1)
        {
            links.Add(("prev", Math.Min(page.Number - 1, last)));
        }

        if (page.Number < last)
        {
            links.Add(("next", page.Number + 1));
        }

        links.Add(("last", last));
        return string.Join(", ", links.Select(l => $"<{path}{Query(kept, l.Page, page.Size)}>; rel=\"{l.Rel}\""));
    }

    /// <summary>The query binder reads names without regard to case: "Page=3" is the page too, and is replaced.</summary>
    private static bool IsPagingParameter(string name) =>
        string.Equals(name, ApiPage.PageParameter, StringComparison.OrdinalIgnoreCase) || string.Equals(name, ApiPage.SizeParameter, StringComparison.OrdinalIgnoreCase);

    private static QueryString Query(List<KeyValuePair<string, StringValues>> kept, int page, int size) =>
        QueryString.Create(kept.Append(new(ApiPage.PageParameter, page.ToString(CultureInfo.InvariantCulture)))
            .Append(new(ApiPage.SizeParameter, size.ToString(CultureInfo.InvariantCulture))));
}

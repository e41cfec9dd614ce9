using System.Globalization;
using Indgang.Web.Platform.Paging;
using Microsoft.AspNetCore.WebUtilities;

namespace Indgang.Web.Features.Housing;

/// <summary>
/// The pipeline page's address as it stands: the moves of every year shown or not (<c>alle</c>), the order
/// (<c>sortering</c>), the search (<c>soeg</c>: words of a household's or a member's name, never a CPR number, see
/// <see cref="Dashboard.HouseholdSearch"/>) and the page of each table (<see cref="PipelineListKind.PageName"/>). Every
/// link and form on the page keeps it, and a step taken comes back to it; the defaults (the last year's moves, by name, no
/// search, the first pages) are left out.
/// </summary>
public sealed record PipelineAddress(bool All, bool ByDays, int UnderwayPage = 1, int MovedPage = 1, string? Search = null)
{
    public const string Path = "/Housing/Pipeline";

    /// <summary>The search's name in the address.</summary>
    public const string SearchName = "soeg";

    /// <summary>Why a search is not kept ("cpr": it held a CPR number), after the page has taken it out of the address.</summary>
    public const string SearchErrorName = "soegFejl";

    /// <summary>The household chosen for the forms (<see cref="ChosenHref"/>); a household's case links to the page with it too.</summary>
    public const string ChosenName = "household";

    /// <summary>
    /// The address as it came, read the one way the pipeline page and the pages opened from it (a correction's page:
    /// <see cref="At"/>, to go back) read it: "alle" is "true" or not, a page number is read as the pagination reads it
    /// (text that is no number is the first page), and not yet held to the pages there are — the page shown then is the
    /// nearest that exists. A search that holds a CPR number is no search.
    /// </summary>
    public static PipelineAddress FromQuery(IQueryCollection query)
    {
        ArgumentNullException.ThrowIfNull(query);
        return new(
            bool.TryParse(query["alle"].ToString(), out var all) && all,
            string.Equals(query["sortering"].ToString().Trim(), "dage", StringComparison.OrdinalIgnoreCase),
            Read(query[PipelineListKind.Underway.PageName]), Read(query[PipelineListKind.MovedOn.PageName]),
            Dashboard.HouseholdSearch.Read(query[SearchName], null).Text);
    }

    /// <summary><paramref name="path"/> (a page opened from the pipeline page) with this address, to come back to it.</summary>
    public string At(string path) => QueryHelpers.AddQueryString(path, RouteValues);

    /// <summary>The address's values but the defaults, in the order the address gives them.</summary>
    public Dictionary<string, string> Values => new[]
    {
        KeyValuePair.Create("alle", All ? "true" : null),
        KeyValuePair.Create("sortering", ByDays ? "dage" : null),
        KeyValuePair.Create(SearchName, Search),
        KeyValuePair.Create(PipelineListKind.Underway.PageName, PageValue(UnderwayPage)),
        KeyValuePair.Create(PipelineListKind.MovedOn.PageName, PageValue(MovedPage)),
    }.Where(p => p.Value is not null).ToDictionary(p => p.Key, p => p.Value!, StringComparer.Ordinal);

    /// <summary>The <see cref="Values"/> as route values: where a step taken leads back to.</summary>
    public IEnumerable<KeyValuePair<string, string?>> RouteValues => Values.Select(p => KeyValuePair.Create(p.Key, (string?)p.Value));

    /// <summary>The address, leading to <paramref name="section"/> when one is given.</summary>
    public string Href(string? section = null) => QueryHelpers.AddQueryString(Path, RouteValues) + (section is null ? "" : $"#{section}");

    /// <summary>
    /// The address with <paramref name="household"/> chosen for the forms (a registration's and an offer's), leading to
    /// <paramref name="section"/>: a row's way to a new step for its household, the page and order kept.
    /// </summary>
    public string ChosenHref(Guid household, string section) =>
        QueryHelpers.AddQueryString(Path, RouteValues.Append(KeyValuePair.Create(ChosenName, (string?)household.ToString()))) + $"#{section}";

    /// <summary>The page in the other order: a new order starts on the first pages (page 3 by name holds other rows than page 3 by days).</summary>
    public PipelineAddress SortedBy(bool byDays) => new(All, byDays, Search: Search);

    /// <summary>The address without the search, on the first pages: where the search form's reset leads, and the search form's start.</summary>
    public PipelineAddress Unsearched => new(All, ByDays);

    /// <summary>The address of page <paramref name="page"/> of <paramref name="kind"/>'s table, the other table's page kept.</summary>
    public string PageHref(PipelineListKind kind, int page) =>
        (kind == PipelineListKind.Underway ? this with { UnderwayPage = page } : this with { MovedPage = page }).Href(kind.Section);

    private static string? PageValue(int page) => page > 1 ? page.ToString(CultureInfo.InvariantCulture) : null;

    /// <summary>The number asked for as <see cref="Pagination.Of"/> reads it, held to no last page.</summary>
    private static int Read(string? requested) => Pagination.Of(requested, 1, int.MaxValue).Page;
}

using System.Globalization;
using Indgang.Domain.People;
using Indgang.Web.Data;
using Indgang.Web.Platform.Paging;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;

namespace Indgang.Web.Features.Dashboard;

/// <summary>
/// A list of households on the start page: the coordinator's own (<see cref="Mine"/>) or, for the housing coordinator,
/// every household (<see cref="All"/>); its section's id (a page link leads back to it) and its heading.
/// </summary>
public sealed record HouseholdListKind(string Section, string Heading)
{
    public static HouseholdListKind Mine { get; } = new("my-households", "Mine husstande");

    public static HouseholdListKind All { get; } = new("all-households", "Alle husstande");
}

/// <summary>One page of a list of households on the start page, as searched.</summary>
public sealed record HouseholdListPage(IReadOnlyList<Features.HouseholdRow> Rows, Pagination Pages, HouseholdSearch Search, HouseholdListKind Kind)
{
    /// <summary>Where a search for a CPR number is sent: the list unsearched, with why.</summary>
    public static string CprRefusedAddress(HouseholdListKind kind)
    {
        ArgumentNullException.ThrowIfNull(kind);
        return $"/?SoegFejl={HouseholdSearch.CprRefusal}#{kind.Section}";
    }

    /// <summary>The address of a page of the list as it is searched now ("Soeg" and "Side", as the work list names them).</summary>
    public string AddressOf(int page) => QueryHelpers.AddQueryString("/", new Dictionary<string, string?>
    {
        ["Soeg"] = Search.Text,
        ["Side"] = page.ToString(CultureInfo.InvariantCulture),
    }.Where(p => p.Value is not null)) + "#" + Kind.Section;
}

/// <summary>
/// Households as the start page lists them: by name (and id, for the same order on every page), a page of
/// <see cref="PageSize"/> at a time, counted and cut to the page in the database, so that the list costs the same after
/// years of cases. Names and sizes only: no person's details, nothing to audit.
/// </summary>
public sealed class HouseholdList(IndgangDbContext db)
{
    public const int PageSize = 25;

    /// <summary>
    /// The page asked for as the address gives it (<paramref name="requestedPage"/>), or the nearest that exists, of the
    /// households of <paramref name="scope"/> the search finds.
    /// </summary>
    public async Task<HouseholdListPage> PageAsync(IQueryable<Household> scope, HouseholdListKind kind, HouseholdSearch search, string? requestedPage, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(search);
        var found = search.Apply(scope.AsNoTracking(), db.Persons);
        var pages = Pagination.Of(requestedPage, PageSize, await found.CountAsync(cancellationToken));
        var rows = await found.OrderBy(h => h.Name).ThenBy(h => h.Id)
            .Skip(pages.RowsBefore).Take(pages.PageSize)
            .Select(h => new Features.HouseholdRow(h.Id, h.Name, h.Members.Count))
            .ToListAsync(cancellationToken);
        return new HouseholdListPage(rows, pages, search, kind);
    }
}

using System.Globalization;
using Indgang.Web.Data;
using Indgang.Web.Platform.Paging;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;

namespace Indgang.Web.Features.Dashboard;

/// <summary>One page of the coordinator's households on the start page, as searched.</summary>
public sealed record HouseholdListPage(IReadOnlyList<Features.HouseholdRow> Rows, Pagination Pages, HouseholdSearch Search)
{
    /// <summary>The section of the start page the list is in: a page link leads back to it.</summary>
    public const string Section = "my-households";

    /// <summary>Where a search for a CPR number is sent: the list unsearched, with why.</summary>
    public const string CprRefusedAddress = $"/?SoegFejl={HouseholdSearch.CprRefusal}#{Section}";

    /// <summary>The address of a page of the list as it is searched now ("Soeg" and "Side", as the work list names them).</summary>
    public string AddressOf(int page) => QueryHelpers.AddQueryString("/", new Dictionary<string, string?>
    {
        ["Soeg"] = Search.Text,
        ["Side"] = page.ToString(CultureInfo.InvariantCulture),
    }.Where(p => p.Value is not null)) + "#" + Section;
}

/// <summary>
/// The households whose coordinator the user is, as the start page lists them: by name (and id, for the same order on
/// every page), a page of <see cref="PageSize"/> at a time, counted and cut to the page in the database, so that the
/// list costs the same after years of cases. Names and sizes only: no person's details, nothing to audit.
/// </summary>
public sealed class CoordinatorHouseholdList(IndgangDbContext db)
{
    public const int PageSize = 25;

    /// <summary>The page asked for as the address gives it (<paramref name="requestedPage"/>), or the nearest that exists.</summary>
    public async Task<HouseholdListPage> PageAsync(string coordinatorUserId, HouseholdSearch search, string? requestedPage, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(search);
        var found = search.Apply(db.Households.AsNoTracking().Where(h => h.CoordinatorUserId == coordinatorUserId), db.Persons);
        var pages = Pagination.Of(requestedPage, PageSize, await found.CountAsync(cancellationToken));
        var rows = await found.OrderBy(h => h.Name).ThenBy(h => h.Id)
            .Skip(pages.RowsBefore).Take(pages.PageSize)
            .Select(h => new Features.HouseholdRow(h.Id, h.Name, h.Members.Count))
            .ToListAsync(cancellationToken);
        return new HouseholdListPage(rows, pages, search);
    }
}

using System.Globalization;
using Indgang.Domain.People;
using Indgang.Web.Data;
using Indgang.Web.Platform.Paging;
using Microsoft.EntityFrameworkCore;

namespace Indgang.Web.Features.Dashboard;

/// <summary>
/// A list of households on the start page: the coordinator's own (<see cref="Mine"/>) or, for the housing coordinator,
/// every household (<see cref="All"/>); its section's id (a page link leads back to it), its heading, and the names its
/// search, page and refused search go by in the address (<see cref="SearchName"/>, <see cref="PageName"/>,
/// <see cref="ErrorName"/>). Each list has names of its own: a user who is both coordinator and housing coordinator sees
/// both lists, and searching or paging one leaves the other as it was.
/// </summary>
public sealed record HouseholdListKind(string Section, string Heading, string SearchName, string PageName, string ErrorName)
{
    /// <summary>"Soeg" and "Side", as the work list names them.</summary>
    public static HouseholdListKind Mine { get; } = new("my-households", "Mine husstande", "Soeg", "Side", "SoegFejl");

    public static HouseholdListKind All { get; } = new("all-households", "Alle husstande", "SoegAlle", "SideAlle", "SoegFejlAlle");
}

/// <summary>
/// One page of a list of households on the start page, as searched; with the start page's address as it stands
/// (<see cref="Address"/>), which this list's links and search keep for the page's other lists.
/// </summary>
public sealed record HouseholdListPage(IReadOnlyList<Features.HouseholdRow> Rows, Pagination Pages, HouseholdSearch Search, HouseholdListKind Kind)
{
    public StartPageAddress Address { get; init; } = StartPageAddress.Empty;

    /// <summary>
    /// Where a search for a CPR number is sent: each list searched for one (<paramref name="refused"/>; the first is the
    /// section led to) unsearched on its first page, with why; the other lists where the address had them.
    /// </summary>
    public static string CprRefusedAddress(StartPageAddress address, params HouseholdListKind[] refused)
    {
        ArgumentNullException.ThrowIfNull(address);
        ArgumentOutOfRangeException.ThrowIfZero(refused.Length);
        var changed = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var kind in refused)
        {
            changed[kind.SearchName] = null;
            changed[kind.PageName] = null;
            changed[kind.ErrorName] = HouseholdSearch.CprRefusal;
        }

        return address.With(refused[0].Section, changed);
    }

    /// <summary>The address of the list unsearched (its first page), the other lists kept.</summary>
    public string UnsearchedAddress => Address.With(Kind.Section, new Dictionary<string, string?> { [Kind.SearchName] = null, [Kind.PageName] = null });

    /// <summary>What the list's search form keeps of the other lists, as hidden fields: a new search starts on the first page.</summary>
    public IEnumerable<KeyValuePair<string, string>> KeptBySearch => Address.Except(Kind.SearchName, Kind.PageName);

    /// <summary>The address of a page of the list as it is searched now.</summary>
    public string AddressOf(int page) => Address.With(Kind.Section, new Dictionary<string, string?>
    {
        [Kind.SearchName] = Search.Text,
        [Kind.PageName] = page.ToString(CultureInfo.InvariantCulture),
    });

    public PageLinks Links => new(Pages, AddressOf) { Of = Kind.Heading };
}

/// <summary>
/// Households as the start page lists them: by name (and id, for the same order on every page), a page of
/// <see cref="PageSize"/> at a time, counted and cut to the page in the database, so that the list costs the same after
/// years of cases. Names and sizes only, but a household's name is its family's (a single's is the person's full name),
/// and the list can be searched by a member's name: the page showing it records the households of the page shown as read
/// (with the rest of what it shows, in one append).
/// </summary>
public sealed class HouseholdList(IndgangDbContext db)
{
    public const int PageSize = 25;

    /// <summary>
    /// The page the start page's address asks for (<paramref name="address"/>), or the nearest that exists, of the
    /// households of <paramref name="scope"/> the search finds.
    /// </summary>
    public async Task<HouseholdListPage> PageAsync(IQueryable<Household> scope, HouseholdListKind kind, HouseholdSearch search, StartPageAddress address, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(kind);
        ArgumentNullException.ThrowIfNull(search);
        ArgumentNullException.ThrowIfNull(address);
        var found = search.Apply(scope.AsNoTracking(), db.Persons);
        var pages = Pagination.Of(address.Value(kind.PageName), PageSize, await found.CountAsync(cancellationToken));
        var rows = await found.OrderBy(h => h.Name).ThenBy(h => h.Id)
            .Skip(pages.RowsBefore).Take(pages.PageSize)
            .Select(h => new Features.HouseholdRow(h.Id, h.Name, h.Members.Count))
            .ToListAsync(cancellationToken);
        return new HouseholdListPage(rows, pages, search, kind) { Address = address };
    }
}

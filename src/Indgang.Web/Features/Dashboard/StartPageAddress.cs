using Microsoft.AspNetCore.WebUtilities;

namespace Indgang.Web.Features.Dashboard;

/// <summary>
/// The start page's address as it stands: the search and page of each of its lists (<see cref="Names"/>), in the order
/// the address gives them. A link to another page of one list, or a search in it, keeps the others where they are; and
/// nothing else of the address is taken along (a refused search's "SoegFejl" is said once, not carried on).
/// </summary>
public sealed class StartPageAddress
{
    private readonly List<KeyValuePair<string, string>> _kept;

    private StartPageAddress(List<KeyValuePair<string, string>> kept) => _kept = kept;

    /// <summary>The names of the lists' searches and pages in the address.</summary>
    public static IReadOnlyList<string> Names { get; } =
    [
        HouseholdListKind.Mine.SearchName, HouseholdListKind.Mine.PageName, HouseholdListKind.All.SearchName, HouseholdListKind.All.PageName,
        .. DashboardListKind.Every.Select(k => k.PageName),
    ];

    public static StartPageAddress Empty { get; } = new([]);

    /// <summary>The lists' searches and pages of the address as it came (blank values are none).</summary>
    public static StartPageAddress Of(IQueryCollection query)
    {
        ArgumentNullException.ThrowIfNull(query);
        return new([.. query.Where(p => Names.Contains(p.Key, StringComparer.OrdinalIgnoreCase) && !string.IsNullOrWhiteSpace(p.Value))
            .Select(p => KeyValuePair.Create(Names.First(n => string.Equals(n, p.Key, StringComparison.OrdinalIgnoreCase)), p.Value.ToString().Trim()))]);
    }

    /// <summary>What the address gives for <paramref name="name"/>, or null.</summary>
    public string? Value(string name) => _kept.Where(p => p.Key == name).Select(p => p.Value).FirstOrDefault();

    /// <summary>
    /// The address with <paramref name="changed"/> set (in place, or added at the end; a null value takes it out), leading
    /// to <paramref name="section"/>.
    /// </summary>
    public string With(string section, IReadOnlyDictionary<string, string?> changed)
    {
        ArgumentNullException.ThrowIfNull(changed);
        var values = _kept.Select(p => KeyValuePair.Create(p.Key, changed.TryGetValue(p.Key, out var value) ? value : p.Value))
            .Concat(changed.Where(c => _kept.All(p => p.Key != c.Key)))
            .Where(p => p.Value is not null);
        return QueryHelpers.AddQueryString("/", values) + "#" + section;
    }

    /// <summary>The address's values but those named: what a list's search form keeps of the others, as hidden fields.</summary>
    public IEnumerable<KeyValuePair<string, string>> Except(params string[] names) => _kept.Where(p => !names.Contains(p.Key));
}

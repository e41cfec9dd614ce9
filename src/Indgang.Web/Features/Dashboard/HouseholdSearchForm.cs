namespace Indgang.Web.Features.Dashboard;

/// <summary>
/// The GET form that searches a list of households by name (<see cref="HouseholdSearch"/>), as the start page's lists and
/// the pipeline page show it: it leads to <paramref name="Action"/> with the words under <paramref name="Field"/> and the
/// rest of the page's address (<paramref name="Kept"/>); a search for a CPR number is refused beside the field, and
/// <paramref name="UnsearchedHref"/> clears the search.
/// </summary>
public sealed record HouseholdSearchForm(
    string Action, string Field, HouseholdSearch Search, IEnumerable<KeyValuePair<string, string>> Kept, string UnsearchedHref);

using Indgang.Domain.People;
using Indgang.Domain.Tasks;
using Indgang.Web.Data;
using Indgang.Web.Features.Dashboard;

namespace Indgang.Web.Features.Tasks;

/// <summary>
/// Which open tasks of a department the work list shows: a view (<see cref="QueueView"/>) and words to find in the
/// household's name, without regard to case (also Æ, Ø and Å: <see cref="TextSearch"/>). Runs in the database. Never a
/// CPR number: the search stands in the address, so words that hold one are refused as on the start page
/// (<see cref="HouseholdSearch"/>), and the list is shown unsearched (<see cref="SearchRefusedAsCpr"/>).
/// </summary>
public sealed record QueueFilter(QueueView View, string? Search, bool SearchRefusedAsCpr = false)
{
    /// <summary>
    /// The filter as the address or the card's form gives it; blank search words are no search, and words that hold a CPR
    /// number, or an address that tells of such (<paramref name="searchError"/> "cpr"), are a refused search.
    /// </summary>
    public static QueueFilter Read(string? view, string? search, string? searchError = null)
    {
        var read = HouseholdSearch.Read(search, searchError);
        return new(QueueViews.Read(view), read.Text, read.RefusedAsCpr);
    }

    /// <summary>The department's open tasks whose household's name holds the search (all of them without one).</summary>
    public static IQueryable<CaseTask> Searched(IQueryable<CaseTask> open, IQueryable<Household> households, string? search)
    {
        ArgumentNullException.ThrowIfNull(open);
        if (search is null)
        {
            return open;
        }

        var term = TextSearch.Fold(search);
        return open.Where(t => households.Any(h => h.Id == t.HouseholdId && TextSearch.Fold(h.Name).Contains(term)));
    }

    /// <summary>The tasks of the view, of those searched.</summary>
    public static IQueryable<CaseTask> Viewed(IQueryable<CaseTask> tasks, QueueView view, string userId, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(tasks);
        return view switch
        {
            QueueView.Mine => tasks.Where(t => t.Status == CaseTaskStatus.Taken && t.AssigneeUserId == userId),
            QueueView.Free => tasks.Where(t => t.Status == CaseTaskStatus.Open),
            QueueView.Overdue => tasks.Where(t => t.DueDate < today),
            _ => tasks,
        };
    }
}

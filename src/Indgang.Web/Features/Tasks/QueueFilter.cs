using System.Linq.Expressions;
using Indgang.Domain.Housing;
using Indgang.Domain.People;
using Indgang.Domain.Reception;
using Indgang.Domain.Tasks;
using Indgang.Web.Data;
using Indgang.Web.Features.Dashboard;

namespace Indgang.Web.Features.Tasks;

/// <summary>
/// Which open tasks of a department the work list shows: a view (<see cref="QueueView"/>) and words to find in the
/// household's name, without regard to case (also Æ, Ø and Å: <see cref="TextSearch"/>). Runs in the database. Never a
/// CPR number: the search stands in the address, so words that hold one are refused as on the start page
/// (<see cref="HouseholdSearch"/>), and the list is shown unsearched (<see cref="SearchRefusedAsCpr"/>). A department's
/// notice narrows the list to one household by its id (<see cref="Household"/>, "Husstand" in the address), never by its
/// name: a one-person household's name is a person's full name, and the address reaches logs and the browser's history.
/// </summary>
public sealed record QueueFilter(QueueView View, string? Search, bool SearchRefusedAsCpr = false, Guid? Household = null)
{
    /// <summary>
    /// The filter as the address or the card's form gives it; blank search words are no search, and words that hold a CPR
    /// number, or an address that tells of such (<paramref name="searchError"/> "cpr"), are a refused search. A
    /// <paramref name="household"/> that is no id is no filter (as a page that is no number shows the nearest).
    /// </summary>
    public static QueueFilter Read(string? view, string? search, string? searchError = null, string? household = null)
    {
        var read = HouseholdSearch.Read(search, searchError);
        return new(QueueViews.Read(view), read.Text, read.RefusedAsCpr, Guid.TryParse(household, out var id) ? id : null);
    }

    /// <summary>Whether the list is narrowed at all: to a household, by a search, or told of a refused search.</summary>
    public bool IsFiltered => View != QueueView.All || Search is not null || SearchRefusedAsCpr || Household is not null;

    /// <summary>
    /// The department's open tasks of the filter's household (all of them without one) whose household's name holds the
    /// search (all of them without one).
    /// </summary>
    public static IQueryable<CaseTask> Searched(IQueryable<CaseTask> open, IQueryable<Household> households, string? search, Guid? household = null)
    {
        ArgumentNullException.ThrowIfNull(open);
        if (household is { } only)
        {
            open = open.Where(t => t.HouseholdId == only);
        }

        if (search is null)
        {
            return open;
        }

        var term = TextSearch.Fold(search);
        return open.Where(t => households.Any(h => h.Id == t.HouseholdId && TextSearch.Fold(h.Name).Contains(term)));
    }

    /// <summary>
    /// The tasks of the view, of those searched. Overdue: due before today, and not waiting for a home
    /// (<see cref="WaitsForHome"/>): a task that waits for the household's first home is not late while it waits.
    /// </summary>
    public static IQueryable<CaseTask> Viewed(IQueryable<CaseTask> tasks, QueueView view, string userId, DateOnly today, IQueryable<Occupancy> occupancies)
    {
        ArgumentNullException.ThrowIfNull(tasks);
        return view switch
        {
            QueueView.Mine => tasks.Where(t => t.Status == CaseTaskStatus.Taken && t.AssigneeUserId == userId),
            QueueView.Free => tasks.Where(t => t.Status == CaseTaskStatus.Open),
            QueueView.Overdue => tasks.Where(t => t.DueDate < today).Where(DoesNotWaitForHome(occupancies)),
            _ => tasks,
        };
    }

    /// <summary>
    /// Whether the task waits for a home: a move-in's lease, keys or house rules, or the defects list at move-in
    /// (<see cref="MoveTasks.WaitForFirstHome"/>), that the arrival checklist gave a household with no home from us yet,
    /// still open (its card says »Venter på en bolig«). Its due date is not real yet: the household's first move-in gives
    /// it the move-in day (the defects list the days after it). So it is late nowhere while it waits: not on the work
    /// list, the coordinator's start page or the household's page, and the deadline watch tells no one. Before, the
    /// defects list, due 14 days after the arrival, was called late while the household had no home to list the defects of.
    /// </summary>
    public static Expression<Func<CaseTask, bool>> WaitsForHome(IQueryable<Occupancy> occupancies)
    {
        var home = MoveTasks.WaitForFirstHome;
        return t => (t.Status == CaseTaskStatus.Open || t.Status == CaseTaskStatus.Taken)
            && home.Contains(t.Type) && t.OccupancyId == null && !occupancies.Any(o => o.HouseholdId == t.HouseholdId);
    }

    /// <summary>The tasks that do not wait for a home (<see cref="WaitsForHome"/>): those whose due date is real.</summary>
    public static Expression<Func<CaseTask, bool>> DoesNotWaitForHome(IQueryable<Occupancy> occupancies)
    {
        var waits = WaitsForHome(occupancies);
        return Expression.Lambda<Func<CaseTask, bool>>(Expression.Not(waits.Body), waits.Parameters);
    }

    /// <summary>
    /// The tasks of the database that wait for a home (<see cref="WaitsForHome"/>), for a query that marks each task it
    /// reads by the one definition, in the database: <c>waiting.Any(w =&gt; w.Id == t.Id)</c>. The definition cannot be
    /// called inside a projection written as a lambda (EF Core would meet a compiled delegate), but a query held in a
    /// variable is inlined.
    /// </summary>
    public static IQueryable<CaseTask> WaitingForHome(IndgangDbContext db)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.Tasks.Where(WaitsForHome(db.Occupancies));
    }
}

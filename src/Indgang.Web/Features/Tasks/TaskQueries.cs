using Indgang.Domain.Tasks;

namespace Indgang.Web.Features.Tasks;

/// <summary>Task filters the database runs: the query form of <see cref="CaseTask.IsClosed"/>.</summary>
public static class TaskQueries
{
    /// <summary>The tasks still to do: open, or taken by someone and not yet done or closed.</summary>
    public static IQueryable<CaseTask> StillOpen(this IQueryable<CaseTask> tasks) =>
        tasks.Where(t => t.Status == CaseTaskStatus.Open || t.Status == CaseTaskStatus.Taken);
}

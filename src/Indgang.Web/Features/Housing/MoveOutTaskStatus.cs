using Indgang.Domain.Reception;
using Indgang.Domain.Tasks;
using Indgang.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Indgang.Web.Features.Housing;

/// <summary>One task of a move out as the unit's page shows it: whose it is, when it is due, and how far it has come.</summary>
public sealed record MoveOutTaskStatus(TaskType Type, string DepartmentName, DateOnly DueDate, CaseTaskStatus Status)
{
    /// <summary>The tasks of the stays' move outs (<see cref="MoveTasks.MoveOut"/> of the stay, <see cref="CaseTask.OccupancyId"/>), by stay, in the order a move brings them.</summary>
    public static async Task<ILookup<Guid, MoveOutTaskStatus>> ForStaysAsync(IndgangDbContext db, IReadOnlyCollection<Guid> stays, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(stays);
        var tasks = await (from t in db.Tasks.AsNoTracking()
                           join d in db.Departments on t.DepartmentId equals d.Id
                           where t.OccupancyId != null && stays.Contains(t.OccupancyId.Value) && MoveTasks.MoveOut.Contains(t.Type)
                           select new { Stay = t.OccupancyId!.Value, t.Type, d.Name, t.DueDate, t.Status }).ToListAsync(cancellationToken);
        return tasks.OrderBy(t => t.Type).ToLookup(t => t.Stay, t => new MoveOutTaskStatus(t.Type, t.Name, t.DueDate, t.Status));
    }
}

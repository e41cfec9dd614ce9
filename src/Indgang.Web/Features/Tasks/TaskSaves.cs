using Indgang.Domain.Tasks;
using Indgang.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Indgang.Web.Features.Tasks;

/// <summary>A change that closes or moves a household's tasks, saved over what their departments do at the same moment.</summary>
public static class TaskSaves
{
    /// <summary>
    /// Saves what is tracked. A task its department took or closed between the change's read and this save is read
    /// again: one still open gets the change again (<paramref name="again"/>), one closed stays as its department left
    /// it, and the rest of the change is saved with it (at most three tries). Returns null when saved, or the conflict
    /// that refused it — another change than a task's, or the third — with what was tracked forgotten.
    /// </summary>
    public static async Task<DbUpdateConcurrencyException?> SaveOverTaskChangesAsync(this DbContext db, Action<CaseTask> again, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(again);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return null;
            }
            catch (DbUpdateConcurrencyException conflict) when (attempt < 3 && conflict.Entries.All(e => e.Entity is CaseTask))
            {
                foreach (var entry in conflict.Entries)
                {
                    await entry.ReloadAsync(cancellationToken);
                    if (entry.Entity is CaseTask { IsClosed: false } task)
                    {
                        again(task);
                    }
                }
            }
            catch (DbUpdateConcurrencyException conflict)
            {
                db.ChangeTracker.Clear();
                return conflict;
            }
        }
    }

    /// <summary>
    /// <see cref="SaveOverTaskChangesAsync"/>, answering false instead of throwing when another's save refused it as
    /// <see cref="SavedNow.SaveUnlessSavedByOtherAsync"/> does (a record changed since it was read, a unique index, a
    /// deadlock), with what was tracked forgotten; a task's department taking or closing it at the same moment refuses nothing.
    /// </summary>
    public static async Task<bool> SaveOverTaskChangesUnlessSavedByOtherAsync(this DbContext db, Action<CaseTask> again, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (await SavedNow.UnlessSavedByOtherAsync(async () => await db.SaveOverTaskChangesAsync(again, cancellationToken) is null))
        {
            return true;
        }

        db.ChangeTracker.Clear();
        return false;
    }
}

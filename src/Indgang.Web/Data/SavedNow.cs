using Microsoft.EntityFrameworkCore;

namespace Indgang.Web.Data;

/// <summary>
/// Saving only over what the user saw, and what the database holds now for a tracked record whose save was refused as
/// based on an older version.
/// </summary>
internal static class SavedNow
{
    /// <summary>
    /// Saves the changes; false, with nothing saved, when someone else saved first: a record changed since it was read
    /// (its concurrency token), one created by another at the same moment (a unique index), or, on PostgreSQL, the
    /// same rows inserted by another at the same moment in another order (a deadlock, which the other won).
    /// </summary>
    public static Task<bool> SaveUnlessSavedByOtherAsync(this DbContext db, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        return UnlessSavedByOtherAsync(async () =>
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        });
    }

    /// <summary>
    /// The answer of <paramref name="save"/>; false, with nothing saved, when the database refused it for another's save, as
    /// <see cref="SaveUnlessSavedByOtherAsync(DbContext, CancellationToken)"/> tells them.
    /// </summary>
    public static async Task<bool> UnlessSavedByOtherAsync(Func<Task<bool>> save)
    {
        ArgumentNullException.ThrowIfNull(save);
        try
        {
            return await save();
        }
        catch (DbUpdateConcurrencyException)
        {
            return false;
        }
        catch (DbUpdateException exception) when (UniqueViolation.Is(exception) || Deadlock.Is(exception))
        {
            return false;
        }
        catch (InvalidOperationException exception) when (Deadlock.Is(exception))
        {
            return false;
        }
    }

    /// <summary>
    /// Overwrites the record's values with those saved now (the user's own are in the form's input); false when the
    /// record has been deleted.
    /// </summary>
    public static async Task<bool> ReloadSavedAsync(this DbContext db, object record, CancellationToken cancellationToken = default)
    {
        var entry = db.Entry(record);
        await entry.ReloadAsync(cancellationToken);
        return entry.State != EntityState.Detached;
    }
}

using Microsoft.EntityFrameworkCore;

namespace Indgang.Web.Platform.Forms;

/// <summary>
/// The read–compare–save of an edit form (<see cref="ShownVersion"/>), tried again when the save is refused for a change
/// made by another between this request's read and its save: each attempt reads afresh, so a change the form does not
/// show lets the save through the next time, and one it does show is told to the user by the attempt itself.
/// </summary>
internal static class SaveAttempts
{
    /// <summary>
    /// The first answer of <paramref name="attempt"/> (null: refused for a change at the same moment; what it tracked is
    /// forgotten and it runs again), or after <see cref="ShownVersion.Attempts"/> refusals, <paramref name="stillRefused"/>'s.
    /// </summary>
    public static async Task<TAnswer> UntilAnsweredAsync<TAnswer>(
        this DbContext db, Func<Task<TAnswer?>> attempt, Func<Task<TAnswer>> stillRefused)
        where TAnswer : class
    {
        ArgumentNullException.ThrowIfNull(attempt);
        ArgumentNullException.ThrowIfNull(stillRefused);
        for (var number = 1; number <= ShownVersion.Attempts; number++)
        {
            if (await attempt() is { } answer)
            {
                return answer;
            }

            db.ChangeTracker.Clear();
        }

        return await stillRefused();
    }
}

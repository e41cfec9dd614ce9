using Microsoft.EntityFrameworkCore;

namespace Indgang.Web.Data;

/// <summary>What the database holds now for a tracked record whose save was refused as based on an older version.</summary>
internal static class SavedNow
{
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

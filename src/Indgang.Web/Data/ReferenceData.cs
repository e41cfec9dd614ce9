using Indgang.Domain.Housing;
using Microsoft.EntityFrameworkCore;

namespace Indgang.Web.Data;

/// <summary>National data every installation needs, seeded once when missing (e.g. the 2023 rent caps).</summary>
internal static class ReferenceData
{
    public static async Task EnsureAsync(IndgangDbContext db, CancellationToken cancellationToken)
    {
        if (!await db.RentCaps.AnyAsync(cancellationToken))
        {
            db.RentCaps.AddRange(RentCap.Seed2023());
            await db.SaveChangesAsync(cancellationToken);
        }
    }
}

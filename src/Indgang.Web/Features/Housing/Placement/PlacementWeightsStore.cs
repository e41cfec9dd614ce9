using System.Text.Json;
using Indgang.Placement;
using Indgang.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Indgang.Web.Features.Housing.Placement;

/// <summary>The optimizer's weights as data: the newest saved version, or the defaults.</summary>
public sealed class PlacementWeightsStore(IndgangDbContext db)
{
    public async Task<PlacementWeights> CurrentAsync(CancellationToken cancellationToken = default)
    {
        var json = await db.PlacementWeights.AsNoTracking().OrderByDescending(w => w.ChangedAt).Select(w => w.WeightsJson).FirstOrDefaultAsync(cancellationToken);
        return json is null ? PlacementWeights.Default : JsonSerializer.Deserialize<PlacementWeights>(json) ?? PlacementWeights.Default;
    }
}

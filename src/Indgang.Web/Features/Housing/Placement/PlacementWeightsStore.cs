using System.Text.Json;
using Indgang.Placement;
using Indgang.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Indgang.Web.Features.Housing.Placement;

/// <summary>The optimizer's weights as data: the newest saved version, or the defaults (version 0).</summary>
public sealed class PlacementWeightsStore(IndgangDbContext db)
{
    public async Task<PlacementWeights> CurrentAsync(CancellationToken cancellationToken = default) =>
        (await CurrentVersionAsync(cancellationToken)).Weights;

    /// <summary>The weights in force and their version number; 0 while the defaults apply.</summary>
    public async Task<(int Number, PlacementWeights Weights)> CurrentVersionAsync(CancellationToken cancellationToken = default)
    {
        var newest = await db.PlacementWeights.AsNoTracking().OrderByDescending(w => w.VersionNumber)
            .Select(w => new { w.VersionNumber, w.WeightsJson }).FirstOrDefaultAsync(cancellationToken);
        return newest is null ? (0, PlacementWeights.Default) : (newest.VersionNumber, Parse(newest.WeightsJson));
    }

    /// <summary>The weights of one version (0: the defaults), or null for a version that was never saved.</summary>
    public async Task<PlacementWeights?> VersionAsync(int number, CancellationToken cancellationToken = default)
    {
        if (number == 0)
        {
            return PlacementWeights.Default;
        }

        var json = await db.PlacementWeights.AsNoTracking().Where(w => w.VersionNumber == number).Select(w => w.WeightsJson).SingleOrDefaultAsync(cancellationToken);
        return json is null ? null : Parse(json);
    }

    private static PlacementWeights Parse(string json) => JsonSerializer.Deserialize<PlacementWeights>(json) ?? PlacementWeights.Default;
}

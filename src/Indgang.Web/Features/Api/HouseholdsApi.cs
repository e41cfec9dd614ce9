using System.Security.Claims;
using Indgang.Web.Data;
using Indgang.Web.Identity;
using Microsoft.EntityFrameworkCore;

namespace Indgang.Web.Features.Api;

public sealed record HouseholdSummaryDto(Guid Id, string Name, int Members);

internal static class HouseholdsApi
{
    public static RouteGroupBuilder MapHouseholdsApi(this RouteGroupBuilder api)
    {
        var households = api.MapGroup("/households").RequireAuthorization(Policies.Coordination).WithTags("Households");
        households.MapGet("/mine", GetMineAsync).WithName("GetMyHouseholds");
        return households;
    }

    /// <summary>The households the calling coordinator owns (names and sizes only: no personal details).</summary>
    private static async Task<IResult> GetMineAsync(HttpContext context, IndgangDbContext db, CancellationToken cancellationToken)
    {
        var userId = context.User.FindFirstValue(ClaimTypes.NameIdentifier);
        var mine = await db.Households.AsNoTracking()
            .Where(h => h.CoordinatorUserId == userId)
            .OrderBy(h => h.Name)
            .Select(h => new HouseholdSummaryDto(h.Id, h.Name, h.Members.Count))
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(mine);
    }
}

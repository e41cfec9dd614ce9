using System.ComponentModel;
using System.Security.Claims;
using Indgang.Web.Audit;
using Indgang.Web.Data;
using Indgang.Web.Identity;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Indgang.Web.Features.Api;

public sealed record HouseholdSummaryDto(Guid Id, string Name, int Members);

internal static class HouseholdsApi
{
    public static RouteGroupBuilder MapHouseholdsApi(this RouteGroupBuilder api)
    {
        var households = api.MapGroup("/households").RequireAuthorization(Policies.Coordination).WithTags("Households");
        households.MapGet("/mine", GetMineAsync).WithName("GetMyHouseholds").WithPaging()
            .WithSummary("The households the calling coordinator owns, by name, a page at a time: names and sizes only (each recorded as read).");
        return households;
    }

    /// <summary>
    /// The households the calling coordinator owns (names and sizes only, but a household's name is its family's: each
    /// household of the page is recorded as read), by name and then id, so that no household is on two pages; a
    /// coordinator gathers thousands over the years.
    /// </summary>
    private static async Task<Results<PagedOk<HouseholdSummaryDto>, ValidationProblem>> GetMineAsync(
        [Description(ApiPage.PageDescription)] string? page,
        [Description(ApiPage.SizeDescription)] string? pageSize,
        HttpContext context, IndgangDbContext db, AuditLog audit, IStringLocalizer<SharedResource> T, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (ApiPage.Read(page, pageSize, errors, T) is not { } asked)
        {
            return ApiPage.Refused(errors, T);
        }

        var userId = context.User.FindFirstValue(ClaimTypes.NameIdentifier);
        var (mine, total) = await asked.TakeAsync(
            db.Households.AsNoTracking()
                .Where(h => h.CoordinatorUserId == userId)
                .OrderBy(h => h.Name).ThenBy(h => h.Id)
                .Select(h => new HouseholdSummaryDto(h.Id, h.Name, h.Members.Count)),
            cancellationToken);
        await audit.RecordReadsAsync(AuditPurpose.ApiMyHouseholds, households: mine.Select(h => h.Id), cancellationToken: cancellationToken);
        return new PagedOk<HouseholdSummaryDto>(mine, asked, total);
    }
}

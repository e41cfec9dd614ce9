using System.ComponentModel;
using Indgang.Domain.Housing;
using Indgang.Web.Data;
using Indgang.Web.Features.Housing;
using Indgang.Web.Identity;
using Indgang.Web.Platform;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;

namespace Indgang.Web.Features.Api;

/// <summary>
/// The housing stock and the capacity forecast for the municipality's property system and management reports
/// (PLAT-7, HOUSE-1, HOUSE-4): what the /Housing pages show, for the same roles, and nothing about the residents. The
/// stock is the housing coordinators'; the forecast, as its page, the managers' too (an aggregate, for the pavilion
/// decision). Each endpoint says its own policy: a group's would be added to an endpoint's, not replaced by it.
/// </summary>
internal static class HousingApi
{
    /// <summary>Maps the endpoints; the group is not given back, having no policy of its own for another to inherit.</summary>
    public static void MapHousingApi(this RouteGroupBuilder api)
    {
        var housing = api.MapGroup("/housing").WithTags("Housing");
        housing.MapGet("/units", GetUnitsAsync).RequireAuthorization(Policies.Housing).WithName("GetHousingUnits").WithPaging()
            .WithSummary("The housing stock, filtered as the stock page's filter does, a page at a time.");
        housing.MapGet("/forecast", GetForecastAsync).RequireAuthorization(Policies.HousingForecast).WithName("GetCapacityForecast")
            .WithSummary("The temporary-housing capacity forecast for 12 months, as the forecast page computes it.")
            .WithDescription("For the housing coordinators and the managers, as the forecast page.");
    }

    /// <summary>
    /// The units the filter lets through, in the stock list's order (town, site, label, then id), a page at a time (the
    /// stock grows as the municipality rents and builds). A filter value that cannot be read is refused with the page's
    /// message for its field: leaving it out would answer with other units than asked; a paging value alike.
    /// </summary>
    private static async Task<Results<PagedOk<HousingUnitDto>, ValidationProblem>> GetUnitsAsync(
        [Description("A town's id (townId of a unit).")] string? town,
        [Description("Temporary, Permanent or SharedRoom.")] string? type,
        [Description("AvailableNow, AvailableLater, Occupied, Reserved, Blocked or VulnerableArea.")] string? status,
        [Description("true: step-free units only.")] string? stepFree,
        [Description("At least this many beds to give now (0 to 30): a whole unit someone lives in, and a unit that opens later or is blocked, has none.")] string? minFreeBeds,
        [Description("Part of the unit's label or the site's name, in any case (at most 200 characters).")] string? search,
        [Description(ApiPage.PageDescription)] string? page,
        [Description(ApiPage.SizeDescription)] string? pageSize,
        IndgangDbContext db, TimeProvider clock, IStringLocalizer<SharedResource> T, CancellationToken cancellationToken)
    {
        var input = new UnitFilterInput { Town = town, Type = type, Status = status, MinFreeBeds = minFreeBeds, Search = search };
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        input.StepFree = ApiFlag.Read(stepFree, "stepFree", errors, T);

        var towns = await StockList.TownsAsync(db, cancellationToken);
        var (filter, unreadable) = input.Read(towns.ConvertAll(t => t.Id));
        foreach (var (field, message) in unreadable)
        {
            errors[JsonFieldName.Of(field)] = [message];
        }

        var asked = ApiPage.Read(page, pageSize, errors, T);
        if (errors.Count > 0 || asked is null)
        {
            return errors.Keys.All(ApiPage.IsParameter)
                ? ApiPage.Refused(errors, T)
                : TypedResults.ValidationProblem(errors, detail: T["Filteret kan ikke læses: ret de nævnte felter."], title: T["Ugyldigt filter"]);
        }

        var today = clock.Today();
        var (rows, total) = await asked.TakeAsync(await StockList.UnitsQueryAsync(db, filter, today, cancellationToken), cancellationToken);
        var sharedBedsTaken = await SharedRoomResidents.BedsTakenFromAsync(db, today, null, cancellationToken);
        var reserved = await UnitReservations.OnAsync(db, today, null, cancellationToken);
        return new PagedOk<HousingUnitDto>(rows.ConvertAll(r => ToDto(r, today, sharedBedsTaken, reserved)), asked, total);
    }

    private static async Task<Ok<CapacityForecastDto>> GetForecastAsync(ForecastQuery query, CancellationToken cancellationToken)
    {
        var (input, typicalStayDays) = await query.BuildAsync(cancellationToken);
        var result = CapacityForecast.Compute(input);
        return TypedResults.Ok(new CapacityForecastDto(
            input.UsableBeds,
            input.OccupiedBeds,
            typicalStayDays,
            result.FirstShortfall?.Month,
            result.Months.Select(m => new ForecastMonthDto(m.Month, m.RegisteredArrivals, m.QuotaArrivals, m.Arrivals, m.MoveOuts, m.MoveIns, m.NewBeds, m.FreeBedsAtEnd, m.IsShortfall)).ToList()));
    }

    // Free beds as the stock page and its CSV count them: the beds a household can be given today.
    private static HousingUnitDto ToDto(UnitRow row, DateOnly today, IReadOnlyDictionary<Guid, int> sharedBedsTaken, Dictionary<Guid, DateOnly> reserved)
    {
        var u = row.Unit;
        DateOnly? reservedFrom = reserved.TryGetValue(u.Id, out var day) ? day : null;
        return new HousingUnitDto(
            u.Id, u.Label, u.SiteId, row.SiteName, row.SiteKind, row.TownId, row.Town, u.IsPermanent, u.Rooms, u.Beds,
            u.BedsToGiveOn(today, sharedBedsTaken.GetValueOrDefault(u.Id)),
            u.IsSharedRoom, u.MonthlyRent, u.StepFree, u.GroundFloor, u.Lift,
            u.TransportMetres, u.SchoolMetres, u.DaycareMetres, u.ShopsMetres,
            u.InVulnerableArea, u.AvailableFrom, u.StockStatusOn(today, reservedFrom), u.Status == UnitStatus.Blocked ? u.BlockedReason : null, reservedFrom);
    }
}

using System.ComponentModel;
using Indgang.Domain.Housing;

namespace Indgang.Web.Features.Api;

/// <summary>One unit of the housing stock as the stock page lists it, without anything about who lives there.</summary>
public sealed record HousingUnitDto(
    Guid Id,
    string Label,
    Guid SiteId,
    string Site,
    SiteKind SiteKind,
    [property: Description("The town's id, as the town filter takes it.")] Guid TownId,
    string Town,
    [property: Description("A permanent home; otherwise temporary housing.")] bool IsPermanent,
    int Rooms,
    int Beds,
    [property: Description("Beds a household can be given today, as the stock page and its CSV count them: none in a unit that is blocked, in a designated vulnerable housing area, free only later, or a whole unit someone lives in; a shared room's beds less those taken from today on.")] int FreeBeds,
    [property: Description("A room single adults share bed by bed; always temporary.")] bool IsSharedRoom,
    [property: Description("Kroner a month.")] decimal MonthlyRent,
    bool StepFree,
    bool GroundFloor,
    bool Lift,
    [property: Description("Metres to public transport.")] int TransportMetres,
    [property: Description("Metres to school.")] int SchoolMetres,
    [property: Description("Metres to daycare.")] int DaycareMetres,
    [property: Description("Metres to shops.")] int ShopsMetres,
    [property: Description("In a designated vulnerable housing area: never used (integrationsloven § 12).")] bool InVulnerableArea,
    [property: Description("The first day someone can move in.")] DateOnly AvailableFrom,
    [property: Description("The stock page's Status column today.")] StockStatus Status,
    [property: Description("Why the unit is blocked, as the stock page and its CSV say it; null when it is not blocked.")] string? BlockedReason,
    [property: Description("Status Reserved: the day the household given the unit moves in (nobody lives there today); else null.")] DateOnly? ReservedFrom = null);

/// <summary>One month of the capacity forecast, as the forecast page's table shows it.</summary>
public sealed record ForecastMonthDto(
    [property: Description("The month's first day.")] DateOnly Month,
    [property: Description("Persons of registered households expected to arrive in the month.")] int RegisteredArrivals,
    [property: Description("The month's share of the quota not yet registered or received.")] int QuotaArrivals,
    [property: Description("RegisteredArrivals + QuotaArrivals.")] int Arrivals,
    [property: Description("Beds expected to come free as households move out of temporary housing: all of a whole unit's beds, a shared room's one person at a time.")] int MoveOuts,
    [property: Description("Beds taken by move-ins agreed ahead that happen in the month (a household placed before its arrival, or moving from another of our units).")] int MoveIns,
    [property: Description("Beds of temporary units that open in the month.")] int NewBeds,
    [property: Description("Free beds in temporary housing at the month's end (the previous month's + MoveOuts + NewBeds − Arrivals − MoveIns); negative is a shortfall.")] int FreeBedsAtEnd,
    bool IsShortfall);

/// <summary>The temporary-housing capacity forecast, 12 months from this month (HOUSE-4).</summary>
public sealed record CapacityForecastDto(
    [property: Description("Usable beds in temporary housing now (not blocked, not in a vulnerable area, open now).")] int UsableBeds,
    [property: Description("Of those, the beds taken now: all the beds of a whole unit a household lives in today (one household a whole unit), a shared room's beds one person at a time. A move-in agreed for a later day is in its month's MoveIns.")] int OccupiedBeds,
    [property: Description("The typical stay in temporary housing in days, or null while no stay has ended.")] int? TypicalStayDays,
    [property: Description("The first day of the first month with too few beds, or null when there are beds enough.")] DateOnly? FirstShortfallMonth,
    IReadOnlyList<ForecastMonthDto> Months);

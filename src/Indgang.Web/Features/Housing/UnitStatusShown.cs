using Indgang.Domain.Housing;

namespace Indgang.Web.Features.Housing;

/// <summary>
/// A unit's Status as the stock list and the unit's page show it (<c>_UnitStatus</c>): the unit, and the day the first
/// household moves in when nobody lives there today (<see cref="UnitReservations"/>).
/// </summary>
public sealed record UnitStatusShown(HousingUnit Unit, DateOnly? ReservedFrom);

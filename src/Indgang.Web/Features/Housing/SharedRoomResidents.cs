using Indgang.Domain.Housing;
using Indgang.Domain.People;
using Indgang.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Indgang.Web.Features.Housing;

/// <summary>
/// Who lives in the shared rooms (deleboliger) on a day, by gender: a shared room is for one gender, so only someone
/// of the gender already living there may join (HOUSE-2, HOUSE-3).
/// </summary>
public static class SharedRoomResidents
{
    /// <summary>
    /// The genders of the residents of each shared room someone lives in on the day (moved in, not yet out); of one
    /// room only when <paramref name="room"/> is given (all of them when null).
    /// </summary>
    public static async Task<Dictionary<Guid, HashSet<Gender>>> GendersAsync(
        IndgangDbContext db, DateOnly day, Guid? room, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var residents = await (from o in db.Occupancies.AsNoTracking().HomeOn(day)
                               join u in db.HousingUnits.AsNoTracking() on o.UnitId equals u.Id
                               join p in db.Persons.AsNoTracking() on o.HouseholdId equals p.HouseholdId
                               where u.IsSharedRoom && (room == null || u.Id == room)
                               select new { o.UnitId, p.Gender }).ToListAsync(cancellationToken);
        return residents.GroupBy(r => r.UnitId).ToDictionary(g => g.Key, g => g.Select(r => r.Gender).ToHashSet());
    }

    /// <summary>
    /// The most beds each shared room's residents take at one time from the day on (<see cref="Occupancy.MostBedsAtOnce"/>):
    /// a resident moving out later keeps a bed until then, one moving in later takes one from then. Of one room only when
    /// <paramref name="room"/> is given. A room nobody lives in from the day on is not listed.
    /// </summary>
    public static async Task<Dictionary<Guid, int>> BedsTakenFromAsync(
        IndgangDbContext db, DateOnly day, Guid? room, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var stays = await (from o in db.Occupancies.AsNoTracking().HomeOn(day)
                           join u in db.HousingUnits.AsNoTracking() on o.UnitId equals u.Id
                           where u.IsSharedRoom && (room == null || u.Id == room)
                           select o).ToListAsync(cancellationToken);
        return stays.GroupBy(o => o.UnitId).ToDictionary(g => g.Key, g => Occupancy.MostBedsAtOnce(g.ToList(), day));
    }

    public const string GenderUnknown = "En delebolig er for ét køn, så kønnet skal være kendt.";
    public const string MenLiveThere = "I deleboligen bor allerede mænd; en delebolig er for ét køn.";
    public const string WomenLiveThere = "I deleboligen bor allerede kvinder; en delebolig er for ét køn.";

    /// <summary>Why a person of this gender cannot join the room's residents; null when they can.</summary>
    public static string? RefusalFor(Gender newcomer, IReadOnlySet<Gender>? residents)
    {
        if (newcomer == Gender.Unknown)
        {
            return GenderUnknown;
        }

        return residents is null || residents.All(g => g == newcomer) ? null
            : newcomer == Gender.Female ? MenLiveThere
            : WomenLiveThere;
    }
}

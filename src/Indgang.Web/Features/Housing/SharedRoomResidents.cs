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

    /// <summary>Why a person of this gender cannot join the room's residents; null when they can.</summary>
    public static string? RefusalFor(Gender newcomer, IReadOnlySet<Gender>? residents)
    {
        if (newcomer == Gender.Unknown)
        {
            return "En delebolig er for ét køn, så kønnet skal være kendt.";
        }

        return residents is null || residents.All(g => g == newcomer)
            ? null
            : $"I deleboligen bor allerede {(newcomer == Gender.Female ? "mænd" : "kvinder")}; en delebolig er for ét køn.";
    }
}

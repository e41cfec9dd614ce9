using Indgang.Domain;
using Indgang.Domain.Housing;
using Indgang.Placement;
using Indgang.Web.Data;
using Indgang.Web.Features.Housing.Placement;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Indgang.Web.Features.Housing;

/// <summary>
/// The "Ny bolig" choice of one resident's move-out form on the unit page, drawn by the partial <c>_MoveToUnitField</c>:
/// another of our units to move the household straight into, in one step (<see cref="HousingMoves.MoveToAnotherUnitAsync"/>),
/// or none (it waits for a home). Its errors are kept under <see cref="Id"/>; what was chosen comes back with a refusal.
/// With no unit to choose, <see cref="WhyNone"/> says why, in the words of the placement page's override, instead of a list.
/// </summary>
public sealed record MoveToUnitField(string Id, string Row, IReadOnlyList<SelectListItem> Choices, Said? WhyNone = null)
{
    /// <summary>The form field's name.</summary>
    public const string Name = "MoveToUnitId";

    /// <summary>The key of a resident's choice, and the select's id.</summary>
    public static string For(Guid occupancyId) => $"{Name}-{occupancyId}";

    /// <summary>Said when a unit is chosen with another answer to "Hvorhen?" than another of our units.</summary>
    public const string OnlyToOurUnits = "Vælg »Til en anden bolig fra kommunen«, eller lad »Ny bolig« stå tom.";

    /// <summary>
    /// The units each household of <paramref name="stays"/> (temporary stays not moved out) could move straight into, by
    /// the placement's own rules (<see cref="ChoosableUnits"/>, as the placement page's override: not a temporary unit
    /// over its rent cap, beds for it, a shared room's rules, …), each unit asked on the day it is free (today or later),
    /// of the household as it is then (that year's rent cap, the members' ages then), as the move checks it; not the unit it lives in. The unit posted (<paramref name="posted"/>, with the stay
    /// it was posted for) is kept in that stay's list, so that what was chosen stays chosen when the move refuses it.
    /// </summary>
    public static async Task<Dictionary<Guid, MoveToUnitChoices>> ChoicesAsync(
        IndgangDbContext db, PlacementRunner runner, IReadOnlyList<Occupancy> stays, DateOnly today, (Guid Stay, Guid Unit)? posted, IStringLocalizer texts,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(runner);
        ArgumentNullException.ThrowIfNull(stays);
        ArgumentNullException.ThrowIfNull(texts);
        if (stays.Count == 0)
        {
            return [];
        }

        var households = stays.Select(s => s.HouseholdId).Distinct().ToList();
        var members = (await db.Persons.AsNoTracking().Where(p => p.HouseholdId != null && households.Contains(p.HouseholdId.Value))
                .Select(p => new { HouseholdId = p.HouseholdId!.Value, p.BirthDate }).ToListAsync(cancellationToken))
            .ToLookup(p => p.HouseholdId, p => p.BirthDate);
        // The households as the optimizer sees them on the day each unit is free (today, or later), and the units on offer:
        // what the placement page's override is offered from, one request a day with the units free that day, and no more.
        // The move checks the rent cap and the ages on its day; judged by today's, a unit free from January met this
        // year's cap, not next year's.
        var requests = await runner.ForChoosingOnFreeDaysAsync(households, today, cancellationToken);

        // Not the unit it lives in (a shared room with a bed free is in the request): nor is it said as ruled out.
        var choosable = stays.ToDictionary(stay => stay.Id, stay => ChoosableUnits.For(
            [.. requests.Select(r => r with { Units = [.. r.Units.Where(u => u.Id != stay.UnitId.ToString())] })], stay.HouseholdId.ToString(), freeLater: true));
        // Only the units some list names: those offered, and the one posted.
        var named = choosable.Values.SelectMany(c => c.UnitIds).Select(Guid.Parse)
            .Concat(posted is { } asked ? [asked.Unit] : []).Distinct().ToList();
        var units = await (from u in db.HousingUnits.AsNoTracking()
                           join s in db.HousingSites.AsNoTracking() on u.SiteId equals s.Id
                           join t in db.Towns.AsNoTracking() on s.TownId equals t.Id
                           where named.Contains(u.Id)
                           select new { Unit = u, Site = s.Name, Town = t.Name }).ToListAsync(cancellationToken);
        var labels = units.ToDictionary(u => u.Unit.Id, u => new UnitLabel(u.Unit.Id, u.Unit.Label, u.Site, u.Town));
        return stays.ToDictionary(stay => stay.Id, stay =>
        {
            var offered = choosable[stay.Id].UnitIds.ToHashSet(StringComparer.Ordinal);
            var chosen = posted is { } p && p.Stay == stay.Id ? p.Unit : (Guid?)null;
            var choices = new UnitChoices(
                units.Select(u => u.Unit).Where(u => offered.Contains(u.Id.ToString()) || u.Id == chosen).ToList(),
                labels,
                texts["Ingen – husstanden venter på en bolig"].Value,
                (unit, free) => texts["{0}, {1} ({2}) – ledig fra {3:d. MMMM yyyy}", unit.Label, unit.Site, unit.Town, free].Value);
            var births = members[stay.HouseholdId].ToList();
            // A lone member a single adult by their age on the day each unit is free, as the rest is judged.
            var items = choices.For(Math.Max(1, births.Count), births.Count == 1 ? births[0] : null, today, chosen, except: stay.UnitId);
            return new MoveToUnitChoices(items, items.Count == 1 ? choosable[stay.Id].WhyNone : null);
        });
    }
}

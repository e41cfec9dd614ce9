using Indgang.Domain.Housing;
using Indgang.Domain.People;
using Indgang.Web.Data;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Indgang.Web.Features.Housing;

/// <summary>
/// The "Ny bolig" choice of one resident's move-out form on the unit page, drawn by the partial <c>_MoveToUnitField</c>:
/// another of our units to move the household straight into, in one step (<see cref="HousingMoves.MoveToAnotherUnitAsync"/>),
/// or none (it waits for a home). Its errors are kept under <see cref="Id"/>; what was chosen comes back with a refusal.
/// </summary>
public sealed record MoveToUnitField(string Id, string Row, IReadOnlyList<SelectListItem> Choices)
{
    /// <summary>The form field's name.</summary>
    public const string Name = "MoveToUnitId";

    /// <summary>The key of a resident's choice, and the select's id.</summary>
    public static string For(Guid occupancyId) => $"{Name}-{occupancyId}";

    /// <summary>Said when a unit is chosen with another answer to "Hvorhen?" than another of our units.</summary>
    public const string OnlyToOurUnits = "Vælg »Til en anden bolig fra kommunen«, eller lad »Ny bolig« stå tom.";

    /// <summary>
    /// The units each household of <paramref name="stays"/> (temporary stays not moved out) could move straight into: our
    /// other units whose move-in, on the day they are free (today or later), the unit's own rules would not refuse for the
    /// household's size (<see cref="UnitChoices"/>, as the placement page's override list), and the one posted, so that
    /// what was chosen stays chosen when the move refuses it.
    /// </summary>
    public static async Task<Dictionary<Guid, IReadOnlyList<SelectListItem>>> ChoicesAsync(
        IndgangDbContext db, IReadOnlyList<Occupancy> stays, DateOnly today, Guid? posted, IStringLocalizer texts, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(stays);
        ArgumentNullException.ThrowIfNull(texts);
        if (stays.Count == 0)
        {
            return [];
        }

        var households = stays.Select(s => s.HouseholdId).ToList();
        var members = (await db.Persons.AsNoTracking().Where(p => p.HouseholdId != null && households.Contains(p.HouseholdId.Value))
                .Select(p => new { HouseholdId = p.HouseholdId!.Value, p.BirthDate }).ToListAsync(cancellationToken))
            .ToLookup(p => p.HouseholdId, p => p.BirthDate);
        var units = await (from u in db.HousingUnits.AsNoTracking()
                           join s in db.HousingSites.AsNoTracking() on u.SiteId equals s.Id
                           join t in db.Towns.AsNoTracking() on s.TownId equals t.Id
                           select new { Unit = u, Site = s.Name, Town = t.Name }).ToListAsync(cancellationToken);
        var choices = new UnitChoices(
            units.Select(u => u.Unit).ToList(),
            units.ToDictionary(u => u.Unit.Id, u => new UnitLabel(u.Unit.Id, u.Unit.Label, u.Site, u.Town)),
            texts["Ingen – husstanden venter på en bolig"].Value,
            (unit, free) => texts["{0}, {1} ({2}) – ledig fra {3:d. MMMM yyyy}", unit.Label, unit.Site, unit.Town, free].Value);
        return stays.ToDictionary(stay => stay.Id, stay =>
        {
            var births = members[stay.HouseholdId].ToList();
            var singleAdult = births.Count == 1 && Age.On(births[0], today) >= Age.AgeOfMajority;
            return choices.For(Math.Max(1, births.Count), singleAdult, today, posted, except: stay.UnitId);
        });
    }
}

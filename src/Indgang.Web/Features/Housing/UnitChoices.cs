using Indgang.Domain.Housing;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Indgang.Web.Features.Housing;

/// <summary>A unit as a choice list names it: "label, site (town)".</summary>
public sealed record UnitLabel(Guid Id, string Label, string Site, string Town);

/// <summary>
/// Our units a household could be moved into, as a choice list, <paramref name="none"/> first: of <paramref name="units"/>
/// (given by the caller: those the household may be given by the placement's own rules, <see cref="Indgang.Placement.ChoosableUnits"/>,
/// so not a temporary unit over its rent cap, and the one posted), those its move-in would not refuse
/// (<see cref="HousingUnit.RefusalFor"/>: not blocked, not in a vulnerable area, free by the day, beds for it, shared rooms
/// for single adults only, no other household in a whole unit), by town, site and label, and the one posted, so that what
/// was chosen stays chosen when the move refuses it. Listing others offered a choice the move then refused; with many
/// units and households they also made every form long. Serves the placement page's override (<paramref name="freeLater"/>
/// null: each unit asked on the household's day) and the unit page's »Ny bolig« (a unit free only after the day is asked
/// on the day it is free, and named by <paramref name="freeLater"/>).
/// </summary>
public sealed class UnitChoices(
    IReadOnlyList<HousingUnit> units, IReadOnlyDictionary<Guid, UnitLabel> labels, string none, Func<UnitLabel, DateOnly, string>? freeLater = null)
{
    private readonly Dictionary<(int Size, DateOnly? LoneMemberBorn, DateOnly MoveIn, Guid? Chosen, Guid? Except), List<SelectListItem>> _shown = [];

    /// <summary>
    /// The choices for a household of <paramref name="size"/> moving in on <paramref name="moveIn"/>, <paramref name="chosen"/>
    /// selected, <paramref name="except"/> (the unit it lives in) left out. A household of one member, born
    /// <paramref name="loneMemberBorn"/>, is a single adult by their age on the day each unit is asked on (the move-in,
    /// or the day a unit free only later is free), as the move into it counts them; null for a household of more.
    /// Before, the unit page's list counted the age today, and a shared room free after a lone 17-year-old's 18th
    /// birthday, which the move would accept, was not offered.
    /// </summary>
    public IReadOnlyList<SelectListItem> For(int size, DateOnly? loneMemberBorn, DateOnly moveIn, Guid? chosen, Guid? except = null)
    {
        var key = (size, loneMemberBorn, moveIn, chosen, except);
        if (!_shown.TryGetValue(key, out var items))
        {
            items =
            [
                new(none, ""),
                .. units.Where(u => u.Id != except && (RefusalFor(u, size, loneMemberBorn, DayFor(u, moveIn)) is null || u.Id == chosen))
                    .Select(u => (Unit: u, Label: labels[u.Id]))
                    .OrderBy(u => u.Label.Town, StringComparer.CurrentCulture)
                    .ThenBy(u => u.Label.Site, StringComparer.CurrentCulture)
                    .ThenBy(u => u.Label.Label, StringComparer.CurrentCulture)
                    .Select(u => new SelectListItem(
                        freeLater is not null && u.Unit.AvailableFrom > moveIn
                            ? freeLater(u.Label, u.Unit.AvailableFrom)
                            : $"{u.Label.Label}, {u.Label.Site} ({u.Label.Town})",
                        u.Unit.Id.ToString(), u.Unit.Id == chosen)),
            ];
            _shown[key] = items;
        }

        return items;
    }

    private static Domain.Said? RefusalFor(HousingUnit unit, int size, DateOnly? loneMemberBorn, DateOnly day) =>
        unit.RefusalFor(size, loneMemberBorn is { } born && Domain.People.Age.IsAdultOn(born, day), day);

    private DateOnly DayFor(HousingUnit unit, DateOnly moveIn) =>
        freeLater is not null && unit.AvailableFrom > moveIn ? unit.AvailableFrom : moveIn;
}

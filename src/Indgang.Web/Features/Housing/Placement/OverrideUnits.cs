using Indgang.Domain.Housing;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Indgang.Web.Features.Housing.Placement;

/// <summary>
/// The units the run page offers when a household is overridden: those its move-in on its day would not refuse
/// (<see cref="HousingUnit.RefusalFor"/>: not blocked, not in a vulnerable area, free by the day, beds for it, shared rooms
/// for single adults only, no other household in a whole unit), and the one posted, so that what was chosen stays chosen
/// when the move refuses it. Listing others (a shared room to a family, a unit free only after the day) offered a choice
/// the move then refused; with many units and households they also made every form long.
/// </summary>
public sealed class OverrideUnits(IReadOnlyList<HousingUnit> units, IReadOnlyDictionary<Guid, UnitLabel> labels)
{
    private readonly Dictionary<(int Size, bool SingleAdult, DateOnly MoveIn, Guid? Chosen), List<SelectListItem>> _shown = [];

    /// <summary>The choices for a household of <paramref name="size"/> moving in on <paramref name="moveIn"/>, "Vælg" first.</summary>
    public IReadOnlyList<SelectListItem> For(int size, bool singleAdult, DateOnly moveIn, Guid? chosen)
    {
        var key = (size, singleAdult, moveIn, chosen);
        if (!_shown.TryGetValue(key, out var items))
        {
            items = [new("Vælg", ""), .. units.Where(u => u.RefusalFor(size, singleAdult, moveIn) is null || u.Id == chosen)
                .Select(u => labels[u.Id])
                .OrderBy(u => u.Town).ThenBy(u => u.Site).ThenBy(u => u.Label)
                .Select(u => new SelectListItem($"{u.Label}, {u.Site} ({u.Town})", u.Id.ToString()))];
            _shown[key] = items;
        }

        return items;
    }
}

using System.Globalization;
using Indgang.Placement.Scoring;

namespace Indgang.Placement;

/// <summary>
/// The rules no plan may break. <see cref="Allows"/> answers for one pair alone (the optimizer never even models a
/// pair it rejects); <see cref="Violations"/> also checks what pairs do together: one household per whole unit,
/// shared rooms within their beds and of one gender, school seats per district, and every lock honoured.
/// </summary>
public static class HardConstraints
{
    public static bool Allows(PlacementRequest r, PlacementHousehold h, PlacementUnit u)
    {
        ArgumentNullException.ThrowIfNull(r);
        ArgumentNullException.ThrowIfNull(h);
        ArgumentNullException.ThrowIfNull(u);
        return PairCheck.Allows(PlacementIndex.For(r), h, u);
    }

    /// <summary>
    /// The rules of the pair alone that a person's choice of unit <paramref name="unitId"/> for household
    /// <paramref name="householdId"/> breaks, in Danish: why the optimizer would never suggest it. None when the pair is
    /// allowed, or when the household or the unit is not in the request (a unit that is not free is for the move itself
    /// to refuse).
    /// </summary>
    public static IReadOnlyList<string> BrokenBy(PlacementRequest r, string householdId, string unitId)
    {
        ArgumentNullException.ThrowIfNull(r);
        var index = PlacementIndex.For(r);
        return index.Households.TryGetValue(householdId, out var household) && index.Units.TryGetValue(unitId, out var unit)
            ? [.. PairCheck.DanishReasons(PairCheck.Problems(index, household, unit))]
            : [];
    }

    public static IReadOnlyList<string> Violations(PlacementRequest r, IReadOnlyDictionary<string, string> assignment)
    {
        ArgumentNullException.ThrowIfNull(r);
        ArgumentNullException.ThrowIfNull(assignment);
        var index = PlacementIndex.For(r);
        var violations = new List<string>();
        var occupantsByUnit = new Dictionary<string, List<PlacementHousehold>>(StringComparer.Ordinal);
        foreach (var (householdId, unitId) in assignment.OrderBy(pair => pair.Key, StringComparer.Ordinal))
        {
            if (!index.Households.TryGetValue(householdId, out var household))
            {
                violations.Add($"Ukendt husstand {householdId}");
                continue;
            }

            if (!index.Units.TryGetValue(unitId, out var unit))
            {
                violations.Add($"{householdId}: ukendt bolig {unitId}");
                continue;
            }

            violations.AddRange(PairCheck.DanishReasons(PairCheck.Problems(index, household, unit))
                .Select(reason => $"{householdId} i {unitId}: {reason}"));
            if (!occupantsByUnit.TryGetValue(unitId, out var occupants))
            {
                occupants = [];
                occupantsByUnit[unitId] = occupants;
            }

            occupants.Add(household);
        }

        foreach (var (unitId, occupants) in occupantsByUnit)
        {
            violations.AddRange(UnitViolations(index.Units[unitId], occupants));
        }

        violations.AddRange(SchoolSeatViolations(index, occupantsByUnit));
        violations.AddRange(LockViolations(index, assignment));
        return violations;
    }

    private static IEnumerable<string> UnitViolations(PlacementUnit unit, List<PlacementHousehold> occupants)
    {
        if (!unit.IsSharedRoom && occupants.Count > 1)
        {
            yield return $"{unit.Id}: {occupants.Count} husstande i én bolig";
        }

        if (unit.IsSharedRoom && occupants.Count > unit.Beds)
        {
            yield return $"{unit.Id}: {occupants.Count} beboere i en delebolig med {unit.Beds} senge";
        }

        if (unit.IsSharedRoom && occupants.Select(h => h.Gender).Distinct().Count() > 1)
        {
            yield return $"{unit.Id}: delebolig med både kvinder og mænd";
        }
    }

    private static IEnumerable<string> SchoolSeatViolations(
        PlacementIndex index, Dictionary<string, List<PlacementHousehold>> occupantsByUnit)
    {
        var childrenByDistrict = occupantsByUnit
            .GroupBy(pair => index.Units[pair.Key].District, StringComparer.Ordinal)
            .Select(g => (District: g.Key, Children: g.Sum(pair => pair.Value.Sum(h => h.SchoolAgeChildren))));
        foreach (var (district, children) in childrenByDistrict)
        {
            if (index.SchoolSeats.TryGetValue(district, out var seats) && children > seats)
            {
                yield return string.Create(
                    CultureInfo.InvariantCulture, $"{district}: {children} skolebørn til {seats} ledige skolepladser");
            }
        }
    }

    private static IEnumerable<string> LockViolations(PlacementIndex index, IReadOnlyDictionary<string, string> assignment)
    {
        foreach (var (householdId, unitId) in index.Request.Locks)
        {
            if (!assignment.TryGetValue(householdId, out var placed) || placed != unitId)
            {
                yield return $"{householdId} er låst til {unitId}, men er ikke placeret der";
            }
        }
    }
}

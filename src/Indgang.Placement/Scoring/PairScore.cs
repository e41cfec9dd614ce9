namespace Indgang.Placement.Scoring;

/// <summary>
/// The points a household earns in a unit whoever its neighbours are. Empty beds of a shared room depend on who
/// else moves in, so they are scored with the neighbours (<see cref="GroupValue.SharedRoomWaste"/>), not here.
/// </summary>
internal readonly record struct PairScore(
    long Housed,
    long Waited,
    long School,
    long Daycare,
    long Transport,
    long Shops,
    long PermanentForFamily,
    long WastedBeds,
    long KeepPrevious)
{
    public long Total => Housed + Waited + School + Daycare + Transport + Shops + PermanentForFamily + WastedBeds + KeepPrevious;

    public static PairScore Of(PlacementIndex index, PlacementHousehold household, PlacementUnit unit)
    {
        var w = index.Weights;
        var family = household.IsFamilyWithChildren;
        return new PairScore(
            Housed: w.Housed,
            Waited: (long)w.PerDayWaited * Math.Clamp(household.DaysWaited, 0, Math.Max(0, w.MaxDaysWaitedCounted)),
            School: family ? Proximity(w.SchoolProximity, w.SchoolRadiusMetres, unit.SchoolMetres) : 0,
            Daycare: household.HasChildUnderSchoolAge ? Proximity(w.DaycareProximity, w.DaycareRadiusMetres, unit.DaycareMetres) : 0,
            Transport: Proximity(w.TransportProximity, w.TransportRadiusMetres, unit.TransportMetres),
            Shops: Proximity(w.ShopsProximity, w.ShopsRadiusMetres, unit.ShopsMetres),
            PermanentForFamily: family && unit.IsPermanent ? w.PermanentForFamily : 0,
            WastedBeds: unit.IsSharedRoom ? 0 : -(long)w.WastedBed * Math.Max(0, unit.Beds - household.BedsNeededIn(unit)),
            KeepPrevious: index.PreviousUnit(household.Id) == unit.Id ? w.KeepPrevious : 0);
    }

    /// <summary>Full weight at 0 m, nothing at or beyond the radius, linear between (rounded down).</summary>
    public static long Proximity(int weight, int radiusMetres, int metres) =>
        radiusMetres <= 0 ? 0 : (long)weight * Math.Max(0, radiusMetres - Math.Max(0, metres)) / radiusMetres;
}

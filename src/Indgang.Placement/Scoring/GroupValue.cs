namespace Indgang.Placement.Scoring;

/// <summary>
/// What a group of households of one kind in one district is worth: a household alone costs the alone penalty;
/// two or more earn the bonus each, up to the cap, and nothing more beyond it (diminishing returns: an enclave is
/// worth no more than a small group). A plan is credited with the change it makes: value(existing + new) −
/// value(existing), so joining a lone earlier household also lifts its penalty.
/// </summary>
internal static class GroupValue
{
    public static long Value(int households, int alonePenalty, int togetherBonus, int cap) => households switch
    {
        0 => 0,
        1 => -alonePenalty,
        _ => (long)togetherBonus * Math.Min(households, Math.Max(2, cap)),
    };

    public static long Change(int existing, int added, int alonePenalty, int togetherBonus, int cap) =>
        Value(existing + added, alonePenalty, togetherBonus, cap) - Value(existing, alonePenalty, togetherBonus, cap);

    public static long LanguageChange(PlacementWeights w, int existing, int added) =>
        Change(existing, added, w.AloneWithLanguage, w.TogetherWithLanguage, w.LanguageGroupCap);

    public static long FamilyChange(PlacementWeights w, int existing, int added) =>
        Change(existing, added, w.AloneAsFamily, w.FamiliesTogether, w.FamilyGroupCap);

    /// <summary>
    /// Spread: the change in a district's distance-from-target penalty. Each household of distance costs the weight,
    /// and each further one a little more, so one district far off costs more than several a little off (the
    /// largest deviation matters, not only the sum).
    /// </summary>
    public static long SpreadChange(PlacementWeights w, int existing, int added, int target) =>
        SpreadPenalty(w, Math.Abs(existing - target)) - SpreadPenalty(w, Math.Abs(existing + added - target));

    /// <summary>Σ over the first d households of distance of what each costs (SpreadStep), in closed form.</summary>
    public static long SpreadPenalty(PlacementWeights w, int distance)
    {
        var rising = RisingSteps(w, distance);
        return ((long)w.SpreadPerHousehold * rising) + ((long)w.SpreadIncreasePerHousehold * rising * (rising - 1) / 2) +
            ((long)SpreadCeiling(w) * (distance - rising));
    }

    /// <summary>
    /// What the i-th household of distance (1-based) costs: the weight, rising by the increase, up to the ceiling — so
    /// a district already far off (earlier placements) cannot outweigh housing someone or a family's permanent home.
    /// </summary>
    public static long SpreadStep(PlacementWeights w, int i) =>
        Math.Min(w.SpreadPerHousehold + ((long)w.SpreadIncreasePerHousehold * (i - 1)), SpreadCeiling(w));

    private static int SpreadCeiling(PlacementWeights w) => Math.Max(w.SpreadPerHousehold, w.SpreadMaxPerHousehold);

    private static int RisingSteps(PlacementWeights w, int distance) => w.SpreadIncreasePerHousehold <= 0
        ? distance
        : Math.Min(distance, ((SpreadCeiling(w) - w.SpreadPerHousehold) / w.SpreadIncreasePerHousehold) + 1);

    /// <summary>Empty beds in a shared room that is in use.</summary>
    public static long SharedRoomWaste(PlacementWeights w, int beds, int occupants) =>
        occupants == 0 ? 0 : -(long)w.WastedBed * Math.Max(0, beds - occupants);
}

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

    /// <summary>Spread: each household of distance between a district's count and its target costs the weight.</summary>
    public static long SpreadChange(PlacementWeights w, int existing, int added, int target) =>
        (long)w.SpreadPerHousehold * (Math.Abs(existing - target) - Math.Abs(existing + added - target));

    /// <summary>Empty beds in a shared room that is in use.</summary>
    public static long SharedRoomWaste(PlacementWeights w, int beds, int occupants) =>
        occupants == 0 ? 0 : -(long)w.WastedBed * Math.Max(0, beds - occupants);
}

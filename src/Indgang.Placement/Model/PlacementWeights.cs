namespace Indgang.Placement;

/// <summary>
/// The municipality's priorities as integer points (data, not constants in the model). Housing someone is worth far
/// more than any nicety, so nobody is left waiting for a better match; the rest rank the matches.
/// Proximity earns its full weight at 0 m, falling linearly to nothing at the radius.
/// Language and family groups count the households of a kind in a district: one alone there costs the alone
/// penalty, two or more earn the together bonus each, but only up to the cap — so an enclave earns no more than a
/// small group (seed 002: never alone, yet spread). Spread costs per household of distance between a district and its
/// population share, each further household a little more, up to a ceiling.
/// </summary>
public sealed record PlacementWeights(
    int Housed = 1000,
    int PerDayWaited = 2,
    int MaxDaysWaitedCounted = 365,
    int SchoolProximity = 200,
    int SchoolRadiusMetres = 2000,
    int DaycareProximity = 100,
    int DaycareRadiusMetres = 2000,
    int TransportProximity = 60,
    int TransportRadiusMetres = 1500,
    int ShopsProximity = 40,
    int ShopsRadiusMetres = 1500,
    int PermanentForFamily = 300,
    int AloneWithLanguage = 250,
    int TogetherWithLanguage = 60,
    int LanguageGroupCap = 4,
    int AloneAsFamily = 0,
    int FamiliesTogether = 50,
    int FamilyGroupCap = 3,
    int SpreadPerHousehold = 80,
    int SpreadIncreasePerHousehold = 20,
    int SpreadMaxPerHousehold = 240,
    int WastedBed = 40,
    int KeepPrevious = 120)
{
    public static PlacementWeights Default { get; } = new();
}

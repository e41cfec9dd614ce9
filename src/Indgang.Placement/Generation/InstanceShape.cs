namespace Indgang.Placement.Generation;

/// <summary>
/// How a synthetic instance looks: its size and the knobs the benchmark variants turn. Defaults describe an
/// ordinary year in a mid-sized municipality.
/// </summary>
public sealed record InstanceShape(
    int Households,
    int Units,
    int Districts,
    double StepFreeUnitShare = 0.35,
    double NeedsStepFreeShare = 0.08,
    double TemporaryUnitShare = 0.15,
    double SharedRoomUnitShare = 0.05,
    double SingleAdultShare = 0.38,
    double? DominantLanguageShare = null,
    double? SchoolSeatsPerExpectedChild = null,
    bool TightBeds = false,
    double OccupantsPerHousehold = 0.5,
    double VulnerableUnitShare = 0.06,
    double NotYetAvailableShare = 0.08);

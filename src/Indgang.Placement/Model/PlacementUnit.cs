namespace Indgang.Placement;

/// <summary>
/// A home the municipality can offer. A shared-room unit (delebolig) houses several single adults of one gender,
/// one per bed, and its <see cref="MonthlyRent"/> is the rent per bed; any other unit holds exactly one household.
/// For a shared room someone already lives in, <see cref="Beds"/> are its free beds and <see cref="SharedWith"/> the
/// gender of those living there: only that gender may join them.
/// </summary>
public sealed record PlacementUnit(
    string Id,
    string District,
    int Beds,
    bool IsPermanent,
    bool IsSharedRoom,
    decimal MonthlyRent,
    bool StepFree,
    int SchoolMetres,
    int DaycareMetres,
    int TransportMetres,
    int ShopsMetres,
    bool InVulnerableArea,
    DateOnly AvailableFrom,
    PlacementGender? SharedWith = null);

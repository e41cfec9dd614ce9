namespace Indgang.Placement;

/// <summary>
/// A home the municipality can offer. A shared-room unit (delebolig) houses several single adults of one gender,
/// one per bed, and its <see cref="MonthlyRent"/> is the rent per bed; any other unit holds exactly one household.
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
    DateOnly AvailableFrom);

namespace Indgang.Domain.Reception;

/// <summary>Chooses the arrival checklist. Stable numbers: they are stored.</summary>
public enum HouseholdType
{
    SingleAdult = 1,
    FamilyWithChildren = 2,
    UnaccompaniedMinor = 3,

    /// <summary>Family-reunified persons joining someone already living here.</summary>
    FamilyReunifiedJoining = 4,
    AdultsWithoutChildren = 5,
}

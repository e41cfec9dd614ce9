namespace Indgang.Domain.Housing;

/// <summary>
/// Where a household moves when it leaves one of the municipality's units (HOUSE-2). Only a move to another of our units
/// leaves it waiting for a home; a home of its own or another municipality ends its wait.
/// </summary>
public enum MoveOutDestination
{
    /// <summary>To another of the municipality's units: it waits for one until it moves in there.</summary>
    OtherMunicipalUnit = 1,

    /// <summary>To a home of its own: a lease or a purchase of its own, also an accepted offer from a housing association.</summary>
    OwnHome = 2,

    /// <summary>Out of the municipality.</summary>
    LeftMunicipality = 3,
}

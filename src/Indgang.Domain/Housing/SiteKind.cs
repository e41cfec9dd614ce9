namespace Indgang.Domain.Housing;

public enum SiteKind
{
    MunicipalBuilding = 1,
    Pavilion = 2,
    SharedHousing = 3,
    PrivateLease = 4,
    HousingAssociation = 5,
}

public enum UnitStatus
{
    Available = 1,
    Blocked = 2,
}

namespace Indgang.Placement;

public enum PlacementGender
{
    Female = 1,
    Male = 2,
}

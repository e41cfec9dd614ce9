namespace Indgang.Domain.People;

public enum Gender
{
    Unknown = 0,
    Female = 1,
    Male = 2,
}

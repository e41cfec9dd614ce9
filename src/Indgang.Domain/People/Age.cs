namespace Indgang.Domain.People;

public static class Age
{
    /// <summary>Completed years on the date; someone born 29 February turns a year older on 28 February in common years.</summary>
    public static int On(DateOnly birthDate, DateOnly date)
    {
        var age = date.Year - birthDate.Year;
        return birthDate.AddYears(age) > date ? age - 1 : age;
    }

    public static bool IsAdultOn(DateOnly birthDate, DateOnly date) => On(birthDate, date) >= AgeOfMajority;

    public const int AgeOfMajority = 18;
}

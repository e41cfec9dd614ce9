namespace Indgang.Domain.People;

/// <summary>
/// A citizen received by the municipality. The CPR number is optional (it may come after arrival)
/// and may change, so it is never the key.
/// </summary>
public sealed class Person
{
    public Person(string firstName, string lastName, DateOnly birthDate, Gender gender)
    {
        Id = Guid.NewGuid();
        SetName(firstName, lastName);
        BirthDate = birthDate;
        Gender = gender;
    }

    public Guid Id { get; private set; }
    public string FirstName { get; private set; } = "";
    public string LastName { get; private set; } = "";
    public DateOnly BirthDate { get; private set; }
    public Gender Gender { get; private set; }
    public CprNumber? Cpr { get; private set; }
    public string? Nationality { get; set; }
    public Guid? HouseholdId { get; internal set; }

    public string FullName => $"{FirstName} {LastName}";

    public void SetName(string firstName, string lastName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(firstName);
        ArgumentException.ThrowIfNullOrWhiteSpace(lastName);
        FirstName = firstName.Trim();
        LastName = lastName.Trim();
    }

    /// <summary>Records (or replaces) the CPR number; birth date and gender follow the number.</summary>
    public void AssignCpr(CprNumber cpr)
    {
        ArgumentNullException.ThrowIfNull(cpr);
        Cpr = cpr;
        BirthDate = cpr.BirthDate;
        Gender = cpr.Gender;
    }

    public int AgeOn(DateOnly date)
    {
        var age = date.Year - BirthDate.Year;
        return BirthDate.AddYears(age) > date ? age - 1 : age;
    }
}

using Indgang.Domain.Reception;

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

    /// <summary>
    /// The longest first name, last name, nationality, languages and day 0 reason, as the columns hold them (PostgreSQL
    /// refuses longer text): the forms and the API check what is typed against them first.
    /// </summary>
    public const int NameLength = 200;

    public const int NationalityLength = 100;

    public const int LanguagesLength = 300;

    public const int Day0OverrideReasonLength = 1000;

    public Guid Id { get; private set; }
    public string FirstName { get; private set; } = "";
    public string LastName { get; private set; } = "";
    public DateOnly BirthDate { get; private set; }
    public Gender Gender { get; private set; }
    public CprNumber? Cpr { get; private set; }
    public string? Nationality { get; set; }
    public Guid? HouseholdId { get; internal set; }

    /// <summary>
    /// Why the person is in Denmark; decides how day 0 is found. Set at registration; corrected after it by
    /// <see cref="CorrectBasis"/>, which changes the version.
    /// </summary>
    public ResidenceBasis Basis { get; set; } = ResidenceBasis.VisitedRefugee;

    /// <summary>Languages spoken, comma-separated as entered (e.g. "arabisk, engelsk").</summary>
    public string? Languages { get; set; }

    public bool NeedsInterpreter { get; set; }
    public bool NeedsAccessibleHousing { get; set; }

    /// <summary>Only that there is a medical need; the details are health data and live elsewhere.</summary>
    public bool HasMedicalFlag { get; set; }

    /// <summary>The day of CPR registration in the municipality (day 0 for quota refugees and family-reunified).</summary>
    public DateOnly? CprRegisteredOn { get; set; }

    /// <summary>
    /// The day a member who joined the household later (family reunification, a baby born here, REC-5) came to the
    /// municipality: their own arrival, which stands in as the estimate of their day 0 while their CPR registration is not
    /// known. Null for a member who came with the household, whose arrival is the household's
    /// (<see cref="Household.ArrivalOf"/>).
    /// </summary>
    public DateOnly? JoinedOn { get; set; }

    /// <summary>A coordinator's override of the computed day 0, e.g. earlier by the person's consent.</summary>
    public DateOnly? Day0Override { get; private set; }
    public string? Day0OverrideReason { get; private set; }

    /// <summary>
    /// The concurrency token: a new value whenever the day 0 override, the CPR number and registration
    /// (<see cref="RecordCprRegistration"/>), the details corrected after registration (<see cref="CorrectDetails"/>),
    /// the birth date (<see cref="CorrectBirthDate"/>) or the residence basis (<see cref="CorrectBasis"/>) change, so
    /// that of two coordinators changing them at the same moment, the second is refused instead of saving over the first
    /// unseen.
    /// </summary>
    public Guid Version { get; private set; } = Guid.NewGuid();

    public void OverrideDay0(DateOnly date, string reason)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        SetDay0Override(date, reason.Trim());
    }

    public void ClearDay0Override() => SetDay0Override(null, null);

    private void SetDay0Override(DateOnly? date, string? reason)
    {
        if (date == Day0Override && reason == Day0OverrideReason)
        {
            return;
        }

        Day0Override = date;
        Day0OverrideReason = reason;
        Version = Guid.NewGuid();
    }

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

    /// <summary>
    /// Records the CPR number given after registration, or corrects a mistyped one (null: the number stays as it is), and
    /// the day of CPR registration in the municipality (null: not known), from which day 0 of a quota refugee or a
    /// family-reunified person is counted. The version changes when either does.
    /// </summary>
    public void RecordCprRegistration(CprNumber? cpr, DateOnly? registeredOn)
    {
        var before = (Cpr, CprRegisteredOn);
        if (cpr is not null)
        {
            AssignCpr(cpr);
        }

        CprRegisteredOn = registeredOn;
        if (before != (Cpr, CprRegisteredOn))
        {
            Version = Guid.NewGuid();
        }
    }

    /// <summary>
    /// Corrects what registration recorded of the person that no deadline is counted from: the names (a typo), gender,
    /// nationality, languages (blank: none), and the need of an interpreter or of step-free housing. A gender other than
    /// the CPR number's is refused: with a number, the gender follows it (<see cref="AssignCpr"/>). The version changes
    /// when anything does.
    /// </summary>
    public void CorrectDetails(string firstName, string lastName, Gender gender, string? nationality, string? languages, bool needsInterpreter, bool needsAccessibleHousing)
    {
        if (Cpr is not null && gender != Cpr.Gender)
        {
            throw new ArgumentException("The gender follows the CPR number.", nameof(gender));
        }

        var before = (FirstName, LastName, Gender, Nationality, Languages, NeedsInterpreter, NeedsAccessibleHousing);
        SetName(firstName, lastName);
        Gender = gender;
        Nationality = string.IsNullOrWhiteSpace(nationality) ? null : nationality.Trim();
        Languages = string.IsNullOrWhiteSpace(languages) ? null : languages.Trim();
        NeedsInterpreter = needsInterpreter;
        NeedsAccessibleHousing = needsAccessibleHousing;
        if (before != (FirstName, LastName, Gender, Nationality, Languages, NeedsInterpreter, NeedsAccessibleHousing))
        {
            Version = Guid.NewGuid();
        }
    }

    /// <summary>
    /// Corrects or withdraws the health flag (<see cref="HasMedicalFlag"/>, special-category data) set, or not set, at
    /// registration: a wrong flag is not kept. The version changes when the flag does.
    /// </summary>
    public void CorrectHealthFlag(bool hasMedicalFlag)
    {
        if (HasMedicalFlag != hasMedicalFlag)
        {
            HasMedicalFlag = hasMedicalFlag;
            Version = Guid.NewGuid();
        }
    }

    /// <summary>
    /// Corrects a birth date typed wrong at registration, for a person without a CPR number: with one, the birth date
    /// follows the number (<see cref="AssignCpr"/>) and is corrected by correcting the number. The version changes when the
    /// date does.
    /// </summary>
    public void CorrectBirthDate(DateOnly birthDate)
    {
        if (Cpr is not null)
        {
            throw new InvalidOperationException("The birth date follows the CPR number.");
        }

        if (birthDate != BirthDate)
        {
            BirthDate = birthDate;
            Version = Guid.NewGuid();
        }
    }

    /// <summary>Corrects a residence basis recorded wrong at registration. The version changes when the basis does.</summary>
    public void CorrectBasis(ResidenceBasis basis)
    {
        if (!Enum.IsDefined(basis))
        {
            throw new ArgumentOutOfRangeException(nameof(basis), basis, "No such residence basis.");
        }

        if (basis != Basis)
        {
            Basis = basis;
            Version = Guid.NewGuid();
        }
    }

    public int AgeOn(DateOnly date)
    {
        var age = date.Year - BirthDate.Year;
        return BirthDate.AddYears(age) > date ? age - 1 : age;
    }
}

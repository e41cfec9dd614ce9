using Indgang.Domain.People;
using Indgang.Domain.Reception;

namespace Indgang.Web.Features.Reception;

/// <summary>One member of an expected household, as Udlændingestyrelsen's notice describes them.</summary>
public sealed record ArrivalMember(
    string? FirstName,
    string? LastName,
    DateOnly? BirthDate,
    Gender Gender,
    ResidenceBasis Basis,
    string? Nationality = null,
    string? Languages = null,
    bool NeedsInterpreter = false,
    RelationKind? RelationToFirst = null,
    bool NeedsAccessibleHousing = false,
    bool HasMedicalFlag = false,
    string? Cpr = null);

/// <summary>
/// An expected arrival (REC-1): from the registration page, the API or one CSV household.
/// <paramref name="LivesWithReferencePerson"/>: the members are family-reunified and will live with the person they
/// joined, so the municipality finds them no home (<see cref="Domain.Housing.HousingDuty"/>).
/// <paramref name="FamilyToJoin"/>: family members who have applied to join the household by family reunification
/// (<see cref="Domain.People.Household.FamilyToJoin"/>).
/// </summary>
public sealed record ArrivalRequest(
    string? HouseholdName,
    DateOnly? VisitationDecisionDate,
    DateOnly? ExpectedArrival,
    IReadOnlyList<ArrivalMember> Members,
    bool ConfirmPossibleDuplicates = false,
    bool LivesWithReferencePerson = false,
    int FamilyToJoin = 0)
{
    /// <summary>The members as the registration takes them: without the blank ones (a form's or a file's empty rows).</summary>
    public IReadOnlyList<ArrivalMember> MembersGiven => [.. Members.Where(m => !ArrivalValidator.IsBlank(m))];
}

/// <summary>Field errors keyed by the request's property path, e.g. "Members[1].BirthDate".</summary>
public sealed class ArrivalErrors : Dictionary<string, List<string>>
{
    public ArrivalErrors()
        : base(StringComparer.Ordinal)
    {
    }

    public void Add(string key, string message)
    {
        if (!TryGetValue(key, out var list))
        {
            this[key] = list = [];
        }

        list.Add(message);
    }

    public Dictionary<string, string[]> ToProblemErrors() => this.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal);
}

public sealed record ArrivalResult(Household? Household, ArrivalErrors Errors, bool HasPossibleDuplicates)
{
    public bool Succeeded => Household is not null;

    /// <summary>
    /// The members refused as possible duplicates (their index in the request, the existing person's name): the API
    /// words its own refusal of them, which names its field instead of the form's checkbox.
    /// </summary>
    public IReadOnlyList<(int Index, string Existing)> PossibleDuplicates { get; init; } = [];

    /// <summary>
    /// The household this registration's submission token created before (a second click, a client's retry, or the
    /// same registration saved at the same moment): nothing new is created, and the sender is led to it.
    /// </summary>
    public Guid? RegisteredBefore { get; init; }

    /// <summary>
    /// The submission token had created a household of other members (<see cref="RegisteredBefore"/>): nothing new is
    /// created. The form sent again from the browser's history is a new registration, saved with a new token; an API
    /// client is refused (422).
    /// </summary>
    public bool KeyUsedForAnother { get; init; }

    public static ArrivalResult Before(Guid household) => new(null, new ArrivalErrors(), false) { RegisteredBefore = household };

    public static ArrivalResult ForAnother(Guid household) => Before(household) with { KeyUsedForAnother = true };
}

namespace Indgang.Domain.People;

/// <summary>
/// A household received together: its members, their relations and the one coordinator who owns it
/// ("én borger – én plan").
/// </summary>
public sealed class Household
{
    private readonly List<Person> _members = [];
    private readonly List<HouseholdRelation> _relations = [];

    public Household(string name, string coordinatorUserId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentException.ThrowIfNullOrWhiteSpace(coordinatorUserId);
        Name = name.Trim();
        CoordinatorUserId = coordinatorUserId;
    }

    /// <summary>The longest household name, as its column holds it: the registration checks the name against it first.</summary>
    public const int NameLength = 200;

    /// <summary>
    /// The most members a household is registered with (the registration form's rows, the API, the CSV import): each
    /// brings its own checklist tasks, and a request of hundreds is a mistake, not a family.
    /// </summary>
    public const int MostMembers = 20;

    public Guid Id { get; private set; } = Guid.NewGuid();
    public string Name { get; private set; }
    public string CoordinatorUserId { get; private set; }

    /// <summary>The visitation decision from Udlændingestyrelsen's notice (visited refugees).</summary>
    public DateOnly? VisitationDecisionDate { get; set; }

    public DateOnly? ExpectedArrival { get; private set; }

    /// <summary>
    /// The household will live with the person its members joined by family reunification (den herboende), so the
    /// municipality has no duty to house it and it does not wait for a home (integrationsloven § 12,
    /// <see cref="Housing.HousingDuty"/>). Only a household whose members are all family-reunified.
    /// </summary>
    public bool LivesWithReferencePerson { get; private set; }

    /// <summary>
    /// How many family members have applied to join the household by family reunification and are not here yet
    /// (familiesammenføring søgt). A permanent home from the municipality is to have room for them too, so that the family
    /// moves as few times as possible (seed 004). Each family-reunified member who joins is one fewer.
    /// </summary>
    public int FamilyToJoin { get; private set; }

    /// <summary>The most family members a household can be recorded as waiting for.</summary>
    public const int MostFamilyToJoin = 20;

    public DateOnly? ArrivedOn { get; private set; }

    /// <summary>
    /// The concurrency token: a new value whenever the household's arrival, coordinator, members, housing duty or home
    /// (a move-in) change, so that of two
    /// people changing the same household at once (a planned move-in and a moved arrival, say, or the same member added
    /// twice), the second is refused.
    /// </summary>
    public Guid Version { get; private set; } = Guid.NewGuid();

    /// <summary>The expected arrival of a household that has not arrived yet; null once it is here.</summary>
    public DateOnly? AnnouncedArrival => ArrivedOn is null ? ExpectedArrival : null;

    /// <summary>
    /// The day the household arrives: the day it came once it has come, else the day it is expected; null when neither is
    /// known. (A database query writes it out as <c>ArrivedOn ?? ExpectedArrival</c>, which it can translate: the housing
    /// pages' <c>ArrivalDay.WithArrivalDay</c>.)
    /// </summary>
    public DateOnly? ArrivalDay => ArrivedOn ?? ExpectedArrival;
    public DateTimeOffset RegisteredAt { get; set; }

    /// <summary>
    /// The submission token the registration was sent with (the form's hidden token, the API's Idempotency-Key), unique:
    /// the same registration sent twice (a double click, a client's retry) creates the household once. Null when none was sent.
    /// </summary>
    public Guid? SubmissionToken { get; set; }
    public IReadOnlyList<Person> Members => _members;
    public IReadOnlyList<HouseholdRelation> Relations => _relations;

    public void AddMember(Person person)
    {
        ArgumentNullException.ThrowIfNull(person);
        if (person.HouseholdId is { } other && other != Id)
        {
            throw new InvalidOperationException("The person already belongs to another household.");
        }

        if (_members.Exists(m => m.Id == person.Id))
        {
            return;
        }

        if (LivesWithReferencePerson && !Housing.HousingDuty.MayLiveWithReferencePerson([person.Basis]))
        {
            throw new InvalidOperationException("Only a family-reunified person can join a household that lives with the person it joined.");
        }

        person.HouseholdId = Id;
        _members.Add(person);
        if (person.Basis == Reception.ResidenceBasis.FamilyReunified && FamilyToJoin > 0)
        {
            FamilyToJoin--;
        }

        Version = Guid.NewGuid();
    }

    /// <summary>Records how many family members are to join the household by family reunification; a change makes a new version.</summary>
    public void SetFamilyToJoin(int persons)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(persons);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(persons, MostFamilyToJoin);
        if (persons == FamilyToJoin)
        {
            return;
        }

        FamilyToJoin = persons;
        Version = Guid.NewGuid();
    }

    /// <summary>
    /// Relates two members; the inverse of parent/child and the symmetric kinds are implied, not stored twice. Two members
    /// have one relation at most (<see cref="RelationBetween"/>); a change makes a new version, as the household's rent
    /// cap depends on who are spouses.
    /// </summary>
    public HouseholdRelation Relate(Person from, RelationKind kind, Person to)
    {
        ArgumentNullException.ThrowIfNull(from);
        ArgumentNullException.ThrowIfNull(to);
        if (from.Id == to.Id)
        {
            throw new InvalidOperationException("A person cannot be related to themselves.");
        }

        if (!_members.Exists(m => m.Id == from.Id) || !_members.Exists(m => m.Id == to.Id))
        {
            throw new InvalidOperationException("Both persons must be members of the household.");
        }

        if (RelationBetween(from.Id, to.Id) is not null)
        {
            throw new InvalidOperationException("The two persons are already related.");
        }

        var relation = new HouseholdRelation(Id, from.Id, to.Id, kind);
        _relations.Add(relation);
        Version = Guid.NewGuid();
        return relation;
    }

    /// <summary>The relation recorded between two members, whichever way it reads; null when there is none.</summary>
    public HouseholdRelation? RelationBetween(Guid one, Guid other) =>
        _relations.Find(r => (r.FromPersonId == one && r.ToPersonId == other) || (r.FromPersonId == other && r.ToPersonId == one));

    /// <summary>Removes a relation recorded by mistake; false when the household has no such relation. A change makes a new version.</summary>
    public bool Unrelate(Guid relationId)
    {
        if (_relations.Find(r => r.Id == relationId) is not { } relation)
        {
            return false;
        }

        _relations.Remove(relation);
        Version = Guid.NewGuid();
        return true;
    }

    /// <summary>
    /// Corrects the date of Udlændingestyrelsen's visitation decision typed wrong at registration (or gives it, when a
    /// member's residence basis is corrected to one that needs it); a change makes a new version.
    /// </summary>
    public void CorrectVisitationDecision(DateOnly? date)
    {
        if (date == VisitationDecisionDate)
        {
            return;
        }

        VisitationDecisionDate = date;
        Version = Guid.NewGuid();
    }

    /// <summary>Sets the expected arrival and the day the household came (null: not yet); a change makes a new version.</summary>
    public void SetArrival(DateOnly? expected, DateOnly? arrivedOn)
    {
        if (expected == ExpectedArrival && arrivedOn == ArrivedOn)
        {
            return;
        }

        ExpectedArrival = expected;
        ArrivedOn = arrivedOn;
        Version = Guid.NewGuid();
    }

    /// <summary>
    /// Records whether the household will live with the person its members joined (<see cref="LivesWithReferencePerson"/>);
    /// a change makes a new version. Refused unless every member is family-reunified.
    /// </summary>
    public void SetLivesWithReferencePerson(bool livesWithReferencePerson)
    {
        if (livesWithReferencePerson == LivesWithReferencePerson)
        {
            return;
        }

        if (livesWithReferencePerson && !Housing.HousingDuty.MayLiveWithReferencePerson(_members.Select(m => m.Basis)))
        {
            throw new InvalidOperationException("Only a household whose members are all family-reunified can live with the person it joined.");
        }

        LivesWithReferencePerson = livesWithReferencePerson;
        Version = Guid.NewGuid();
    }

    /// <summary>
    /// One of the municipality's units becomes the household's home (a move-in): a new version, so that a change saved
    /// at the same moment that depends on whether it has one (<see cref="SetLivesWithReferencePerson"/>) is refused and
    /// checked again, and a move-in is refused when that change came first.
    /// </summary>
    public void HomeGiven() => Version = Guid.NewGuid();

    public void ReassignCoordinator(string coordinatorUserId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(coordinatorUserId);
        if (coordinatorUserId == CoordinatorUserId)
        {
            return;
        }

        CoordinatorUserId = coordinatorUserId;
        Version = Guid.NewGuid();
    }

    /// <summary>
    /// The member's own arrival in the municipality: the day they joined (<see cref="Person.JoinedOn"/>) when they came
    /// after the household, else the household's (the day it came, or the day it is expected). Never the household's
    /// arrival for a member who joined later: their deadlines would be counted from a day before they were here.
    /// </summary>
    public DateOnly? ArrivalOf(Person member)
    {
        ArgumentNullException.ThrowIfNull(member);
        return member.JoinedOn ?? ArrivalDay;
    }

    public bool HasChildrenOn(DateOnly date) => _members.Exists(m => m.AgeOn(date) < 18);
}

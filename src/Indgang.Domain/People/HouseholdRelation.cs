namespace Indgang.Domain.People;

/// <summary>A relation between two members of the same household.</summary>
public sealed class HouseholdRelation
{
    internal HouseholdRelation(Guid householdId, Guid fromPersonId, Guid toPersonId, RelationKind kind)
    {
        HouseholdId = householdId;
        FromPersonId = fromPersonId;
        ToPersonId = toPersonId;
        Kind = kind;
    }

    public Guid Id { get; private set; } = Guid.NewGuid();
    public Guid HouseholdId { get; private set; }
    public Guid FromPersonId { get; private set; }
    public Guid ToPersonId { get; private set; }
    public RelationKind Kind { get; private set; }
}

namespace Indgang.Domain.People;

/// <summary>How the first person of a relation stands to the second ("A is parent of B").</summary>
public enum RelationKind
{
    Parent = 1,
    Child = 2,
    Spouse = 3,
    Sibling = 4,
    Custodian = 5,
}

using Indgang.Domain.People;
using Indgang.Web.Features.Households;

namespace Indgang.Web.Tests.Households;

/// <summary>
/// The one rule of whose ages fit a relation (<see cref="RelationAges.Refusal"/>), read »from is kind of to«: a parent is
/// not younger than their child whichever way it is typed (»parent of« or »child of«), born the same day is let through
/// (as the relations page always has), a custodian is of age and both spouses are.
/// </summary>
public sealed class RelationAgesTests
{
    private static readonly DateOnly Today = new(2026, 6, 1);

    public static TheoryData<RelationKind, string, string, string?> Cases => new()
    {
        // from is parent of to: from is the parent.
        { RelationKind.Parent, "1980-01-01", "2010-01-01", null },
        { RelationKind.Parent, "2010-01-01", "1980-01-01", RelationAges.ParentYounger },
        { RelationKind.Parent, "1980-01-02", "1980-01-01", RelationAges.ParentYounger },
        { RelationKind.Parent, "1980-01-01", "1980-01-01", null },
        // from is child of to: to is the parent.
        { RelationKind.Child, "2010-01-01", "1980-01-01", null },
        { RelationKind.Child, "1980-01-01", "2010-01-01", RelationAges.ParentYounger },
        { RelationKind.Child, "1980-01-01", "1980-01-02", RelationAges.ParentYounger },
        { RelationKind.Child, "1980-01-01", "1980-01-01", null },
        // Siblings may be of any ages.
        { RelationKind.Sibling, "2010-01-01", "1980-01-01", null },
        // A custodian is of age on the day (18 on 2026-06-01 is born 2008-06-01 or before); the ward may be older.
        { RelationKind.Custodian, "2008-06-01", "2015-01-01", null },
        { RelationKind.Custodian, "2008-06-02", "2015-01-01", RelationAges.CustodianUnderAge },
        { RelationKind.Custodian, "1990-01-01", "1980-01-01", null },
        // Both spouses are of age.
        { RelationKind.Spouse, "1990-01-01", "2008-06-01", null },
        { RelationKind.Spouse, "2008-06-02", "1990-01-01", RelationAges.SpouseUnderAge },
        { RelationKind.Spouse, "1990-01-01", "2008-06-02", RelationAges.SpouseUnderAge },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Refusal_SaysWhyTheAgesDoNotFitTheRelation_OrNothing(RelationKind kind, string from, string to, string? expected) =>
        Assert.Equal(expected, RelationAges.Refusal(kind, DateOnly.Parse(from, System.Globalization.CultureInfo.InvariantCulture), DateOnly.Parse(to, System.Globalization.CultureInfo.InvariantCulture), Today));
}

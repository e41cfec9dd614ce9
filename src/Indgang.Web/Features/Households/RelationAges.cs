using Indgang.Domain.People;

namespace Indgang.Web.Features.Households;

/// <summary>
/// Whose ages fit a relation: a parent is not younger than their child, a custodian (værge) is of age, and a marriage where
/// one of the two is under 18 is not recognised in Denmark (nor counts as a couple for the rent cap). One rule for the
/// relations page and the registration (the form, the CSV import, the API and a member added later), which relates each
/// member to the first; before, registration saved a child as the first member's spouse or custodian, and a member as the
/// parent of one older than them, which the relations page refused.
/// </summary>
public static class RelationAges
{
    /// <summary>
    /// A parent born after their child (the one stored as <see cref="RelationKind.Parent"/> from the parent to the child).
    /// Born the same day is let through, as the relations page always has (and the birth-date correction page).
    /// </summary>
    public const string ParentYounger = "En forælder kan ikke være yngre end sit barn. Tjek rækkefølgen.";

    /// <summary>A custodian (værge) of a minor is of age (værgemålsloven: a guardian must be myndig).</summary>
    public const string CustodianUnderAge = "En værge skal være myndig (mindst 18 år). Tjek rækkefølgen.";

    /// <summary>A marriage where one of the two is under 18 is not recognised in Denmark, nor counts as a couple for the rent cap.</summary>
    public const string SpouseUnderAge = "Et ægteskab, hvor den ene er under 18 år, anerkendes ikke i Danmark. Vælg en anden relation.";

    /// <summary>
    /// Why the one born <paramref name="from"/> cannot be <paramref name="kind"/> of the one born <paramref name="to"/>, for
    /// their ages on <paramref name="today"/>; null when they can. »From is parent of to« makes from the parent, »from is
    /// child of to« makes to the parent (stored as to's <see cref="RelationKind.Parent"/> relation to from).
    /// </summary>
    public static string? Refusal(RelationKind kind, DateOnly from, DateOnly to, DateOnly today) => kind switch
    {
        RelationKind.Parent when from > to => ParentYounger,
        RelationKind.Child when to > from => ParentYounger,
        RelationKind.Custodian when !Age.IsAdultOn(from, today) => CustodianUnderAge,
        RelationKind.Spouse when !Age.IsAdultOn(from, today) || !Age.IsAdultOn(to, today) => SpouseUnderAge,
        _ => null,
    };
}

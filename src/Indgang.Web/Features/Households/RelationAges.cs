using Indgang.Domain.People;

namespace Indgang.Web.Features.Households;

/// <summary>
/// Who is old enough for a relation: a custodian (værge) is of age, and a marriage where one of the two is under 18 is not
/// recognised in Denmark (nor counts as a couple for the rent cap). One rule for the relations page and the registration
/// (the form, the CSV import and the API), which relates each member to the first; before, registration saved a child as
/// the first member's spouse or custodian, which the relations page refused.
/// </summary>
public static class RelationAges
{
    /// <summary>A custodian (værge) of a minor is of age (værgemålsloven: a guardian must be myndig).</summary>
    public const string CustodianUnderAge = "En værge skal være myndig (mindst 18 år). Tjek rækkefølgen.";

    /// <summary>A marriage where one of the two is under 18 is not recognised in Denmark, nor counts as a couple for the rent cap.</summary>
    public const string SpouseUnderAge = "Et ægteskab, hvor den ene er under 18 år, anerkendes ikke i Danmark. Vælg en anden relation.";

    /// <summary>
    /// Why the one born <paramref name="from"/> cannot be <paramref name="kind"/> of the one born <paramref name="to"/>, for
    /// their ages on <paramref name="today"/>; null when they can.
    /// </summary>
    public static string? Refusal(RelationKind kind, DateOnly from, DateOnly to, DateOnly today) => kind switch
    {
        RelationKind.Custodian when !Age.IsAdultOn(from, today) => CustodianUnderAge,
        RelationKind.Spouse when !Age.IsAdultOn(from, today) || !Age.IsAdultOn(to, today) => SpouseUnderAge,
        _ => null,
    };
}

using Indgang.Domain.People;

namespace Indgang.Web.Features.Households;

internal static class RelationText
{
    public static string Of(RelationKind kind) => kind switch
    {
        RelationKind.Parent => "er forælder til",
        RelationKind.Child => "er barn af",
        RelationKind.Spouse => "er ægtefælle til",
        RelationKind.Sibling => "er søskende til",
        RelationKind.Custodian => "er værge for",
        _ => kind.ToString(),
    };
}

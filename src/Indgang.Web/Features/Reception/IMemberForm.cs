namespace Indgang.Web.Features.Reception;

/// <summary>A page with member fieldsets (registration, adding a member later); the shared partial binds to it.</summary>
public interface IMemberForm
{
    RegisterInput Input { get; }

    /// <summary>The fieldset's heading, or null for "Medlem N".</summary>
    string? MemberLegend { get; }

    /// <summary>Whom the relation is to, by name, or null for "medlem 1".</summary>
    string? RelationTo { get; }

    bool AsksRelation(int index);
}

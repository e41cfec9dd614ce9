namespace Indgang.Domain.Reception;

/// <summary>Whether a checklist item becomes one task for the household or one per member. Children are under 18 on the arrival date.</summary>
public enum TaskScope
{
    Household = 1,
    EachAdult = 2,
    EachChild = 3,

    /// <summary>Every member, child or adult: for personal matters such as consent, or a household of minors.</summary>
    EachMember = 4,
}

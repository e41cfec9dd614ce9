namespace Indgang.Domain.Deadlines;

/// <summary>
/// Who a rule's legal deadline applies to: by age on day 0, by residence basis, or both. Part of the rule set's data, so
/// that a law change of who is covered is a new rule set, not a change of code.
/// </summary>
public enum DeadlineAudience
{
    Everyone = 1,

    /// <summary>18 or older on day 0; whoever turns 18 later is judged as a minor.</summary>
    AdultsAtDay0 = 2,

    /// <summary>Residence basis unaccompanied minor and under 18 on day 0.</summary>
    UnaccompaniedMinors = 3,

    /// <summary>
    /// Residence basis quota refugee (udlændingeloven § 8), of any age: the health assessment is a mandatory offer to them
    /// alone; to other refugees it is needs-based and to family-reunified persons optional, so no legal deadline.
    /// </summary>
    QuotaRefugees = 4,
}

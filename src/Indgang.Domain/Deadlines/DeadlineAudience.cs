namespace Indgang.Domain.Deadlines;

public enum DeadlineAudience
{
    Everyone = 1,

    /// <summary>18 or older on day 0; whoever turns 18 later is judged as a minor.</summary>
    AdultsAtDay0 = 2,

    /// <summary>Residence basis unaccompanied minor and under 18 on day 0.</summary>
    UnaccompaniedMinors = 3,
}

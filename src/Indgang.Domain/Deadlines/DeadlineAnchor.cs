namespace Indgang.Domain.Deadlines;

/// <summary>The date a deadline's period is counted from.</summary>
public enum DeadlineAnchor
{
    Day0 = 1,

    /// <summary>The actual programme start, or the latest permissible start while it is not known.</summary>
    ProgrammeStart = 2,
    EighteenthBirthday = 3,
}

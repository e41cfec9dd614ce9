namespace Indgang.Domain.Deadlines;

/// <param name="Kind">Which deadline.</param>
/// <param name="LegalDate">
/// The latest date the law allows; none when the law sets the person no deadline for it and only the municipality's
/// own target applies (<see cref="IsLocalOnly"/>).
/// </param>
/// <param name="NationalTargetDate">The national target, when the rule has one.</param>
/// <param name="LocalTargetDate">The municipality's stricter target, when one applies.</param>
/// <param name="LegalReference">Where the rule comes from (for a local-only deadline: the municipality's source).</param>
/// <param name="IsEstimate">Counted from an estimated anchor (the latest permissible programme start, as the actual start is not known yet).</param>
public sealed record Deadline(
    DeadlineKind Kind,
    DateOnly? LegalDate,
    DateOnly? NationalTargetDate,
    DateOnly? LocalTargetDate,
    string LegalReference,
    bool IsEstimate = false)
{
    /// <summary>
    /// Only the municipality's goal: the law gives the person no deadline for it (the health assessment for a
    /// family-reunified person), so missing it is never a legal breach.
    /// </summary>
    public bool IsLocalOnly => LegalDate is null;
}

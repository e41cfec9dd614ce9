namespace Indgang.Domain.Deadlines;

/// <param name="Kind">Which deadline.</param>
/// <param name="LegalDate">The latest date the law allows.</param>
/// <param name="NationalTargetDate">The national target, when the rule has one.</param>
/// <param name="LocalTargetDate">The municipality's stricter target, when one applies.</param>
/// <param name="LegalReference">Where the rule comes from.</param>
/// <param name="IsEstimate">Counted from an estimated anchor (the latest permissible programme start, as the actual start is not known yet).</param>
public sealed record Deadline(
    DeadlineKind Kind,
    DateOnly LegalDate,
    DateOnly? NationalTargetDate,
    DateOnly? LocalTargetDate,
    string LegalReference,
    bool IsEstimate = false);

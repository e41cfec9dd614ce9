namespace Indgang.Domain.Deadlines;

/// <summary>
/// One saved version of the municipality's local target for a deadline: in force from <paramref name="EffectiveFrom"/>
/// until the next version of the same kind takes effect. A version without a period is a removal: the target ends
/// (ophører) from its date, and none is in force until a later version.
/// </summary>
/// <param name="Kind">Which deadline.</param>
/// <param name="VersionNumber">The order the versions were saved in: of two from the same day, the later replaces the earlier.</param>
/// <param name="EffectiveFrom">The first day the version is in force.</param>
/// <param name="Period">The target, or null for a removal.</param>
/// <param name="Source">The municipality's decision it comes from.</param>
public sealed record LocalTargetVersion(DeadlineKind Kind, int VersionNumber, DateOnly EffectiveFrom, Period? Period, string Source)
{
    public bool IsRemoval => Period is null;
}

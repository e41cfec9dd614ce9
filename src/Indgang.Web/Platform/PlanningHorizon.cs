namespace Indgang.Web.Platform;

/// <summary>
/// How far ahead of today a date typed into a case may lie: an expected arrival, a day 0, the day a local target starts
/// to apply. Far enough for any real case, near enough that every deadline counted from the date (the furthest lies some
/// years after it) is still a date: a mistyped year such as 9999 is refused beside the field, not saved to break every
/// page that counts from it.
/// </summary>
public static class PlanningHorizon
{
    public const int Years = 2;

    /// <summary>The refusal beside a date beyond the horizon.</summary>
    public static string TooFarAhead { get; } = $"Datoen kan højst ligge {Years} år frem. Tjek årstallet.";

    /// <summary>The last day a date typed today may be.</summary>
    public static DateOnly LastDay(DateOnly today) => today.AddYears(Years);

    /// <summary>True when the date lies beyond the horizon.</summary>
    public static bool IsBeyond(DateOnly date, DateOnly today) => date > LastDay(today);
}

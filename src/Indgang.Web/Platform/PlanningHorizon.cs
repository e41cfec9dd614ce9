namespace Indgang.Web.Platform;

/// <summary>
/// How far ahead of today a date typed into a case may lie: an expected arrival, a day 0, the day a local target starts
/// to apply. Far enough for any real case, near enough that every deadline counted from the date (the furthest lies some
/// years after it) is still a date: a mistyped year such as 9999 is refused beside the field, not saved to break every
/// page that counts from it. Nor may a date of the case lie before the integration act came into force
/// (<see cref="Earliest"/>): a mistyped year such as 0001 gave a visited refugee no day 0, so no deadline at all.
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

    /// <summary>The first day a date of a case may be: the integration act (integrationsloven) came into force 1 January 1999.</summary>
    public static DateOnly Earliest { get; } = new(1999, 1, 1);

    /// <summary>The refusal beside a date before <see cref="Earliest"/>.</summary>
    public const string TooFarBack = "Datoen kan ikke ligge før 1. januar 1999, hvor integrationsloven trådte i kraft. Tjek årstallet.";

    /// <summary>True when the date lies before <see cref="Earliest"/>.</summary>
    public static bool IsBeforeEarliest(DateOnly date) => date < Earliest;
}

namespace Indgang.Web.Platform;

/// <summary>
/// The application's clock keeps the municipality's time zone (<see cref="Setting"/>, Europe/Copenhagen unless set), not
/// the server's: a server kept on UTC, as containers and many hosts are, would otherwise show every time of day an hour
/// or two early and begin each day (what is due, what is overdue, day 0) at 01:00 or 02:00 Danish time. Every "today"
/// is <see cref="Today"/> of this clock, and every time shown is <see cref="Shown"/> (or <see cref="Local"/>).
/// </summary>
public static class MunicipalTime
{
    public const string Setting = "Indgang:TimeZone";

    public const string DefaultZone = "Europe/Copenhagen";

    /// <summary>The clock of the zone the configuration names; a zone this machine does not know stops the start.</summary>
    public static TimeProvider ClockFrom(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var id = configuration[Setting] is { Length: > 0 } named ? named : DefaultZone;
        try
        {
            return new MunicipalClock(TimeZoneInfo.FindSystemTimeZoneById(id));
        }
        catch (Exception unknown) when (unknown is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            throw new InvalidOperationException($"{Setting}: this machine has no time zone '{id}'. Name one as the IANA database does, such as {DefaultZone}.", unknown);
        }
    }

    /// <summary>Today in the municipality: the day what is due, what is overdue and day 0 count from.</summary>
    public static DateOnly Today(this TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        return DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
    }

    /// <summary>An instant as the municipality's clock shows it.</summary>
    public static DateTimeOffset Local(this TimeProvider clock, DateTimeOffset instant)
    {
        ArgumentNullException.ThrowIfNull(clock);
        return TimeZoneInfo.ConvertTime(instant, clock.LocalTimeZone);
    }

    /// <summary>An instant as a page shows it: date and time in the municipality's zone, in the reader's culture.</summary>
    public static string Shown(this TimeProvider clock, DateTimeOffset instant) =>
        clock.Local(instant).ToString("g", System.Globalization.CultureInfo.CurrentCulture);

    private sealed class MunicipalClock(TimeZoneInfo zone) : TimeProvider
    {
        public override TimeZoneInfo LocalTimeZone => zone;
    }
}

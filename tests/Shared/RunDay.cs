using System.Runtime.CompilerServices;

namespace Indgang.Tests.Hosting;

/// <summary>
/// Keeps today from changing during a test run. The app counts its days in its time zone (the machine's, in the tests:
/// <see cref="IndgangAppFactory"/>), and the tests count theirs from <see cref="DateTime.Now"/>. A run that passed
/// midnight failed where the demo, seeded before it, and a test after it counted from different days (a CI run at
/// 23:49 UTC). So before any test, the run's local time zone is set to the fixed-offset zone where it is now about noon:
/// twelve hours from either midnight. The browser the tests start inherits it.
/// </summary>
internal static class RunDay
{
    /// <summary>The environment variable the runtime, and the processes the tests start, read their local zone from.</summary>
    private const string ZoneVariable = "TZ";

    [ModuleInitializer]
    internal static void SetNoonZone()
    {
        Environment.SetEnvironmentVariable(ZoneVariable, NoonZone(DateTime.UtcNow));
        TimeZoneInfo.ClearCachedData();
    }

    /// <summary>
    /// The IANA zone of a whole-hour offset, from −11 to +12 hours, in which the instant falls between 12:00 and 12:59.
    /// The names count the other way: Etc/GMT-2 is two hours ahead of UTC.
    /// </summary>
    internal static string NoonZone(DateTime utc)
    {
        var hoursAhead = 12 - utc.Hour;
        return hoursAhead switch
        {
            0 => "Etc/UTC",
            > 0 => $"Etc/GMT-{hoursAhead}",
            _ => $"Etc/GMT+{-hoursAhead}",
        };
    }
}

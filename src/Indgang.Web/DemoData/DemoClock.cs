namespace Indgang.Web.DemoData;

/// <summary>
/// The clock as it read some days ago, in the same time zone: the demo's history is recorded through the app's own
/// code on the day it happened, so what that code stamps with "now" (a registration, its notices) carries that day.
/// </summary>
internal sealed class DemoClock(TimeProvider clock, int daysAgo) : TimeProvider
{
    public override TimeZoneInfo LocalTimeZone => clock.LocalTimeZone;

    public override DateTimeOffset GetUtcNow() => clock.GetUtcNow().AddDays(-daysAgo);

    /// <summary>
    /// A working hour on a local day, as the moment something was done then: in UTC, as every instant is stored
    /// (PostgreSQL's provider refuses another offset; with the municipality's zone the demo could not be seeded there).
    /// </summary>
    public static DateTimeOffset At(TimeProvider clock, DateOnly day)
    {
        ArgumentNullException.ThrowIfNull(clock);
        var local = day.ToDateTime(new TimeOnly(10, 0));
        return new DateTimeOffset(local, clock.LocalTimeZone.GetUtcOffset(local)).ToUniversalTime();
    }
}

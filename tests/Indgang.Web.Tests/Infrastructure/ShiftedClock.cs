namespace Indgang.Web.Tests.Infrastructure;

/// <summary>
/// The app's clock moved on by the test (<see cref="Advance"/>): the machine's time plus what the test has added, in this
/// machine's zone as the test apps keep it. Timers still run on the machine's time.
/// </summary>
public sealed class ShiftedClock : TimeProvider
{
    private long _offsetTicks;

    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Local;

    public override DateTimeOffset GetUtcNow() => base.GetUtcNow().AddTicks(Interlocked.Read(ref _offsetTicks));

    public void Advance(TimeSpan by) => Interlocked.Add(ref _offsetTicks, by.Ticks);
}

using Indgang.Tests.Hosting;

namespace Indgang.Web.Tests.Operations;

/// <summary>The test run's own time zone (<see cref="RunDay"/>): at its start it is about noon, far from either midnight.</summary>
public sealed class RunDayTests
{
    public static TheoryData<int> Hours => [.. Enumerable.Range(0, 24)];

    [Theory]
    [MemberData(nameof(Hours))]
    public void EveryHourOfTheDay_HasAZoneOnThisMachine_InWhichItIsNoon(int utcHour)
    {
        var utc = new DateTime(2026, 12, 4, utcHour, 49, 0, DateTimeKind.Utc);

        var local = TimeZoneInfo.ConvertTimeFromUtc(utc, TimeZoneInfo.FindSystemTimeZoneById(RunDay.NoonZone(utc)));

        Assert.Equal(new TimeOnly(12, 49), TimeOnly.FromDateTime(local));
    }

    [Fact]
    public void TheRun_KeepsTheZoneItStartedIn()
    {
        Assert.Equal(Environment.GetEnvironmentVariable("TZ"), TimeZoneInfo.Local.Id);
        Assert.StartsWith("Etc/", TimeZoneInfo.Local.Id, StringComparison.Ordinal);
        Assert.InRange(DateTime.Now.Hour, 12, 23);
    }
}

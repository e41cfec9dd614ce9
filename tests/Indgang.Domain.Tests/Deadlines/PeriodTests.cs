using System.Globalization;
using Indgang.Domain.Deadlines;

namespace Indgang.Domain.Tests.Deadlines;

public class PeriodTests
{
    [Theory]
    [InlineData("2025-01-31", 0, 1, 0, 0, "2025-02-28")] // clamped to the month's end
    [InlineData("2024-01-31", 0, 1, 0, 0, "2024-02-29")] // leap year
    [InlineData("2025-03-31", 0, 6, 0, 0, "2025-09-30")]
    [InlineData("2025-07-01", 0, 0, 2, 0, "2025-07-15")]
    [InlineData("2024-02-29", 1, 0, 0, 0, "2025-02-28")]
    [InlineData("2024-02-29", 1, 1, 0, 0, "2025-03-29")] // one step: not clamped twice
    [InlineData("2025-07-01", 5, 0, 0, 0, "2030-07-01")]
    [InlineData("2028-03-15", 0, 0, 0, -1, "2028-03-14")]
    [InlineData("2025-12-31", 0, 0, 0, 1, "2026-01-01")]
    public void AddTo_Date_UsesCalendarArithmetic(string start, int years, int months, int weeks, int days, string expected)
    {
        var period = new Period(years, months, weeks, days);

        Assert.Equal(Day(expected), period.AddTo(Day(start)));
    }

    [Theory]
    [InlineData("9999-12-01", 0, 1, 0, 0)]
    [InlineData("9999-12-31", 0, 0, 0, 1)]
    [InlineData("9999-01-01", 0, 0, 53, 0)]
    [InlineData("2026-01-01", 0, 200000, 0, 0)]
    [InlineData("2026-01-01", 0, int.MaxValue, 0, 0)]
    [InlineData("2026-01-01", int.MaxValue, int.MaxValue, int.MaxValue, int.MaxValue)]
    [InlineData("0001-01-01", 0, -1, 0, 0)]
    [InlineData("2026-01-01", 0, 0, 0, int.MinValue)]
    public void TryAddTo_BeyondTheCalendar_IsNoDate_AndAddToSaysSo(string start, int years, int months, int weeks, int days)
    {
        var period = new Period(years, months, weeks, days);

        Assert.Null(period.TryAddTo(Day(start)));
        Assert.Throws<ArgumentOutOfRangeException>(() => period.AddTo(Day(start)));
    }

    [Theory]
    [InlineData("9999-11-30", 0, 1, 0, 0, "9999-12-30")]
    [InlineData("9999-12-30", 0, 0, 0, 1, "9999-12-31")]
    [InlineData("0001-01-02", 0, 0, 0, -1, "0001-01-01")]
    public void TryAddTo_ToTheCalendarsEdges_IsTheDate(string start, int years, int months, int weeks, int days, string expected) =>
        Assert.Equal(Day(expected), new Period(years, months, weeks, days).TryAddTo(Day(start)));

    [Theory]
    [InlineData(0, 1, 0, 0, "1 måned")]
    [InlineData(0, 6, 0, 0, "6 måneder")]
    [InlineData(0, 0, 1, 0, "1 uge")]
    [InlineData(0, 0, 2, 0, "2 uger")]
    [InlineData(0, 0, 0, 1, "1 dag")]
    [InlineData(0, 0, 0, 10, "10 dage")]
    [InlineData(1, 0, 0, 0, "1 år")]
    [InlineData(5, 0, 0, 0, "5 år")]
    [InlineData(1, 6, 0, 0, "1 år og 6 måneder")]
    [InlineData(1, 2, 0, 3, "1 år, 2 måneder og 3 dage")]
    [InlineData(0, 0, 0, 0, "0 dage")]
    [InlineData(0, 0, 0, -1, "-1 dag")]
    public void ToString_Period_IsDanish(int years, int months, int weeks, int days, string expected)
    {
        Assert.Equal(expected, new Period(years, months, weeks, days).ToString());
    }

    private static DateOnly Day(string iso) => DateOnly.Parse(iso, CultureInfo.InvariantCulture);
}

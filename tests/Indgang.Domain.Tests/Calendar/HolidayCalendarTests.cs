using System.Globalization;
using Indgang.Domain.Calendar;

namespace Indgang.Domain.Tests.Calendar;

public class HolidayCalendarTests
{
    private static readonly HolidayCalendar Denmark = HolidayCalendar.Denmark;

    [Theory]
    [InlineData("2026-01-01", "Nytårsdag")]
    [InlineData("2026-04-02", "Skærtorsdag")]
    [InlineData("2026-04-03", "Langfredag")]
    [InlineData("2026-04-05", "Påskedag")]
    [InlineData("2026-04-06", "2. påskedag")]
    [InlineData("2026-05-14", "Kristi himmelfartsdag")]
    [InlineData("2026-05-24", "Pinsedag")]
    [InlineData("2026-05-25", "2. pinsedag")]
    [InlineData("2026-12-25", "Juledag")]
    [InlineData("2026-12-26", "2. juledag")]
    [InlineData("2023-05-05", "Store bededag")]
    [InlineData("2015-05-01", "Store bededag")]
    public void HolidayName_Holiday_IsDanishName(string date, string expected)
    {
        Assert.True(Denmark.IsHoliday(Day(date)));
        Assert.Equal(expected, Denmark.HolidayName(Day(date)));
    }

    [Fact]
    public void HolidaysIn_2026_AreTheTenHolidaysInDateOrder()
    {
        var expected = new[]
        {
            (Day("2026-01-01"), "Nytårsdag"),
            (Day("2026-04-02"), "Skærtorsdag"),
            (Day("2026-04-03"), "Langfredag"),
            (Day("2026-04-05"), "Påskedag"),
            (Day("2026-04-06"), "2. påskedag"),
            (Day("2026-05-14"), "Kristi himmelfartsdag"),
            (Day("2026-05-24"), "Pinsedag"),
            (Day("2026-05-25"), "2. pinsedag"),
            (Day("2026-12-25"), "Juledag"),
            (Day("2026-12-26"), "2. juledag"),
        };

        Assert.Equal(expected, Denmark.HolidaysIn(2026).Select(holiday => (holiday.Date, holiday.Name)));
    }

    [Theory]
    [InlineData(2023, 11)]
    [InlineData(2024, 10)]
    public void HolidaysIn_StoreBededagAbolishedFrom2024_CountDrops(int year, int expectedCount)
    {
        Assert.Equal(expectedCount, Denmark.HolidaysIn(year).Count());
    }

    [Theory]
    [InlineData("2023-05-05", true)] // Store bededag's last year
    [InlineData("2024-04-26", false)] // Easter + 26 after the abolition
    [InlineData("2026-05-01", false)] // Easter + 26 in 2026, a Friday
    [InlineData("2026-06-05", false)] // grundlovsdag is not a public holiday
    [InlineData("2026-12-24", false)] // nor is juleaftensdag
    public void IsHoliday_BoundaryCases_FollowsRules(string date, bool expected)
    {
        Assert.Equal(expected, Denmark.IsHoliday(Day(date)));
    }

    [Theory]
    [InlineData("2025-04-21", false)] // 2. påskedag, a Monday
    [InlineData("2025-04-22", true)] // the Tuesday after
    [InlineData("2026-05-01", true)] // Friday, Easter + 26 after Store bededag was abolished
    [InlineData("2023-05-05", false)] // Store bededag, a Friday
    [InlineData("2026-03-07", false)] // Saturday
    [InlineData("2026-03-08", false)] // Sunday
    [InlineData("2026-03-09", true)] // Monday
    [InlineData("2026-03-06", true)] // Friday
    public void IsWorkingDay_Date_IsWeekdayAndNotHoliday(string date, bool expected)
    {
        Assert.Equal(expected, Denmark.IsWorkingDay(Day(date)));
    }

    [Theory]
    [InlineData("2023-05-04", "2023-05-04")] // Thursday before Store bededag
    [InlineData("2023-05-05", "2023-05-08")] // Store bededag 2023 → Monday
    [InlineData("2024-04-26", "2024-04-26")] // the same Friday in 2024 is a working day
    [InlineData("2026-03-07", "2026-03-09")] // Saturday → Monday
    [InlineData("2026-04-02", "2026-04-07")] // Skærtorsdag → past Easter to Tuesday
    [InlineData("2026-12-24", "2026-12-24")] // Thursday, not a holiday
    [InlineData("2026-12-25", "2026-12-28")] // Juledag (Friday) → 2. juledag (Saturday) → Monday
    public void NextWorkingDayOnOrAfter_Date_SkipsWeekendsAndHolidays(string date, string expected)
    {
        Assert.Equal(Day(expected), Denmark.NextWorkingDayOnOrAfter(Day(date)));
    }

    [Fact]
    public void Constructor_OwnRules_ReplaceTheDanishOnes()
    {
        var calendar = new HolidayCalendar([HolidayRule.Fixed("Independence Day", 7, 4)]);

        Assert.Equal("Independence Day", calendar.HolidayName(Day("2026-07-04")));
        Assert.False(calendar.IsHoliday(Day("2026-12-25")));
        Assert.True(calendar.IsWorkingDay(Day("2026-04-06")));
    }

    [Theory]
    [InlineData("2019-12-31", null)]
    [InlineData("2020-01-01", "Ny dag")]
    [InlineData("2022-01-01", "Ny dag")]
    [InlineData("2023-01-01", null)]
    public void HolidayName_RuleWithValidity_OnlyWhileInForce(string date, string? expected)
    {
        var calendar = new HolidayCalendar([HolidayRule.Fixed("Ny dag", 1, 1, Day("2020-01-01"), Day("2022-12-31"))]);

        Assert.Equal(expected, calendar.HolidayName(Day(date)));
    }

    [Theory]
    [InlineData(2024, true)]
    [InlineData(2025, false)]
    public void HolidaysIn_FixedOn29February_OnlyInLeapYears(int year, bool expected)
    {
        var calendar = new HolidayCalendar([HolidayRule.Fixed("Skuddag", 2, 29)]);

        Assert.Equal(expected, calendar.HolidaysIn(year).Any());
    }

    private static DateOnly Day(string iso) => DateOnly.Parse(iso, CultureInfo.InvariantCulture);
}

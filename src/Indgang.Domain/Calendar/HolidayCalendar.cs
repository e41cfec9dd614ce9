namespace Indgang.Domain.Calendar;

/// <summary>Public holidays and working days (Monday–Friday that are not holidays), from holiday rules.</summary>
public sealed class HolidayCalendar
{
    // Far more than any real calendar needs; only guards against rules that leave no working day at all.
    private const int MaxDaysToSearch = 366;

    public HolidayCalendar(IEnumerable<HolidayRule> rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        Rules = [.. rules];
    }

    public static HolidayCalendar Denmark { get; } = new(DanishHolidays.Rules);

    public IReadOnlyList<HolidayRule> Rules { get; }

    public bool IsHoliday(DateOnly date) => HolidayName(date) is not null;

    /// <summary>The holiday's name, or null on an ordinary day. If two rules fall on the same day, the first rule wins.</summary>
    public string? HolidayName(DateOnly date)
    {
        foreach (var rule in Rules)
        {
            if (rule.DateIn(date.Year) == date)
            {
                return rule.Name;
            }
        }

        return null;
    }

    public bool IsWorkingDay(DateOnly date) =>
        date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !IsHoliday(date);

    public DateOnly NextWorkingDayOnOrAfter(DateOnly date)
    {
        var candidate = date;
        for (var i = 0; i < MaxDaysToSearch; i++)
        {
            if (IsWorkingDay(candidate))
            {
                return candidate;
            }

            candidate = candidate.AddDays(1);
        }

        throw new InvalidOperationException($"No working day within {MaxDaysToSearch} days of {date:yyyy-MM-dd}; check the holiday rules.");
    }

    public IEnumerable<(DateOnly Date, string Name)> HolidaysIn(int year)
    {
        var holidays = new List<(DateOnly Date, string Name)>();
        foreach (var rule in Rules)
        {
            if (rule.DateIn(year) is { } date)
            {
                holidays.Add((date, rule.Name));
            }
        }

        return [.. holidays.OrderBy(holiday => holiday.Date)];
    }
}

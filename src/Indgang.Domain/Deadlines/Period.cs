using System.Globalization;

namespace Indgang.Domain.Deadlines;

/// <summary>
/// A calendar period. Years and months are added first, in one step, with the day clamped to the
/// month's end (31 January + 1 month = 28/29 February); weeks and days after that. A negative part
/// counts backwards ("the day before").
/// </summary>
public readonly record struct Period(int Years = 0, int Months = 0, int Weeks = 0, int Days = 0)
{
    public static Period OfYears(int years) => new(Years: years);
    public static Period OfMonths(int months) => new(Months: months);
    public static Period OfWeeks(int weeks) => new(Weeks: weeks);
    public static Period OfDays(int days) => new(Days: days);

    public DateOnly AddTo(DateOnly date) =>
        TryAddTo(date) ?? throw new ArgumentOutOfRangeException(nameof(date), date, $"{this} from {date:yyyy-MM-dd} lies beyond the calendar.");

    /// <summary>
    /// The date the period ends on, or null when that lies beyond the calendar (after 31 December 9999 or before year 1):
    /// a date typed years wrong, which counts to no date at all.
    /// </summary>
    public DateOnly? TryAddTo(DateOnly date)
    {
        // One AddMonths, so that 29 February + 1 year 1 month is 29 March, not a twice-clamped 28 March.
        var months = (Years * 12L) + Months;
        var monthIndex = ((date.Year - 1) * 12L) + (date.Month - 1) + months;
        if (monthIndex < 0 || monthIndex >= 9999 * 12L)
        {
            return null;
        }

        var shifted = date.AddMonths((int)months);
        var dayNumber = shifted.DayNumber + (Weeks * 7L) + Days;
        return dayNumber < DateOnly.MinValue.DayNumber || dayNumber > DateOnly.MaxValue.DayNumber ? null : DateOnly.FromDayNumber((int)dayNumber);
    }

    /// <summary>Danish, e.g. "1 måned", "2 uger", "1 år og 6 måneder".</summary>
    public override string ToString()
    {
        var parts = new List<string>();
        AddPart(parts, Years, "år", "år");
        AddPart(parts, Months, "måned", "måneder");
        AddPart(parts, Weeks, "uge", "uger");
        AddPart(parts, Days, "dag", "dage");
        return parts.Count switch
        {
            0 => "0 dage",
            1 => parts[0],
            _ => $"{string.Join(", ", parts[..^1])} og {parts[^1]}",
        };
    }

    private static void AddPart(List<string> parts, int count, string singular, string plural)
    {
        if (count != 0)
        {
            var unit = count is 1 or -1 ? singular : plural;
            parts.Add($"{count.ToString(CultureInfo.InvariantCulture)} {unit}");
        }
    }
}

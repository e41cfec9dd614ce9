namespace Indgang.Domain.Calendar;

/// <summary>
/// One public holiday: a fixed month/day or a number of days from Easter Sunday, in force between
/// <see cref="ValidFrom"/> and <see cref="ValidTo"/> (both inclusive, open when null).
/// </summary>
public sealed record HolidayRule
{
    private HolidayRule(string name, HolidayAnchor anchor, int month, int day, int daysFromEaster, DateOnly? validFrom, DateOnly? validTo)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (validFrom is { } from && validTo is { } to && to < from)
        {
            throw new ArgumentException($"Holiday '{name}' ends ({to:yyyy-MM-dd}) before it starts ({from:yyyy-MM-dd}).", nameof(validTo));
        }

        Name = name;
        Anchor = anchor;
        Month = month;
        Day = day;
        DaysFromEaster = daysFromEaster;
        ValidFrom = validFrom;
        ValidTo = validTo;
    }

    public string Name { get; }
    public HolidayAnchor Anchor { get; }

    /// <summary>Month of a fixed-date holiday; 0 for an Easter-based one.</summary>
    public int Month { get; }

    /// <summary>Day of month of a fixed-date holiday; 0 for an Easter-based one.</summary>
    public int Day { get; }

    /// <summary>Days after Easter Sunday (negative before) of an Easter-based holiday; 0 for a fixed-date one.</summary>
    public int DaysFromEaster { get; }

    public DateOnly? ValidFrom { get; }
    public DateOnly? ValidTo { get; }

    public static HolidayRule Fixed(string name, int month, int day, DateOnly? validFrom = null, DateOnly? validTo = null)
    {
        // A leap year validates 29 February as well.
        _ = new DateOnly(2000, month, day);
        return new HolidayRule(name, HolidayAnchor.FixedDate, month, day, 0, validFrom, validTo);
    }

    public static HolidayRule FromEaster(string name, int daysFromEaster, DateOnly? validFrom = null, DateOnly? validTo = null) =>
        new(name, HolidayAnchor.Easter, 0, 0, daysFromEaster, validFrom, validTo);

    /// <summary>The holiday's date in the year, or null if the rule is not in force that year (or 29 February in a common year).</summary>
    public DateOnly? DateIn(int year)
    {
        DateOnly date;
        if (Anchor == HolidayAnchor.Easter)
        {
            date = Easter.Sunday(year).AddDays(DaysFromEaster);
        }
        else if (Day <= DateTime.DaysInMonth(year, Month))
        {
            date = new DateOnly(year, Month, Day);
        }
        else
        {
            return null;
        }

        return IsInForceOn(date) ? date : null;
    }

    private bool IsInForceOn(DateOnly date) => (ValidFrom is not { } from || date >= from) && (ValidTo is not { } to || date <= to);
}

namespace Indgang.Domain.Calendar;

public static class Easter
{
    /// <summary>Easter Sunday by the Gregorian computus (the anonymous algorithm, as given by Meeus).</summary>
    public static DateOnly Sunday(int year)
    {
        // The Gregorian calendar (and so this computus) starts in 1583.
        ArgumentOutOfRangeException.ThrowIfLessThan(year, 1583);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(year, 9999);

        var a = year % 19;
        var b = year / 100;
        var c = year % 100;
        var d = b / 4;
        var e = b % 4;
        var f = (b + 8) / 25;
        var g = (b - f + 1) / 3;
        var h = ((19 * a) + b - d - g + 15) % 30;
        var i = c / 4;
        var k = c % 4;
        var l = (32 + (2 * e) + (2 * i) - h - k) % 7;
        var m = (a + (11 * h) + (22 * l)) / 451;
        var monthAndDay = h + l - (7 * m) + 114;
        return new DateOnly(year, monthAndDay / 31, (monthAndDay % 31) + 1);
    }
}

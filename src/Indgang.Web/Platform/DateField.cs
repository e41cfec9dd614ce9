using System.Globalization;

namespace Indgang.Web.Platform;

/// <summary>
/// A day as a form sends it: <c>2026-12-24</c>, what a date field sends whatever the browser shows, or as people write it
/// in Danish where the browser gives a plain text field, day first with a four-digit year (24-12-2026, 24.12.2026,
/// 24/12/2026, 1-2-2027). A two-digit year is refused rather than guessed: »1-2-50« is a birth in 1950 or a move in 2050.
/// </summary>
public static class DateField
{
    private static readonly string[] Formats = ["yyyy-MM-dd", "d-M-yyyy", "d.M.yyyy", "d/M/yyyy"];

    public static bool TryParse(string? text, out DateOnly day) =>
        DateOnly.TryParseExact((text ?? "").Trim(), Formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out day);
}

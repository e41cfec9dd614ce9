using System.Globalization;

namespace Indgang.Web.Platform;

/// <summary>
/// How a page writes a day in words, in the reader's language: "4. december 2026" (Danish, with the full stop after the
/// day) or "4 December 2026" (English); short, "4. dec. 2026" or "4 Dec 2026". The printed plan writes the Danish form
/// always; a message with a day in it (a refusal, a notice) has <c>{0:d. MMMM yyyy}</c> in its Danish text, and English
/// its own form, through the localizer.
/// </summary>
public static class DatePatterns
{
    public static string DayMonthYear => IsDanish ? "d. MMMM yyyy" : "d MMMM yyyy";

    public static string DayShortMonthYear => IsDanish ? "d. MMM yyyy" : "d MMM yyyy";

    private static bool IsDanish => CultureInfo.CurrentCulture.TwoLetterISOLanguageName == "da";
}

using System.Globalization;

namespace Indgang.Web.Platform;

/// <summary>
/// Dates in the Danish texts saved with a case (a task's note, a notice), whatever the page's language of the one who
/// caused them. A refusal shown to the user is written through the localizer instead, its day in the user's language
/// (<c>{0:d. MMMM yyyy}</c> in the Danish text).
/// </summary>
public static class DanishDates
{
    private static readonly CultureInfo Danish = CultureInfo.GetCultureInfo("da-DK");

    /// <summary>"1. januar 2027".</summary>
    public static string Written(DateOnly date) => date.ToString("d. MMMM yyyy", Danish);
}

using System.Globalization;

namespace Indgang.Web.Platform;

/// <summary>Dates in the Danish messages the server writes (refusals shown beside a field), whatever the page's language.</summary>
public static class DanishDates
{
    private static readonly CultureInfo Danish = CultureInfo.GetCultureInfo("da-DK");

    /// <summary>"1. januar 2027".</summary>
    public static string Written(DateOnly date) => date.ToString("d. MMMM yyyy", Danish);
}

using System.Globalization;

namespace Indgang.Web.Tests.Infrastructure;

/// <summary>
/// A day as the Danish pages write it in a sentence ("1. januar 2027", <c>{0:d. MMMM yyyy}</c> in a message's Danish
/// text): what a test expects to read.
/// </summary>
public static class DanishDates
{
    private static readonly CultureInfo Danish = CultureInfo.GetCultureInfo("da-DK");

    public static string Written(DateOnly date) => date.ToString("d. MMMM yyyy", Danish);
}

using System.Globalization;

namespace Indgang.Web.Platform;

/// <summary>
/// A whole number as people write it in a form: digits, a minus before a negative one, a thousands point or space
/// between groups of three (1.500, 1 500) as in Danish. A comma is no part of a whole number: "4,5" is refused, not 45.
/// </summary>
public static class WholeNumber
{
    public static bool TryParse(string? text, out int value)
    {
        value = 0;
        var trimmed = (text ?? "").Trim();
        var negative = trimmed.StartsWith('-');
        var digits = DanishDigits.Ungrouped(negative ? trimmed[1..] : trimmed);
        return digits is not null
            && int.TryParse(negative ? "-" + digits : digits, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);
    }
}

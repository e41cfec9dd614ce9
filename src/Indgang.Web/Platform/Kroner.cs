using System.Globalization;

namespace Indgang.Web.Platform;

/// <summary>
/// An amount in kroner as people and browsers write it: digits, with øre after a comma or a point (2400, 2400,50,
/// 2400.50 — a number field sends a point whatever the page's language). A thousands separator is refused, not guessed:
/// "2.400" is 2,400 kr. in Danish and 2.4 in English, and a rent read wrong is a rent cap checked wrong.
/// </summary>
public static class Kroner
{
    public const string Hint = "Skriv fx 2400 eller 2400,50, uden tusindtalspunktum.";

    public static bool TryParse(string? text, out decimal amount)
    {
        amount = 0;
        var parts = (text ?? "").Trim().Split([',', '.']);
        var valid = parts.Length <= 2 && parts[0].Length > 0 && parts[0].All(char.IsAsciiDigit)
            && (parts.Length == 1 || (parts[1].Length is 1 or 2 && parts[1].All(char.IsAsciiDigit)));
        return valid && decimal.TryParse(string.Join('.', parts), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out amount);
    }

    /// <summary>
    /// An amount as <see cref="TryParse"/> reads it back, in the hint's form: whole kroner without decimals (2400), øre
    /// after a comma (2400,50). No thousands separator. A negative amount has no form here (no rent is negative).
    /// </summary>
    public static string Format(decimal amount)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(amount);
        return amount == decimal.Truncate(amount)
            ? decimal.Truncate(amount).ToString("0", CultureInfo.InvariantCulture)
            : amount.ToString("0.00", CultureInfo.InvariantCulture).Replace('.', ',');
    }

    /// <summary>An amount as a page shows it in <paramref name="culture"/>: whole kroner without decimals (7.450), øre with two (7.450,50).</summary>
    public static string Shown(decimal amount, CultureInfo culture) =>
        amount.ToString(amount == decimal.Truncate(amount) ? "N0" : "N2", culture);
}

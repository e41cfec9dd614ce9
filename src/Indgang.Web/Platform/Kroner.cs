using System.Globalization;

namespace Indgang.Web.Platform;

/// <summary>
/// An amount in kroner as people and browsers write it: digits, with øre after a comma or a point (2400, 2400,50,
/// 2400.50 — a number field sends a point whatever the page's language), and the thousands written the Danish way the
/// pages show them (4.520, 4.520,50, 4 520; <see cref="DanishDigits"/>). A point before three digits is a thousands point
/// and before one or two an øre point: øre are never three digits, so "2.400" is 2,400 kr. and never 2.4 kr. A comma
/// before three digits (an English 2,400) is refused, not guessed: in Danish it would be 2.4 kr.
/// </summary>
public static class Kroner
{
    public const string Hint = "Skriv fx 4520, 4.520 eller 4.520,50.";

    public static bool TryParse(string? text, out decimal amount)
    {
        amount = 0;
        var trimmed = (text ?? "").Trim();
        var (whole, ore) = Split(trimmed);
        var digits = DanishDigits.Ungrouped(whole);
        var valid = digits is not null && (ore is null || (ore.Length is 1 or 2 && ore.All(char.IsAsciiDigit)));
        return valid && decimal.TryParse(ore is null ? digits : $"{digits}.{ore}", NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out amount);
    }

    /// <summary>The kroner and the øre (null: none) of an amount: after its comma, or after a last point with one or two digits behind it.</summary>
    private static (string Whole, string? Ore) Split(string text)
    {
        var comma = text.IndexOf(',', StringComparison.Ordinal);
        if (comma >= 0)
        {
            return (text[..comma], text[(comma + 1)..]);
        }

        var point = text.LastIndexOf('.');
        return point >= 0 && text.Length - point - 1 is 1 or 2 ? (text[..point], text[(point + 1)..]) : (text, null);
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

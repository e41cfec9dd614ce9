namespace Indgang.Web.Platform;

/// <summary>
/// The digits of a whole number as a Dane writes it, shared by <see cref="WholeNumber"/> and <see cref="Kroner"/>: plain
/// (4520), or in groups of three after the first, a thousands point or a space between them (4.520, 4 520, 1.234.567),
/// as the pages show amounts. One kind of separator in a number.
/// </summary>
internal static class DanishDigits
{
    private static readonly char[] Separators = ['.', ' ', '\u00A0'];

    /// <summary>The digits without their separators, or null when <paramref name="text"/> is not written so.</summary>
    public static string? Ungrouped(string text)
    {
        if (text.Length > 0 && text.All(char.IsAsciiDigit))
        {
            return text;
        }

        var separator = Separators.FirstOrDefault(s => text.Contains(s, StringComparison.Ordinal));
        if (separator == default)
        {
            return null;
        }

        var groups = text.Split(separator);
        var grouped = groups[0].Length is >= 1 and <= 3 && groups.Skip(1).All(g => g.Length == 3) && groups.All(g => g.All(char.IsAsciiDigit));
        return grouped ? string.Concat(groups) : null;
    }
}

using System.Diagnostics.CodeAnalysis;

namespace Indgang.Domain.People;

/// <summary>A Danish CPR number. A person's CPR number can change, so never use it as a key.</summary>
public sealed record CprNumber
{
    private static readonly int[] Modulus11Weights = [4, 3, 2, 7, 6, 5, 4, 3, 2, 1];

    private CprNumber(string digits, DateOnly birthDate, bool isReplacementNumber)
    {
        Digits = digits;
        BirthDate = birthDate;
        IsReplacementNumber = isReplacementNumber;
    }

    public string Digits { get; }

    public DateOnly BirthDate { get; }

    /// <summary>Replacement numbers (erstatningspersonnumre) have 6 added to the first digit of the day.</summary>
    public bool IsReplacementNumber { get; }

    public string Formatted => $"{Digits[..6]}-{Digits[6..]}";

    public string Masked => $"{Digits[..6]}-xxxx";

    public Gender Gender => Digit(9) % 2 == 0 ? Gender.Female : Gender.Male;

    // Numbers failing this check have been issued since 1 October 2007, so a failure is information, not an error.
    public bool PassesModulus11
    {
        get
        {
            var sum = 0;
            for (var i = 0; i < 10; i++)
            {
                sum += Digit(i) * Modulus11Weights[i];
            }

            return sum % 11 == 0;
        }
    }

    // Masked, so that logging or string interpolation never leaks the whole number by accident.
    public override string ToString() => Masked;

    public static CprNumber Parse(string input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return TryParse(input, out var cpr, out var error)
            ? cpr
            : throw new FormatException($"Invalid CPR number: {error}.");
    }

    public static bool TryParse(string? input, [NotNullWhen(true)] out CprNumber? cpr, out CprParseError error)
    {
        cpr = null;
        error = Validate(input, out var digits, out var birthDate, out var isReplacement);
        if (error != CprParseError.None)
        {
            return false;
        }

        cpr = new CprNumber(digits, birthDate, isReplacement);
        return true;
    }

    private static CprParseError Validate(string? input, out string digits, out DateOnly birthDate, out bool isReplacement)
    {
        digits = string.Empty;
        birthDate = default;
        isReplacement = false;

        var text = input?.Trim() ?? string.Empty;
        if (text.Length == 0)
        {
            return CprParseError.Empty;
        }

        if (text.Length > 6 && text[6] == '-')
        {
            text = string.Concat(text.AsSpan(0, 6), text.AsSpan(7));
        }

        // char.IsDigit would also accept other scripts' digits, e.g. Arabic-Indic.
        if (!text.All(char.IsAsciiDigit))
        {
            return CprParseError.NotDigits;
        }

        if (text.Length != 10)
        {
            return CprParseError.WrongLength;
        }

        var day = TwoDigits(text, 0);
        var month = TwoDigits(text, 2);
        var yy = TwoDigits(text, 4);
        isReplacement = day > 60;
        if (isReplacement)
        {
            day -= 60;
        }

        var year = Century(text[6] - '0', yy) + yy;
        if (month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return CprParseError.InvalidDate;
        }

        digits = text;
        birthDate = new DateOnly(year, month, day);
        return CprParseError.None;
    }

    // The century follows from the first serial digit together with the two-digit year.
    private static int Century(int seventhDigit, int yy) => seventhDigit switch
    {
        <= 3 => 1900,
        4 or 9 => yy <= 36 ? 2000 : 1900,
        _ => yy <= 57 ? 2000 : 1800,
    };

    private static int TwoDigits(string text, int start) => ((text[start] - '0') * 10) + (text[start + 1] - '0');

    private int Digit(int index) => Digits[index] - '0';
}

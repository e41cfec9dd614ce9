using Indgang.Domain.People;

namespace Indgang.Domain.Tests.People;

public class CprNumberTests
{
    // Every cell of the century table, at the edges of each YY range: digit 7 and YY decide the century.
    [Theory]
    [InlineData("150600-0123", 1900)]
    [InlineData("150636-0123", 1936)]
    [InlineData("150637-1123", 1937)]
    [InlineData("150657-2123", 1957)]
    [InlineData("150658-3123", 1958)]
    [InlineData("150699-3123", 1999)]
    [InlineData("150600-4123", 2000)]
    [InlineData("150636-4123", 2036)]
    [InlineData("150637-4123", 1937)]
    [InlineData("150657-4123", 1957)]
    [InlineData("150658-4123", 1958)]
    [InlineData("150699-4123", 1999)]
    [InlineData("150600-9123", 2000)]
    [InlineData("150636-9123", 2036)]
    [InlineData("150637-9123", 1937)]
    [InlineData("150657-9123", 1957)]
    [InlineData("150658-9123", 1958)]
    [InlineData("150699-9123", 1999)]
    [InlineData("150600-5123", 2000)]
    [InlineData("150636-5123", 2036)]
    [InlineData("150637-5123", 2037)]
    [InlineData("150657-5123", 2057)]
    [InlineData("150658-5123", 1858)]
    [InlineData("150699-5123", 1899)]
    [InlineData("150610-6123", 2010)]
    [InlineData("150645-6123", 2045)]
    [InlineData("150670-6123", 1870)]
    [InlineData("150620-7123", 2020)]
    [InlineData("150650-7123", 2050)]
    [InlineData("150680-7123", 1880)]
    [InlineData("150636-8123", 2036)]
    [InlineData("150637-8123", 2037)]
    [InlineData("150658-8123", 1858)]
    [InlineData("150699-8123", 1899)]
    public void BirthDate_SeventhDigitAndYear_FollowsCenturyTable(string input, int expectedYear)
    {
        var cpr = CprNumber.Parse(input);

        Assert.Equal(new DateOnly(expectedYear, 6, 15), cpr.BirthDate);
    }

    [Theory]
    [InlineData("0707611230", Gender.Female)]
    [InlineData("0707611231", Gender.Male)]
    [InlineData("0707611232", Gender.Female)]
    [InlineData("0707611233", Gender.Male)]
    [InlineData("0707611234", Gender.Female)]
    [InlineData("0707611235", Gender.Male)]
    [InlineData("0707611236", Gender.Female)]
    [InlineData("0707611237", Gender.Male)]
    [InlineData("0707611238", Gender.Female)]
    [InlineData("0707611239", Gender.Male)]
    public void Gender_LastDigit_OddIsMaleEvenIsFemale(string input, Gender expected)
    {
        Assert.Equal(expected, CprNumber.Parse(input).Gender);
    }

    // Weights 4,3,2,7,6,5,4,3,2,1; the weighted sums were worked out by hand.
    [Theory]
    [InlineData("0707614285", true)] // 0+21+0+49+36+5+16+6+16+5 = 154 = 14 * 11
    [InlineData("1502851019", true)] // 4+15+0+14+48+25+4+0+2+9 = 121 = 11 * 11
    [InlineData("3112991009", true)] // 12+3+2+14+54+45+4+0+0+9 = 143 = 13 * 11
    [InlineData("6101901007", true)] // 24+3+0+7+54+0+4+0+0+7 = 99 = 9 * 11 (replacement number)
    [InlineData("0707614286", false)] // 155 = 14 * 11 + 1
    [InlineData("1502851234", false)] // 4+15+0+14+48+25+4+6+6+4 = 126 = 11 * 11 + 5
    [InlineData("3112991000", false)] // 143 - 9 = 134 = 12 * 11 + 2
    public void PassesModulus11_WeightedSum_ReportsWithoutRejecting(string input, bool expected)
    {
        var parsed = CprNumber.TryParse(input, out var cpr, out var error);

        Assert.True(parsed);
        Assert.Equal(CprParseError.None, error);
        Assert.Equal(expected, cpr!.PassesModulus11);
    }

    [Theory]
    [InlineData("610190-1007", 1990, 1, 1)]
    [InlineData("711285-1234", 1985, 12, 11)]
    [InlineData("910190-1234", 1990, 1, 31)]
    [InlineData("890200-4123", 2000, 2, 29)]
    public void BirthDate_ReplacementNumber_IsDayMinusSixty(string input, int year, int month, int day)
    {
        var cpr = CprNumber.Parse(input);

        Assert.True(cpr.IsReplacementNumber);
        Assert.Equal(new DateOnly(year, month, day), cpr.BirthDate);
    }

    [Theory]
    [InlineData("010190-1234")]
    [InlineData("310190-1234")]
    public void IsReplacementNumber_OrdinaryDay_IsFalse(string input)
    {
        Assert.False(CprNumber.Parse(input).IsReplacementNumber);
    }

    [Theory]
    [InlineData("600190-1234")] // day 00
    [InlineData("920190-1234")] // day 32
    [InlineData("890290-1234")] // 29 February 1990
    [InlineData("450190-1234")] // neither an ordinary nor a replacement day
    public void TryParse_ImpossibleReplacementDay_IsInvalidDate(string input)
    {
        Assert.False(CprNumber.TryParse(input, out _, out var error));
        Assert.Equal(CprParseError.InvalidDate, error);
    }

    [Theory]
    [InlineData("0707614285")]
    [InlineData("070761-4285")]
    [InlineData("  070761-4285\t")]
    [InlineData(" 0707614285 ")]
    public void Format_WithOrWithoutHyphen_IsNormalised(string input)
    {
        var cpr = CprNumber.Parse(input);

        Assert.Equal("0707614285", cpr.Digits);
        Assert.Equal("070761-4285", cpr.Formatted);
        Assert.Equal("070761-xxxx", cpr.Masked);
    }

    [Theory]
    [InlineData("0707614285", "070761-xxxx")]
    [InlineData("070761-4285", "070761-xxxx")]
    [InlineData("6101901007", "610190-xxxx")]
    public void ToString_AnyNumber_IsMaskedWithoutSerial(string input, string expected)
    {
        var cpr = CprNumber.Parse(input);

        Assert.Equal(cpr.Masked, cpr.ToString());
        Assert.Equal(expected, cpr.ToString());
        Assert.DoesNotContain(input[^4..], cpr.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(input[^4..], $"{cpr}", StringComparison.Ordinal);
    }

    [Fact]
    public void Equals_SameNumberWrittenDifferently_IsEqual()
    {
        Assert.Equal(CprNumber.Parse("0707614285"), CprNumber.Parse(" 070761-4285 "));
        Assert.NotEqual(CprNumber.Parse("0707614285"), CprNumber.Parse("0707614286"));
    }

    [Theory]
    [InlineData(null, CprParseError.Empty)]
    [InlineData("", CprParseError.Empty)]
    [InlineData("   ", CprParseError.Empty)]
    [InlineData("\t\n", CprParseError.Empty)]
    [InlineData("07076l4285", CprParseError.NotDigits)]
    [InlineData("ABCDEFGHIJ", CprParseError.NotDigits)]
    [InlineData("070761-428X", CprParseError.NotDigits)]
    [InlineData("07076-14285", CprParseError.NotDigits)]
    [InlineData("0707614-285", CprParseError.NotDigits)]
    [InlineData("0707614285-", CprParseError.NotDigits)]
    [InlineData("-0707614285", CprParseError.NotDigits)]
    [InlineData("070761--4285", CprParseError.NotDigits)]
    [InlineData("07-0761-4285", CprParseError.NotDigits)]
    [InlineData("070761 4285", CprParseError.NotDigits)]
    [InlineData("070761/4285", CprParseError.NotDigits)]
    [InlineData("\u0660\u0667\u0660\u0667\u0666\u0661\u0664\u0662\u0668\u0665", CprParseError.NotDigits)]
    [InlineData("070761428", CprParseError.WrongLength)]
    [InlineData("07076142851", CprParseError.WrongLength)]
    [InlineData("070761-428", CprParseError.WrongLength)]
    [InlineData("070761-42851", CprParseError.WrongLength)]
    [InlineData("0707", CprParseError.WrongLength)]
    [InlineData("310290-1234", CprParseError.InvalidDate)] // 31 February
    [InlineData("300290-1234", CprParseError.InvalidDate)] // 30 February
    [InlineData("290290-1234", CprParseError.InvalidDate)] // 1990 is not a leap year
    [InlineData("290200-1234", CprParseError.InvalidDate)] // 1900 is not a leap year
    [InlineData("310490-1234", CprParseError.InvalidDate)] // 31 April
    [InlineData("011390-1234", CprParseError.InvalidDate)] // month 13
    [InlineData("010090-1234", CprParseError.InvalidDate)] // month 00
    [InlineData("000190-1234", CprParseError.InvalidDate)] // day 00
    [InlineData("320190-1234", CprParseError.InvalidDate)] // day 32
    public void TryParse_MalformedInput_ReturnsFalseWithReason(string? input, CprParseError expected)
    {
        var parsed = CprNumber.TryParse(input, out var cpr, out var error);

        Assert.False(parsed);
        Assert.Null(cpr);
        Assert.Equal(expected, error);
    }

    [Theory]
    [InlineData("290292-1234", 1992)]
    [InlineData("290200-4123", 2000)]
    [InlineData("290260-5123", 1860)]
    public void TryParse_29FebruaryInLeapYear_IsAccepted(string input, int year)
    {
        var parsed = CprNumber.TryParse(input, out var cpr, out var error);

        Assert.True(parsed);
        Assert.Equal(CprParseError.None, error);
        Assert.Equal(new DateOnly(year, 2, 29), cpr!.BirthDate);
    }

    [Theory]
    [InlineData("310290-1234", "InvalidDate")]
    [InlineData("ABCDEFGHIJ", "NotDigits")]
    [InlineData("070761428", "WrongLength")]
    [InlineData(" ", "Empty")]
    public void Parse_MalformedInput_ThrowsFormatExceptionNamingError(string input, string errorName)
    {
        var exception = Assert.Throws<FormatException>(() => CprNumber.Parse(input));

        Assert.Contains(errorName, exception.Message, StringComparison.Ordinal);
    }
}

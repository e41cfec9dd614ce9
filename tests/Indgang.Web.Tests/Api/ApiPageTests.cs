using Indgang.Web.Features.Api;
using Microsoft.Extensions.Localization;

namespace Indgang.Web.Tests.Api;

/// <summary>Which page the query string asks for: its defaults, its bounds, and what is refused under which name.</summary>
public sealed class ApiPageTests
{
    [Theory]
    [InlineData(null, null, 1, 100)]
    [InlineData("", " ", 1, 100)]
    [InlineData("3", "25", 3, 25)]
    [InlineData(" 3 ", "500", 3, 500)]
    [InlineData("2147483647", "1", int.MaxValue, 1)]
    public void Read_WholeNumbersInRange_AreThePage(string? page, string? pageSize, int number, int size)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);

        Assert.Equal(new ApiPage(number, size), ApiPage.Read(page, pageSize, errors, new KeyAsText()));
        Assert.Empty(errors);
    }

    [Theory]
    [InlineData("0", null, "page")]
    [InlineData("-1", null, "page")]
    [InlineData("+2", null, "page")]
    [InlineData("2147483648", null, "page")]
    [InlineData("1e2", null, "page")]
    [InlineData("٣", null, "page")]
    [InlineData(null, "0", "pageSize")]
    [InlineData(null, "501", "pageSize")]
    [InlineData(null, "10,5", "pageSize")]
    [InlineData("x", "y", "page pageSize")]
    public void Read_AnythingElse_IsRefusedUnderItsName(string? page, string? pageSize, string refused)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);

        Assert.Null(ApiPage.Read(page, pageSize, errors, new KeyAsText()));
        Assert.Equal(refused.Split(' '), errors.Keys.Order(StringComparer.Ordinal));
        Assert.All(errors.Values, messages => Assert.StartsWith("Angiv ", Assert.Single(messages), StringComparison.Ordinal));
    }

    [Fact]
    public void RowsBefore_OfAPageFarPastAnyList_IsAtMostWhatTheDatabaseSkips()
    {
        Assert.Equal(200, new ApiPage(3, 100).RowsBefore);
        Assert.Equal(int.MaxValue, new ApiPage(int.MaxValue, 500).RowsBefore);
    }

    /// <summary>A localizer that answers with the Danish key, its values filled in.</summary>
    private sealed class KeyAsText : IStringLocalizer
    {
        public LocalizedString this[string name] => new(name, name);

        public LocalizedString this[string name, params object[] arguments] =>
            new(name, string.Format(System.Globalization.CultureInfo.InvariantCulture, name, arguments));

        public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) => [];
    }
}

using System.Globalization;
using Indgang.Web.Platform;
using Microsoft.Extensions.Localization;

namespace Indgang.Web.Tests.Localization;

public sealed class CountedTextTests
{
    [Theory]
    [InlineData(1, "1 seng")]
    [InlineData(-1, "-1 seng")]
    [InlineData(0, "0 senge")]
    [InlineData(2, "2 senge")]
    [InlineData(-15, "-15 senge")]
    [InlineData(21, "21 senge")]
    public void Count_TakesTheSingularForExactlyOne(int count, string expected) =>
        Assert.Equal(expected, new KeyAsText().Count(count, "{0} seng", "{0} senge").Value);

    /// <summary>A localizer without translations: the Danish key is the text, formatted as the real one does.</summary>
    private sealed class KeyAsText : IStringLocalizer
    {
        public LocalizedString this[string name] => new(name, name);

        public LocalizedString this[string name, params object[] arguments] =>
            new(name, string.Format(CultureInfo.InvariantCulture, name, arguments));

        public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) => [];
    }
}

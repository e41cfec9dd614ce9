using System.Globalization;
using Indgang.Tests.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;

namespace Indgang.Web.Tests.Operations;

/// <summary>
/// The JSON log's timestamps, as the app configures its console log, are ISO 8601 in UTC that a log collector parses,
/// in any process culture: found by review, every one ended in a space, and strict parsers refused them all.
/// </summary>
public sealed class LogTimestampTests(IndgangAppFactory factory) : IClassFixture<IndgangAppFactory>
{
    [Theory]
    [InlineData("da-DK")]
    [InlineData("fi-FI")]
    [InlineData("en-GB")]
    public void JsonLogTimestamp_IsIso8601InUtc_ThatParsesExactly(string culture)
    {
        var options = factory.Services.GetRequiredService<IOptionsMonitor<JsonConsoleFormatterOptions>>().CurrentValue;
        var at = new DateTime(2026, 12, 5, 8, 59, 10, 177, DateTimeKind.Utc);

        var written = at.ToString(options.TimestampFormat, CultureInfo.GetCultureInfo(culture));

        Assert.True(options.UseUtcTimestamp);
        Assert.Equal("2026-12-05T08:59:10.177Z", written);
        Assert.Equal(at, DateTime.Parse(written, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal));
    }
}

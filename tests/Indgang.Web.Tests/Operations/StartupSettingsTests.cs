using Indgang.Tests.Hosting;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Options;

namespace Indgang.Web.Tests.Operations;

/// <summary>
/// A setting the application cannot run with stops it at start, naming the setting and what it may be: not a deadline
/// watch that never starts, nor a sign-in page that answers every attempt with an error.
/// </summary>
public sealed class StartupSettingsTests
{
    [Theory]
    [InlineData("0")]
    [InlineData("-5")]
    [InlineData("1441")]
    public async Task ADeadlineWatchIntervalOutsideOneMinuteToADay_StopsTheAppAtStartup(string minutes)
    {
        await using var factory = new ConfiguredFactory("Indgang:DeadlineWatchMinutes", minutes);
        var error = Assert.Throws<OptionsValidationException>(() => factory.Services);
        Assert.Contains("Indgang:DeadlineWatchMinutes must be between 1 and 1440.", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("1441")]
    public async Task AnAuditAnchorIntervalOutsideOneMinuteToADay_StopsTheAppAtStartup(string minutes)
    {
        await using var factory = new ConfiguredFactory("Indgang:Audit:AnchorMinutes", minutes);
        var error = Assert.Throws<OptionsValidationException>(() => factory.Services);
        Assert.Contains("Indgang:Audit:AnchorMinutes must be between 1 and 1440.", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Indgang:Session:IdleMinutes", "0", "Indgang:Session:IdleMinutes must be between 1 and 720.")]
    [InlineData("Indgang:Session:MaxHours", "25", "Indgang:Session:MaxHours must be between 1 and 24.")]
    [InlineData("Indgang:Session:IdleMinutes", "600", "Indgang:Session:IdleMinutes must be no longer than MaxHours.")]
    [InlineData("Indgang:Session:WarningMinutes", "0", "Indgang:Session:WarningMinutes must be between 1 and 60.")]
    [InlineData("Indgang:Session:WarningMinutes", "61", "Indgang:Session:WarningMinutes must be between 1 and 60.")]
    public async Task ASessionLimitOutsideItsRange_StopsTheAppAtStartup(string key, string value, string message)
    {
        await using var factory = new ConfiguredFactory(key, value);
        var error = Assert.Throws<OptionsValidationException>(() => factory.Services);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-1")]
    public async Task NoSignInAttemptsAMinute_StopsTheAppAtStartup(string attempts)
    {
        await using var factory = new ConfiguredFactory("Indgang:LoginAttemptsPerMinute", attempts);
        var error = Assert.Throws<OptionsValidationException>(() => factory.Services);
        Assert.Contains("Indgang:LoginAttemptsPerMinute must be at least 1.", error.Message, StringComparison.Ordinal);
    }

    private sealed class ConfiguredFactory(string key, string value) : IndgangAppFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting(key, value);
        }
    }
}

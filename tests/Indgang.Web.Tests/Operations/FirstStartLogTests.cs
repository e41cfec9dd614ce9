using Indgang.Tests.Hosting;
using Indgang.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Indgang.Web.Tests.Operations;

/// <summary>
/// A new installation in Production, on the empty database the README has the operator make first, starts without an
/// error in its log: an operator's alerting takes an error at start for a failed start. On PostgreSQL, EF Core logged one
/// at every new installation ("Failed executing DbCommand … __EFMigrationsHistory": the provider read the migrations'
/// history before it made it).
/// </summary>
public sealed class FirstStartLogTests(FirstStartLogTests.NewInstallationFactory factory)
    : IClassFixture<FirstStartLogTests.NewInstallationFactory>
{
    [Fact]
    public async Task ANewInstallation_OnItsEmptyDatabase_StartsWithoutAnErrorInItsLog()
    {
        using var browser = Browser.For(factory);

        var loginPage = await browser.GetPageAsync("/Account/Login");

        Assert.Contains("Log ind", loginPage, StringComparison.Ordinal);
        Assert.Empty(factory.Log.Lines.Where(l => l.Level >= LogLevel.Error).Select(l => l.Message));
        // The log is kept: the warning every new installation without a key certificate gets is there.
        Assert.Contains(factory.Log.At(LogLevel.Warning), m => m.StartsWith("The Data Protection keys are stored in the database unencrypted", StringComparison.Ordinal));
    }

    /// <summary>The app in Production, started for the first time on an empty database, its log kept in <see cref="Log"/>.</summary>
    public sealed class NewInstallationFactory : IndgangAppFactory
    {
        public LogCapture Log { get; } = new();

        protected override string EnvironmentName => "Production";

        protected override bool FindsItsEmptyDatabaseMade => true;

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureServices(s => s.AddSingleton<ILoggerProvider>(Log));
        }
    }
}

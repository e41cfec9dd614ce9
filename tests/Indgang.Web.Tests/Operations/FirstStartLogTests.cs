using Indgang.Web.Tests.Infrastructure;
using Microsoft.Extensions.Logging;

namespace Indgang.Web.Tests.Operations;

/// <summary>
/// A new installation in Production, on the empty database the README has the operator make first, starts without an
/// error in its log: an operator's alerting takes an error at start for a failed start. On PostgreSQL, EF Core logged one
/// at every new installation ("Failed executing DbCommand … __EFMigrationsHistory": the provider read the migrations'
/// history before it made it). Without its database, the installation makes it and says so, in a warning (the name in
/// its connection string may be wrong), without EF Core's error as its migrations found the database missing.
/// </summary>
public sealed class FirstStartLogTests
{
    [Fact]
    public async Task ANewInstallation_OnItsEmptyDatabase_StartsWithoutAnErrorInItsLog()
    {
        await using var factory = new NewInstallationFactory(databaseMade: true);
        using var browser = Browser.For(factory);

        var loginPage = await browser.GetPageAsync("/Account/Login");

        Assert.Contains("Log ind", loginPage, StringComparison.Ordinal);
        Assert.Equal("", factory.Log.Errors);
        // The log is kept: the warning every new installation without a key certificate gets is there.
        Assert.Contains(factory.Log.At(LogLevel.Warning), m => m.StartsWith("The Data Protection keys are stored in the database unencrypted", StringComparison.Ordinal));
        Assert.DoesNotContain(factory.Log.At(LogLevel.Warning), m => m.Contains("is not there", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ANewInstallation_WithoutItsPostgresDatabase_MakesIt_AndSaysSo_WithoutAnError()
    {
        await using var factory = new NewInstallationFactory(databaseMade: false);
        using var browser = Browser.For(factory);

        var loginPage = await browser.GetPageAsync("/Account/Login");

        Assert.Contains("Log ind", loginPage, StringComparison.Ordinal);
        Assert.Equal("", factory.Log.Errors);
        var missing = factory.Log.At(LogLevel.Warning).Where(m => m.StartsWith("The PostgreSQL database", StringComparison.Ordinal)).ToList();
        if (factory.UsesPostgres)
        {
            Assert.Equal($"The PostgreSQL database {factory.PostgresDatabase} is not there: it is made now, empty, with its schema. If this installation has its data in a database already, stop the server and check the database name in its connection string.", Assert.Single(missing));
        }
        else
        {
            Assert.Empty(missing);
        }
    }

    /// <summary>The app in Production, started for the first time (its database made for it, empty, or not), its log kept.</summary>
    private sealed class NewInstallationFactory(bool databaseMade) : LoggedAppFactory
    {
        protected override string EnvironmentName => "Production";

        protected override bool FindsItsEmptyDatabaseMade => databaseMade;
    }
}

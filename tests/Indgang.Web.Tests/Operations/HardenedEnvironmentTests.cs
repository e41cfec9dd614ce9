using System.Net;
using Indgang.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Logging;

namespace Indgang.Web.Tests.Operations;

/// <summary>
/// Every environment but Development (and the test suite's) is hardened, not only one named Production: a Staging server
/// ran without secure cookies, HSTS or the redirect to HTTPS. Such a server on SQLite says so at start, and where the file is.
/// </summary>
public sealed class HardenedEnvironmentTests(HardenedEnvironmentTests.StagingFactory factory)
    : IClassFixture<HardenedEnvironmentTests.StagingFactory>
{
    [Fact]
    public async Task Staging_APageOverHttp_IsSentToHttps_AndTheSignInPagesCookiesAreSecure()
    {
        using var http = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("http://localhost") });
        using var browser = Browser.For(factory);

        using var overHttp = await http.GetAsync(new Uri("/Account/Login", UriKind.Relative));
        using var overHttps = await browser.GetAsync("/Account/Login");

        Assert.Equal(HttpStatusCode.TemporaryRedirect, overHttp.StatusCode);
        Assert.Equal(new Uri("https://localhost/Account/Login"), overHttp.Headers.Location);
        Assert.Equal(HttpStatusCode.OK, overHttps.StatusCode);
        Assert.All(overHttps.Headers.GetValues("Set-Cookie"), c => Assert.Contains("; secure", c, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void Staging_WarnsAtStart_WhenTheDatabaseIsSqlite_NamingTheFile()
    {
        _ = factory.Services;

        var warnings = factory.Log.At(LogLevel.Warning);
        if (factory.UsesPostgres)
        {
            Assert.DoesNotContain(warnings, m => m.Contains("SQLite", StringComparison.Ordinal));
        }
        else
        {
            Assert.Contains(warnings, m => m.Contains("The database is SQLite", StringComparison.Ordinal)
                && m.Contains(Path.Combine(factory.DataDirectory, "indgang.db"), StringComparison.Ordinal));
        }
    }

    /// <summary>The app in an environment named Staging, its warnings kept in <see cref="LoggedAppFactory.Log"/>.</summary>
    public sealed class StagingFactory : LoggedAppFactory
    {
        protected override string EnvironmentName => "Staging";
    }
}

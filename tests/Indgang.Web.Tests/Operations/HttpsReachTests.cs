using System.Net;
using Indgang.Tests.Hosting;
using Indgang.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;

namespace Indgang.Web.Tests.Operations;

/// <summary>
/// In Production the app's cookies go over HTTPS only. Started with no setting that tells how HTTPS reaches it, it
/// answered every page over plain HTTP with an empty 500 while /health/ready said healthy; now it does not start, and
/// the error names the settings. A named reverse proxy (which says HTTPS in X-Forwarded-Proto) is enough.
/// </summary>
public sealed class HttpsReachTests
{
    [Fact]
    public async Task Production_WithNoWayForHttpsToReachIt_DoesNotStart_NamingTheSettings()
    {
        await using var factory = new ProductionFactory();

        var refused = Assert.ThrowsAny<Exception>(() => factory.Services);

        var message = refused.GetBaseException().Message;
        Assert.Contains("ASPNETCORE_HTTPS_PORT", message, StringComparison.Ordinal);
        Assert.Contains("ASPNETCORE_URLS", message, StringComparison.Ordinal);
        Assert.Contains("Indgang:ReverseProxy:KnownProxies", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Production_BehindANamedProxy_StartsAndAnswersPages()
    {
        await using var factory = new ProductionFactory(("Indgang:ReverseProxy:KnownProxies:0", "10.0.0.5"));
        using var browser = Browser.For(factory);

        using var login = await browser.GetAsync("/Account/Login");

        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
    }

    [Fact]
    public async Task Production_WithAnHttpsAddressOfItsOwn_Starts()
    {
        await using var factory = new ProductionFactory(("urls", "http://127.0.0.1:5093;https://127.0.0.1:5094"));
        using var browser = Browser.For(factory);

        using var health = await browser.GetAsync("/health/ready");

        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }

    /// <summary>Production with the tests' HTTPS port taken away, and the settings given.</summary>
    private sealed class ProductionFactory(params (string Key, string Value)[] settings) : IndgangAppFactory
    {
        protected override string EnvironmentName => "Production";

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("https_port", "");
            foreach (var (key, value) in settings)
            {
                builder.UseSetting(key, value);
            }
        }
    }
}

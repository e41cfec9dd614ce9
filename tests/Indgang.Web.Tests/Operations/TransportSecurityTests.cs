using System.Net;
using Indgang.Tests.Hosting;
using Indgang.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Indgang.Web.Tests.Operations;

/// <summary>
/// In Production, a page asked for over plain HTTP is sent to HTTPS, and the sign-in cookie is marked Secure. Before,
/// the sign-in page was answered over HTTP, and its cookie went without the flag. The health endpoints stay on HTTP for
/// the platform's probes. Over HTTPS, HSTS tells the browser to keep to HTTPS for a year (it was ASP.NET Core's 30 days).
/// </summary>
public sealed class TransportSecurityTests(TransportSecurityTests.HttpsProductionFactory factory)
    : IClassFixture<TransportSecurityTests.HttpsProductionFactory>
{
    [Fact]
    public async Task Production_APageOverHttp_IsSentToHttps_TheHealthProbeIsNot()
    {
        using var http = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("http://localhost") });

        using var login = await http.GetAsync(new Uri("/Account/Login", UriKind.Relative));
        using var health = await http.GetAsync(new Uri("/health/live", UriKind.Relative));

        Assert.Equal(HttpStatusCode.TemporaryRedirect, login.StatusCode);
        Assert.Equal(new Uri("https://localhost/Account/Login"), login.Headers.Location);
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }

    [Fact]
    public async Task Production_APageOverHttps_TellsTheBrowserToKeepToHttpsForAYear()
    {
        using var https = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("https://indgang.kommune.example") });

        using var login = await https.GetAsync(new Uri("/Account/Login", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        Assert.Equal("max-age=31536000", Assert.Single(login.Headers.GetValues("Strict-Transport-Security")));
    }

    [Fact]
    public async Task Production_TheSignInPageAndTheSignIn_SetOnlySecureCookies()
    {
        using var browser = Browser.For(factory);

        using var page = await browser.GetAsync("/Account/Login");
        using var signIn = await browser.SignInAsync(HttpsProductionFactory.AdminName, HttpsProductionFactory.AdminPassword);

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        var cookies = page.Headers.GetValues("Set-Cookie").Concat(signIn.Headers.TryGetValues("Set-Cookie", out var more) ? more : []).ToList();
        Assert.Contains(cookies, c => c.StartsWith(".AspNetCore.Antiforgery.", StringComparison.Ordinal));
        Assert.Contains(cookies, c => c.StartsWith("indgang.auth=", StringComparison.Ordinal));
        Assert.All(cookies, c => Assert.Contains("; secure", c, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>Production, with the HTTPS port known (as ASPNETCORE_HTTPS_PORT gives it behind a proxy).</summary>
    public sealed class HttpsProductionFactory : IndgangAppFactory
    {
        public const string AdminName = "it-admin";
        public const string AdminPassword = "Førstegang-2026";

        protected override string EnvironmentName => "Production";

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("https_port", "443");
            builder.UseSetting("Indgang:BootstrapAdmin:UserName", AdminName);
            builder.UseSetting("Indgang:BootstrapAdmin:Password", AdminPassword);
        }
    }
}

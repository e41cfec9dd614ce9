using System.Net;
using Indgang.Tests.Hosting;
using Indgang.Web.Tests.Infrastructure;

namespace Indgang.Web.Tests.Security;

public sealed class AnonymousAccessTests(IndgangAppFactory factory) : IClassFixture<IndgangAppFactory>
{
    [Theory]
    [InlineData("/")]
    [InlineData("/Admin/Users")]
    [InlineData("/Admin/Audit")]
    [InlineData("/Households/6f1c3b8e-0000-4000-8000-000000000000")]
    public async Task Page_Anonymous_RedirectsToLogin(string url)
    {
        using var browser = Browser.For(factory);
        using var response = await browser.GetAsync(url);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/Login", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/api/v1/people/6f1c3b8e-0000-4000-8000-000000000000")]
    [InlineData("/api/v1/households/mine")]
    [InlineData("/api/v1/housing/units")]
    [InlineData("/api/v1/housing/units?status=Blocked&minFreeBeds=tre")]
    [InlineData("/api/v1/housing/forecast")]
    public async Task Api_Anonymous_Returns401(string url)
    {
        using var browser = Browser.For(factory);
        using var response = await browser.GetAsync(url);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task LoginPage_Anonymous_IsDanishWithSecurityHeaders()
    {
        using var browser = Browser.For(factory);
        using var response = await browser.GetAsync("/Account/Login");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<html lang=\"da\">", html, StringComparison.Ordinal);
        Assert.Contains("<h1>Log ind</h1>", html, StringComparison.Ordinal);
        Assert.Contains("Allerød Kommune", WebUtility.HtmlDecode(html), StringComparison.Ordinal);
        var csp = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DesignSystemAssets_Anonymous_AreServed()
    {
        using var browser = Browser.For(factory);
        using var css = await browser.GetAsync("/lib/dkfds/css/dkfds.min.css");
        using var js = await browser.GetAsync("/lib/dkfds/js/dkfds.min.js");

        Assert.Equal(HttpStatusCode.OK, css.StatusCode);
        Assert.Equal(HttpStatusCode.OK, js.StatusCode);
        Assert.Contains(".form-input", await css.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.True((await js.Content.ReadAsByteArrayAsync()).Length > 10_000, "The DKFDS script is empty.");
    }
}

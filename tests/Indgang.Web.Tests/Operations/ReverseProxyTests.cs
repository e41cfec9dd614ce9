using System.Net;
using Indgang.Domain.Audit;
using Indgang.Tests.Hosting;
using Indgang.Web.Platform;
using Indgang.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Indgang.Web.Tests.Operations;

/// <summary>
/// Behind the municipality's reverse proxy: from a proxy the operator names, the client's address and scheme are taken
/// from X-Forwarded-For and X-Forwarded-Proto (the audit log records the client, sign-in attempts are limited per client,
/// the sign-in cookie is secure); from anyone else the headers are ignored, as a client can write them. The test server
/// has no network peer, so a header of the tests' own (<see cref="ProxiedFactory.PeerHeader"/>) stands in for the address
/// the request came from.
/// </summary>
public sealed class ReverseProxyTests(ReverseProxyTests.ProxiedFactory factory) : IClassFixture<ReverseProxyTests.ProxiedFactory>
{
    private const string Proxy = "10.20.30.40";
    private const string Stranger = "192.0.2.9";

    [Fact]
    public async Task SignIn_ThroughTheKnownProxy_IsAuditedWithTheClientsAddress()
    {
        using var browser = Through(Proxy, "198.51.100.7");

        using var signIn = await browser.SignInAsync("koordinator", Browser.DemoPassword);

        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.Equal("198.51.100.7", await LastSignInAddressAsync());
    }

    [Fact]
    public async Task SignIn_FromAnUnknownAddress_IsAuditedWithThatAddress_ItsForwardedForIgnored()
    {
        using var browser = Through(Stranger, "198.51.100.8");

        using var signIn = await browser.SignInAsync("koordinator", Browser.DemoPassword);

        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.Equal(Stranger, await LastSignInAddressAsync());
    }

    /// <summary>Every user behind the proxy comes from its address: the limit is per client, or one user locks out all.</summary>
    [Fact]
    public async Task SignInLimit_ThroughTheKnownProxy_CountsEachClientOnItsOwn()
    {
        using var first = Through(Proxy, "198.51.100.21");
        using var second = Through(Proxy, "198.51.100.22");

        var firstsStatuses = new List<HttpStatusCode>();
        for (var attempt = 0; attempt < ProxiedFactory.AttemptsPerMinute + 1; attempt++)
        {
            using var wrong = await first.SignInAsync("nobody", "Forkert-9999");
            firstsStatuses.Add(wrong.StatusCode);
        }

        using var others = await second.SignInAsync("nobody", "Forkert-9999");

        Assert.Equal(HttpStatusCode.TooManyRequests, firstsStatuses[^1]);
        Assert.All(firstsStatuses.SkipLast(1), s => Assert.Equal(HttpStatusCode.OK, s));
        Assert.Equal(HttpStatusCode.OK, others.StatusCode);
    }

    /// <summary>A client that writes X-Forwarded-For itself cannot get round the limit by writing a new address each time.</summary>
    [Fact]
    public async Task SignInLimit_FromAnUnknownAddress_IsNotEscapedByWritingForwardedFor()
    {
        var statuses = new List<HttpStatusCode>();
        for (var attempt = 0; attempt < ProxiedFactory.AttemptsPerMinute + 1; attempt++)
        {
            using var browser = Through("192.0.2.77", $"203.0.113.{attempt + 1}");
            using var wrong = await browser.SignInAsync("nobody", "Forkert-9999");
            statuses.Add(wrong.StatusCode);
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[^1]);
    }

    /// <summary>HTTPS ends at the proxy: the sign-in cookie is marked secure when the proxy says the request was HTTPS.</summary>
    [Theory]
    [InlineData(Proxy, "198.51.100.31", "https", true)]
    [InlineData(Proxy, "198.51.100.32", null, false)]
    [InlineData("192.0.2.33", "198.51.100.33", "https", false)]
    public async Task SignInCookie_IsSecure_OnlyWhenTheKnownProxySaysHttps(string peer, string client, string? scheme, bool secure)
    {
        using var browser = Through(peer, client, scheme);

        using var signIn = await browser.SignInAsync("koordinator", Browser.DemoPassword);

        var cookie = Assert.Single(signIn.Headers.GetValues("Set-Cookie"), c => c.StartsWith("indgang.auth=", StringComparison.Ordinal));
        Assert.Equal(secure, cookie.Contains("; secure", StringComparison.OrdinalIgnoreCase));
    }

    [Theory]
    [InlineData(ReverseProxy.KnownProxiesKey + ":0", "proxy.kommune.dk", "'proxy.kommune.dk' is not an IP address")]
    [InlineData(ReverseProxy.KnownNetworksKey + ":0", "10.0.0.0/99", "'10.0.0.0/99' is not an address range")]
    [InlineData(ReverseProxy.ForwardLimitKey, "0", "must be 1 or more")]
    public void ProxySettingTypedWrong_StopsTheStart_NamingIt(string key, string value, string message)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [key] = value }).Build();

        var refused = Assert.Throws<InvalidOperationException>(() => new ServiceCollection().AddReverseProxy(configuration));

        Assert.Contains(message, refused.Message, StringComparison.Ordinal);
    }

    /// <summary>A browser whose requests come from <paramref name="peer"/> with the proxy's headers as given.</summary>
    private Browser Through(string peer, string forwardedFor, string? forwardedProto = null)
    {
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        client.DefaultRequestHeaders.Add(ProxiedFactory.PeerHeader, peer);
        client.DefaultRequestHeaders.Add("X-Forwarded-For", forwardedFor);
        if (forwardedProto is not null)
        {
            client.DefaultRequestHeaders.Add("X-Forwarded-Proto", forwardedProto);
        }

        return new Browser(client);
    }

    private Task<string?> LastSignInAddressAsync() =>
        factory.QueryAsync(db => db.AuditEntries.Where(e => e.Action == AuditAction.SignInSucceeded)
            .OrderByDescending(e => e.Sequence).Select(e => e.IpAddress).FirstAsync());

    /// <summary>The application with one known proxy, and a low sign-in limit.</summary>
    public sealed class ProxiedFactory : IndgangAppFactory
    {
        /// <summary>The tests' stand-in for the address a request came from (the test server has none).</summary>
        public const string PeerHeader = "X-Test-Peer";

        public const int AttemptsPerMinute = 3;

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Indgang:LoginAttemptsPerMinute", AttemptsPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture));
            builder.UseSetting(ReverseProxy.KnownProxiesKey + ":0", Proxy);
            builder.ConfigureTestServices(services => services.AddSingleton<IStartupFilter, PeerFromHeader>());
        }

        /// <summary>Sets the connection's address from <see cref="PeerHeader"/>, before the application's own middleware.</summary>
        private sealed class PeerFromHeader : IStartupFilter
        {
            public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
            {
                app.Use((context, nextMiddleware) =>
                {
                    if (IPAddress.TryParse(context.Request.Headers[PeerHeader], out var peer))
                    {
                        context.Connection.RemoteIpAddress = peer;
                    }

                    return nextMiddleware(context);
                });
                next(app);
            };
        }
    }
}

using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace Indgang.Web.Platform;

/// <summary>
/// The application behind the municipality's reverse proxy or load balancer, where HTTPS ends: the client's address and
/// scheme are taken from the proxy's <c>X-Forwarded-For</c> and <c>X-Forwarded-Proto</c>, so that the audit log records
/// who asked from where (not the proxy, for every entry), sign-in attempts are limited per client (not one limit shared
/// by every user behind the proxy), and HSTS and secure cookies see the request as the HTTPS it was. Only proxies the
/// operator names are believed (<c>Indgang:ReverseProxy:KnownProxies</c>, addresses, and <c>:KnownNetworks</c>, ranges
/// such as 10.0.0.0/24), besides a proxy on the same machine (loopback, ASP.NET Core's default); from anyone else the
/// headers are ignored, as a client could write them. A value that is no address or range stops the start, naming it.
/// </summary>
internal static class ReverseProxy
{
    public const string KnownProxiesKey = "Indgang:ReverseProxy:KnownProxies";
    public const string KnownNetworksKey = "Indgang:ReverseProxy:KnownNetworks";

    /// <summary>How many proxies in a row may stand before the application (<c>Indgang:ReverseProxy:ForwardLimit</c>).</summary>
    public const string ForwardLimitKey = "Indgang:ReverseProxy:ForwardLimit";

    public static IServiceCollection AddReverseProxy(this IServiceCollection services, IConfiguration configuration)
    {
        // Read and checked now, not at the first request: a proxy typed wrong is found when the application starts.
        var proxies = Values(configuration, KnownProxiesKey).Select(ProxyAddress).ToList();
        var networks = Values(configuration, KnownNetworksKey).Select(ProxyNetwork).ToList();
        var limit = configuration.GetValue(ForwardLimitKey, 1);
        if (limit < 1)
        {
            throw new InvalidOperationException($"{ForwardLimitKey} must be 1 or more, not {limit}.");
        }

        services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            options.ForwardLimit = limit;
            proxies.ForEach(options.KnownProxies.Add);
            networks.ForEach(options.KnownIPNetworks.Add);
        });
        return services;
    }

    /// <summary>The configured values of a list (an array in appsettings, or "Key__0", "Key__1" in the environment).</summary>
    private static IEnumerable<string> Values(IConfiguration configuration, string key) =>
        configuration.GetSection(key).GetChildren().Select(c => c.Value).Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v!.Trim());

    private static IPAddress ProxyAddress(string value) =>
        IPAddress.TryParse(value, out var address)
            ? address
            : throw new InvalidOperationException($"{KnownProxiesKey}: '{value}' is not an IP address.");

    private static System.Net.IPNetwork ProxyNetwork(string value) =>
        System.Net.IPNetwork.TryParse(value, out var network)
            ? network
            : throw new InvalidOperationException($"{KnownNetworksKey}: '{value}' is not an address range such as 10.0.0.0/24.");
}

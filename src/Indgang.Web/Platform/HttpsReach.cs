namespace Indgang.Web.Platform;

/// <summary>
/// How HTTPS reaches the application, as configuration tells before the first request: the HTTPS port
/// (<c>ASPNETCORE_HTTPS_PORT</c>, or <c>ASPNETCORE_HTTPS_PORTS</c>), an <c>https://</c> address of its own
/// (<c>ASPNETCORE_URLS</c> or <c>Kestrel:Endpoints</c>), or a reverse proxy named in <c>Indgang:ReverseProxy</c> that
/// says HTTPS in <c>X-Forwarded-Proto</c>. With none of them, a hardened application (its cookies sent over HTTPS only)
/// answered every page over plain HTTP with an empty 500 while <c>/health/ready</c> said healthy; now it does not start,
/// and the log names the settings.
/// </summary>
internal static class HttpsReach
{
    /// <summary>The error that stops the start, naming what the operator can set.</summary>
    public static string Missing(string environment) =>
        $"In the {environment} environment the application's cookies are sent over HTTPS only, but no setting tells how "
        + "HTTPS reaches it, so every page asked for over plain HTTP would fail. Set ASPNETCORE_HTTPS_PORT (e.g. 443, "
        + "when a reverse proxy ends HTTPS: plain HTTP is then redirected there), an https:// address in ASPNETCORE_URLS "
        + $"or Kestrel:Endpoints, or name the reverse proxy in {ReverseProxy.KnownProxiesKey} or {ReverseProxy.KnownNetworksKey}.";

    /// <summary>Whether any of the settings says how HTTPS reaches the application.</summary>
    public static bool IsConfigured(IConfiguration configuration) =>
        HasValue(configuration["https_port"])
        || HasValue(configuration["https_ports"])
        || Urls(configuration).Any(u => u.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
        || configuration.GetSection(ReverseProxy.KnownProxiesKey).GetChildren().Any(c => HasValue(c.Value))
        || configuration.GetSection(ReverseProxy.KnownNetworksKey).GetChildren().Any(c => HasValue(c.Value));

    /// <summary>The addresses the server listens on: <c>urls</c> (';'-separated) and each Kestrel endpoint's Url.</summary>
    private static IEnumerable<string> Urls(IConfiguration configuration) =>
        (configuration["urls"] ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Concat(configuration.GetSection("Kestrel:Endpoints").GetChildren().Select(e => e["Url"] ?? "").Select(u => u.Trim()));

    private static bool HasValue(string? value) => !string.IsNullOrWhiteSpace(value);
}

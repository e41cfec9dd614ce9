using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;

namespace Indgang.Web.Platform;

/// <summary>
/// Hardened (every environment but Development and the test suite's: Production, Staging, a municipality's test) the
/// app's cookies travel over HTTPS only, and a page asked for over HTTP is sent to HTTPS (when the
/// HTTPS port is known: an HTTPS endpoint, or ASPNETCORE_HTTPS_PORT behind a proxy) before anything is answered. Before,
/// a request that reached the app over plain HTTP (straight to Kestrel, or through a proxy not named in
/// Indgang:ReverseProxy) got the sign-in page, and the password and the session cookie went in clear text.
/// The health endpoints are left on HTTP for the platform's probes. When no setting tells how HTTPS reaches the app
/// (<see cref="HttpsReach"/>), it does not start.
/// </summary>
internal static partial class TransportSecurity
{
    /// <summary>The environment the in-process and browser tests run in, unhardened as they talk plain HTTP.</summary>
    public const string TestSuiteEnvironment = "IndgangTests";

    /// <summary>
    /// Whether the environment is hardened: all but Development and the test suite's. Before, only an environment named
    /// Production was, and a Staging server ran without secure cookies, HSTS or the redirect to HTTPS.
    /// </summary>
    public static bool IsHardened(this IHostEnvironment environment) =>
        !environment.IsDevelopment() && !environment.IsEnvironment(TestSuiteEnvironment);

    /// <summary>How long a browser that has had a page over HTTPS keeps to HTTPS for this host (Strict-Transport-Security).</summary>
    public static readonly TimeSpan HstsMaxAge = TimeSpan.FromDays(365);

    public static IServiceCollection AddTransportSecurity(this IServiceCollection services, IHostEnvironment environment)
    {
        if (environment.IsHardened())
        {
            // A year, as the browsers' and the security guides' advice is, not ASP.NET Core's 30 days: a browser that has
            // been here keeps to HTTPS through a month's holiday too. Subdomains are the municipality's other sites, and
            // are left to them.
            services.AddHsts(o => o.MaxAge = HstsMaxAge);
            services.PostConfigure<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme, o => o.Cookie.SecurePolicy = CookieSecurePolicy.Always);
            services.AddAntiforgery(o => o.Cookie.SecurePolicy = CookieSecurePolicy.Always);
        }

        return services;
    }

    /// <summary>HSTS and the redirect to HTTPS, when hardened; after the forwarded headers, so HTTPS ended at a named proxy counts.</summary>
    public static WebApplication UseTransportSecurity(this WebApplication app)
    {
        if (app.Environment.IsHardened())
        {
            if (!HttpsReach.IsConfigured(app.Configuration))
            {
                var error = HttpsReach.Missing(app.Environment.EnvironmentName);
                LogNoHttps(app.Logger, error);
                throw new InvalidOperationException(error);
            }

            app.UseHsts();
            app.UseWhen(c => !c.Request.Path.StartsWithSegments("/health", StringComparison.OrdinalIgnoreCase), https => https.UseHttpsRedirection());
        }

        return app;
    }

    [LoggerMessage(Level = LogLevel.Critical, Message = "{Error}")]
    private static partial void LogNoHttps(ILogger logger, string error);
}

using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Indgang.Web.Platform;

/// <summary>How many sign-in attempts a client address has a minute (<c>Indgang:LoginAttemptsPerMinute</c>).</summary>
public sealed class LoginRateLimitOptions
{
    public const string Section = "Indgang";

    public int LoginAttemptsPerMinute { get; set; } = 20;
}

/// <summary>
/// Sign-in attempts are limited per client address (a fixed window), on top of Identity's
/// per-account lockout, so that no one can try passwords across many accounts quickly.
/// </summary>
internal static class LoginRateLimit
{
    public static IServiceCollection AddLoginRateLimit(this IServiceCollection services)
    {
        // Checked at start: a limit of 0 or below would answer every sign-in with an error, not a refusal.
        services.AddOptions<LoginRateLimitOptions>()
            .BindConfiguration(LoginRateLimitOptions.Section)
            .Validate(o => o.LoginAttemptsPerMinute >= 1, $"{LoginRateLimitOptions.Section}:LoginAttemptsPerMinute must be at least 1.")
            .ValidateOnStart();
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<LoginRateLimitOptions>>((options, login) =>
        {
            var permits = login.Value.LoginAttemptsPerMinute;
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
                IsSignInAttempt(context.Request)
                    ? RateLimitPartition.GetFixedWindowLimiter(
                        context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                        _ => new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 })
                    : RateLimitPartition.GetNoLimiter("other"));
            options.OnRejected = async (context, cancellationToken) =>
            {
                context.HttpContext.Response.ContentType = "text/plain; charset=utf-8";
                context.HttpContext.Response.Headers.RetryAfter = 60.ToString(CultureInfo.InvariantCulture);
                await context.HttpContext.Response.WriteAsync("For mange loginforsøg. Vent et minut, og prøv igen.", cancellationToken);
            };
        });
        return services;
    }

    private static bool IsSignInAttempt(HttpRequest request) =>
        HttpMethods.IsPost(request.Method) && request.Path.StartsWithSegments("/Account/Login", StringComparison.OrdinalIgnoreCase);
}

using System.Globalization;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;

namespace Indgang.Web.Identity;

/// <summary>
/// The session's two limits (<see cref="SessionLimitOptions"/>). The idle limit is the cookie's sliding expiry: each
/// request renews it once the security stamp check has run (once a minute, <see cref="IdentityServiceExtensions.SignInCheckInterval"/>),
/// so it ends between a minute before and at the limit after the last request. The absolute limit counts from the
/// moment of the sign-in, kept in the cookie's properties (a renewal, or a sign-in refreshed after a change to one's own
/// account, keeps it), and ends the session at the first request after it. A cookie without it (made before this limit)
/// is ended too: its user signs in once more.
/// </summary>
internal static class SessionLimits
{
    /// <summary>The sign-in's moment in the cookie's properties (UTC ticks).</summary>
    public const string SignedInAtItem = ".indgang.signedInAt";

    public static void Apply(CookieAuthenticationOptions options, SessionLimitOptions limits, TimeProvider clock)
    {
        options.TimeProvider = clock;
        options.ExpireTimeSpan = TimeSpan.FromMinutes(limits.IdleMinutes);
        options.SlidingExpiration = true;
        var maxAge = TimeSpan.FromHours(limits.MaxHours);
        var signingIn = options.Events.OnSigningIn;
        options.Events.OnSigningIn = context =>
        {
            if (!context.Properties.Items.ContainsKey(SignedInAtItem))
            {
                context.Properties.Items[SignedInAtItem] = clock.GetUtcNow().UtcTicks.ToString(CultureInfo.InvariantCulture);
            }

            return signingIn(context);
        };
        var stampCheck = options.Events.OnValidatePrincipal;
        options.Events.OnValidatePrincipal = async context =>
        {
            if (IsPast(context.Properties, maxAge, clock.GetUtcNow()))
            {
                context.RejectPrincipal();
                await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
                return;
            }

            await stampCheck(context);
        };
    }

    /// <summary>Whether the session signed in <paramref name="maxAge"/> or more ago, or does not say when.</summary>
    public static bool IsPast(AuthenticationProperties properties, TimeSpan maxAge, DateTimeOffset now) =>
        SignedInAt(properties) is not { } at || now - at >= maxAge;

    /// <summary>The moment of the session's sign-in, if its cookie says.</summary>
    public static DateTimeOffset? SignedInAt(AuthenticationProperties properties)
    {
        ArgumentNullException.ThrowIfNull(properties);
        return properties.Items.TryGetValue(SignedInAtItem, out var at)
            && long.TryParse(at, NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
            && ticks <= DateTimeOffset.MaxValue.UtcTicks
                ? new DateTimeOffset(ticks, TimeSpan.Zero)
                : null;
    }
}

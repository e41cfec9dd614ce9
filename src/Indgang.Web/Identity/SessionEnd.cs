using Indgang.Web.Platform;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Indgang.Web.Identity;

/// <summary>
/// When a signed-in page's session ends at its absolute limit (<see cref="SessionLimitOptions.MaxHours"/> after the
/// sign-in), and how long until the page warns of it (<see cref="SessionLimitOptions.WarningMinutes"/> before): the page
/// frame says at what time the user is signed out, so that what they are typing is saved before it, not lost at a submit
/// after it. Read from the request's own sign-in (its cookie's properties, as the server read them), never sent as the
/// cookie.
/// </summary>
internal sealed class SessionEnd(IOptions<SessionLimitOptions> limits, TimeProvider clock)
{
    /// <summary>The session's end, or null for a request that is not signed in (or whose sign-in does not say when).</summary>
    public SessionEndWarning? For(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Features.Get<IAuthenticateResultFeature>()?.AuthenticateResult is not { Succeeded: true, Properties: { } properties }
            || SessionLimits.SignedInAt(properties) is not { } signedInAt)
        {
            return null;
        }

        var options = limits.Value;
        var endsAt = signedInAt + TimeSpan.FromHours(options.MaxHours);
        var warnAt = endsAt - TimeSpan.FromMinutes(options.WarningMinutes);
        var now = clock.GetUtcNow();
        // A request renews the idle limit once the sign-in check has run (SessionLimits): until a minute less than it, at least.
        var idleFor = TimeSpan.FromMinutes(options.IdleMinutes) - IdentityServiceExtensions.SignInCheckInterval;
        return new SessionEndWarning(clock.Local(endsAt), options.MaxHours, warnAt - now)
        {
            EndsIn = endsAt - now,
            IdleMinutes = options.IdleMinutes,
            IdleFor = idleFor,
        };
    }
}

/// <summary>
/// A session's end at the absolute limit: <see cref="EndsAt"/> in the municipality's time, as pages show times, and
/// <see cref="WarnIn"/> until the page says so (zero or less: it says so now).
/// </summary>
internal sealed record SessionEndWarning(DateTimeOffset EndsAt, int MaxHours, TimeSpan WarnIn)
{
    /// <summary>The warning's Danish text, the localizer's key, with {0} for <see cref="MaxHours"/> and {1} for <see cref="EndsAt"/>.</summary>
    public const string OneHour = "Du bliver logget ud kl. {1:HH:mm}, {0} time efter du loggede ind. Gem det, du er i gang med, og log ind igen.";

    /// <inheritdoc cref="OneHour"/>
    public const string Hours = "Du bliver logget ud kl. {1:HH:mm}, {0} timer efter du loggede ind. Gem det, du er i gang med, og log ind igen.";

    public string Text => Domain.Counted.Form(MaxHours, OneHour, Hours);

    public bool IsDue => WarnIn <= TimeSpan.Zero;

    /// <summary>Whole milliseconds until the warning, none once due: the page's script counts them from its load.</summary>
    public long WarnInMilliseconds => IsDue ? 0 : (long)Math.Ceiling(WarnIn.TotalMilliseconds);

    /// <summary>Time until the session ends at the absolute limit.</summary>
    public TimeSpan EndsIn { get; init; }

    /// <summary>The idle limit (<see cref="SessionLimitOptions.IdleMinutes"/>), as the page says it when it has passed.</summary>
    public int IdleMinutes { get; init; }

    /// <summary>How long the session lasts at least after a request that renews it (this page's, or the keep-alive's).</summary>
    public TimeSpan IdleFor { get; init; }

    /// <summary>
    /// Whole milliseconds until the absolute end, rounded down: a POST form's submit after it (counted by the page's script
    /// from its load) is stopped and the session asked for, so that what the user typed is not lost at the sign-in page.
    /// </summary>
    public long EndsInMilliseconds => Math.Max(0, (long)Math.Floor(EndsIn.TotalMilliseconds));

    /// <inheritdoc cref="IdleFor"/>
    public long IdleForMilliseconds => Math.Max(0, (long)Math.Floor(IdleFor.TotalMilliseconds));
}

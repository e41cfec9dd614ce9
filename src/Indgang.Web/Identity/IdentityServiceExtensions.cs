using Indgang.Web.Data;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Indgang.Web.Identity;

internal static class IdentityServiceExtensions
{
    public static IServiceCollection AddIndgangIdentity(this IServiceCollection services)
    {
        services
            .AddIdentity<IndgangUser, IdentityRole>(options =>
            {
                options.Password.RequiredLength = 9;
                options.Password.RequireDigit = true;
                options.Password.RequireLowercase = true;
                options.Password.RequireUppercase = true;
                options.Password.RequireNonAlphanumeric = true;
                options.Lockout.AllowedForNewUsers = true;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                options.User.RequireUniqueEmail = false;
                options.SignIn.RequireConfirmedAccount = false;
            })
            .AddEntityFrameworkStores<IndgangDbContext>()
            .AddErrorDescriber<DanishIdentityErrorDescriber>()
            .AddDefaultTokenProviders()
            .AddClaimsPrincipalFactory<IndgangClaimsFactory>();

        services.AddSingleton<UnknownUserPasswordCheck>();

        // A signed-in user's cookie is checked against the user as saved once a minute, not ASP.NET Core's 30: a changed
        // security stamp (other roles or department, a new password, a disabled account) ends the session, and the claims
        // are read again. A check reads the user, their roles and the roles' claims and renews the cookie: once a minute a
        // user, that costs next to nothing; on every request (zero) it would be those queries and a new cookie on each
        // answer, to win at most a minute.
        services.Configure<SecurityStampValidatorOptions>(options => options.ValidationInterval = SignInCheckInterval);

        services.ConfigureApplicationCookie(options =>
        {
            options.LoginPath = "/Account/Login";
            options.LogoutPath = "/Account/Logout";
            options.AccessDeniedPath = "/Account/AccessDenied";
            options.Cookie.Name = "indgang.auth";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            // The session's length: SessionLimits, below, with the settings.
            // An API caller gets a status code, never a redirect to an HTML login page;
            // a page answers 403 with the access-denied page rendered in place.
            options.Events.OnRedirectToLogin = context =>
            {
                if (IsApi(context.Request))
                {
                    context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                    return Task.CompletedTask;
                }

                context.Response.Redirect(context.RedirectUri);
                return Task.CompletedTask;
            };
            options.Events.OnRedirectToAccessDenied = context =>
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                return Task.CompletedTask;
            };
        });

        services.AddOptions<SessionLimitOptions>()
            .BindConfiguration(SessionLimitOptions.Section)
            .Validate(o => o.IdleMinutes is >= 1 and <= 720, $"{SessionLimitOptions.Section}:IdleMinutes must be between 1 and 720.")
            .Validate(o => o.MaxHours is >= 1 and <= 24, $"{SessionLimitOptions.Section}:MaxHours must be between 1 and 24.")
            .Validate(o => o.IdleMinutes <= o.MaxHours * 60, $"{SessionLimitOptions.Section}:IdleMinutes must be no longer than MaxHours.")
            .Validate(o => o.WarningMinutes is >= 1 and <= 60, $"{SessionLimitOptions.Section}:WarningMinutes must be between 1 and 60.")
            .ValidateOnStart();
        services.AddOptions<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme)
            .Configure<IOptions<SessionLimitOptions>, TimeProvider>((options, limits, clock) => SessionLimits.Apply(options, limits.Value, clock));
        services.AddSingleton<SessionEnd>();
        services.AddOptions<SecurityStampValidatorOptions>()
            .Configure<TimeProvider>((options, clock) => options.TimeProvider = clock);

        services.AddAuthorizationBuilder()
            .AddPolicy(Policies.Staff, p => p.RequireAuthenticatedUser().RequireRole(Roles.All))
            .AddPolicy(Policies.PersonData, p => p.RequireRole(Roles.Coordinator, Roles.DepartmentWorker, Roles.HousingCoordinator))
            .AddPolicy(Policies.Coordination, p => p.RequireRole(Roles.Coordinator))
            .AddPolicy(Policies.DepartmentWork, p => p.RequireRole(Roles.DepartmentWorker))
            .AddPolicy(Policies.TaskWork, p => p.RequireRole(Roles.TaskWorkers).RequireClaim(IndgangClaims.Department))
            .AddPolicy(Policies.Housing, p => p.RequireRole(Roles.HousingCoordinator))
            .AddPolicy(Policies.HousingForecast, p => p.RequireRole(Roles.HousingCoordinator, Roles.Manager))
            .AddPolicy(Policies.Volunteering, p => p.RequireRole(Roles.VolunteerCoordinator))
            .AddPolicy(Policies.Management, p => p.RequireRole(Roles.Manager))
            .AddPolicy(Policies.Administration, p => p.RequireRole(Roles.Administrator))
            // Fail closed: anything mapped without a decision still needs a signed-in member of staff.
            .SetFallbackPolicy(new Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder()
                .RequireAuthenticatedUser().RequireRole(Roles.All).Build());

        services.AddOptions<PersonAccessOptions>()
            .BindConfiguration(PersonAccessOptions.Section)
            .Validate(o => o.DaysAfterLastTask is >= 0 and <= 365, $"{PersonAccessOptions.Section}:DaysAfterLastTask must be between 0 and 365.")
            .ValidateOnStart();
        services.AddScoped<PersonAccess>();
        return services;
    }

    /// <summary>How often a signed-in user's cookie is checked against the user's security stamp.</summary>
    public static readonly TimeSpan SignInCheckInterval = TimeSpan.FromMinutes(1);

    private static bool IsApi(HttpRequest request) => request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase);
}

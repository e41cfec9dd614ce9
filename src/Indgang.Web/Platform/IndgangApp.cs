using Indgang.Web.Audit;
using Indgang.Web.Data;
using Indgang.Web.DemoData;
using Indgang.Web.Features.Api;
using Indgang.Web.Identity;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.EntityFrameworkCore;

namespace Indgang.Web.Platform;

/// <summary>Composition of the application: what Program.cs calls.</summary>
internal static class IndgangApp
{
    /// <summary>
    /// The JSON log's timestamps, in UTC, as ISO 8601 (what a log collector parses): separators quoted, so that the process
    /// culture cannot turn ':' into '.', and nothing after the 'Z' (a trailing space made every timestamp unparsable).
    /// </summary>
    public const string LogTimestampFormat = "yyyy'-'MM'-'dd'T'HH':'mm':'ss'.'fff'Z'";

    public static WebApplicationBuilder AddIndgang(this WebApplicationBuilder builder)
    {
        builder.Logging.ClearProviders();
        builder.Logging.AddJsonLog();
        builder.AddIndgangData();
        builder.AddIndgangTelemetry();
        var services = builder.Services;
        services.AddSingleton<IndgangMetrics>();
        services.AddSingleton(MunicipalTime.ClockFrom(builder.Configuration));
        services.AddIndgangIdentity();
        services.AddIndgangAudit();
        services.AddScoped<RoleBootstrapper>();
        services.AddScoped<DemoDataSeeder>();
        services.AddScoped<DemoTaskHistory>();
        services.AddScoped<DemoResidentHistory>();
        services.AddIndgangLocalization();
        services.AddIndgangPages();
        services.AddLoginRateLimit();
        services.AddReverseProxy(builder.Configuration);
        services.AddRequestBodyLimit(builder.Configuration);
        services.AddProblemDetails(o => o.CustomizeProblemDetails = Features.Api.ApiProblemTitles.Localize);
        services.AddOpenApi("v1");
        services.AddIndgangDataProtection(builder.Configuration, builder.Environment);
        // A query of a table, not only a connection: SQLite opens a file that is no database (a failed disk, a wrong
        // restore) without a word, and /health/ready said healthy while every page failed (found by the operator review).
        services.AddHealthChecks().AddDbContextCheck<IndgangDbContext>("database", tags: ["ready"],
            customTestQuery: async (db, cancellationToken) =>
            {
                // Whether a municipality is set up yet does not matter: that the table could be read does.
                _ = await db.Municipalities.AnyAsync(cancellationToken);
                return true;
            });
        services.AddIndgangFeatures();
        services.AddTransportSecurity(builder.Environment);
        return builder;
    }

    /// <summary>
    /// The log: one JSON object a line on the console, timestamps in UTC (<see cref="LogTimestampFormat"/>), with its scopes:
    /// a request's lines carry ASP.NET Core's hosting scope (TraceId, SpanId, RequestPath, RequestId, ConnectionId), so
    /// the »Fejlreference« a user reads on the error page finds the request's lines, its error among them. The scopes
    /// hold no query string and no user name: the path holds ids only, never a name or a CPR number.
    /// </summary>
    public static ILoggingBuilder AddJsonLog(this ILoggingBuilder logging) =>
        logging.AddJsonConsole(o =>
        {
            o.UseUtcTimestamp = true;
            o.TimestampFormat = LogTimestampFormat;
            o.IncludeScopes = true;
        });

    public static WebApplication UseIndgang(this WebApplication app)
    {
        // First: everything after it (the audit log's address, the sign-in limit, HSTS) sees the client, not the proxy.
        app.UseForwardedHeaders();
        app.UseWhen(c => IsApi(c.Request), api => api.UseExceptionHandler().UseStatusCodePages());
        app.UseWhen(c => !IsApi(c.Request), pages =>
        {
            if (!app.Environment.IsDevelopment())
            {
                pages.UseExceptionHandler("/Status/500");
            }

            pages.UseStatusCodePagesWithReExecute("/Status/{0}");
            pages.UseRequestBodyLimitForPages();
            pages.UseNulInFormsAsControlCharacter();
        });
        app.UseTransportSecurity();
        app.WarnIfKeysUnprotected();
        app.WarnIfSqlite();
        app.WarnIfAnchorDirectoryNotSet();
        app.UseSecurityHeaders();
        app.UseRequestLocalization();
        // After the reader's language is known: the 413's problem details are in it.
        app.UseWhen(c => IsApi(c.Request), api => api.UseRequestBodyLimitForApi());
        app.UseRouting();
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UsePrivateResponses();
        app.UseAuthorization();
        return app;
    }

    public static WebApplication MapIndgang(this WebApplication app)
    {
        app.MapStaticAssets().AllowAnonymous();
        app.MapRazorPages();
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains("ready"), ResponseWriter = HealthReportText.WriteAsync }).AllowAnonymous();
        app.MapOpenApi("/openapi/{documentName}.json").RequireAuthorization(Policies.Staff);
        app.MapIndgangApi();
        return app;
    }

    /// <summary>Whether the request is the API's (answered with problem details), not a page's.</summary>
    internal static bool IsApi(HttpRequest request) => request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase);
}

namespace Indgang.Web.Audit;

internal static class AuditServiceExtensions
{
    public static IServiceCollection AddIndgangAudit(this IServiceCollection services)
    {
        services.AddHttpContextAccessor();
        services.AddSingleton(sp => AuditChainKeySource.Resolve(
            sp.GetRequiredService<IConfiguration>(),
            sp.GetRequiredService<IHostEnvironment>(),
            sp.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(AuditChainKeySource))));
        services.AddSingleton<AuditAnchors>();
        services.AddSingleton<AuditAnchorHealth>();
        services.AddHealthChecks().AddCheck<AuditAnchorHealth>(AuditAnchorHealth.Name, tags: ["ready"]);
        services.AddOptions<AuditAnchorOptions>()
            .BindConfiguration(AuditAnchorOptions.Section)
            .Validate(o => o.AnchorMinutes is >= 1 and <= 1440, $"{AuditAnchorOptions.MinutesKey} must be between 1 and 1440.")
            .ValidateOnStart();
        services.AddHostedService<AuditAnchorService>();
        services.AddScoped<AuditLog>();
        services.AddScoped<AuditChainVerifier>();
        return services;
    }
}

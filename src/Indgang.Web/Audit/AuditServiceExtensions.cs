namespace Indgang.Web.Audit;

internal static class AuditServiceExtensions
{
    public static IServiceCollection AddIndgangAudit(this IServiceCollection services)
    {
        services.AddHttpContextAccessor();
        services.AddScoped<AuditLog>();
        services.AddScoped<AuditChainVerifier>();
        return services;
    }
}

using Indgang.Web.DemoData;
using Indgang.Web.Identity;
using Microsoft.EntityFrameworkCore;

namespace Indgang.Web.Data;

/// <summary>
/// The one start-up step that brings the schema up to date (migrations, never EnsureCreated) and,
/// where allowed, seeds demo data. It runs before the server accepts requests.
/// </summary>
internal sealed partial class DatabaseInitializer(
    IServiceScopeFactory scopes,
    IHostEnvironment environment,
    IConfiguration configuration,
    ILogger<DatabaseInitializer> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IndgangDbContext>();
        await db.Database.MigrateAsync(cancellationToken);
        LogMigrated(logger, db.Database.ProviderName ?? "?");
        await scope.ServiceProvider.GetRequiredService<RoleBootstrapper>().EnsureAsync();
        await ReferenceData.EnsureAsync(db, cancellationToken);

        if (DemoDataSeeder.IsAllowed(environment, configuration))
        {
            await scope.ServiceProvider.GetRequiredService<DemoDataSeeder>().SeedAsync(cancellationToken);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Database schema is up to date ({Provider}).")]
    private static partial void LogMigrated(ILogger logger, string provider);
}

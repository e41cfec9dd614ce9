using Indgang.Tests.Hosting;
using Indgang.Web.Data;
using Indgang.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Indgang.Web.Tests.DemoData;

/// <summary>The demo is seeded once: a second start of the app on the same database adds nothing.</summary>
public sealed class DemoRestartTests(IndgangAppFactory factory) : IClassFixture<IndgangAppFactory>
{
    [Fact]
    public async Task SecondStart_SameDatabase_AddsNothing()
    {
        var before = await factory.QueryAsync(CountAsync);
        Assert.True(before.Households >= 4 && before.Occupancies >= 1 && before.Completed > 0, $"Not the demo: {before}");

        // The start-up step itself, run again: migrations, roles, reference data and the demo seed.
        var start = factory.Services.GetServices<IHostedService>().OfType<DatabaseInitializer>().Single();
        await start.StartAsync(CancellationToken.None);

        Assert.Equal(before, await factory.QueryAsync(CountAsync));
    }

    /// <summary>What the seed writes. (The deadline watch's own notices, raised on a schedule, are not the seed's.)</summary>
    private static async Task<Counts> CountAsync(IndgangDbContext db) => new(
        await db.Municipalities.CountAsync(),
        await db.Users.CountAsync(),
        await db.Households.CountAsync(),
        await db.Persons.CountAsync(),
        await db.Tasks.CountAsync(),
        await db.Tasks.CountAsync(t => t.ClosedAt != null),
        await db.HousingUnits.CountAsync(),
        await db.Occupancies.CountAsync(),
        await db.HousingRegistrations.CountAsync(),
        await db.DeadlineCompletions.CountAsync() + await db.IntegrationContracts.CountAsync(),
        await db.Quotas.CountAsync() + await db.LocalTargets.CountAsync() + await db.Responsibilities.CountAsync(),
        await db.Notifications.CountAsync(n => n.DedupKey == null),
        await db.AuditEntries.CountAsync());

    private sealed record Counts(int Municipalities, int Users, int Households, int Persons, int Tasks, int Completed, int Units, int Occupancies,
        int WaitingLists, int DeadlinesMet, int Settings, int Notices, int AuditEntries);
}

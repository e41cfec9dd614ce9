using Indgang.Domain.Notifications;
using Indgang.Web.Features.Notifications;
using Indgang.Web.Features.Tasks;
using Indgang.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Indgang.Web.Tests.Concurrency;

/// <summary>
/// Two rounds of the deadline watch at the same moment (two instances of the application, or the scheduled round beside
/// one started by hand) both find a notice missing. The one that saves first raises it; the other does not fail, and
/// each notice is there once.
/// </summary>
public sealed class DeadlineWatchConcurrencyTests(SavesMeetAppFactory factory) : IClassFixture<SavesMeetAppFactory>
{
    [Fact]
    public async Task AnotherRoundRaisesTheSameNoticesFirst_ThisRoundRaisesNone_EachNoticeOnce()
    {
        var household = await factory.RegisterSingleAsync("Samtidigfrist");
        // Its lease and keys wait for a home (it has none yet): no one is told of them.
        var dueSoon = await factory.QueryAsync(db => db.Tasks.Where(t => t.HouseholdId == household && t.DueDate <= Arrivals.Today.AddDays(DeadlineWatch.DueSoonDays))
            .Where(QueueFilter.DoesNotWaitForHome(db.Occupancies)).CountAsync());
        Assert.True(dueSoon > 0, "A household arriving today has tasks due within days.");
        var otherRaised = -1;
        factory.BeforeNextSave(
            db => db.ChangeTracker.Entries<Notification>().Any(e => e.State == EntityState.Added),
            async () => otherRaised = await RunWatchAsync());

        var raised = await RunWatchAsync();

        Assert.True(otherRaised > 0, "The other round saved its notices first.");
        Assert.Equal(0, raised);
        var keys = await factory.QueryAsync(db => db.Notifications.Where(n => n.DedupKey != null).Select(n => n.DedupKey!).ToListAsync());
        Assert.Equal(keys.Count, keys.Distinct(StringComparer.Ordinal).Count());
        var ours = await factory.QueryAsync(db => db.Tasks.Where(t => t.HouseholdId == household).Select(t => t.Id).ToListAsync());
        Assert.Equal(dueSoon, keys.Count(k => ours.Any(id => k.Contains($":{id}:", StringComparison.Ordinal))));
    }

    private async Task<int> RunWatchAsync()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<DeadlineWatch>().RunOnceAsync();
    }
}

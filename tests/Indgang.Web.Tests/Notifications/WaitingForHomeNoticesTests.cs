using Indgang.Domain.Reception;
using Indgang.Tests.Hosting;
using Indgang.Web.Features.Notifications;
using Indgang.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Indgang.Web.Tests.Notifications;

/// <summary>
/// The deadline watch tells no one of a task waiting for a home (the lease and keys the arrival checklist gave a household
/// with no home yet): its due date is not real until the move-in, so its department is not told it is due soon and the
/// coordinator not that it is late; the household's other tasks are told of as ever. Once the household moves in, the
/// move-in day is the task's due date, and the watch tells of it as of any task. Before, a household waiting for a home
/// brought its coordinator »Overskredet: Lejekontrakt« and its departments »Snart frist: Nøgleoverdragelse«.
/// </summary>
public sealed class WaitingForHomeNoticesTests(IndgangAppFactory factory) : IClassFixture<IndgangAppFactory>
{
    [Fact]
    public async Task TasksWaitingForAHome_AreNeitherDueSoonNorEscalated_TheHouseholdsOtherTasksAre()
    {
        var household = await factory.RegisterSingleAsync("Ventevagt");
        // The keys stay due today, the arrival day: due soon, if the date were real.
        await factory.TaskDueAsync(household, TaskType.LeaseContract, Arrivals.Today.AddDays(-3));
        await factory.TaskDueAsync(household, TaskType.StartPackage, Arrivals.Today.AddDays(-3));
        await factory.TaskDueAsync(household, TaskType.BankAccount, Arrivals.Today.AddDays(1));

        await RunWatchAsync();

        var notices = await TaskNoticesAsync(household);
        Assert.Contains("Overskredet: Startpakke (Solo Ventevagt)", notices);
        Assert.Contains(notices, n => n.StartsWith("Snart frist: Bankkonto og NemKonto", StringComparison.Ordinal));
        Assert.DoesNotContain(notices, n => n.Contains("Lejekontrakt", StringComparison.Ordinal) || n.Contains("Nøgleoverdragelse", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ALeaseThatWaitedForAHome_IsEscalatedWithTheMoveInDay_OnceTheHouseholdMovesIn()
    {
        var household = await factory.RegisterSingleAsync("Ventevagtflyt");
        var lease = await factory.TaskDueAsync(household, TaskType.LeaseContract, Arrivals.Today.AddDays(-3));
        await RunWatchAsync();
        Assert.DoesNotContain(await TaskNoticesAsync(household), n => n.Contains("Lejekontrakt", StringComparison.Ordinal));

        var movedIn = Arrivals.Today.AddDays(-2);
        await factory.MovedInAsync(await factory.UnitOfItsOwnAsync("Ventevagtflyt 1"), household, movedIn);
        await RunWatchAsync();

        Assert.Contains("Overskredet: Lejekontrakt – Ventevagtflyt 1 (Solo Ventevagtflyt)", await TaskNoticesAsync(household));
        Assert.Equal([$"overdue:{lease}:{Arrivals.Iso(movedIn)}"],
            await factory.QueryAsync(db => db.Notifications.Where(n => n.DedupKey!.Contains(lease.ToString())).Select(n => n.DedupKey!).ToListAsync()));
    }

    /// <summary>The watch's notices of the household's tasks: the coordinator's »Overskredet« and the departments' »Snart frist«.</summary>
    private Task<List<string>> TaskNoticesAsync(Guid household) => factory.QueryAsync(db =>
        db.Notifications.Where(n => n.HouseholdId == household && (n.DedupKey!.StartsWith("overdue:") || n.DedupKey!.StartsWith("due-soon:"))).Select(n => n.Text).ToListAsync());

    private async Task RunWatchAsync()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DeadlineWatch>().RunOnceAsync();
    }
}

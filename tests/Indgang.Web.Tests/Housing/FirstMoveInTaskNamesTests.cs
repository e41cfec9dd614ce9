using System.Net;
using Indgang.Domain.Reception;
using Indgang.Tests.Hosting;
using Indgang.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Indgang.Web.Tests.Housing;

/// <summary>
/// The lease and keys tasks the arrival checklist made before the household had a home are its first move-in's, and are
/// named with the home as a later move-in's are (found by review: Sekretariatet read "Lejekontrakt" and had to open the
/// household to learn for which unit).
/// </summary>
public sealed class FirstMoveInTaskNamesTests(IndgangAppFactory factory) : IClassFixture<IndgangAppFactory>
{
    [Fact]
    public async Task FirstMoveIn_TheChecklistsLeaseAndKeysTasks_AreNamedWithTheUnit_AndNotMadeTwice()
    {
        var household = await factory.RegisterSingleAsync("Førstenavn");
        var before = await MoveInTasksAsync(household);
        Assert.Contains(before, t => t.Title == "Lejekontrakt");
        var unit = await factory.UnitOfItsOwnAsync("Navnevej 3");
        using var housing = await Browser.SignedInAsync(factory, "bolig");

        using var moved = await housing.MoveInAsync(unit, household, Arrivals.Iso(Arrivals.Today));

        Assert.True(moved.StatusCode == HttpStatusCode.Redirect, WebUtility.HtmlDecode(await moved.Content.ReadAsStringAsync()));
        var after = await MoveInTasksAsync(household);
        Assert.Equal(MoveTasks.MoveIn.Order(), after.Select(t => t.Type).Order());
        Assert.All(after, t => Assert.Equal(MoveTasks.TitleWith(t.Type, "Navnevej 3"), t.Title));
        // The checklist's own tasks were taken over (same ids), not closed and made again.
        Assert.Subset(after.Select(t => t.Id).ToHashSet(), before.Select(t => t.Id).ToHashSet());
    }

    private Task<List<(Guid Id, TaskType Type, string Title)>> MoveInTasksAsync(Guid household) =>
        factory.QueryAsync(async db => (await db.Tasks.AsNoTracking().Where(t => t.HouseholdId == household && MoveTasks.MoveIn.Contains(t.Type))
            .Select(t => new { t.Id, t.Type, t.Title }).ToListAsync()).Select(t => (t.Id, t.Type, t.Title)).ToList());
}

using Indgang.Domain.Reception;
using Indgang.Domain.Tasks;
using Indgang.Tests.Hosting;
using Indgang.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Indgang.Web.Tests.Housing;

/// <summary>
/// A household that accepts a permanent home while it has no home, then moves into one of our temporary units before that
/// home's move day, has a defects list for that move-in: the arrival checklist's »Fejl- og mangelliste ved indflytning«,
/// 14 days after it, one list, beside the permanent home's own for its move day. Before, the acceptance had closed the
/// checklist's list, and the move into our unit had none (found by the housing coordinator's review).
/// </summary>
public sealed class DefectsListAtTemporaryMoveInAfterAcceptanceTests(IndgangAppFactory factory) : IClassFixture<IndgangAppFactory>
{
    private static readonly DateOnly Today = Arrivals.Today;

    private static readonly TaskType[] DefectsLists = [TaskType.MoveInDefectsList, TaskType.PermanentHomeDefectsList];

    [Fact]
    public async Task MovedIntoOurTemporaryUnitBeforeTheAcceptedHome_HasOneChecklistDefectsList()
    {
        var household = await factory.RegisterSingleAsync("Mellemhjem");
        using var housing = await Browser.SignedInAsync(factory, "bolig");
        await housing.AcceptedOfferAsync(factory, household, "Kildevej 31", Today.AddDays(30));

        await factory.MovedInAsync(await factory.UnitOfItsOwnAsync("Mellemhjem Midlertidig 1"), household, Today.AddDays(5));

        var open = await factory.QueryAsync(db => db.Tasks.AsNoTracking()
            .Where(t => t.HouseholdId == household && DefectsLists.Contains(t.Type) && t.Status != CaseTaskStatus.NotNeeded && t.Status != CaseTaskStatus.Done)
            .OrderBy(t => t.Type).Select(t => new { t.Type, t.DueDate }).ToListAsync());
        Assert.Equal(
            [(TaskType.MoveInDefectsList, Today.AddDays(19)), (TaskType.PermanentHomeDefectsList, Today.AddDays(44))],
            open.Select(t => (t.Type, t.DueDate)));
    }
}

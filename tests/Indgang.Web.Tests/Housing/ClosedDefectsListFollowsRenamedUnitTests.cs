using System.Net;
using Indgang.Domain.Housing;
using Indgang.Domain.Reception;
using Indgang.Domain.Tasks;
using Indgang.Tests.Hosting;
using Indgang.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Indgang.Web.Tests.Housing;

/// <summary>
/// One of our permanent units, a household's first home, renamed on the unit's edit page after the move-in: the arrival
/// checklist's »Fejl- og mangelliste ved indflytning« the move-in closed as not needed says why with the unit's label as
/// it is now, and »Fortryd indflytning« brings it back, waiting for a home. Before, it kept the old label, and the undo,
/// which finds it by the current one, left it closed. A rename refused (another saved the unit first) leaves it as it was.
/// </summary>
public sealed class ClosedDefectsListFollowsRenamedUnitTests(IndgangAppFactory factory) : IClassFixture<IndgangAppFactory>
{
    private static readonly DateOnly Today = Arrivals.Today;

    [Fact]
    public async Task UnitRenamedAfterTheFirstMoveIn_TheClosedListNamesTheNewLabel_AndTheUndoBringsItBack()
    {
        var household = await factory.RegisterSingleAsync("Omdøbtbolig");
        var unitId = await factory.UnitOfItsOwnAsync("Omdøb Permanent 1", isPermanent: true);
        await factory.MovedInAsync(unitId, household, Today.AddDays(5));
        using var housing = await Browser.SignedInAsync(factory, "bolig");

        using var renamed = await UnitEditResidentsTests.PostAsync(housing, await UnitAsync(unitId), form => form["Input.Label"] = "Omdøb Permanent 1A");

        Assert.Equal(HttpStatusCode.Redirect, renamed.StatusCode);
        Assert.Equal(
            [(CaseTaskStatus.NotNeeded, "Indflytningen i Omdøb Permanent 1A er i en permanent bolig, og dens mangelliste er »Mangelliste til boligselskabet«.")],
            (await ChecklistListsAsync(household)).Select(t => (t.Status, t.NotNeededReason)));

        var stay = await factory.StayOfAsync(household);
        using var undone = await housing.CallOffMoveInAsync(unitId, stay);

        Assert.Equal(HttpStatusCode.Redirect, undone.StatusCode);
        var open = (await ChecklistListsAsync(household)).Where(t => !t.IsClosed).ToList();
        Assert.Equal([(Guid?)null], open.Select(t => t.OccupancyId));
    }

    [Fact]
    public async Task RenameRefusedAsSavedByAnother_TheClosedListKeepsTheLabelAsSaved()
    {
        var household = await factory.RegisterSingleAsync("Afvistomdøbning");
        var unitId = await factory.UnitOfItsOwnAsync("Omdøb Permanent 2", isPermanent: true);
        await factory.MovedInAsync(unitId, household, Today.AddDays(5));
        var shown = await UnitAsync(unitId);
        using var first = await Browser.SignedInAsync(factory, "bolig");
        using var second = await Browser.SignedInAsync(factory, "bolig");

        using var rent = await UnitEditResidentsTests.PostAsync(first, shown, form => form["Input.MonthlyRent"] = "2100");
        using var renamed = await UnitEditResidentsTests.PostAsync(second, shown, form => form["Input.Label"] = "Omdøb Permanent 2A");

        Assert.Equal(HttpStatusCode.Redirect, rent.StatusCode);
        Assert.Equal(HttpStatusCode.OK, renamed.StatusCode);
        Assert.Equal("Omdøb Permanent 2", (await UnitAsync(unitId)).Label);
        Assert.Equal(
            ["Indflytningen i Omdøb Permanent 2 er i en permanent bolig, og dens mangelliste er »Mangelliste til boligselskabet«."],
            (await ChecklistListsAsync(household)).Select(t => t.NotNeededReason));
    }

    private Task<HousingUnit> UnitAsync(Guid id) => factory.QueryAsync(db => db.HousingUnits.AsNoTracking().SingleAsync(u => u.Id == id));

    /// <summary>The household's checklist defects lists at move-in, the closed first.</summary>
    private Task<List<CaseTask>> ChecklistListsAsync(Guid household) => factory.QueryAsync(async db =>
        (await db.Tasks.AsNoTracking().Where(t => t.HouseholdId == household && t.Type == TaskType.MoveInDefectsList).ToListAsync())
        .OrderBy(t => t.IsClosed ? 0 : 1).ToList());
}

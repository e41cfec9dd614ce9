using System.Net;
using Indgang.Domain.People;
using Indgang.Domain.Reception;
using Indgang.Tests.Hosting;
using Indgang.Web.Features.Reception;
using Indgang.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Indgang.Web.Tests.Housing;

/// <summary>
/// The arrival checklist's defects list at move-in (Teknik og drift) is due 14 days after the household's first move-in,
/// not 14 days after its arrival: a household that waited weeks for a home had it overdue before it had a home (found by
/// review: the Haddads, arrived 20 days earlier, moved in, and the list was due six days before the move).
/// </summary>
public sealed class DefectsListAfterMoveInTests(IndgangAppFactory factory) : IClassFixture<IndgangAppFactory>
{
    [Fact]
    public async Task HouseholdThatWaitedForAHome_MovesIn_ItsDefectsListIsDue14DaysAfterTheMove_NotOverdue()
    {
        var arrived = Arrivals.Today.AddDays(-20);
        var household = await factory.RegisterAsync(new ArrivalRequest(null, arrived.AddDays(-10), arrived,
        [
            new ArrivalMember("Far", "Mangelliste", new DateOnly(1984, 4, 4), Gender.Male, ResidenceBasis.VisitedRefugee),
            new ArrivalMember("Mor", "Mangelliste", new DateOnly(1986, 6, 6), Gender.Female, ResidenceBasis.VisitedRefugee, RelationToFirst: RelationKind.Spouse),
            new ArrivalMember("Barn", "Mangelliste", new DateOnly(2019, 9, 9), Gender.Female, ResidenceBasis.VisitedRefugee, RelationToFirst: RelationKind.Child),
        ]));
        await factory.RecordArrivalAsync(household, arrived);
        Assert.Equal(arrived.AddDays(14), await DefectsListDueAsync(household));
        var unit = await factory.UnitIdAsync("Pavillon A");
        using var housing = await Browser.SignedInAsync(factory, "bolig");

        using var moved = await housing.MoveInAsync(unit, household, Arrivals.Iso(Arrivals.Today));

        Assert.True(moved.StatusCode == HttpStatusCode.Redirect, System.Net.WebUtility.HtmlDecode(await moved.Content.ReadAsStringAsync()));
        Assert.Equal(Arrivals.Today.AddDays(14), await DefectsListDueAsync(household));
        Assert.Equal(1, await factory.QueryAsync(db => db.Tasks.CountAsync(t => t.HouseholdId == household && t.Type == TaskType.MoveInDefectsList)));
    }

    private Task<DateOnly> DefectsListDueAsync(Guid household) =>
        factory.QueryAsync(db => db.Tasks.Where(t => t.HouseholdId == household && t.Type == TaskType.MoveInDefectsList).Select(t => t.DueDate).SingleAsync());
}

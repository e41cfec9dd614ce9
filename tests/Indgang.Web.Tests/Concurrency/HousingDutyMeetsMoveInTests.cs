using System.Net;
using Indgang.Domain.People;
using Indgang.Domain.Reception;
using Indgang.Web.Features.Reception;
using Indgang.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Indgang.Web.Tests.Concurrency;

/// <summary>
/// The coordinator records that a family-reunified household will live with the person it joined in the very moment the
/// housing coordinator moves it into a unit, between the page's checks and its save: the move-in was first, so the
/// household is not recorded as without a home from us, and the coordinator is told where it lives.
/// </summary>
public sealed class HousingDutyMeetsMoveInTests(SavesMeetAppFactory factory) : IClassFixture<SavesMeetAppFactory>
{
    [Fact]
    public async Task LivesWithResidentTickedAtTheMomentOfAMoveIn_TheMoveInStands_TheTickIsRefused()
    {
        // Placed for the day it is expected, so that the move-in leaves its arrival as it is: only the home changes it.
        var arrival = Arrivals.Today.AddDays(5);
        var household = await factory.RegisterAsync(new ArrivalRequest(null, null, arrival,
            [new ArrivalMember("Hustru", "Samtidigherboende", new DateOnly(1992, 5, 1), Gender.Female, ResidenceBasis.FamilyReunified)]));
        var unit = await factory.UnitOfItsOwnAsync("Samtidig pligt");
        // Its tasks of a home are done, so that neither save changes a task the other changes: only the household meets.
        var homeTasks = await factory.QueryAsync(db => db.Tasks.Where(t => t.HouseholdId == household && Indgang.Domain.Housing.HousingDuty.HomeTasks.Contains(t.Type)).Select(t => t.Id).ToListAsync());
        Assert.NotEmpty(homeTasks);
        foreach (var task in homeTasks)
        {
            await factory.CompleteAsAsync(task, "sekretariat");
        }

        using var coordinator = await Browser.SignedInAsync(factory, "koordinator");
        var version = HiddenFields.Value(await coordinator.GetPageAsync($"/Households/{household}/HousingDuty"), "Version");
        factory.BeforeNextSave(
            db => db.ChangeTracker.Entries<Household>().Any(e => e.Entity.Id == household && e.Property(h => h.LivesWithReferencePerson).IsModified),
            () => factory.MovedInAsync(unit, household, arrival));

        using var ticked = await coordinator.PostFormAsync($"/Households/{household}/HousingDuty", new Dictionary<string, string>
        {
            ["Version"] = version, ["LivesWithReferencePerson"] = "true",
        });

        Assert.Equal(HttpStatusCode.OK, ticked.StatusCode);
        Assert.Contains($"Husstanden skal flytte ind i Samtidig pligt {DanishDates.Written(arrival)}. Fortryd indflytningen på boligens side først.",
            WebUtility.HtmlDecode(await ticked.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.False(await factory.QueryAsync(db => db.Households.Where(h => h.Id == household).Select(h => h.LivesWithReferencePerson).SingleAsync()));
        Assert.True(await factory.QueryAsync(db => db.Occupancies.AnyAsync(o => o.HouseholdId == household)));
    }
}

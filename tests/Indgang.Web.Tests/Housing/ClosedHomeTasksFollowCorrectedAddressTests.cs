using System.Net;
using AngleSharp.Html.Parser;
using Indgang.Domain.Reception;
using Indgang.Domain.Tasks;
using Indgang.Tests.Hosting;
using Indgang.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Indgang.Web.Tests.Infrastructure.Arrivals;

namespace Indgang.Web.Tests.Housing;

/// <summary>
/// The address of a housing association's home accepted as the household's first home, corrected after the acceptance:
/// the arrival checklist's tasks the acceptance closed as not needed (lease, keys, house rules, defects list) say why with
/// the address as it is now, and undoing the acceptance brings them back, waiting for a home. Before, they kept the
/// address typed wrong, and the undo, which finds them by it, left them closed (found by the housing coordinator's review).
/// </summary>
public sealed class ClosedHomeTasksFollowCorrectedAddressTests(IndgangAppFactory factory) : IClassFixture<IndgangAppFactory>
{
    private static readonly HtmlParser Parser = new();

    private static readonly TaskType[] ClosedByTheAcceptance = [TaskType.LeaseContract, TaskType.KeyHandover, TaskType.HouseRulesIntroduction, TaskType.MoveInDefectsList];

    [Fact]
    public async Task AddressCorrectedAfterTheAcceptance_ReasonsNameTheNewAddress_AndTheUndoBringsTheTasksBack()
    {
        var household = await factory.RegisterSingleAsync("Rettetadresse");
        using var housing = await Browser.SignedInAsync(factory, "bolig");
        var offer = await housing.AcceptedOfferAsync(factory, household, "Kildevej 41", Today.AddDays(10));
        var page = $"/Housing/Pipeline/Offers/{offer}";
        var form = Parser.ParseDocument(await housing.GetPageAsync(page));
        var offeredOn = (await factory.OfferAsync(offer))!.OfferedOn;

        using var corrected = await housing.PostFormAsync(page, new Dictionary<string, string>
        {
            ["Address"] = "Kildevej 43", ["OfferedOn"] = Iso(offeredOn), ["Rooms"] = "2", ["Version"] = PipelineEditPages.Version(form),
        });

        Assert.Equal(HttpStatusCode.Redirect, corrected.StatusCode);
        Assert.Equal(
            [
                (TaskType.LeaseContract, CaseTaskStatus.NotNeeded, OfTheHome("Kildevej 43")),
                (TaskType.KeyHandover, CaseTaskStatus.NotNeeded, OfTheHome("Kildevej 43")),
                (TaskType.HouseRulesIntroduction, CaseTaskStatus.NotNeeded, OfTheHome("Kildevej 43")),
                (TaskType.MoveInDefectsList, CaseTaskStatus.NotNeeded, "Indflytningen i Kildevej 43 er i en permanent bolig, og dens mangelliste er »Mangelliste til boligselskabet«."),
            ],
            (await TasksAsync(household)).Select(t => (t.Type, t.Status, t.NotNeededReason)));

        using var undone = await housing.PostFormAsync("/Housing/Pipeline?handler=Reopen", new Dictionary<string, string> { ["OfferId"] = offer.ToString() }, formPage: "/Housing/Pipeline");

        Assert.Equal(HttpStatusCode.Redirect, undone.StatusCode);
        var open = (await TasksAsync(household)).Where(t => !t.IsClosed).ToList();
        Assert.Equal(ClosedByTheAcceptance.Order(), open.Select(t => t.Type).Order());
        Assert.All(open, t => Assert.Null(t.OccupancyId));
    }

    private static string OfTheHome(string address) =>
        $"{address} lejes af boligselskabet, som laver lejekontrakten og udleverer nøglerne, og husordenen gennemgås i »Vejledning om boligselskabets regler og husorden, og hvor man henvender sig«.";

    private Task<List<CaseTask>> TasksAsync(Guid household) => factory.QueryAsync(async db =>
        (await db.Tasks.AsNoTracking().Where(t => t.HouseholdId == household && ClosedByTheAcceptance.Contains(t.Type)).ToListAsync())
            .OrderBy(t => Array.IndexOf(ClosedByTheAcceptance, t.Type)).ThenBy(t => t.ClosedAt == null).ToList());
}

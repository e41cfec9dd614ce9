using System.Net;
using AngleSharp.Html.Parser;
using Indgang.Domain.Housing;
using Indgang.Domain.Reception;
using Indgang.Domain.Tasks;
using Indgang.Tests.Hosting;
using Indgang.Web.Features.Housing;
using Indgang.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Indgang.Web.Tests.Infrastructure.Arrivals;

namespace Indgang.Web.Tests.Housing;

/// <summary>
/// The address of an accepted permanent home typed wrong is corrected where the offer is corrected, without undoing the
/// acceptance (HOUSE-5): the move's open tasks take the corrected address and their department is told, those done keep
/// the name they were done under, and the correction is audited. An accepted offer is not removed.
/// </summary>
public sealed class AcceptedOfferCorrectionTests(IndgangAppFactory factory) : IClassFixture<IndgangAppFactory>
{
    private static readonly HtmlParser Parser = new();

    [Fact]
    public async Task AcceptedOffer_AddressCorrected_OpenMoveTasksRenamed_DoneOnesKept_DepartmentTold_Audited()
    {
        var household = await factory.RegisterSingleAsync("Adresseret");
        using var housing = await Browser.SignedInAsync(factory, "bolig");
        var offer = await housing.AcceptedOfferAsync(factory, household, "Engholm Alle 13", Today.AddDays(10));
        // The guidance is given already; the defects list is still to come.
        await factory.QueryAsync(async db =>
        {
            (await db.Tasks.SingleAsync(t => t.HouseholdId == household && t.Type == TaskType.PermanentHomeGuidance)).Complete("jobberiet", DateTimeOffset.UtcNow);
            return await db.SaveChangesAsync();
        });
        var link = Parser.ParseDocument(await housing.GetPageAsync("/Housing/Pipeline")).QuerySelector($"a[href='/Housing/Pipeline/Offers/{offer}']");
        Assert.Equal("Ret – tilbud på Engholm Alle 13", link?.TextContent.Trim());
        var form = Parser.ParseDocument(await housing.GetPageAsync(Page(offer)));
        Assert.Contains("Tilbuddet er accepteret med flyttedato", form.QuerySelector("[data-testid='offer-accepted']")?.TextContent, StringComparison.Ordinal);
        Assert.Null(form.QuerySelector("form[action*='Remove']"));
        var offeredOn = (await factory.OfferAsync(offer))!.OfferedOn;
        var before = await factory.NotificationIdsAsync();

        using var saved = await housing.PostFormAsync(Page(offer), Fields("Engholm Allé 13", offeredOn, PipelineEditPages.Version(form), rooms: "3"));

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var now = await factory.OfferAsync(offer);
        Assert.Equal(("Engholm Allé 13", 3, OfferStatus.Accepted, Today.AddDays(10)), (now!.Address, now.Rooms, now.Status, now.MoveDate));
        Assert.Equal(
            [
                (TaskType.PermanentHomeDefectsList, CaseTaskStatus.Open, "Mangelliste til boligselskabet – Engholm Allé 13"),
                (TaskType.PermanentHomeGuidance, CaseTaskStatus.Done, "Vejledning om boligselskabets regler og husorden, og hvor man henvender sig – Engholm Alle 13"),
            ],
            await TasksAsync(household));
        var told = Assert.Single(await factory.NotificationsSinceAsync(before));
        Assert.Equal(("jobberiet", "Adressen på den permanente bolig, der flyttes til, er rettet til Engholm Allé 13: Solo Adresseret"), (told.Department, told.Text));
        Assert.Single(await factory.PipelineWritesAsync(household, "tilbud rettet"), w => w!.Contains("Engholm Alle 13", StringComparison.Ordinal) && w.Contains("→ Engholm Allé 13", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AcceptedOffer_RoomsCorrected_TheTasksAndDepartmentsLeftAlone()
    {
        var household = await factory.RegisterSingleAsync("Vaerelsesret");
        using var housing = await Browser.SignedInAsync(factory, "bolig");
        var offer = await housing.AcceptedOfferAsync(factory, household, "Engholm Allé 15", Today.AddDays(10));
        var tasks = await TaskVersionsAsync(household);
        var form = Parser.ParseDocument(await housing.GetPageAsync(Page(offer)));
        var before = await factory.NotificationIdsAsync();

        using var saved = await housing.PostFormAsync(Page(offer), Fields("Engholm Allé 15", (await factory.OfferAsync(offer))!.OfferedOn, PipelineEditPages.Version(form), rooms: "2"));

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(2, (await factory.OfferAsync(offer))!.Rooms);
        Assert.Equal(tasks, await TaskVersionsAsync(household));
        Assert.Empty(await factory.NotificationsSinceAsync(before));
    }

    [Fact]
    public async Task AcceptedOffer_IsNotRemoved_SaidWhy()
    {
        var household = await factory.RegisterSingleAsync("Ikkeslettet");
        using var housing = await Browser.SignedInAsync(factory, "bolig");
        var offer = await housing.AcceptedOfferAsync(factory, household, "Engholm Allé 17", Today.AddDays(10));
        var version = PipelineEditPages.Version(Parser.ParseDocument(await housing.GetPageAsync(Page(offer))));

        using var refused = await housing.PostFormAsync($"{Page(offer)}?handler=Remove", new Dictionary<string, string> { ["Version"] = version }, formPage: Page(offer));

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains(OfferEditModel.AcceptedNotRemoved, Parser.ParseDocument(await refused.Content.ReadAsStringAsync()).QuerySelector(".alert-error")?.TextContent, StringComparison.Ordinal);
        Assert.Equal(OfferStatus.Accepted, (await factory.OfferAsync(offer))?.Status);
        Assert.Empty(await factory.PipelineWritesAsync(household, "tilbud slettet"));
    }

    [Fact]
    public async Task DeclinedOffer_IsHistory_NoFormToCorrectIt()
    {
        var household = await factory.RegisterSingleAsync("Afslaaetret");
        var offer = await factory.QueryAsync(async db =>
        {
            var made = db.HousingOffers.Add(new HousingOffer(household, "Engholm Allé 19", Today.AddDays(-4))).Entity;
            made.Decline("For langt fra skolen");
            await db.SaveChangesAsync();
            return made.Id;
        });
        using var housing = await Browser.SignedInAsync(factory, "bolig");

        var page = Parser.ParseDocument(await housing.GetPageAsync(Page(offer)));

        Assert.Contains(OfferEditModel.Declined, page.QuerySelector(".alert-info")?.TextContent, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("input[name='Address']"));
    }

    private static string Page(Guid offer) => $"/Housing/Pipeline/Offers/{offer}";

    private static Dictionary<string, string> Fields(string address, DateOnly offeredOn, string version, string rooms) => new()
    {
        ["Address"] = address, ["OfferedOn"] = Iso(offeredOn), ["Rooms"] = rooms, ["Version"] = version,
    };

    private Task<List<(TaskType, CaseTaskStatus, string)>> TasksAsync(Guid household) => factory.QueryAsync(async db =>
        (await db.Tasks.AsNoTracking().Where(t => t.HouseholdId == household && MoveTasks.IntoPermanentHome.Contains(t.Type)).ToListAsync())
            .OrderBy(t => t.Type.ToString(), StringComparer.Ordinal).Select(t => (t.Type, t.Status, t.Title)).ToList());

    private Task<List<Guid>> TaskVersionsAsync(Guid household) => factory.QueryAsync(async db =>
        (await db.Tasks.AsNoTracking().Where(t => t.HouseholdId == household).ToListAsync()).OrderBy(t => t.Id).Select(t => t.Version).ToList());
}

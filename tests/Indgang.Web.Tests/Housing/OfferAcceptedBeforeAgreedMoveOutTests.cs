using System.Net;
using System.Net.Http.Json;
using AngleSharp.Html.Parser;
using Indgang.Domain.Audit;
using Indgang.Domain.Housing;
using Indgang.Domain.Reception;
using Indgang.Tests.Hosting;
using Indgang.Web.Features.Housing;
using Indgang.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Indgang.Web.Tests.Infrastructure.Arrivals;

namespace Indgang.Web.Tests.Housing;

/// <summary>
/// A household that has agreed to leave its temporary home in 30 days (to another of our units, not chosen yet) accepts
/// a permanent home with a move day in 5 (HOUSE-5). Its stay ends on the move day, to its own home, with the agreed
/// move's tasks following to that day and none made twice, on the pipeline page and through the API alike; the
/// acceptance undone puts the agreed move out back. A planned move into another of our units from the agreed day is
/// called off first: the move day is refused beside it, saying so.
/// </summary>
public sealed class OfferAcceptedBeforeAgreedMoveOutTests(IndgangAppFactory factory) : IClassFixture<IndgangAppFactory>
{
    private static readonly HtmlParser Parser = new();
    private static readonly DateOnly Agreed = Today.AddDays(30);
    private static readonly DateOnly MoveDay = Today.AddDays(5);

    [Theory]
    [InlineData("Pipeline")]
    [InlineData("Api")]
    public async Task Accept_MovingBeforeTheAgreedMoveOut_TheStayEndsOnTheMoveDayToItsOwnHome_TheTasksFollow(string path)
    {
        var (unit, household, stay) = await AgreedToMoveOnAsync($"Fremrykket {path}");
        var offer = await OfferedAsync(household, $"Fremvej {path.Length}");
        using var housing = await Browser.SignedInAsync(factory, "bolig");

        using var accepted = await AcceptAsync(housing, path, offer, MoveDay);

        Assert.Equal(path == "Api" ? HttpStatusCode.OK : HttpStatusCode.Redirect, accepted.StatusCode);
        var left = await factory.QueryAsync(db => db.Occupancies.AsNoTracking().SingleAsync(o => o.Id == stay));
        Assert.Equal(((DateOnly?)MoveDay, (MoveOutDestination?)MoveOutDestination.OwnHome), (left.MovedOutOn, left.Destination));
        Assert.Equal(MoveDay, await factory.QueryAsync(db => db.HousingUnits.Where(u => u.Id == unit).Select(u => u.AvailableFrom).SingleAsync()));
        // The lease, keys and inspection agreed for day 30 come on the move day: three, none left behind for the old day.
        Assert.Equal(
            MoveTasks.MoveOut.Select(t => (t, MoveDay.AddDays(MoveTasks.DaysAfterMove(t)), false)).Order(),
            (await MoveOutTasksAsync(stay)).Select(t => (t.Type, t.DueDate, t.IsClosed)).Order());
        var saved = await factory.QueryAsync(db => db.HousingOffers.AsNoTracking().SingleAsync(o => o.Id == offer));
        Assert.Equal((OfferStatus.Accepted, (DateOnly?)Agreed, (MoveOutDestination?)MoveOutDestination.OtherMunicipalUnit), (saved.Status, saved.MoveOutAgreedBefore, saved.DestinationAgreedBefore));
        // In the audit log as any change of an agreed move out: the agreement, then this.
        Assert.Equal(
            [$"Bolig {unit:D} (Fremrykket {path}): flyttes fra {Iso(Agreed)} til {Iso(MoveDay)}, OwnHome"],
            await MoveOutChangesAsync(household));
    }

    [Fact]
    public async Task Reopen_AfterTheAcceptanceBroughtTheMoveOutForward_PutsTheAgreedMoveOutBack()
    {
        var (unit, household, stay) = await AgreedToMoveOnAsync("Fortrudt fremrykket");
        var offer = await OfferedAsync(household, "Fortrydvej 1");
        using var housing = await Browser.SignedInAsync(factory, "bolig");
        using var reopened = await AcceptedThenReopenedAsync(housing, offer);

        Assert.Equal(HttpStatusCode.Redirect, reopened.StatusCode);
        var back = await factory.QueryAsync(db => db.Occupancies.AsNoTracking().SingleAsync(o => o.Id == stay));
        Assert.Equal(((DateOnly?)Agreed, (MoveOutDestination?)MoveOutDestination.OtherMunicipalUnit), (back.MovedOutOn, back.Destination));
        Assert.Equal(Agreed, await factory.QueryAsync(db => db.HousingUnits.Where(u => u.Id == unit).Select(u => u.AvailableFrom).SingleAsync()));
        Assert.Equal(
            MoveTasks.MoveOut.Select(t => (t, Agreed.AddDays(MoveTasks.DaysAfterMove(t)), false)).Order(),
            (await MoveOutTasksAsync(stay)).Select(t => (t.Type, t.DueDate, t.IsClosed)).Order());
        var open = await factory.QueryAsync(db => db.HousingOffers.AsNoTracking().SingleAsync(o => o.Id == offer));
        Assert.Equal((OfferStatus.Pending, (DateOnly?)null, (DateOnly?)null), (open.Status, open.MoveDate, open.MoveOutAgreedBefore));
        // The permanent home's tasks are not needed; the move out's are not closed with them.
        Assert.All(
            await factory.QueryAsync(db => db.Tasks.AsNoTracking().Where(t => t.HouseholdId == household && MoveTasks.IntoPermanentHome.Contains(t.Type)).ToListAsync()),
            t => Assert.Equal(AgreedMoveTasks.AcceptanceUndoneReason.Text, t.NotNeededReason));
    }

    /// <summary>
    /// A move out agreed before anyone was asked where to (an older stay, no destination) comes back without one, not to
    /// the own home the acceptance said; and the log says it was put back, as it was.
    /// </summary>
    [Fact]
    public async Task Reopen_AgreedMoveOutWithoutADestination_IsPutBackWithoutOne_AndTheLogSaysItWasPutBack()
    {
        var (_, household, stay) = await AgreedToMoveOnAsync("Fortrudt uden sted");
        await factory.QueryAsync(db => db.Occupancies.Where(o => o.Id == stay).ExecuteUpdateAsync(s => s.SetProperty(o => o.Destination, (MoveOutDestination?)null)));
        var offer = await OfferedAsync(household, "Fortrydvej 2");
        using var housing = await Browser.SignedInAsync(factory, "bolig");
        using var reopened = await AcceptedThenReopenedAsync(housing, offer);

        Assert.Equal(HttpStatusCode.Redirect, reopened.StatusCode);
        var back = await factory.QueryAsync(db => db.Occupancies.AsNoTracking().SingleAsync(o => o.Id == stay));
        Assert.Equal(((DateOnly?)Agreed, (MoveOutDestination?)null), (back.MovedOutOn, back.Destination));
        var undone = await factory.QueryAsync(db => db.AuditEntries.AsNoTracking()
            .Where(e => e.Purpose == "Vejen til permanent bolig: accept fortrudt" && e.Details!.Contains("Fortrydvej 2")).Select(e => e.Details).SingleAsync());
        Assert.EndsWith($"Fortrydvej 2 (skulle flytte {Iso(MoveDay)}); fraflytningen {Iso(Agreed)} er sat tilbage", undone, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Pipeline")]
    [InlineData("Api")]
    public async Task Accept_WithAPlannedMoveIntoAnotherOfOurUnits_IsRefusedBesideTheMoveDay_NothingChanged(string path)
    {
        var (_, household, stay) = await AgreedToMoveOnAsync($"Før planlagt {path}");
        var next = await factory.UnitOfItsOwnAsync($"Planlagt næste {path}");
        await factory.MovedInAsync(next, household, Agreed);
        var offer = await OfferedAsync(household, $"Planvej {path.Length}");
        using var housing = await Browser.SignedInAsync(factory, "bolig");

        using var refused = await AcceptAsync(housing, path, offer, MoveDay);

        var expected = $"Husstanden skal flytte ind i Planlagt næste {path} {DanishDates.Written(Agreed)}. Fortryd den planlagte indflytning på boligens side først, eller vælg en flyttedato efter den dag.";
        if (path == "Api")
        {
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            var problem = await refused.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();
            Assert.Equal(expected, problem.GetProperty("errors").GetProperty("moveDate")[0].GetString());
        }
        else
        {
            Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
            var page = Parser.ParseDocument(await refused.Content.ReadAsStringAsync());
            Assert.Equal($"Fejl: {expected}", page.QuerySelector($"#MoveDate-{offer}-error")?.TextContent.Trim());
        }

        Assert.Equal(OfferStatus.Pending, await factory.QueryAsync(db => db.HousingOffers.Where(o => o.Id == offer).Select(o => o.Status).SingleAsync()));
        var kept = await factory.QueryAsync(db => db.Occupancies.AsNoTracking().SingleAsync(o => o.Id == stay));
        Assert.Equal(((DateOnly?)Agreed, (MoveOutDestination?)MoveOutDestination.OtherMunicipalUnit), (kept.MovedOutOn, kept.Destination));
        Assert.True(await factory.QueryAsync(db => db.Occupancies.AnyAsync(o => o.UnitId == next && o.HouseholdId == household && o.MovedInOn == Agreed && o.MovedOutOn == null)));
    }

    /// <summary>A single adult housed in a temporary unit of its own 10 days ago, agreed to move to another of ours in 30 days.</summary>
    private async Task<(Guid Unit, Guid Household, Guid Stay)> AgreedToMoveOnAsync(string unitLabel)
    {
        var housed = await factory.HousedSingleAsync(unitLabel, unitLabel.Replace(" ", "", StringComparison.Ordinal), daysAgo: 10);
        await using var scope = factory.Services.CreateAsyncScope();
        var agreed = await scope.ServiceProvider.GetRequiredService<HousingMoves>().MoveOutAsync(housed.Stay, Agreed, MoveOutDestination.OtherMunicipalUnit);
        Assert.True(agreed.Succeeded, agreed.Error);
        return housed;
    }

    /// <summary>The offer accepted on the pipeline with the move day, then the acceptance undone there (its answer).</summary>
    private static async Task<HttpResponseMessage> AcceptedThenReopenedAsync(Browser housing, Guid offer)
    {
        using (var accepted = await AcceptAsync(housing, "Pipeline", offer, MoveDay))
        {
            Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        }

        return await housing.PostFormAsync("/Housing/Pipeline?handler=Reopen", new Dictionary<string, string> { ["OfferId"] = offer.ToString() }, formPage: "/Housing/Pipeline");
    }

    private Task<Guid> OfferedAsync(Guid household, string address) =>
        factory.QueryAsync(async db =>
        {
            var offer = db.HousingOffers.Add(new HousingOffer(household, address, Today)).Entity;
            await db.SaveChangesAsync();
            return offer.Id;
        });

    private static Task<HttpResponseMessage> AcceptAsync(Browser housing, string path, Guid offer, DateOnly moveDay) =>
        path == "Api"
            ? housing.Client.PostAsJsonAsync(new Uri($"/api/v1/housing/offers/{offer}/acceptance", UriKind.Relative), new { moveDate = Iso(moveDay) })
            : housing.PostFormAsync("/Housing/Pipeline?handler=Accept", new Dictionary<string, string> { ["OfferId"] = offer.ToString(), ["MoveDate"] = Iso(moveDay) }, formPage: "/Housing/Pipeline");

    private Task<List<Domain.Tasks.CaseTask>> MoveOutTasksAsync(Guid stay) =>
        factory.QueryAsync(db => db.Tasks.AsNoTracking().Where(t => t.OccupancyId == stay && MoveTasks.MoveOut.Contains(t.Type)).ToListAsync());

    private Task<List<string?>> MoveOutChangesAsync(Guid household) =>
        factory.QueryAsync(async db =>
        {
            var member = await db.Persons.Where(p => p.HouseholdId == household).Select(p => p.Id).SingleAsync();
            return await db.AuditEntries.Where(e => e.Action == AuditAction.MovedOut && e.SubjectPersonId == member && e.Purpose == "Boligplacering: aftalt fraflytning ændret")
                .Select(e => e.Details).ToListAsync();
        });
}

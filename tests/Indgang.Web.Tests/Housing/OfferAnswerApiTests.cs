using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Indgang.Domain.Housing;
using Indgang.Domain.People;
using Indgang.Tests.Hosting;
using Indgang.Web.Features.Api;
using Indgang.Web.Features.Housing;
using Indgang.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Indgang.Web.Tests.Infrastructure.Arrivals;

namespace Indgang.Web.Tests.Housing;

/// <summary>
/// POST /api/v1/housing/offers/{id}/acceptance and /decline (HOUSE-5, PLAT-7): a housing association's letting system
/// answers an offer as the pipeline page answers it. Accepted, the household moves out of its temporary home on the move
/// day; declined, its reason is kept; both audited as on the page. A move day or reason the page would refuse is a 400
/// under the JSON field, an offer answered already or a household that cannot move a 409, with nothing changed.
/// </summary>
public sealed class OfferAnswerApiTests(IndgangAppFactory factory) : IClassFixture<IndgangAppFactory>
{
    private const string MoveDateMissing = "Angiv flyttedatoen (tidligst tilbudsdatoen).";

    /// <summary>A move day gone (moved already: the pipeline's moves) or ahead (an agreed move: still on its way till then).</summary>
    [Theory]
    [InlineData(-1)]
    [InlineData(14)]
    public async Task Accept_Returns200_TheHouseholdMovesOutOfItsTemporaryHomeOnTheDay_OnThePipeline_AndAudited(int moveInDays)
    {
        var (unit, household, stay) = await factory.HousedSingleAsync($"Apiaccept {moveInDays}", $"Apiaccept{(moveInDays < 0 ? "gået" : "frem")}", daysAgo: 30);
        var offer = await OfferedAsync(household, $"Engvej {moveInDays + 20}", Today.AddDays(-10));
        var moveDate = Today.AddDays(moveInDays);
        using var housing = await Browser.SignedInAsync(factory, "bolig");

        using var response = await AcceptAsync(housing, offer, new { moveDate = Iso(moveDate) });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var answered = JsonSerializer.Deserialize<OfferDto>(await response.Content.ReadAsStringAsync(), HousingApi.Json)!;
        Assert.Equal((offer, OfferStatus.Accepted, (DateOnly?)moveDate), (answered.Id, answered.Status, answered.MoveDate));
        var saved = await factory.QueryAsync(db => db.HousingOffers.AsNoTracking().SingleAsync(o => o.Id == offer));
        Assert.Equal((OfferStatus.Accepted, (DateOnly?)moveDate), (saved.Status, saved.MoveDate));
        var left = await factory.QueryAsync(db => db.Occupancies.AsNoTracking().SingleAsync(o => o.Id == stay));
        Assert.Equal(((DateOnly?)moveDate, (MoveOutDestination?)MoveOutDestination.OwnHome), (left.MovedOutOn, left.Destination));

        var onThePipeline = await PipelineHouseholdAsync(housing, household);
        Assert.Equal((moveInDays > 0, moveInDays > 0 ? unit : (Guid?)null), (onThePipeline.Underway, onThePipeline.TemporaryUnitId));
        Assert.Equal((OfferStatus.Accepted, (DateOnly?)moveDate), (onThePipeline.Offers.Single().Status, onThePipeline.Offers.Single().MoveDate));
        var page = await housing.PipelineShowingAsync(household);
        Assert.NotNull(page?.QuerySelector($"table[aria-labelledby='{(moveInDays > 0 ? "pipeline-underway" : "pipeline-moved")}'] tr[data-household='{onThePipeline.Name}']"));

        Assert.Equal([$"Husstand {household:D}: Engvej {moveInDays + 20}, flytter {Iso(moveDate)}"], await AuditedAsync(household, "tilbud accepteret"));
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("{ \"moveDate\": null }")]
    [InlineData("{ \"moveDate\": \"BEFORE\" }")]
    public async Task Accept_WithoutAMoveDate_OrOneBeforeTheOffer_Returns400UnderMoveDate_NothingChanged(string json)
    {
        var (_, household, stay) = await factory.HousedSingleAsync($"Apiudendato {json.Length}", $"Apiudendato{json.Length}", daysAgo: 30);
        var offer = await OfferedAsync(household, "Engvej 40", Today.AddDays(-5));

        using var response = await PostAsync("bolig", $"/api/v1/housing/offers/{offer}/acceptance", json.Replace("BEFORE", Iso(Today.AddDays(-6)), StringComparison.Ordinal));

        var errors = await ValidationErrorsAsync(response, "Accepten er ikke gemt.");
        Assert.Equal(["moveDate"], errors.Keys);
        Assert.Equal([MoveDateMissing], errors["moveDate"]);
        await AssertStillPendingAsync(offer, household, stay);
    }

    /// <summary>
    /// A move day after the offer but before the household moved into its temporary home: the page's step refuses the move
    /// out (beside the move day there), and so the API, under moveDate.
    /// </summary>
    [Fact]
    public async Task Accept_WithAMoveDateBeforeTheMoveIntoItsTemporaryHome_Returns400UnderMoveDate_NothingChanged()
    {
        var (_, household, stay) = await factory.HousedSingleAsync("Apiførindflytning", "Apiførindflytning", daysAgo: 5);
        var offer = await OfferedAsync(household, "Engvej 42", Today.AddDays(-20));
        using var housing = await Browser.SignedInAsync(factory, "bolig");

        using var response = await AcceptAsync(housing, offer, new { moveDate = Iso(Today.AddDays(-10)) });

        var errors = await ValidationErrorsAsync(response, "Accepten er ikke gemt.");
        Assert.Equal(["moveDate"], errors.Keys);
        Assert.Equal([HousingMoves.MoveOutBeforeMoveIn], errors["moveDate"]);
        await AssertStillPendingAsync(offer, household, stay);
    }

    /// <summary>A mistyped year is refused under moveDate: the move's tasks would be counted from it (a 500 before).</summary>
    [Fact]
    public async Task Accept_WithAMoveDateBeyondThePlanningHorizon_Returns400UnderMoveDate_NothingChanged()
    {
        var (_, household, stay) = await factory.HousedSingleAsync("Apiårstal", "Apiårstal", daysAgo: 30);
        var offer = await OfferedAsync(household, "Engvej 43", Today.AddDays(-5));
        using var housing = await Browser.SignedInAsync(factory, "bolig");

        using var response = await AcceptAsync(housing, offer, new { moveDate = "9999-12-31" });

        var errors = await ValidationErrorsAsync(response, "Accepten er ikke gemt.");
        Assert.Equal(["moveDate"], errors.Keys);
        Assert.Equal(["Datoen kan højst ligge 2 år frem. Tjek årstallet."], errors["moveDate"]);
        await AssertStillPendingAsync(offer, household, stay);
    }

    /// <summary>An offer answered already (by another, or a second send) is not answered again, either way.</summary>
    [Theory]
    [InlineData("acceptance", "acceptance")]
    [InlineData("acceptance", "decline")]
    [InlineData("decline", "acceptance")]
    [InlineData("decline", "decline")]
    public async Task AnswerToAnOfferAnsweredAlready_Returns409_NothingChanged(string first, string second)
    {
        var (_, household, stay) = await factory.HousedSingleAsync($"Apibesvaret {first} {second}", $"Apibesvaret{first}{second}", daysAgo: 30);
        var offer = await OfferedAsync(household, "Engvej 44", Today.AddDays(-5));
        using var housing = await Browser.SignedInAsync(factory, "bolig");
        using (var answered = await housing.Client.PostAsJsonAsync(new Uri($"/api/v1/housing/offers/{offer}/{first}", UriKind.Relative), AnswerBody(first, Today.AddDays(7), "For lille.")))
        {
            Assert.Equal(HttpStatusCode.OK, answered.StatusCode);
        }

        var before = await factory.QueryAsync(db => db.HousingOffers.AsNoTracking().SingleAsync(o => o.Id == offer));
        var movedOut = await factory.QueryAsync(db => db.Occupancies.Where(o => o.Id == stay).Select(o => o.MovedOutOn).SingleAsync());
        var audited = (await AuditedAsync(household, "tilbud accepteret")).Count + (await AuditedAsync(household, "tilbud afslået")).Count;

        using var response = await housing.Client.PostAsJsonAsync(new Uri($"/api/v1/housing/offers/{offer}/{second}", UriKind.Relative), AnswerBody(second, Today.AddDays(9), "Anden grund."));

        var problem = await ConflictAsync(response);
        Assert.Equal(OfferAnswerApi.Answered, problem.GetProperty("detail").GetString());
        var after = await factory.QueryAsync(db => db.HousingOffers.AsNoTracking().SingleAsync(o => o.Id == offer));
        Assert.Equal((before.Status, before.MoveDate, before.DeclineReason, before.Version), (after.Status, after.MoveDate, after.DeclineReason, after.Version));
        Assert.Equal(movedOut, await factory.QueryAsync(db => db.Occupancies.Where(o => o.Id == stay).Select(o => o.MovedOutOn).SingleAsync()));
        Assert.Equal(1, audited);
        Assert.Equal(audited, (await AuditedAsync(household, "tilbud accepteret")).Count + (await AuditedAsync(household, "tilbud afslået")).Count);
    }

    /// <summary>The household has accepted another home: the page says so and tells to decline this one; the API says it as a conflict.</summary>
    /// <summary>
    /// An offer corrected by another after the letting system read it (another address) is not answered over the correction
    /// when the answer sends the version it read (If-Match): 412, the offer still waiting; sent with the version as it is
    /// now, the answer is taken. Before, the answer was taken over the correction.
    /// </summary>
    [Theory]
    [InlineData("acceptance")]
    [InlineData("decline")]
    public async Task Answer_WithTheVersionReadBeforeAnotherCorrectedIt_Returns412_TheOfferStillWaiting(string answer)
    {
        var (_, household, _) = await factory.HousedSingleAsync($"Apiversion {answer}", $"Apiversion{answer}", daysAgo: 30);
        var offer = await OfferedAsync(household, "Engvej 60", Today.AddDays(-4));
        var read = await VersionAsync(offer);
        await factory.QueryAsync(async db =>
        {
            (await db.HousingOffers.SingleAsync(o => o.Id == offer)).Correct("Engvej 62", Today.AddDays(-4), null, null, null);
            return await db.SaveChangesAsync();
        });
        using var housing = await Browser.SignedInAsync(factory, "bolig");

        using var stale = await AnswerWithVersionAsync(housing, offer, answer, read);

        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);
        Assert.Equal("application/problem+json", stale.Content.Headers.ContentType!.MediaType);
        using (var body = JsonDocument.Parse(await stale.Content.ReadAsStringAsync()))
        {
            Assert.Equal(PipelineCorrectionApi.OfferChanged, body.RootElement.GetProperty("detail").GetString());
        }

        Assert.Equal(OfferStatus.Pending, await factory.QueryAsync(db => db.HousingOffers.Where(o => o.Id == offer).Select(o => o.Status).SingleAsync()));

        using var current = await AnswerWithVersionAsync(housing, offer, answer, await VersionAsync(offer));

        Assert.Equal(HttpStatusCode.OK, current.StatusCode);
        Assert.Equal(answer == "acceptance" ? OfferStatus.Accepted : OfferStatus.Declined,
            await factory.QueryAsync(db => db.HousingOffers.Where(o => o.Id == offer).Select(o => o.Status).SingleAsync()));
    }

    /// <summary>The body of an answer as the letting system sends it: a yes carries the move's day, a no its reason.</summary>
    private static object AnswerBody(string answer, DateOnly moveDate, string reason) =>
        answer == "acceptance" ? new { moveDate = Iso(moveDate) } : new { reason };

    private Task<Guid> VersionAsync(Guid offer) => factory.QueryAsync(db => db.HousingOffers.Where(o => o.Id == offer).Select(o => o.Version).SingleAsync());

    private static async Task<HttpResponseMessage> AnswerWithVersionAsync(Browser housing, Guid offer, string answer, Guid version)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri($"/api/v1/housing/offers/{offer}/{answer}", UriKind.Relative))
        {
            Content = JsonContent.Create(AnswerBody(answer, Today.AddDays(20), "For langt fra skolen.")),
        };
        request.Headers.TryAddWithoutValidation("If-Match", $"\"{version:D}\"");
        return await housing.Client.SendAsync(request);
    }

    [Fact]
    public async Task Accept_WhenTheHouseholdAcceptedAnotherHome_Returns409WithWhy_TheOfferStillWaiting()
    {
        var (_, household, _) = await factory.HousedSingleAsync("Apitoandre", "Apitoandre", daysAgo: 30);
        var taken = await OfferedAsync(household, "Engvej 46", Today.AddDays(-6));
        var other = await OfferedAsync(household, "Engvej 48", Today.AddDays(-5));
        using var housing = await Browser.SignedInAsync(factory, "bolig");
        using (var accepted = await AcceptAsync(housing, taken, new { moveDate = Iso(Today.AddDays(20)) }))
        {
            Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        }

        using var response = await AcceptAsync(housing, other, new { moveDate = Iso(Today.AddDays(21)) });

        var problem = await ConflictAsync(response);
        Assert.Equal(PermanentHousingSteps.AcceptedAnother, problem.GetProperty("detail").GetString());
        Assert.Equal(OfferStatus.Pending, await factory.QueryAsync(db => db.HousingOffers.Where(o => o.Id == other).Select(o => o.Status).SingleAsync()));
    }

    /// <summary>An offer made before the household moved into one of our permanent units: it can no longer move through us.</summary>
    [Fact]
    public async Task Accept_ForAHouseholdNoLongerOnItsWay_Returns409WithWhy_TheOfferStillWaiting()
    {
        var household = await factory.RegisterSingleAsync("Apipermanent", Gender.Female, "Amal");
        var offer = await OfferedAsync(household, "Engvej 50", Today.AddDays(-10));
        await factory.MovedInAsync(await factory.UnitOfItsOwnAsync("Apipermanent", isPermanent: true), household, Today.AddDays(-2));
        using var housing = await Browser.SignedInAsync(factory, "bolig");

        using var response = await AcceptAsync(housing, offer, new { moveDate = Iso(Today.AddDays(14)) });

        var problem = await ConflictAsync(response);
        Assert.Equal(PermanentHousingSteps.HadPermanentHome, problem.GetProperty("detail").GetString());
        Assert.Equal(OfferStatus.Pending, await factory.QueryAsync(db => db.HousingOffers.Where(o => o.Id == offer).Select(o => o.Status).SingleAsync()));
        Assert.Empty(await AuditedAsync(household, "tilbud accepteret"));
    }

    [Fact]
    public async Task Decline_WithAReason_Returns200_TheReasonKept_ShownOnThePipeline_AndAudited()
    {
        var household = await factory.RegisterSingleAsync("Apiafslag");
        var offer = await OfferedAsync(household, "Engvej 52", Today.AddDays(-3));
        using var housing = await Browser.SignedInAsync(factory, "bolig");

        using var response = await DeclineAsync(housing, offer, new { reason = "  For langt fra børnenes skole. " });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var answered = JsonSerializer.Deserialize<OfferDto>(await response.Content.ReadAsStringAsync(), HousingApi.Json)!;
        Assert.Equal((OfferStatus.Declined, "For langt fra børnenes skole.", (DateOnly?)null), (answered.Status, answered.DeclineReason, answered.MoveDate));
        var saved = await factory.QueryAsync(db => db.HousingOffers.AsNoTracking().SingleAsync(o => o.Id == offer));
        Assert.Equal((OfferStatus.Declined, "For langt fra børnenes skole."), (saved.Status, saved.DeclineReason));
        Assert.Equal("For langt fra børnenes skole.", (await PipelineHouseholdAsync(housing, household)).Offers.Single().DeclineReason);
        var onThePage = (await housing.PipelineShowingAsync(household))?.QuerySelector("tr[data-household='Solo Apiafslag'] [data-testid='decline-reason']");
        Assert.Equal("Begrundelse: For langt fra børnenes skole.", onThePage?.TextContent.Trim());
        Assert.Equal([$"Husstand {household:D}: Engvej 52, {Web.Audit.AuditLog.ReasonKeptInTheCase}"], await AuditedAsync(household, "tilbud afslået"));
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("{ \"reason\": null }")]
    [InlineData("{ \"reason\": \"   \" }")]
    public async Task Decline_WithoutAReason_Returns200_AndKeepsNone(string json)
    {
        var household = await factory.RegisterSingleAsync($"Apiafslaguden{json.Length}");
        var offer = await OfferedAsync(household, "Engvej 54", Today.AddDays(-3));

        using var response = await PostAsync("bolig", $"/api/v1/housing/offers/{offer}/decline", json);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var saved = await factory.QueryAsync(db => db.HousingOffers.AsNoTracking().SingleAsync(o => o.Id == offer));
        Assert.Equal((OfferStatus.Declined, (string?)null), (saved.Status, saved.DeclineReason));
        Assert.Equal([$"Husstand {household:D}: Engvej 54"], await AuditedAsync(household, "tilbud afslået"));
    }

    [Fact]
    public async Task Decline_WithAReasonTooLong_Returns400UnderReason_TheOfferStillWaiting()
    {
        var household = await factory.RegisterSingleAsync("Apilangsen");
        var offer = await OfferedAsync(household, "Engvej 56", Today.AddDays(-3));
        using var housing = await Browser.SignedInAsync(factory, "bolig");

        using var response = await DeclineAsync(housing, offer, new { reason = new string('x', HousingOffer.DeclineReasonLength + 1) });

        var errors = await ValidationErrorsAsync(response, "Afslaget er ikke gemt.");
        Assert.Equal(["reason"], errors.Keys);
        Assert.Equal([$"Begrundelsen må højst være {HousingOffer.DeclineReasonLength} tegn."], errors["reason"]);
        var saved = await factory.QueryAsync(db => db.HousingOffers.AsNoTracking().SingleAsync(o => o.Id == offer));
        Assert.Equal((OfferStatus.Pending, (string?)null), (saved.Status, saved.DeclineReason));
        Assert.Empty(await AuditedAsync(household, "tilbud afslået"));
    }

    [Theory]
    [InlineData("acceptance", "{ \"moveDate\": \"2026-01-01\" }")]
    [InlineData("decline", "{ \"reason\": \"For lille.\" }")]
    public async Task AnswerToAnUnknownOffer_Returns404(string answer, string json)
    {
        var offers = await factory.QueryAsync(db => db.HousingOffers.CountAsync(o => o.Status != OfferStatus.Pending));

        using var response = await PostAsync("bolig", $"/api/v1/housing/offers/{Guid.NewGuid()}/{answer}", json);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(offers, await factory.QueryAsync(db => db.HousingOffers.CountAsync(o => o.Status != OfferStatus.Pending)));
    }

    [Theory]
    [InlineData("acceptance")]
    [InlineData("decline")]
    public async Task AnswerByAnotherRole_IsForbidden_TheOfferStillWaiting(string answer)
    {
        var (_, household, stay) = await factory.HousedSingleAsync($"Apiforbudt {answer}", $"Apiforbudt{answer}", daysAgo: 30);
        var offer = await OfferedAsync(household, "Engvej 58", Today.AddDays(-3));

        using var response = await PostAsync("skole", $"/api/v1/housing/offers/{offer}/{answer}", $"{{ \"moveDate\": \"{Iso(Today.AddDays(7))}\", \"reason\": \"For lille.\" }}");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        await AssertStillPendingAsync(offer, household, stay);
    }

    [Theory]
    [InlineData("acceptance", "")]
    [InlineData("acceptance", "null")]
    [InlineData("acceptance", "[]")]
    [InlineData("acceptance", "{")]
    [InlineData("acceptance", "flyt i morgen")]
    [InlineData("acceptance", "{ \"moveDate\": \"2026-02-31\" }")]
    [InlineData("acceptance", "{ \"moveDate\": \"i morgen\" }")]
    [InlineData("acceptance", "{ \"moveDate\": 20260101 }")]
    [InlineData("acceptance", "{ \"moveDate\": [\"2026-01-01\"] }")]
    [InlineData("decline", "")]
    [InlineData("decline", "null")]
    [InlineData("decline", "\"For lille.\"")]
    [InlineData("decline", "{ \"reason\": 17 }")]
    [InlineData("decline", "{ \"reason\": { \"tekst\": \"For lille.\" } }")]
    [InlineData("decline", "{ \"reason\": \"For lille.\"")]
    public async Task Answer_Garbage_Returns400ProblemDetails_TheOfferStillWaiting(string answer, string json)
    {
        var own = $"Apiskrald{Guid.NewGuid():N}"[..17];
        var (_, household, stay) = await factory.HousedSingleAsync(own, own, daysAgo: 30);
        var offer = await OfferedAsync(household, "Engvej 60", Today.AddDays(-3));

        using var response = await PostAsync("bolig", $"/api/v1/housing/offers/{offer}/{answer}", json);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        await AssertStillPendingAsync(offer, household, stay);
    }

    [Fact]
    public async Task OpenApi_DescribesBothAnswers_WithTheirRefusals()
    {
        using var housing = await Browser.SignedInAsync(factory, "bolig");

        using var document = JsonDocument.Parse(await housing.GetPageAsync("/openapi/v1.json"));

        var paths = document.RootElement.GetProperty("paths");
        foreach (var (path, operation) in new[] { ("/api/v1/housing/offers/{id}/acceptance", "AcceptHousingOffer"), ("/api/v1/housing/offers/{id}/decline", "DeclineHousingOffer") })
        {
            var post = paths.GetProperty(path).GetProperty("post");
            Assert.Equal(operation, post.GetProperty("operationId").GetString());
            Assert.Equal(["200", "400", "404", "409", "412"], post.GetProperty("responses").EnumerateObject().Select(r => r.Name).Order(StringComparer.Ordinal));
            Assert.Contains(post.GetProperty("parameters").EnumerateArray(), p => p.GetProperty("name").GetString() == "If-Match" && p.GetProperty("in").GetString() == "header");
        }
    }

    private async Task<Guid> OfferedAsync(Guid household, string address, DateOnly offeredOn) =>
        await factory.QueryAsync(async db =>
        {
            var offer = db.HousingOffers.Add(new HousingOffer(household, address, offeredOn)).Entity;
            await db.SaveChangesAsync();
            return offer.Id;
        });

    private static Task<HttpResponseMessage> AcceptAsync(Browser housing, Guid offer, object body) =>
        housing.Client.PostAsJsonAsync(new Uri($"/api/v1/housing/offers/{offer}/acceptance", UriKind.Relative), body);

    private static Task<HttpResponseMessage> DeclineAsync(Browser housing, Guid offer, object body) =>
        housing.Client.PostAsJsonAsync(new Uri($"/api/v1/housing/offers/{offer}/decline", UriKind.Relative), body);

    /// <summary>The JSON as written, sent by the user given (its sign-in disposed of with the request).</summary>
    private async Task<HttpResponseMessage> PostAsync(string user, string url, string json)
    {
        using var signedIn = await Browser.SignedInAsync(factory, user);
        using var content = new StringContent(json, Encoding.UTF8, "application/json");
        var response = await signedIn.Client.PostAsync(new Uri(url, UriKind.Relative), content);
        await response.Content.LoadIntoBufferAsync();
        return response;
    }

    private static async Task<Dictionary<string, string[]>> ValidationErrorsAsync(HttpResponseMessage response, string detail)
    {
        var (_, said, errors) = await HousingApi.ValidationProblemAsync(response);
        Assert.Equal(detail, said);
        return errors;
    }

    private static async Task<JsonElement> ConflictAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("Tilbuddet kan ikke besvares", body.RootElement.GetProperty("title").GetString());
        return body.RootElement.Clone();
    }

    /// <summary>The offer unanswered, the household's temporary stay not ended, and no answer in the audit log.</summary>
    private async Task AssertStillPendingAsync(Guid offer, Guid household, Guid stay)
    {
        var saved = await factory.QueryAsync(db => db.HousingOffers.AsNoTracking().SingleAsync(o => o.Id == offer));
        Assert.Equal((OfferStatus.Pending, (DateOnly?)null, (string?)null), (saved.Status, saved.MoveDate, saved.DeclineReason));
        Assert.Null(await factory.QueryAsync(db => db.Occupancies.Where(o => o.Id == stay).Select(o => o.MovedOutOn).SingleAsync()));
        Assert.Empty(await AuditedAsync(household, "tilbud accepteret"));
        Assert.Empty(await AuditedAsync(household, "tilbud afslået"));
    }

    private static async Task<PipelineHouseholdDto> PipelineHouseholdAsync(Browser housing, Guid household) =>
        JsonSerializer.Deserialize<List<PipelineHouseholdDto>>(await housing.GetPageAsync("/api/v1/housing/pipeline"), HousingApi.Json)!
            .Single(h => h.HouseholdId == household);

    /// <summary>The details of the household's audit entries of the pipeline's step.</summary>
    private Task<List<string?>> AuditedAsync(Guid household, string step) =>
        factory.QueryAsync(db => db.AuditEntries.AsNoTracking()
            .Where(e => e.Purpose == $"Vejen til permanent bolig: {step}" && e.Details!.StartsWith($"Husstand {household:D}"))
            .Select(e => e.Details).ToListAsync());
}

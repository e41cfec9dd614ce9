using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Indgang.Domain.Audit;
using Indgang.Domain.Housing;
using Indgang.Tests.Hosting;
using Indgang.Web.Features.Api;
using Indgang.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Indgang.Web.Tests.Infrastructure.Arrivals;

namespace Indgang.Web.Tests.Housing;

/// <summary>
/// A letting system that lost the answer to its acceptance or decline sends it again (PLAT-7): the same answer to an offer
/// answered so is told 200 with the offer, as the first send was, and taken once, with no second move, tasks, notices or
/// audited answer; the retry is a read of the offer, audited as one. Before, it was told 409 "answered already". Another
/// answer (another move day or reason, or the other answer) stays a conflict (<see cref="OfferAnswerApiTests"/>).
/// </summary>
public sealed class OfferAnswerRetryApiTests(IndgangAppFactory factory) : IClassFixture<IndgangAppFactory>
{
    /// <summary>Sent again as the first was, with the ETag read before it: the acceptance changed the version since.</summary>
    [Fact]
    public async Task Acceptance_SentAgainWithTheSameMoveDate_Returns200WithTheOffer_TakenOnce()
    {
        var (_, household, stay) = await factory.HousedSingleAsync("Apigentag accept", "Apigentagaccept", daysAgo: 30);
        var offer = await OfferedAsync(household, "Gentagelsesvej 1");
        var read = await VersionAsync(offer);
        var body = new { moveDate = Iso(Today.AddDays(14)) };
        using var housing = await Browser.SignedInAsync(factory, "bolig");
        using var first = await AnswerAsync(housing, offer, "acceptance", body, read);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var taken = await TakenAsync(household, stay);
        var before = await factory.NotificationIdsAsync();
        var reads = await factory.HouseholdReadsAsync(household);

        using var again = await AnswerAsync(housing, offer, "acceptance", body, read);

        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await again.Content.ReadAsStringAsync());
        Assert.Equal(first.Headers.ETag, again.Headers.ETag);
        var answered = JsonSerializer.Deserialize<OfferDto>(await again.Content.ReadAsStringAsync(), HousingApi.Json)!;
        Assert.Equal((offer, OfferStatus.Accepted, (DateOnly?)Today.AddDays(14)), (answered.Id, answered.Status, answered.MoveDate));
        Assert.Equal(taken, await TakenAsync(household, stay));
        Assert.Empty(await factory.NotificationsSinceAsync(before));
        Assert.Single(await AuditedAsync(household, "tilbud accepteret"));
        Assert.Equal(reads + 1, await factory.HouseholdReadsAsync(household));
    }

    [Theory]
    [InlineData("For langt fra skolen.", "For langt fra skolen.")]
    [InlineData("  For langt fra skolen. ", "For langt fra skolen.")]
    [InlineData(null, null)]
    [InlineData(null, "  ")]
    public async Task Decline_SentAgainWithTheSameReason_Returns200WithTheOffer_TakenOnce(string? reason, string? again)
    {
        var own = $"Apigentagafslag{Guid.NewGuid():N}"[..20];
        var (_, household, stay) = await factory.HousedSingleAsync(own, own, daysAgo: 30);
        var offer = await OfferedAsync(household, "Gentagelsesvej 3");
        using var housing = await Browser.SignedInAsync(factory, "bolig");
        using var first = await AnswerAsync(housing, offer, "decline", new { reason }, ifMatch: null);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var taken = await TakenAsync(household, stay);
        var reads = await factory.HouseholdReadsAsync(household);

        using var retry = await AnswerAsync(housing, offer, "decline", new { reason = again }, ifMatch: null);

        Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await retry.Content.ReadAsStringAsync());
        Assert.Equal(first.Headers.ETag, retry.Headers.ETag);
        Assert.Equal(taken, await TakenAsync(household, stay));
        Assert.Single(await AuditedAsync(household, "tilbud afslået"));
        Assert.Equal(reads + 1, await factory.HouseholdReadsAsync(household));
    }

    /// <summary>A decline sent again with a reason too long is refused for its reason, as the first would be, not as a conflict.</summary>
    [Fact]
    public async Task Decline_SentAgainWithAReasonTooLong_Returns400UnderReason_TheFirstDeclineKept()
    {
        var (_, household, _) = await factory.HousedSingleAsync("Apigentag langsen", "Apigentaglangsen", daysAgo: 30);
        var offer = await OfferedAsync(household, "Gentagelsesvej 7");
        using var housing = await Browser.SignedInAsync(factory, "bolig");
        using (var first = await AnswerAsync(housing, offer, "decline", new { reason = "For langt fra skolen." }, ifMatch: null))
        {
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        }

        using var again = await AnswerAsync(housing, offer, "decline", new { reason = new string('x', HousingOffer.DeclineReasonLength + 1) }, ifMatch: null);

        var (_, detail, errors) = await HousingApi.ValidationProblemAsync(again);
        Assert.Equal("Afslaget er ikke gemt.", detail);
        Assert.Equal(["reason"], errors.Keys);
        Assert.Equal([$"Begrundelsen må højst være {HousingOffer.DeclineReasonLength} tegn."], errors["reason"]);
        var saved = await factory.QueryAsync(db => db.HousingOffers.AsNoTracking().SingleAsync(o => o.Id == offer));
        Assert.Equal((OfferStatus.Declined, "For langt fra skolen."), (saved.Status, saved.DeclineReason));
        Assert.Single(await AuditedAsync(household, "tilbud afslået"));
    }

    /// <summary>The same acceptance, once the household's move day was changed on the page since: not the answer it has now.</summary>
    [Fact]
    public async Task Acceptance_SentAgainAfterTheMoveDateWasChanged_Returns409_NothingChanged()
    {
        var (_, household, stay) = await factory.HousedSingleAsync("Apigentag flyttet", "Apigentagflyttet", daysAgo: 30);
        var offer = await OfferedAsync(household, "Gentagelsesvej 5");
        using var housing = await Browser.SignedInAsync(factory, "bolig");
        using (var first = await AnswerAsync(housing, offer, "acceptance", new { moveDate = Iso(Today.AddDays(14)) }, ifMatch: null))
        {
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        }

        await factory.QueryAsync(async db =>
        {
            (await db.HousingOffers.SingleAsync(o => o.Id == offer)).ChangeMoveDate(Today.AddDays(21));
            return await db.SaveChangesAsync();
        });
        var taken = await TakenAsync(household, stay);

        using var again = await AnswerAsync(housing, offer, "acceptance", new { moveDate = Iso(Today.AddDays(14)) }, ifMatch: null);

        var (_, detail) = await HousingApi.ProblemAsync(again, HttpStatusCode.Conflict);
        Assert.Equal(OfferAnswerApi.Answered, detail);
        Assert.Equal(taken, await TakenAsync(household, stay));
    }

    private async Task<Guid> OfferedAsync(Guid household, string address) =>
        await factory.QueryAsync(async db =>
        {
            var offer = db.HousingOffers.Add(new HousingOffer(household, address, Today.AddDays(-5))).Entity;
            await db.SaveChangesAsync();
            return offer.Id;
        });

    private Task<Guid> VersionAsync(Guid offer) => factory.QueryAsync(db => db.HousingOffers.Where(o => o.Id == offer).Select(o => o.Version).SingleAsync());

    private static async Task<HttpResponseMessage> AnswerAsync(Browser housing, Guid offer, string answer, object body, Guid? ifMatch)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri($"/api/v1/housing/offers/{offer}/{answer}", UriKind.Relative))
        {
            Content = JsonContent.Create(body),
        };
        if (ifMatch is { } version)
        {
            request.Headers.TryAddWithoutValidation("If-Match", $"\"{version:D}\"");
        }

        var response = await housing.Client.SendAsync(request);
        await response.Content.LoadIntoBufferAsync();
        return response;
    }

    /// <summary>
    /// What the answer took: the offer as saved (its version too), the temporary stay's move out, the household's tasks and
    /// its audited writes.
    /// </summary>
    private Task<string> TakenAsync(Guid household, Guid stay) => factory.QueryAsync(async db =>
    {
        var offer = await db.HousingOffers.AsNoTracking().Where(o => o.HouseholdId == household)
            .Select(o => new { o.Status, o.MoveDate, o.DeclineReason, o.Version }).SingleAsync();
        var movedOut = await db.Occupancies.Where(o => o.Id == stay).Select(o => o.MovedOutOn).SingleAsync();
        var tasks = await db.Tasks.Where(t => t.HouseholdId == household).Select(t => new { t.Type, t.DueDate }).ToListAsync();
        var named = $"Husstand {household:D}";
        var writes = await db.AuditEntries.CountAsync(e => e.Action != AuditAction.HouseholdRead && e.Details!.StartsWith(named));
        return $"{offer} moved out {movedOut} tasks [{string.Join(", ", tasks.OrderBy(t => t.Type).ThenBy(t => t.DueDate))}] writes {writes}";
    });

    /// <summary>The details of the household's audit entries of the pipeline's step.</summary>
    private Task<List<string?>> AuditedAsync(Guid household, string step) =>
        factory.QueryAsync(db => db.AuditEntries.AsNoTracking()
            .Where(e => e.Purpose == $"Vejen til permanent bolig: {step}" && e.Details!.StartsWith($"Husstand {household:D}"))
            .Select(e => e.Details).ToListAsync());
}

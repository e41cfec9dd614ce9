using System.Net;
using Indgang.Domain.Housing;
using Indgang.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Indgang.Web.Tests.Infrastructure.Arrivals;

namespace Indgang.Web.Tests.Concurrency;

/// <summary>
/// Two housing coordinators answer a household's offers on the pipeline at the same moment: one answer is saved, the
/// other is told in Danish what happened; never two accepted homes, never a declined offer with the household moved out,
/// never a temporary stay ended twice, never an error page.
/// </summary>
public sealed class PipelineConcurrencyTests(SavesMeetAppFactory factory) : IClassFixture<SavesMeetAppFactory>
{
    private const string AcceptedAnother = "Husstanden har allerede takket ja til en anden bolig. Afslå dette tilbud.";
    private const string AnsweredByOther = "Tilbuddet er lige blevet besvaret eller ændret af en anden. Se den nye status nedenfor.";

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task TwoOffersAcceptedAtOnce_OneIsAccepted_TheOtherToldTheHouseholdHasSaidYes(bool livesWithUs)
    {
        var household = await HouseholdAsync($"Tilbudtoja{livesWithUs}", livesWithUs);
        var first = await OfferAsync(household, "Søndergade 1");
        var second = await OfferAsync(household, "Nørregade 2");
        var (a, b) = (await Browser.SignedInAsync(factory, "bolig"), await Browser.SignedInAsync(factory, "bolig"));
        using (a)
        using (b)
        {
            var formA = await OpenedForm.OpenAsync(a, "/Housing/Pipeline", "/Housing/Pipeline?handler=Accept");
            var formB = await OpenedForm.OpenAsync(b, "/Housing/Pipeline", "/Housing/Pipeline?handler=Accept");

            var (answerA, answerB) = (await AnswerAsync(first, Today.AddDays(20)), await AnswerAsync(second, Today.AddDays(30)));
            var results = await Task.WhenAll(formA.PostAsync(answerA), formB.PostAsync(answerB));

            Assert.All(results, r => Assert.NotEqual(HttpStatusCode.InternalServerError, r.Status));
            Assert.Single(results, r => r.Status == HttpStatusCode.Redirect);
            var loser = Assert.Single(results, r => r.Status == HttpStatusCode.OK);
            Assert.True(loser.Html.Contains(AcceptedAnother, StringComparison.Ordinal) || loser.Html.Contains(AnsweredByOther, StringComparison.Ordinal), loser.Html);
            var accepted = Assert.Single(await AcceptedAsync(household));
            if (livesWithUs)
            {
                Assert.Equal(accepted, Assert.Single(await StaysAsync(household)));
            }
        }
    }

    [Fact]
    public async Task AcceptedTwiceAtOnce_DoubleClick_AcceptedOnce_TheStayEndsOnce()
    {
        var household = await HouseholdAsync("Tilbuddobbelt", livesWithUs: true);
        var offer = await OfferAsync(household, "Vestergade 3");
        using var a = await Browser.SignedInAsync(factory, "bolig");
        var form = await OpenedForm.OpenAsync(a, "/Housing/Pipeline", "/Housing/Pipeline?handler=Accept");

        var answer = await AnswerAsync(offer, Today.AddDays(20));
        var results = await Task.WhenAll(form.PostAsync(answer), form.PostAsync(answer));

        Assert.All(results, r => Assert.NotEqual(HttpStatusCode.InternalServerError, r.Status));
        Assert.Single(results, r => r.Status == HttpStatusCode.Redirect);
        var loser = Assert.Single(results, r => r.Status != HttpStatusCode.Redirect);
        Assert.Equal(HttpStatusCode.OK, loser.Status);
        Assert.Contains(AnsweredByOther, loser.Html, StringComparison.Ordinal);
        Assert.Equal(Today.AddDays(20), Assert.Single(await AcceptedAsync(household)));
        Assert.Equal(Today.AddDays(20), Assert.Single(await StaysAsync(household)));
    }

    [Fact]
    public async Task AcceptedAndDeclinedAtOnce_OneAnswerHolds_TheStayFollowsIt()
    {
        var household = await HouseholdAsync("Tilbudjanej", livesWithUs: true);
        var offer = await OfferAsync(household, "Østergade 4");
        using var a = await Browser.SignedInAsync(factory, "bolig");
        using var b = await Browser.SignedInAsync(factory, "bolig");
        var accept = await OpenedForm.OpenAsync(a, "/Housing/Pipeline", "/Housing/Pipeline?handler=Accept");
        var decline = await OpenedForm.OpenAsync(b, "/Housing/Pipeline", "/Housing/Pipeline?handler=Decline");

        var (accepting, declining) = (await AnswerAsync(offer, Today.AddDays(20)), await AnswerAsync(offer));
        var results = await Task.WhenAll(accept.PostAsync(accepting), decline.PostAsync(declining));

        Assert.All(results, r => Assert.NotEqual(HttpStatusCode.InternalServerError, r.Status));
        Assert.Single(results, r => r.Status == HttpStatusCode.Redirect);
        Assert.Contains(AnsweredByOther, Assert.Single(results, r => r.Status == HttpStatusCode.OK).Html, StringComparison.Ordinal);
        var status = await factory.QueryAsync(db => db.HousingOffers.Where(o => o.Id == offer).Select(o => o.Status).SingleAsync());
        var stay = Assert.Single(await StaysAsync(household));
        Assert.Equal(results[0].Status == HttpStatusCode.Redirect ? OfferStatus.Accepted : OfferStatus.Declined, status);
        Assert.Equal(status == OfferStatus.Accepted ? Today.AddDays(20) : null, stay);
    }

    [Fact]
    public async Task MoveDateChangedAndReopenedAtOnce_OneHolds_TheStayFollowsIt()
    {
        var household = await HouseholdAsync("Tilbudfortryd", livesWithUs: true);
        var offer = await OfferAsync(household, "Torvet 5");
        using var a = await Browser.SignedInAsync(factory, "bolig");
        using var b = await Browser.SignedInAsync(factory, "bolig");
        using (var accepted = await a.PostFormAsync("/Housing/Pipeline?handler=Accept", Accept(offer, Today.AddDays(20)), formPage: "/Housing/Pipeline"))
        {
            Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        }

        var change = await OpenedForm.OpenAsync(a, "/Housing/Pipeline", "/Housing/Pipeline?handler=ChangeMove");
        var reopen = await OpenedForm.OpenAsync(b, "/Housing/Pipeline", "/Housing/Pipeline?handler=Reopen");
        // Each form carries the offer's version as both pages showed it.
        var changed = await AnswerAsync(offer, Today.AddDays(40));
        var reopened = await AnswerAsync(offer);
        // Both check the offer before either saves: one after the other, reopening a changed move is a decision of its own.
        factory.HoldSaves(2, db => db.ChangeTracker.Entries<HousingOffer>().Any(e => e.State == EntityState.Modified));

        var results = await Task.WhenAll(change.PostAsync(changed), reopen.PostAsync(reopened));

        Assert.All(results, r => Assert.NotEqual(HttpStatusCode.InternalServerError, r.Status));
        Assert.Single(results, r => r.Status == HttpStatusCode.Redirect);
        Assert.Single(results, r => r.Status == HttpStatusCode.OK);
        var saved = await factory.QueryAsync(db => db.HousingOffers.Where(o => o.Id == offer).Select(o => new { o.Status, o.MoveDate }).SingleAsync());
        var stay = Assert.Single(await StaysAsync(household));
        Assert.Equal(results[0].Status == HttpStatusCode.Redirect ? OfferStatus.Accepted : OfferStatus.Pending, saved.Status);
        Assert.Equal(saved.MoveDate, stay);
    }

    [Fact]
    public async Task ReopenedWhileAnotherOfferIsAccepted_NeverTwoAccepted()
    {
        var household = await HouseholdAsync("Tilbudskift", livesWithUs: true);
        var first = await OfferAsync(household, "Havnegade 6");
        var second = await OfferAsync(household, "Skovvej 7");
        using var a = await Browser.SignedInAsync(factory, "bolig");
        using var b = await Browser.SignedInAsync(factory, "bolig");
        using (var accepted = await a.PostFormAsync("/Housing/Pipeline?handler=Accept", Accept(first, Today.AddDays(20)), formPage: "/Housing/Pipeline"))
        {
            Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        }

        var reopen = await OpenedForm.OpenAsync(a, "/Housing/Pipeline", "/Housing/Pipeline?handler=Reopen");
        var accept = await OpenedForm.OpenAsync(b, "/Housing/Pipeline", "/Housing/Pipeline?handler=Accept");

        var acceptSecond = await AnswerAsync(second, Today.AddDays(30));
        var results = await Task.WhenAll(reopen.PostAsync(await AnswerAsync(first)), accept.PostAsync(acceptSecond));

        Assert.All(results, r => Assert.NotEqual(HttpStatusCode.InternalServerError, r.Status));
        Assert.Equal(HttpStatusCode.Redirect, results[0].Status);
        var moveDates = await AcceptedAsync(household);
        Assert.True(moveDates.Count <= 1);
        Assert.Equal(moveDates.Count == 1 ? moveDates[0] : null, Assert.Single(await StaysAsync(household)));
    }

    private async Task<Guid> HouseholdAsync(string lastName, bool livesWithUs)
    {
        var (household, _) = await factory.AdultAsync(lastName);
        if (livesWithUs)
        {
            await factory.AddSingleRoomsAsync(lastName, 1);
            await factory.MovedInAsync(await factory.UnitIdAsync($"{lastName} 1"), household, Today.AddDays(-1));
        }

        return household;
    }

    private Task<Guid> OfferAsync(Guid household, string address) => factory.QueryAsync(async db =>
    {
        var offer = new HousingOffer(household, address, Today);
        db.HousingOffers.Add(offer);
        await db.SaveChangesAsync();
        return offer.Id;
    });

    private Task<List<DateOnly?>> AcceptedAsync(Guid household) =>
        factory.QueryAsync(db => db.HousingOffers.Where(o => o.HouseholdId == household && o.Status == OfferStatus.Accepted).Select(o => o.MoveDate).ToListAsync());

    /// <summary>The day each of the household's stays ends (null: it lives there on).</summary>
    private Task<List<DateOnly?>> StaysAsync(Guid household) =>
        factory.QueryAsync(db => db.Occupancies.Where(o => o.HouseholdId == household).Select(o => o.MovedOutOn).ToListAsync());

    /// <summary>
    /// The answer as the offer's own form on the page sends it, with the offer's version as shown (the form taken from the
    /// page is its first, another offer's, whose version the answer would be refused on).
    /// </summary>
    private async Task<Dictionary<string, string>> AnswerAsync(Guid offer, DateOnly? moveDate = null)
    {
        var version = await factory.QueryAsync(db => db.HousingOffers.Where(o => o.Id == offer).Select(o => o.Version).SingleAsync());
        var answer = new Dictionary<string, string> { ["OfferId"] = offer.ToString(), ["OfferVersion"] = version.ToString() };
        if (moveDate is { } day)
        {
            answer["MoveDate"] = Iso(day);
        }

        return answer;
    }

    private static Dictionary<string, string> Accept(Guid offer, DateOnly moveDate) => new() { ["OfferId"] = offer.ToString(), ["MoveDate"] = Iso(moveDate) };
}

using System.Net;
using Indgang.Domain.Housing;
using Indgang.Tests.Hosting;
using Indgang.Web.Features.Housing;
using Indgang.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Indgang.Web.Tests.Infrastructure.Arrivals;

namespace Indgang.Web.Tests.Housing;

/// <summary>
/// An offer is answered on the pipeline page only as the user saw it: corrected by another since the page was opened
/// (its address, say), the answer is refused and the page shows the offer as it is now.
/// </summary>
public sealed class OfferAnsweredAfterCorrectionTests(IndgangAppFactory factory) : IClassFixture<IndgangAppFactory>
{
    [Theory]
    [InlineData("Accept")]
    [InlineData("Decline")]
    public async Task OfferCorrectedWhileShown_TheAnswerIsRefused_TheOfferShownAsItIsNow(string handler)
    {
        var household = await factory.RegisterSingleAsync($"Rettetsvar{handler}");
        var offer = await factory.QueryAsync(async db =>
        {
            var added = db.HousingOffers.Add(new HousingOffer(household, "Setvej 1", Today.AddDays(-1), Today.AddDays(5))).Entity;
            await db.SaveChangesAsync();
            return added;
        });
        using var housing = await Browser.SignedInAsync(factory, "bolig");
        var seenVersion = offer.Version;
        await factory.QueryAsync(async db =>
        {
            var saved = await db.HousingOffers.SingleAsync(o => o.Id == offer.Id);
            saved.Correct("Rettetvej 9", saved.OfferedOn, saved.AnswerBy, saved.Rooms, saved.MonthlyRent);
            return await db.SaveChangesAsync();
        });

        using var answered = await housing.PostFormAsync($"/Housing/Pipeline?handler={handler}", new Dictionary<string, string>
        {
            ["OfferId"] = offer.Id.ToString(), ["OfferVersion"] = seenVersion.ToString(), ["MoveDate"] = Iso(Today.AddDays(10)),
        }, formPage: "/Housing/Pipeline");

        Assert.Equal(HttpStatusCode.OK, answered.StatusCode);
        var html = WebUtility.HtmlDecode(await answered.Content.ReadAsStringAsync());
        Assert.Contains(PipelineModel.ChangedWhileShown, html, StringComparison.Ordinal);
        Assert.Contains("Rettetvej 9", html, StringComparison.Ordinal);
        Assert.Equal(OfferStatus.Pending, await factory.QueryAsync(db => db.HousingOffers.Where(o => o.Id == offer.Id).Select(o => o.Status).SingleAsync()));
    }

    [Theory]
    [InlineData("ChangeMove")]
    [InlineData("Reopen")]
    public async Task AcceptedMoveChangedByAnotherWhileShown_TheStepIsRefused_TheOtherOnesDayStands(string handler)
    {
        var household = await factory.RegisterSingleAsync($"Flytrettet{handler}");
        using var housing = await Browser.SignedInAsync(factory, "bolig");
        var offer = await housing.AcceptedOfferAsync(factory, household, $"Aftaltvej {handler.Length}", Today.AddDays(20));
        var seenVersion = await factory.QueryAsync(db => db.HousingOffers.Where(o => o.Id == offer).Select(o => o.Version).SingleAsync());
        // Another housing coordinator moves the day while this one has the page open.
        using var other = await Browser.SignedInAsync(factory, "bolig");
        using var moved = await other.PostFormAsync("/Housing/Pipeline?handler=ChangeMove", new Dictionary<string, string>
        {
            ["OfferId"] = offer.ToString(), ["OfferVersion"] = seenVersion.ToString(), ["MoveDate"] = Iso(Today.AddDays(27)),
        }, formPage: "/Housing/Pipeline");
        Assert.Equal(HttpStatusCode.Redirect, moved.StatusCode);

        using var stale = await housing.PostFormAsync($"/Housing/Pipeline?handler={handler}", new Dictionary<string, string>
        {
            ["OfferId"] = offer.ToString(), ["OfferVersion"] = seenVersion.ToString(), ["MoveDate"] = Iso(Today.AddDays(35)),
        }, formPage: "/Housing/Pipeline");

        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        Assert.Contains(PipelineModel.ChangedWhileShown, WebUtility.HtmlDecode(await stale.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        var kept = await factory.QueryAsync(db => db.HousingOffers.AsNoTracking().SingleAsync(o => o.Id == offer));
        Assert.Equal(OfferStatus.Accepted, kept.Status);
        Assert.Equal(Today.AddDays(27), kept.MoveDate);
    }

    /// <summary>A second click on »Ret flyttedato« finds the day it asks for already agreed: done, not another's change.</summary>
    [Fact]
    public async Task MoveDayChangedTwiceWithTheSameForm_TheSecondIsDone_NotRefused()
    {
        var household = await factory.RegisterSingleAsync("Flytdobbelt");
        using var housing = await Browser.SignedInAsync(factory, "bolig");
        var offer = await housing.AcceptedOfferAsync(factory, household, "Dobbeltvej 2", Today.AddDays(20));
        var shown = await factory.QueryAsync(db => db.HousingOffers.Where(o => o.Id == offer).Select(o => o.Version).SingleAsync());
        var form = new Dictionary<string, string> { ["OfferId"] = offer.ToString(), ["OfferVersion"] = shown.ToString(), ["MoveDate"] = Iso(Today.AddDays(26)) };

        using var first = await housing.PostFormAsync("/Housing/Pipeline?handler=ChangeMove", form, formPage: "/Housing/Pipeline");
        using var second = await housing.PostFormAsync("/Housing/Pipeline?handler=ChangeMove", form, formPage: "/Housing/Pipeline");

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        Assert.Equal(Today.AddDays(26), await factory.QueryAsync(db => db.HousingOffers.Where(o => o.Id == offer).Select(o => o.MoveDate).SingleAsync()));
    }
}

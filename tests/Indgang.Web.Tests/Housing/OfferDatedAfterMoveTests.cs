using System.Net;
using System.Text.Json;
using AngleSharp.Html.Parser;
using Indgang.Domain.Housing;
using Indgang.Tests.Hosting;
using Indgang.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Indgang.Web.Tests.Infrastructure.Arrivals;

namespace Indgang.Web.Tests.Housing;

/// <summary>
/// An accepted offer corrected (HOUSE-5) cannot be dated after its move: the household cannot move to a home before it
/// was offered. Refused beside »Tilbudsdato« on the page and under offeredOn over the API; nothing is saved.
/// </summary>
public sealed class OfferDatedAfterMoveTests(IndgangAppFactory factory) : IClassFixture<IndgangAppFactory>
{
    private static readonly HtmlParser Parser = new();

    [Fact]
    public async Task CorrectAcceptedOffer_OfferedAfterTheMove_RefusedBesideTheOfferDate()
    {
        var household = await factory.RegisterSingleAsync("Flyttetfoer");
        var offer = await AcceptedAsync(household, offeredDaysAgo: 10, movedDaysAgo: 5);
        using var housing = await Browser.SignedInAsync(factory, "bolig");
        var form = Parser.ParseDocument(await housing.GetPageAsync($"/Housing/Pipeline/Offers/{offer}"));

        using var refused = await housing.PostFormAsync($"/Housing/Pipeline/Offers/{offer}", new Dictionary<string, string>
        {
            ["Address"] = "Flyttevej 5", ["OfferedOn"] = Iso(Today.AddDays(-1)), ["Version"] = PipelineEditPages.Version(form),
        });
        var html = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains($"id=\"OfferedOn-error\"><span class=\"sr-only\">Fejl: </span>{HousingOffer.OfferAfterMove}", html, StringComparison.Ordinal);
        Assert.Contains($"value=\"{Iso(Today.AddDays(-1))}\"", html, StringComparison.Ordinal);
        var saved = (await factory.OfferAsync(offer))!;
        Assert.Equal((Today.AddDays(-10), (DateOnly?)Today.AddDays(-5)), (saved.OfferedOn, saved.MoveDate));
    }

    [Fact]
    public async Task CorrectAcceptedOffer_OfferedOnTheMoveDay_IsSaved()
    {
        var household = await factory.RegisterSingleAsync("Flyttetsamme");
        var offer = await AcceptedAsync(household, offeredDaysAgo: 10, movedDaysAgo: 5);
        using var housing = await Browser.SignedInAsync(factory, "bolig");
        var form = Parser.ParseDocument(await housing.GetPageAsync($"/Housing/Pipeline/Offers/{offer}"));

        using var saved = await housing.PostFormAsync($"/Housing/Pipeline/Offers/{offer}", new Dictionary<string, string>
        {
            ["Address"] = "Flyttevej 5", ["OfferedOn"] = Iso(Today.AddDays(-5)), ["Version"] = PipelineEditPages.Version(form),
        });

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(Today.AddDays(-5), (await factory.OfferAsync(offer))!.OfferedOn);
    }

    [Fact]
    public async Task PutAcceptedOffer_OfferedAfterTheMove_Is400UnderOfferedOn()
    {
        var household = await factory.RegisterSingleAsync("Apiflyttetfoer");
        var offer = await AcceptedAsync(household, offeredDaysAgo: 10, movedDaysAgo: 5);
        using var housing = await Browser.SignedInAsync(factory, "bolig");
        using var read = await housing.GetAsync($"/api/v1/housing/offers/{offer}");

        using var response = await housing.PutAsync($"/api/v1/housing/offers/{offer}", new { address = "Flyttevej 5", offeredOn = Iso(Today.AddDays(-1)) }, read.Headers.ETag?.ToString());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal([HousingOffer.OfferAfterMove], body.RootElement.GetProperty("errors").GetProperty("offeredOn").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(Today.AddDays(-10), (await factory.OfferAsync(offer))!.OfferedOn);
    }

    /// <summary>An offer made some days ago and accepted with a move that has happened (saved as the pipeline leaves it).</summary>
    private Task<Guid> AcceptedAsync(Guid household, int offeredDaysAgo, int movedDaysAgo) => factory.QueryAsync(async db =>
    {
        var made = db.HousingOffers.Add(new HousingOffer(household, "Flyttevej 5", Today.AddDays(-offeredDaysAgo))).Entity;
        made.Accept(Today.AddDays(-movedDaysAgo));
        await db.SaveChangesAsync();
        return made.Id;
    });
}

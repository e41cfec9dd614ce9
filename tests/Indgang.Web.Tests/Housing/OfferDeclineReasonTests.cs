using System.Net;
using AngleSharp.Html.Parser;
using Indgang.Domain.Housing;
using Indgang.Tests.Hosting;
using Indgang.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Indgang.Web.Tests.Infrastructure.Arrivals;

namespace Indgang.Web.Tests.Housing;

/// <summary>
/// Why a household said no to an offer of a permanent home, told when the decline is recorded on the pipeline: kept,
/// shown beside the declined offer there and on the household's case, and in the audit entry; one too long is refused
/// beside its field with what was typed kept and the offer still waiting.
/// </summary>
public sealed class OfferDeclineReasonTests(IndgangAppFactory factory) : IClassFixture<IndgangAppFactory>
{
    private static readonly HtmlParser Parser = new();

    [Fact]
    public async Task Decline_WithAReason_IsKept_ShownOnThePipelineAndTheCase_AndAudited()
    {
        var (household, offer) = await OfferedAsync("Afslagsen", "Bakkevej 30");
        using var housing = await Browser.SignedInAsync(factory, "bolig");

        using var declined = await DeclineAsync(housing, offer, "  For langt fra børnenes skole. ");

        Assert.Equal(HttpStatusCode.Redirect, declined.StatusCode);
        var saved = await factory.QueryAsync(db => db.HousingOffers.AsNoTracking().SingleAsync(o => o.Id == offer));
        Assert.Equal((OfferStatus.Declined, "For langt fra børnenes skole."), (saved.Status, saved.DeclineReason));
        var onThePipeline = Parser.ParseDocument(await housing.GetPageAsync("/Housing/Pipeline")).QuerySelector("tr[data-household='Solo Afslagsen'] [data-testid='decline-reason']");
        Assert.Equal("Begrundelse: For langt fra børnenes skole.", onThePipeline?.TextContent.Trim());
        using (var coordinator = await Browser.SignedInAsync(factory, "koordinator"))
        {
            var onTheCase = Parser.ParseDocument(await coordinator.GetPageAsync($"/Households/{household}")).QuerySelector("tr[data-offer='Bakkevej 30'] [data-testid='decline-reason']");
            Assert.Equal("Begrundelse: For langt fra børnenes skole.", onTheCase?.TextContent.Trim());
        }

        Assert.Equal([$"Husstand {household:D}: Bakkevej 30, {Web.Audit.AuditLog.ReasonKeptInTheCase}"], await factory.QueryAsync(db => db.AuditEntries.AsNoTracking()
            .Where(e => e.Purpose == "Vejen til permanent bolig: tilbud afslået" && e.Details!.StartsWith($"Husstand {household:D}")).Select(e => e.Details).ToListAsync()));
    }

    [Fact]
    public async Task Decline_WithoutAReason_IsRecorded_AndShowsNone()
    {
        var (_, offer) = await OfferedAsync("Afslagløsen", "Bakkevej 32");
        using var housing = await Browser.SignedInAsync(factory, "bolig");

        using var declined = await DeclineAsync(housing, offer, "");

        Assert.Equal(HttpStatusCode.Redirect, declined.StatusCode);
        Assert.Equal(OfferStatus.Declined, await factory.QueryAsync(db => db.HousingOffers.Where(o => o.Id == offer).Select(o => o.Status).SingleAsync()));
        var row = Parser.ParseDocument(await housing.GetPageAsync("/Housing/Pipeline")).QuerySelector("tr[data-household='Solo Afslagløsen']");
        Assert.NotNull(row);
        Assert.Null(row.QuerySelector("[data-testid='decline-reason']"));
    }

    [Fact]
    public async Task Decline_WithAReasonTooLong_IsRefusedBesideTheField_WhatWasTypedKept_TheOfferStillWaiting()
    {
        var (_, offer) = await OfferedAsync("Langsen", "Bakkevej 34");
        using var housing = await Browser.SignedInAsync(factory, "bolig");
        var tooLong = new string('x', HousingOffer.DeclineReasonLength + 1);

        using var refused = await DeclineAsync(housing, offer, tooLong);

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var page = Parser.ParseDocument(await refused.Content.ReadAsStringAsync());
        Assert.Equal($"Fejl: Begrundelsen må højst være {HousingOffer.DeclineReasonLength} tegn.", page.QuerySelector($"#DeclineReason-{offer}-error")?.TextContent.Trim());
        Assert.Equal(tooLong, page.QuerySelector($"input#DeclineReason-{offer}")?.GetAttribute("value"));
        Assert.NotNull(page.QuerySelector($".alert-error a[href='#DeclineReason-{offer}']"));
        Assert.Equal(OfferStatus.Pending, await factory.QueryAsync(db => db.HousingOffers.Where(o => o.Id == offer).Select(o => o.Status).SingleAsync()));
    }

    private async Task<(Guid Household, Guid Offer)> OfferedAsync(string lastName, string address)
    {
        var household = await factory.RegisterSingleAsync(lastName);
        var offer = await factory.QueryAsync(async db =>
        {
            var made = db.HousingOffers.Add(new HousingOffer(household, address, Today.AddDays(-3))).Entity;
            await db.SaveChangesAsync();
            return made.Id;
        });
        return (household, offer);
    }

    private static Task<HttpResponseMessage> DeclineAsync(Browser housing, Guid offer, string reason) =>
        housing.PostFormAsync("/Housing/Pipeline?handler=Decline", new Dictionary<string, string> { ["OfferId"] = offer.ToString(), ["DeclineReason"] = reason }, formPage: "/Housing/Pipeline");
}

using System.Net;
using AngleSharp.Html.Parser;
using Indgang.Domain.Housing;
using Indgang.Tests.Hosting;
using Indgang.Web.Features.Housing;
using Indgang.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Indgang.Web.Tests.Infrastructure.Arrivals;

namespace Indgang.Web.Tests.Housing;

/// <summary>
/// An offer of a permanent home typed wrong is corrected, and one registered by mistake removed (HOUSE-5), by the
/// housing coordinator from the pipeline while it waits for an answer; both are in the audit log with what it was. An
/// accepted offer is corrected but not removed (<see cref="AcceptedOfferCorrectionTests"/>); a declined offer is history:
/// it is not changed.
/// </summary>
public sealed class OfferCorrectionTests(IndgangAppFactory factory) : IClassFixture<IndgangAppFactory>
{
    private static readonly HtmlParser Parser = new();

    [Fact]
    public async Task Correct_FromThePipeline_SavesTheNewValues_AuditedWithWhatItWas()
    {
        var (household, offer) = await OfferedAsync("Tilbudsrettelse", "Skolevej 4, 2. tv.");
        using var housing = await Browser.SignedInAsync(factory, "bolig");
        var link = Parser.ParseDocument(await housing.GetPageAsync("/Housing/Pipeline")).QuerySelector($"a[href='{Page(offer)}']");
        Assert.Equal("Ret – tilbud på Skolevej 4, 2. tv.", link?.TextContent.Trim());
        var form = Parser.ParseDocument(await housing.GetPageAsync(Page(offer)));
        Assert.Equal("Skolevej 4, 2. tv.", form.QuerySelector("input[name='Address']")?.GetAttribute("value"));

        using var saved = await housing.PostFormAsync(Page(offer), Fields("Skolevej 4, 2. th.", Today.AddDays(-2), PipelineEditPages.Version(form)));

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var now = await factory.OfferAsync(offer);
        Assert.Equal(("Skolevej 4, 2. th.", Today.AddDays(-2), OfferStatus.Pending), (now!.Address, now.OfferedOn, now.Status));
        Assert.Equal([$"Husstand {household:D}: Skolevej 4, 2. tv., {Today.AddDays(-4):yyyy-MM-dd} → Skolevej 4, 2. th., {Today.AddDays(-2):yyyy-MM-dd}"],
            await factory.PipelineWritesAsync(household, "tilbud rettet"));
    }

    [Fact]
    public async Task BadInput_ADanishMessageBesideEachField_WhatWasTypedKept_NothingSaved()
    {
        var (_, offer) = await OfferedAsync("Tilbudsfejl", "Skolevej 6");
        using var housing = await Browser.SignedInAsync(factory, "bolig");
        var version = PipelineEditPages.Version(Parser.ParseDocument(await housing.GetPageAsync(Page(offer))));

        using var refused = await housing.PostFormAsync(Page(offer), Fields(" ", Today.AddDays(3), version));

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var page = Parser.ParseDocument(await refused.Content.ReadAsStringAsync());
        Assert.Equal("Fejl: Angiv adressen på den tilbudte bolig.", page.GetElementById("Address-error")?.TextContent);
        Assert.Equal("Fejl: Datoen kan ikke ligge i fremtiden.", page.GetElementById("OfferedOn-error")?.TextContent);
        Assert.Equal(Iso(Today.AddDays(3)), page.QuerySelector("input[name='OfferedOn']")?.GetAttribute("value"));
        Assert.Equal("Skolevej 6", (await factory.OfferAsync(offer))!.Address);
    }

    [Fact]
    public async Task Remove_GoneFromThePipeline_AuditedWithWhatItWas()
    {
        var (household, offer) = await OfferedAsync("Tilbudssletning", "Skolevej 8");
        using var housing = await Browser.SignedInAsync(factory, "bolig");
        var version = PipelineEditPages.Version(Parser.ParseDocument(await housing.GetPageAsync(Page(offer))));

        using var removed = await housing.PostFormAsync($"{Page(offer)}?handler=Remove", new Dictionary<string, string> { ["Version"] = version }, formPage: Page(offer));

        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        Assert.Null(await factory.OfferAsync(offer));
        Assert.DoesNotContain("Skolevej 8", WebUtility.HtmlDecode(await housing.GetPageAsync("/Housing/Pipeline")), StringComparison.Ordinal);
        Assert.Equal([$"Husstand {household:D}: Skolevej 8, {Today.AddDays(-4):yyyy-MM-dd}"], await factory.PipelineWritesAsync(household, "tilbud slettet"));
    }

    /// <summary>Declined while the form was open: the correction is refused and said why; nothing changes.</summary>
    [Fact]
    public async Task DeclinedMeanwhile_CorrectionRefused_TheAnswerStands()
    {
        var (_, offer) = await OfferedAsync("Tilbudbesvaret", "Skolevej 10");
        using var housing = await Browser.SignedInAsync(factory, "bolig");
        var version = PipelineEditPages.Version(Parser.ParseDocument(await housing.GetPageAsync(Page(offer))));
        await factory.QueryAsync(async db =>
        {
            (await db.HousingOffers.SingleAsync(o => o.Id == offer)).Decline("For dyr");
            return await db.SaveChangesAsync();
        });

        using var refused = await housing.PostFormAsync(Page(offer), Fields("Skolevej 12", Today, version));

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var page = Parser.ParseDocument(await refused.Content.ReadAsStringAsync());
        Assert.Contains(OfferEditModel.Declined, page.QuerySelector(".alert-error")?.TextContent, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("form input[name='Address']"));
        var now = await factory.OfferAsync(offer);
        Assert.Equal(("Skolevej 10", OfferStatus.Declined), (now!.Address, now.Status));
    }

    /// <summary>
    /// Accepted while the form was open: the correction is refused as a change by another, the acceptance said above the
    /// fields; saved again, the accepted offer is corrected.
    /// </summary>
    [Fact]
    public async Task AcceptedMeanwhile_CorrectionRefusedOnce_TheAcceptanceShown_ThenCorrected()
    {
        var (_, offer) = await OfferedAsync("Tilbudaccepteret", "Skolevej 16");
        using var housing = await Browser.SignedInAsync(factory, "bolig");
        var version = PipelineEditPages.Version(Parser.ParseDocument(await housing.GetPageAsync(Page(offer))));
        await factory.QueryAsync(async db =>
        {
            (await db.HousingOffers.SingleAsync(o => o.Id == offer)).Accept(Today.AddDays(20));
            return await db.SaveChangesAsync();
        });

        using var refused = await housing.PostFormAsync(Page(offer), Fields("Skolevej 18", Today.AddDays(-4), version));

        var page = Parser.ParseDocument(await refused.Content.ReadAsStringAsync());
        Assert.Contains(OfferEditModel.ChangedByOtherOnSave, page.QuerySelector(".alert-error")?.TextContent, StringComparison.Ordinal);
        Assert.Contains("Tilbuddet er accepteret med flyttedato", page.QuerySelector("[data-testid='offer-accepted']")?.TextContent, StringComparison.Ordinal);
        Assert.Equal("Skolevej 18", page.QuerySelector("input[name='Address']")?.GetAttribute("value"));
        Assert.Null(page.QuerySelector("form[action*='Remove']"));
        Assert.Equal("Skolevej 16", (await factory.OfferAsync(offer))!.Address);

        using var saved = await housing.PostFormAsync(Page(offer), Fields("Skolevej 18", Today.AddDays(-4), PipelineEditPages.Version(page)));

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var now = await factory.OfferAsync(offer);
        Assert.Equal(("Skolevej 18", OfferStatus.Accepted, Today.AddDays(20)), (now!.Address, now.Status, now.MoveDate));
    }

    /// <summary>Corrected by another while the form was open: theirs beside the field, what was typed kept.</summary>
    [Fact]
    public async Task CorrectedByAnotherMeanwhile_Refused_TheirsBesideTheField()
    {
        var (_, offer) = await OfferedAsync("Tilbudsamtidig", "Skolevej 14");
        using var housing = await Browser.SignedInAsync(factory, "bolig");
        var version = PipelineEditPages.Version(Parser.ParseDocument(await housing.GetPageAsync(Page(offer))));
        await factory.QueryAsync(async db =>
        {
            var other = await db.HousingOffers.SingleAsync(o => o.Id == offer);
            other.Correct("Skolevej 41", other.OfferedOn, other.AnswerBy, other.Rooms, other.MonthlyRent);
            return await db.SaveChangesAsync();
        });

        using var refused = await housing.PostFormAsync(Page(offer), Fields("Skolevej 15", Today.AddDays(-4), version));

        var page = Parser.ParseDocument(await refused.Content.ReadAsStringAsync());
        Assert.Contains(OfferEditModel.ChangedByOtherOnSave, page.QuerySelector(".alert-error")?.TextContent, StringComparison.Ordinal);
        Assert.Equal("Skolevej 15", page.QuerySelector("input[name='Address']")?.GetAttribute("value"));
        Assert.Contains("Skolevej 41", page.GetElementById("Address-saved")?.TextContent, StringComparison.Ordinal);
        Assert.Equal("Skolevej 41", (await factory.OfferAsync(offer))!.Address);
    }

    private static string Page(Guid offer) => $"/Housing/Pipeline/Offers/{offer}";

    private static Dictionary<string, string> Fields(string address, DateOnly offeredOn, string version) => new()
    {
        ["Address"] = address, ["OfferedOn"] = Iso(offeredOn), ["Version"] = version,
    };

    /// <summary>A household arrived today, offered a home four days ago.</summary>
    private async Task<(Guid Household, Guid Offer)> OfferedAsync(string lastName, string address)
    {
        var household = await factory.RegisterSingleAsync(lastName);
        var offer = await factory.QueryAsync(async db =>
        {
            var made = db.HousingOffers.Add(new HousingOffer(household, address, Today.AddDays(-4))).Entity;
            await db.SaveChangesAsync();
            return made.Id;
        });
        return (household, offer);
    }
}

using System.Globalization;
using System.Net;
using AngleSharp.Html.Parser;
using Indgang.Domain.Audit;
using Indgang.Domain.Housing;
using Indgang.Tests.Hosting;
using Indgang.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Indgang.Web.Tests.Infrastructure.Arrivals;

namespace Indgang.Web.Tests.Housing;

/// <summary>
/// The day by which the household must answer an offer of a permanent home (svarfrist, HOUSE-5): recorded with the offer
/// and corrected with it, refused beside its field when before the offer, and shown on the pipeline, marked when it has
/// passed without an answer, since the home is then usually lost.
/// </summary>
public sealed class OfferAnswerDeadlineTests(IndgangAppFactory factory) : IClassFixture<IndgangAppFactory>
{
    private static readonly HtmlParser Parser = new();
    private static readonly CultureInfo Danish = CultureInfo.GetCultureInfo("da-DK");

    [Fact]
    public async Task Offer_WithAnAnswerDeadline_IsShownOnThePipeline_AndAudited()
    {
        var household = await factory.RegisterSingleAsync("Svarfristsen");
        using var housing = await Browser.SignedInAsync(factory, "bolig");

        using var offered = await PostOfferAsync(housing, household, "Bakkevej 2, st. th.", Today.AddDays(-1), Iso(Today.AddDays(3)));

        Assert.Equal(HttpStatusCode.Redirect, offered.StatusCode);
        Assert.Equal(Today.AddDays(3), (await OffersAsync(household)).Single().AnswerBy);
        var shown = Parser.ParseDocument(await housing.GetPageAsync("/Housing/Pipeline")).QuerySelector($"tr[data-household='Solo Svarfristsen'] [data-testid='answer-by']");
        Assert.Equal($"svar senest {Today.AddDays(3).ToString("d. MMMM yyyy", Danish)}", shown?.TextContent.Trim());
        Assert.Equal([$"Husstand {household:D}: Bakkevej 2, st. th., {Today.AddDays(-1):yyyy-MM-dd}, svarfrist {Today.AddDays(3):yyyy-MM-dd}"],
            await factory.QueryAsync(db => db.AuditEntries.AsNoTracking()
                .Where(e => e.Action == AuditAction.HouseholdUpdated && e.Purpose == "Vejen til permanent bolig: tilbud" && e.Details!.StartsWith($"Husstand {household:D}:"))
                .Select(e => e.Details).ToListAsync()));
    }

    [Fact]
    public async Task Offer_WithAnAnswerDeadlineBeforeIt_IsRefusedBesideTheField_WhatWasTypedKept_NothingSaved()
    {
        var household = await factory.RegisterSingleAsync("Forsentsen");
        using var housing = await Browser.SignedInAsync(factory, "bolig");

        using var refused = await PostOfferAsync(housing, household, "Bakkevej 4", Today, Iso(Today.AddDays(-1)));

        var page = Parser.ParseDocument(await refused.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Equal("Fejl: Svarfristen kan ikke ligge før tilbuddet.", page.QuerySelector("#AnswerBy-error")?.TextContent.Trim());
        Assert.Equal(Iso(Today.AddDays(-1)), page.QuerySelector("input#AnswerBy")?.GetAttribute("value"));
        Assert.Equal("Bakkevej 4", page.QuerySelector("input#Address")?.GetAttribute("value"));
        Assert.NotNull(page.QuerySelector(".alert-error a[href='#AnswerBy']"));
        Assert.Empty(await OffersAsync(household));
    }

    [Fact]
    public async Task AnOfferUnansweredPastItsDeadline_IsMarkedOnThePipeline_UntilAnswered()
    {
        var household = await factory.RegisterSingleAsync("Overskredsen");
        var offer = await factory.QueryAsync(async db =>
        {
            var made = db.HousingOffers.Add(new HousingOffer(household, "Bakkevej 6", Today.AddDays(-10), Today.AddDays(-2))).Entity;
            await db.SaveChangesAsync();
            return made.Id;
        });
        using var housing = await Browser.SignedInAsync(factory, "bolig");

        var marked = Parser.ParseDocument(await housing.GetPageAsync("/Housing/Pipeline")).QuerySelector($"tr[data-household='Solo Overskredsen'] [data-testid='answer-by'] .badge-error");
        Assert.Equal("Svarfristen er overskredet", marked?.TextContent.Trim());
        var overdue = Parser.ParseDocument(await housing.GetPageAsync("/")).QuerySelector("tr[data-figure='pending-offers-overdue'] td");
        Assert.True(int.Parse(overdue?.TextContent.Trim() ?? "0", CultureInfo.InvariantCulture) >= 1, "The start page counts the offer past its deadline.");
        using (var coordinator = await Browser.SignedInAsync(factory, "koordinator"))
        {
            var onTheCase = Parser.ParseDocument(await coordinator.GetPageAsync($"/Households/{household}")).QuerySelector("tr[data-offer='Bakkevej 6'] td:last-child");
            Assert.Equal("Svarfristen er overskredet", onTheCase?.QuerySelector(".badge-error")?.TextContent.Trim());
            Assert.Contains($"svar senest {Today.AddDays(-2).ToString("d. MMM yyyy", Danish)}", onTheCase?.TextContent, StringComparison.Ordinal);
        }


        using var declined = await housing.PostFormAsync("/Housing/Pipeline?handler=Decline", new Dictionary<string, string> { ["OfferId"] = offer.ToString() }, formPage: "/Housing/Pipeline");
        Assert.Equal(HttpStatusCode.Redirect, declined.StatusCode);
        Assert.Null(Parser.ParseDocument(await housing.GetPageAsync("/Housing/Pipeline")).QuerySelector($"tr[data-household='Solo Overskredsen'] [data-testid='answer-by']"));
    }

    [Fact]
    public async Task Correct_TheAnswerDeadline_IsSaved_OneBeforeTheOfferRefusedBesideTheField()
    {
        var household = await factory.RegisterSingleAsync("Rettefristsen");
        var offer = await factory.QueryAsync(async db =>
        {
            var made = db.HousingOffers.Add(new HousingOffer(household, "Bakkevej 8", Today.AddDays(-4))).Entity;
            await db.SaveChangesAsync();
            return made.Id;
        });
        using var housing = await Browser.SignedInAsync(factory, "bolig");
        var page = $"/Housing/Pipeline/Offers/{offer}";
        var version = HiddenFields.Value(await housing.GetPageAsync(page), "Version");
        var fields = new Dictionary<string, string> { ["Address"] = "Bakkevej 8", ["OfferedOn"] = Iso(Today.AddDays(-4)), ["AnswerBy"] = Iso(Today.AddDays(-5)), ["Version"] = version };

        using (var refused = await housing.PostFormAsync(page, fields))
        {
            var form = Parser.ParseDocument(await refused.Content.ReadAsStringAsync());
            Assert.Equal("Fejl: Svarfristen kan ikke ligge før tilbuddet.", form.QuerySelector("#AnswerBy-error")?.TextContent.Trim());
            Assert.Equal(Iso(Today.AddDays(-5)), form.QuerySelector("input#AnswerBy")?.GetAttribute("value"));
        }

        fields["AnswerBy"] = Iso(Today.AddDays(2));
        using var saved = await housing.PostFormAsync(page, fields);

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(Today.AddDays(2), (await OffersAsync(household)).Single().AnswerBy);
        Assert.Equal(Iso(Today.AddDays(2)), Parser.ParseDocument(await housing.GetPageAsync(page)).QuerySelector("input#AnswerBy")?.GetAttribute("value"));
    }

    [Fact]
    public async Task AnAnswerDeadlineWithinThreeDays_IsToldTheHouseholdsCoordinatorOnce_AgainWhenCorrected()
    {
        var household = await factory.RegisterSingleAsync("Påmindelsen");
        var (soon, later) = await factory.QueryAsync(async db =>
        {
            var near = db.HousingOffers.Add(new HousingOffer(household, "Bakkevej 10", Today.AddDays(-1), Today.AddDays(2))).Entity;
            var far = db.HousingOffers.Add(new HousingOffer(household, "Bakkevej 12", Today.AddDays(-1), Today.AddDays(10))).Entity;
            await db.SaveChangesAsync();
            return (near.Id, far.Id);
        });

        await WatchAsync();
        await WatchAsync();

        var told = $"Svarfrist for boligtilbud {DanishDates.Written(Today.AddDays(2))}: Bakkevej 10 (Solo Påmindelsen)";
        Assert.Equal([told], await ToldAsync(household));
        using (var coordinator = await Browser.SignedInAsync(factory, "koordinator"))
        {
            Assert.Contains(told, WebUtility.HtmlDecode(await coordinator.GetPageAsync("/Notifications")), StringComparison.Ordinal);
        }

        // The association gives another day: told again, with the new day.
        await factory.QueryAsync(async db =>
        {
            var offer = await db.HousingOffers.SingleAsync(o => o.Id == soon);
            offer.Correct(offer.Address, offer.OfferedOn, Today.AddDays(3), offer.Rooms, offer.MonthlyRent);
            return await db.SaveChangesAsync();
        });
        await WatchAsync();

        Assert.Equal(2, (await ToldAsync(household)).Count);
        // The offer whose deadline is ten days ahead is not told yet.
        Assert.False(await factory.QueryAsync(db => db.Notifications.AnyAsync(n => n.DedupKey!.Contains(later.ToString()))));
    }

    [Fact]
    public async Task AnOfferLeftPendingWhenTheHouseholdAcceptedAnother_IsNotToldOf()
    {
        var household = await factory.RegisterSingleAsync("Takketja");
        await factory.QueryAsync(async db =>
        {
            db.HousingOffers.Add(new HousingOffer(household, "Ventevej 1", Today.AddDays(-1), Today.AddDays(2)));
            var accepted = db.HousingOffers.Add(new HousingOffer(household, "Ventevej 2", Today.AddDays(-1), Today.AddDays(2))).Entity;
            accepted.Accept(Today.AddDays(20));
            return await db.SaveChangesAsync();
        });

        await WatchAsync();

        Assert.Empty(await ToldAsync(household));
    }

    private async Task WatchAsync()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<Web.Features.Notifications.DeadlineWatch>().RunOnceAsync();
    }

    private Task<List<string>> ToldAsync(Guid household) =>
        factory.QueryAsync(db => db.Notifications.AsNoTracking()
            .Where(n => n.Link == $"/Households/{household}" && n.Text.StartsWith("Svarfrist for boligtilbud"))
            .Join(db.Users.Where(u => u.UserName == "koordinator"), n => n.RecipientUserId, u => u.Id, (n, _) => n.Text)
            .ToListAsync());

    private static Task<HttpResponseMessage> PostOfferAsync(Browser housing, Guid household, string address, DateOnly offeredOn, string answerBy) =>
        housing.PostFormAsync("/Housing/Pipeline?handler=Offer", new Dictionary<string, string>
        {
            ["OfferHouseholdId"] = household.ToString(), ["Address"] = address, ["OfferedOn"] = Iso(offeredOn), ["AnswerBy"] = answerBy,
        }, formPage: "/Housing/Pipeline");

    private Task<List<HousingOffer>> OffersAsync(Guid household) =>
        factory.QueryAsync(db => db.HousingOffers.AsNoTracking().Where(o => o.HouseholdId == household).ToListAsync());
}

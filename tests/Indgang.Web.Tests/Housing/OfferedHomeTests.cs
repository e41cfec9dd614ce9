using System.Net;
using AngleSharp.Html.Parser;
using Indgang.Domain.Audit;
using Indgang.Domain.Housing;
using Indgang.Tests.Hosting;
using Indgang.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Indgang.Web.Tests.Infrastructure.Arrivals;

namespace Indgang.Web.Tests.Housing;

/// <summary>
/// An offer of a permanent home says what the home is, as far as the association told it: its rooms and its monthly
/// rent (HOUSE-5; "en passende husleje", seed 002). Both optional, checked beside their fields with what was typed kept,
/// corrected with the offer, shown on the pipeline and on the household's case, and in the audit log.
/// </summary>
public sealed class OfferedHomeTests(IndgangAppFactory factory) : IClassFixture<IndgangAppFactory>
{
    private static readonly HtmlParser Parser = new();

    [Fact]
    public async Task Offer_WithRoomsAndRent_IsSaved_ShownOnThePipelineAndTheCase_AndAudited()
    {
        var household = await factory.RegisterSingleAsync("Værelsesen");
        using var housing = await Browser.SignedInAsync(factory, "bolig");

        using var offered = await PostOfferAsync(housing, household, "Bakkevej 20", rooms: "3", rent: "6450,50");

        Assert.Equal(HttpStatusCode.Redirect, offered.StatusCode);
        var offer = (await OffersAsync(household)).Single();
        Assert.Equal((3, 6450.50m), (offer.Rooms, offer.MonthlyRent));
        var shown = Parser.ParseDocument(await housing.GetPageAsync("/Housing/Pipeline")).QuerySelector("tr[data-household='Solo Værelsesen'] [data-testid='offered-home']");
        Assert.Equal("3 værelser, 6.450,50 kr. pr. måned", shown?.TextContent.Trim());
        using (var coordinator = await Browser.SignedInAsync(factory, "koordinator"))
        {
            var onTheCase = Parser.ParseDocument(await coordinator.GetPageAsync($"/Households/{household}")).QuerySelector("tr[data-offer='Bakkevej 20'] [data-testid='offered-home']");
            Assert.Equal("3 værelser, 6.450,50 kr. pr. måned", onTheCase?.TextContent.Trim());
        }

        Assert.Equal([$"Husstand {household:D}: Bakkevej 20, {Today:yyyy-MM-dd}, 3 vær., husleje 6450,50 kr./md."],
            await factory.QueryAsync(db => db.AuditEntries.AsNoTracking()
                .Where(e => e.Action == AuditAction.HouseholdUpdated && e.Purpose == "Vejen til permanent bolig: tilbud" && e.Details!.StartsWith($"Husstand {household:D}:"))
                .Select(e => e.Details).ToListAsync()));
    }

    [Fact]
    public async Task Offer_WithoutRoomsAndRent_IsSaved_AndShowsNoFacts()
    {
        var household = await factory.RegisterSingleAsync("Ukendtsen");
        using var housing = await Browser.SignedInAsync(factory, "bolig");

        using var offered = await PostOfferAsync(housing, household, "Bakkevej 22", rooms: "", rent: "");

        Assert.Equal("", string.Join("|", Parser.ParseDocument(await offered.Content.ReadAsStringAsync()).QuerySelectorAll(".form-error-message, .alert").Select(e => e.TextContent.Trim())));
        Assert.Equal(HttpStatusCode.Redirect, offered.StatusCode);
        Assert.Equal((null, null), (await OffersAsync(household)).Select(o => (o.Rooms, o.MonthlyRent)).Single());
        var row = Parser.ParseDocument(await housing.GetPageAsync("/Housing/Pipeline")).QuerySelector("tr[data-household='Solo Ukendtsen']");
        Assert.NotNull(row);
        Assert.Null(row.QuerySelector("[data-testid='offered-home']"));
    }

    public static TheoryData<string, string, string, string> Refused => new()
    {
        // Rooms typed, rent typed, the field refused, its message.
        { "0", "5000", "Rooms", $"Angiv antal værelser fra 1 til {HousingOffer.MostRooms}." },
        { "21", "5000", "Rooms", $"Angiv antal værelser fra 1 til {HousingOffer.MostRooms}." },
        { "tre", "5000", "Rooms", "Skriv antal værelser som et helt tal, fx 3." },
        { "3", "-100", "MonthlyRent", "Skriv huslejen i kroner, fx 4520, 4.520 eller 4.520,50." },
        { "3", "6,450", "MonthlyRent", "Skriv huslejen i kroner, fx 4520, 4.520 eller 4.520,50." },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public async Task Offer_WithRoomsOrRentThatCannotBe_IsRefusedBesideTheField_WhatWasTypedKept_NothingSaved(string rooms, string rent, string field, string message)
    {
        var household = await factory.RegisterSingleAsync($"Fejlsen {field} {rooms} {rent}");
        using var housing = await Browser.SignedInAsync(factory, "bolig");

        using var refused = await PostOfferAsync(housing, household, "Bakkevej 24", rooms, rent);

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var page = Parser.ParseDocument(await refused.Content.ReadAsStringAsync());
        var error = page.QuerySelector($"#{field}-error")?.TextContent.Trim();
        Assert.NotNull(error);
        Assert.StartsWith("Fejl: ", error, StringComparison.Ordinal);
        Assert.Contains(message, error, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector($".alert-error a[href='#{field}']"));
        Assert.Equal(rooms, page.QuerySelector("input#Rooms")?.GetAttribute("value"));
        Assert.Equal(rent, page.QuerySelector("input#MonthlyRent")?.GetAttribute("value"));
        Assert.Equal("Bakkevej 24", page.QuerySelector("input#Address")?.GetAttribute("value"));
        Assert.Empty(await OffersAsync(household));
    }

    [Fact]
    public async Task Correct_RoomsAndRent_AreSaved_ShownInTheForm_AndTheChangeAudited()
    {
        var household = await factory.RegisterSingleAsync("Rettesen");
        var offer = await factory.QueryAsync(async db =>
        {
            var made = db.HousingOffers.Add(new HousingOffer(household, "Bakkevej 26", Today.AddDays(-2), null, 2, 5100m)).Entity;
            await db.SaveChangesAsync();
            return made.Id;
        });
        using var housing = await Browser.SignedInAsync(factory, "bolig");
        var page = $"/Housing/Pipeline/Offers/{offer}";
        var form = Parser.ParseDocument(await housing.GetPageAsync(page));
        Assert.Equal(("2", "5100"), (form.QuerySelector("input#Rooms")?.GetAttribute("value"), form.QuerySelector("input#MonthlyRent")?.GetAttribute("value")));
        var fields = new Dictionary<string, string>
        {
            ["Address"] = "Bakkevej 26", ["OfferedOn"] = Iso(Today.AddDays(-2)), ["AnswerBy"] = "", ["Rooms"] = "3", ["MonthlyRent"] = "5300.75",
            ["Version"] = HiddenFields.Value(form.DocumentElement.OuterHtml, "Version"),
        };

        using var saved = await housing.PostFormAsync(page, fields);

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal((3, 5300.75m), (await OffersAsync(household)).Select(o => (o.Rooms, o.MonthlyRent)).Single());
        Assert.Equal([$"Husstand {household:D}: Bakkevej 26, {Today.AddDays(-2):yyyy-MM-dd}, 2 vær., husleje 5100 kr./md. → Bakkevej 26, {Today.AddDays(-2):yyyy-MM-dd}, 3 vær., husleje 5300,75 kr./md."],
            await factory.QueryAsync(db => db.AuditEntries.AsNoTracking()
                .Where(e => e.Purpose == "Vejen til permanent bolig: tilbud rettet" && e.Details!.StartsWith($"Husstand {household:D}:"))
                .Select(e => e.Details).ToListAsync()));
    }

    private static Task<HttpResponseMessage> PostOfferAsync(Browser housing, Guid household, string address, string rooms, string rent) =>
        housing.PostFormAsync("/Housing/Pipeline?handler=Offer", new Dictionary<string, string>
        {
            ["OfferHouseholdId"] = household.ToString(), ["Address"] = address, ["OfferedOn"] = Iso(Today), ["AnswerBy"] = "",
            ["Rooms"] = rooms, ["MonthlyRent"] = rent,
        }, formPage: "/Housing/Pipeline");

    private Task<List<HousingOffer>> OffersAsync(Guid household) =>
        factory.QueryAsync(db => db.HousingOffers.AsNoTracking().Where(o => o.HouseholdId == household).ToListAsync());
}

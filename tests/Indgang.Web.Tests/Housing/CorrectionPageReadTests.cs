using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Indgang.Domain.Housing;
using Indgang.Tests.Hosting;
using Indgang.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Indgang.Web.Tests.Infrastructure.Arrivals;

namespace Indgang.Web.Tests.Housing;

/// <summary>
/// The correction pages of an offer and of a waiting-list registration name the household each time they are shown:
/// opened, sent back refused, or sent back with what another saved meanwhile. Each showing is one read of the household
/// in the audit log; a save that goes on to the pipeline shows nothing and reads nothing.
/// </summary>
public sealed class CorrectionPageReadTests(IndgangAppFactory factory) : IClassFixture<IndgangAppFactory>
{
    private static readonly HtmlParser Parser = new();

    [Fact]
    public async Task OfferPage_OpenedRefusedAndChangedByAnother_EachShowingOneRead_TheSaveNone()
    {
        var household = await factory.RegisterSingleAsync("Tilbudslæsning");
        var offer = await factory.QueryAsync(async db =>
        {
            var made = db.HousingOffers.Add(new HousingOffer(household, "Læsevej 1", Today.AddDays(-4))).Entity;
            await db.SaveChangesAsync();
            return made.Id;
        });
        var url = $"/Housing/Pipeline/Offers/{offer}";
        using var housing = await Browser.SignedInAsync(factory, "bolig");
        var reads = await factory.HouseholdReadsAsync(household);

        var opened = await housing.GetPageAsync(url);
        Assert.Equal(reads + 1, await factory.HouseholdReadsAsync(household));

        var refused = await ShownAgainAsync(housing, url, opened, new() { ["Address"] = " ", ["OfferedOn"] = Iso(Today.AddDays(-4)), ["Version"] = Version(opened) });
        Assert.Contains("Tilbudslæsning", refused.QuerySelector("h1")?.TextContent, StringComparison.Ordinal);
        Assert.NotNull(refused.GetElementById("Address-error"));
        Assert.Equal(reads + 2, await factory.HouseholdReadsAsync(household));

        await factory.QueryAsync(async db =>
        {
            var other = await db.HousingOffers.SingleAsync(o => o.Id == offer);
            other.Correct("Læsevej 3", other.OfferedOn, other.AnswerBy, other.Rooms, other.MonthlyRent);
            return await db.SaveChangesAsync();
        });
        var changed = await ShownAgainAsync(housing, url, opened, new() { ["Address"] = "Læsevej 2", ["OfferedOn"] = Iso(Today.AddDays(-4)), ["Version"] = Version(opened) });
        Assert.Contains("Læsevej 3", changed.GetElementById("Address-saved")?.TextContent, StringComparison.Ordinal);
        Assert.Equal(reads + 3, await factory.HouseholdReadsAsync(household));

        using var saved = await PostAsync(housing, url, opened, new() { ["Address"] = "Læsevej 2", ["OfferedOn"] = Iso(Today.AddDays(-4)), ["Version"] = PipelineEditPages.Version(changed) });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(reads + 3, await factory.HouseholdReadsAsync(household));
    }

    [Fact]
    public async Task RegistrationPage_OpenedRefusedAndCorrectedByAnother_EachShowingOneRead_TheSaveNone()
    {
        var household = await factory.RegisterSingleAsync("Opskrivningslæsning");
        var registration = await factory.QueryAsync(async db =>
        {
            var made = db.HousingRegistrations.Add(new HousingRegistration(household, "Læse Boligselskab", Today.AddDays(-10), "LB-1")).Entity;
            await db.SaveChangesAsync();
            return made.Id;
        });
        var url = $"/Housing/Pipeline/Registrations/{registration}";
        using var housing = await Browser.SignedInAsync(factory, "bolig");
        var reads = await factory.HouseholdReadsAsync(household);

        var opened = await housing.GetPageAsync(url);
        Assert.Equal(reads + 1, await factory.HouseholdReadsAsync(household));

        var refused = await ShownAgainAsync(housing, url, opened, new() { ["Association"] = " ", ["RegisteredOn"] = Iso(Today.AddDays(-10)), ["Version"] = Version(opened) });
        Assert.Contains("Opskrivningslæsning", refused.QuerySelector("h1")?.TextContent, StringComparison.Ordinal);
        Assert.NotNull(refused.GetElementById("Association-error"));
        Assert.Equal(reads + 2, await factory.HouseholdReadsAsync(household));

        await factory.QueryAsync(async db =>
        {
            var other = await db.HousingRegistrations.SingleAsync(r => r.Id == registration);
            other.Correct(other.Association, other.RegisteredOn, "LB-3");
            return await db.SaveChangesAsync();
        });
        var corrected = await ShownAgainAsync(housing, url, opened, new() { ["Association"] = "Læse Boligselskab", ["RegisteredOn"] = Iso(Today.AddDays(-10)), ["WaitingListNumber"] = "LB-2", ["Version"] = Version(opened) });
        Assert.Contains("LB-3", corrected.GetElementById("WaitingListNumber-saved")?.TextContent, StringComparison.Ordinal);
        Assert.Equal(reads + 3, await factory.HouseholdReadsAsync(household));

        using var saved = await PostAsync(housing, url, opened, new() { ["Association"] = "Læse Boligselskab", ["RegisteredOn"] = Iso(Today.AddDays(-10)), ["WaitingListNumber"] = "LB-2", ["Version"] = PipelineEditPages.Version(corrected) });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(reads + 3, await factory.HouseholdReadsAsync(household));
    }

    private static string Version(string page) => PipelineEditPages.Version(Parser.ParseDocument(page));

    /// <summary>The form sent back as a page (refused): its document.</summary>
    private static async Task<IDocument> ShownAgainAsync(Browser browser, string url, string page, Dictionary<string, string> fields)
    {
        using var response = await PostAsync(browser, url, page, fields);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return Parser.ParseDocument(await response.Content.ReadAsStringAsync());
    }

    /// <summary>Sends the form with the token of the page already shown: no second opening, itself a read, before it.</summary>
    private static async Task<HttpResponseMessage> PostAsync(Browser browser, string url, string page, Dictionary<string, string> fields)
    {
        fields["__RequestVerificationToken"] = Browser.AntiforgeryToken(page);
        using var content = new FormUrlEncodedContent(fields);
        return await browser.Client.PostAsync(new Uri(url, UriKind.Relative), content);
    }
}

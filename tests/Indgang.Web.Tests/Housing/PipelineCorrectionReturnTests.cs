using System.Net;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Indgang.Domain.Housing;
using Indgang.Tests.Hosting;
using Indgang.Web.Tests.Infrastructure;
using static Indgang.Web.Tests.Infrastructure.Arrivals;

namespace Indgang.Web.Tests.Housing;

/// <summary>
/// A registration or an offer corrected from the way to a permanent home (HOUSE-5) leads back to the page as it was:
/// the order, the search and the pages the housing coordinator had, kept in the correction page's own address by its
/// links, its forms and its redirect once saved.
/// </summary>
public sealed class PipelineCorrectionReturnTests(IndgangAppFactory factory) : IClassFixture<IndgangAppFactory>
{
    private const string Pipeline = "/Housing/Pipeline?sortering=dage&soeg=Tilbagevej";
    private static readonly HtmlParser Parser = new();

    [Fact]
    public async Task ARegistrationCorrected_LeadsBackToThePipelineAsItWas()
    {
        var household = await factory.RegisterSingleAsync("Tilbagevejopskrivning");
        var registration = await factory.QueryAsync(async db =>
        {
            var made = db.HousingRegistrations.Add(new HousingRegistration(household, "Engholm Boligselskab", Today.AddDays(-10), "EB-1")).Entity;
            await db.SaveChangesAsync();
            return made.Id;
        });
        using var housing = await Browser.SignedInAsync(factory, "bolig");

        var edit = $"/Housing/Pipeline/Registrations/{registration}?sortering=dage&soeg=Tilbagevej";
        Assert.Equal(edit, (await PageAsync(housing, Pipeline)).QuerySelector($"a[href^='/Housing/Pipeline/Registrations/{registration}']")?.GetAttribute("href"));
        var form = await PageAsync(housing, edit);
        AssertLeadsBack(form);

        using var saved = await housing.PostFormAsync(edit, new Dictionary<string, string>
        {
            ["Association"] = "Engholm Boligselskab", ["RegisteredOn"] = Iso(Today.AddDays(-9)), ["WaitingListNumber"] = "EB-2", ["Version"] = PipelineEditPages.Version(form),
        }, formPage: edit);

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(Pipeline, saved.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task AnOfferCorrected_LeadsBackToThePipelineAsItWas()
    {
        var household = await factory.RegisterSingleAsync("Tilbagevejtilbud");
        var offer = await factory.QueryAsync(async db =>
        {
            var made = db.HousingOffers.Add(new HousingOffer(household, "Tilbagevej 4", Today.AddDays(-3))).Entity;
            await db.SaveChangesAsync();
            return made.Id;
        });
        using var housing = await Browser.SignedInAsync(factory, "bolig");

        var edit = $"/Housing/Pipeline/Offers/{offer}?sortering=dage&soeg=Tilbagevej";
        Assert.Equal(edit, (await PageAsync(housing, Pipeline)).QuerySelector($"a[href^='/Housing/Pipeline/Offers/{offer}']")?.GetAttribute("href"));
        var form = await PageAsync(housing, edit);
        AssertLeadsBack(form);

        using var saved = await housing.PostFormAsync(edit, new Dictionary<string, string>
        {
            ["Address"] = "Tilbagevej 6", ["OfferedOn"] = Iso(Today.AddDays(-3)), ["Version"] = PipelineEditPages.Version(form),
        }, formPage: edit);

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(Pipeline, saved.Headers.Location?.OriginalString);
        Assert.Equal("Tilbagevej 6", (await factory.OfferAsync(offer))?.Address);
    }

    /// <summary>The page's way back, its cancel, and its form to remove the record all keep the pipeline's address.</summary>
    private static void AssertLeadsBack(IHtmlDocument form)
    {
        Assert.Equal(Pipeline, form.QuerySelector("a.back-link")?.GetAttribute("href"));
        Assert.Equal(Pipeline, form.QuerySelector(".form-actions a.button-secondary")?.GetAttribute("href"));
        var remove = form.QuerySelector("form[action*='handler=Remove']")?.GetAttribute("action");
        Assert.Contains("sortering=dage", remove, StringComparison.Ordinal);
        Assert.Contains("soeg=Tilbagevej", remove, StringComparison.Ordinal);
    }

    private static async Task<IHtmlDocument> PageAsync(Browser housing, string url) => Parser.ParseDocument(await housing.GetPageAsync(url));
}

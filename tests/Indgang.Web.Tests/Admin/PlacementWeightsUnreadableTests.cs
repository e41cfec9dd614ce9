using System.Net;
using AngleSharp.Html.Parser;
using Indgang.Tests.Hosting;
using Indgang.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using WeightsPage = Indgang.Web.Features.Admin.PlacementWeights.IndexModel;

namespace Indgang.Web.Tests.Admin;

/// <summary>
/// A weight that is no whole number ("abc") is one error, in the summary and beside the weight, the summary linking to
/// the field and the field keeping what was typed: it was listed twice, the binding's own message and the page's.
/// </summary>
public sealed class PlacementWeightsUnreadableTests(IndgangAppFactory factory) : IClassFixture<IndgangAppFactory>
{
    private const string Page = "/Admin/PlacementWeights";

    [Theory]
    [InlineData("abc")]
    [InlineData("4,5")]
    public async Task AWeightNotAWholeNumber_IsOneErrorLinkingToItsField_TypedValueKept(string typed)
    {
        using var admin = await Browser.SignedInAsync(factory, "admin");
        var before = await factory.QueryAsync(db => db.PlacementWeights.CountAsync());
        var form = WeightsPage.Properties.ToDictionary(
            p => $"Values[{p.Name}]", p => ((int)p.GetValue(Indgang.Placement.PlacementWeights.Default)!).ToString(System.Globalization.CultureInfo.InvariantCulture));
        form["Values[WastedBed]"] = typed;

        using var refused = await admin.PostFormAsync(Page, form);
        var html = new HtmlParser().ParseDocument(await refused.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        const string Message = "»Straf pr. tom seng« skal være et helt tal fra 0 til 100.000.";
        var summary = html.QuerySelectorAll(".alert-error li").Select(li => (li.TextContent.Trim(), li.QuerySelector("a")?.GetAttribute("href"))).ToList();
        Assert.Equal([(Message, "#Values_WastedBed_")], summary);
        Assert.Equal("Fejl: " + Message, html.QuerySelector("#Values_WastedBed_-error")!.TextContent.Trim());
        Assert.Equal(typed, html.QuerySelector("#Values_WastedBed_")!.GetAttribute("value"));
        Assert.Equal(before, await factory.QueryAsync(db => db.PlacementWeights.CountAsync()));
    }
}

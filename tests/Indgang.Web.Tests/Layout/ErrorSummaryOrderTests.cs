using System.Net;
using AngleSharp.Html.Parser;
using Indgang.Tests.Hosting;
using Indgang.Web.Tests.Infrastructure;

namespace Indgang.Web.Tests.Layout;

/// <summary>
/// The error summary lists the errors in the order the form shows the fields (DKFDS), not in the model state's own order:
/// a user who reads it from the top meets the mistakes as they go down the form.
/// </summary>
public sealed class ErrorSummaryOrderTests(IndgangAppFactory factory) : IClassFixture<IndgangAppFactory>
{
    private static readonly HtmlParser Parser = new();

    [Fact]
    public async Task UnitForm_EveryFieldWrong_SummaryInTheFormsOrder()
    {
        using var housing = await Browser.SignedInAsync(factory, "bolig");
        using var response = await housing.PostFormAsync("/Housing/Units/Edit", new Dictionary<string, string>
        {
            ["Input.SiteId"] = "",
            ["Input.Label"] = "",
            ["Input.Rooms"] = "0",
            ["Input.Beds"] = "tre",
            ["Input.MonthlyRent"] = "-5",
            ["Input.TransportMetres"] = "-1",
            ["Input.SchoolMetres"] = "-1",
            ["Input.DaycareMetres"] = "-1",
            ["Input.ShopsMetres"] = "-1",
            ["Input.AvailableFrom"] = "",
        });

        var links = await SummaryInFormOrderAsync(response, atLeast: 9);
        Assert.Equal(["Input_SiteId", "Input_Label", "Input_Rooms", "Input_Beds", "Input_MonthlyRent"], links.Take(5));
    }

    [Fact]
    public async Task ArrivalForm_MistakesInSeveralMembers_SummaryMemberByMemberInTheFormsOrder()
    {
        using var coordinator = await Browser.SignedInAsync(factory, "koordinator");
        var form = Arrivals.Family("Rækkefølge");
        form["Input.Members[2].FirstName"] = "";
        form["Input.Members[0].BirthDate"] = "";
        form["Input.Members[1].LastName"] = "";
        form["Input.ExpectedArrival"] = "";

        using var response = await coordinator.PostFormAsync("/Reception/Register", form);

        var links = await SummaryInFormOrderAsync(response, atLeast: 4);
        Assert.Equal(["Input_ExpectedArrival", "Input_Members_0__BirthDate", "Input_Members_1__LastName", "Input_Members_2__FirstName"], links);
    }

    /// <summary>The summary's links, asserted to follow the document order of the fields they lead to.</summary>
    private static async Task<List<string>> SummaryInFormOrderAsync(HttpResponseMessage response, int atLeast)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = Parser.ParseDocument(await response.Content.ReadAsStringAsync());
        var links = page.QuerySelectorAll(".alert-error a").Select(a => a.GetAttribute("href")!.TrimStart('#')).ToList();
        Assert.True(links.Count >= atLeast, $"Only {links.Count} errors in the summary: {string.Join(", ", links)}");
        var fields = page.QuerySelectorAll("form [id]").Select(e => e.Id!).ToList();
        var positions = links.Select(id => fields.IndexOf(id)).ToList();
        Assert.DoesNotContain(-1, positions);
        Assert.Equal(positions.Order(), positions);
        return links;
    }
}

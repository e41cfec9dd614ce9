using System.Net;
using System.Text.Json;
using Indgang.Tests.Hosting;
using Indgang.Web.Features.Api;
using Indgang.Web.Tests.Housing;
using HousingApi = Indgang.Web.Tests.Housing.HousingApi;
using Indgang.Web.Tests.Infrastructure;

namespace Indgang.Web.Tests.Api;

/// <summary>
/// GET /api/v1/housing/units a page at a time: the demo stock of nine units in the stock list's order, the filter kept in
/// every page's link, and a paging value that cannot be read refused beside the filter's own refusals. These tests only read.
/// </summary>
public sealed class HousingUnitsApiPagingTests(IndgangAppFactory factory) : IClassFixture<IndgangAppFactory>
{
    [Fact]
    public async Task Units_InPagesOf4_AreTheWholeStockInOrder_4_4_1()
    {
        using var housing = await Browser.SignedInAsync(factory, "bolig");
        var whole = await housing.UnitsAsync();

        var pages = await housing.WalkAsync<HousingUnitDto>(HousingApi.UnitsUrl(("pageSize", "4")));

        Assert.Equal(9, whole.Count);
        Assert.Equal([4, 4, 1], pages.Select(p => p.Rows.Count));
        Assert.All(pages, p => Assert.Equal(9, p.TotalCount));
        Assert.Equal(whole, pages.SelectMany(p => p.Rows));
        Assert.Equal("/api/v1/housing/units?page=2&pageSize=4", pages[0].Links["next"]);
        Assert.Equal("/api/v1/housing/units?page=3&pageSize=4", pages[0].Links["last"]);
        Assert.Equal("/api/v1/housing/units?page=2&pageSize=4", pages[2].Links["prev"]);
    }

    [Fact]
    public async Task Units_PageLinks_KeepTheFilter()
    {
        using var housing = await Browser.SignedInAsync(factory, "bolig");
        var temporary = await housing.UnitsAsync(("type", "Temporary"));

        var pages = await housing.WalkAsync<HousingUnitDto>(HousingApi.UnitsUrl(("type", "Temporary"), ("search", " a"), ("pageSize", "2"), ("page", "1")));

        var found = await housing.UnitsAsync(("type", "Temporary"), ("search", " a"));
        Assert.InRange(found.Count, 3, temporary.Count);
        Assert.Equal(found, pages.SelectMany(p => p.Rows));
        Assert.Equal("/api/v1/housing/units?type=Temporary&search=%20a&page=2&pageSize=2", pages[0].Links["next"]);
    }

    [Fact]
    public async Task Units_APagingAndAFilterValueThatCannotBeRead_AreRefusedTogether()
    {
        using var housing = await Browser.SignedInAsync(factory, "bolig");

        using var response = await housing.GetAsync(HousingApi.UnitsUrl(("minFreeBeds", "tre"), ("page", "første")));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var errors = body.RootElement.GetProperty("errors");
        Assert.Equal(["minFreeBeds", "page"], errors.EnumerateObject().Select(e => e.Name).Order(StringComparer.Ordinal));
        Assert.Equal("Angiv siden som et helt tal fra 1.", errors.GetProperty("page")[0].GetString());
        Assert.Equal("Ugyldigt filter", body.RootElement.GetProperty("title").GetString());
    }

    [Theory]
    [InlineData("page", "0")]
    [InlineData("pageSize", "501")]
    public async Task Units_PagingValueThatCannotBeRead_Returns400UnderItsName(string parameter, string value)
    {
        using var housing = await Browser.SignedInAsync(factory, "bolig");

        using var response = await housing.GetAsync(HousingApi.UnitsUrl((parameter, value)));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal([parameter], body.RootElement.GetProperty("errors").EnumerateObject().Select(e => e.Name));
        Assert.Equal("Ugyldig side", body.RootElement.GetProperty("title").GetString());
    }

    [Theory]
    [InlineData("/api/v1/households/mine", "koordinator")]
    [InlineData("/api/v1/housing/units", "bolig")]
    [InlineData("/api/v1/housing/pipeline", "bolig")]
    public async Task OpenApi_DescribesThePagingParameters_AndHeaders(string path, string user)
    {
        using var signedIn = await Browser.SignedInAsync(factory, user);
        using var document = JsonDocument.Parse(await signedIn.GetPageAsync("/openapi/v1.json"));
        var get = document.RootElement.GetProperty("paths").GetProperty(path).GetProperty("get");

        var parameters = get.GetProperty("parameters").EnumerateArray().ToDictionary(p => p.GetProperty("name").GetString()!, StringComparer.Ordinal);
        var page = parameters["page"];
        var size = parameters["pageSize"];
        Assert.Equal(("query", "integer", 1, 1), (page.GetProperty("in").GetString(), page.GetProperty("schema").GetProperty("type").GetString(),
            page.GetProperty("schema").GetProperty("minimum").GetInt32(), page.GetProperty("schema").GetProperty("default").GetInt32()));
        Assert.Equal(("query", "integer", 1, 500, 100), (size.GetProperty("in").GetString(), size.GetProperty("schema").GetProperty("type").GetString(),
            size.GetProperty("schema").GetProperty("minimum").GetInt32(), size.GetProperty("schema").GetProperty("maximum").GetInt32(),
            size.GetProperty("schema").GetProperty("default").GetInt32()));
        Assert.Contains("past the last", page.GetProperty("description").GetString(), StringComparison.Ordinal);
        var ok = get.GetProperty("responses").GetProperty("200");
        Assert.Equal("array", ok.GetProperty("content").GetProperty("application/json").GetProperty("schema").GetProperty("type").GetString());
        Assert.Equal(["Link", "X-Total-Count"], ok.GetProperty("headers").EnumerateObject().Select(h => h.Name).Order(StringComparer.Ordinal));
        Assert.True(get.GetProperty("responses").TryGetProperty("400", out _));
    }
}

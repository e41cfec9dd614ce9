using System.Net;
using System.Text.Json;
using Indgang.Domain.People;
using Indgang.Tests.Hosting;
using Indgang.Web.Features.Api;
using Indgang.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Indgang.Web.Tests.Api;

/// <summary>
/// GET /api/v1/households/mine a page at a time (ApiPage): the coordinator's households by name, then id, counted and cut
/// in the database; X-Total-Count and Link tell the rest; a paging value that cannot be read is refused under its name.
/// </summary>
public sealed class MyHouseholdsApiPagingTests(IndgangAppFactory factory) : IClassFixture<IndgangAppFactory>
{
    private const string Mine = "/api/v1/households/mine";

    /// <summary>A household's name is its family's: the households of the page sent are recorded as read, no others.</summary>
    [Fact]
    public async Task Mine_ThePageSent_IsRecordedAsRead_NoOtherHousehold()
    {
        var (coordinator, browser) = await factory.SignedInCoordinatorAsync("koordapilaes");
        var households = (await factory.AddHouseholdsAsync(coordinator, ["Apilæs A", "Apilæs B", "Apilæs C"])).ConvertAll(h => h.Id);
        var before = await ReadsAsync(households);

        using var response = await browser.GetAsync($"{Mine}?pageSize=2");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal([before[0] + 1, before[1] + 1, before[2]], await ReadsAsync(households));
        browser.Dispose();
    }

    private async Task<List<int>> ReadsAsync(List<Guid> households)
    {
        var reads = new List<int>();
        foreach (var household in households)
        {
            reads.Add(await factory.HouseholdReadsAsync(household));
        }

        return reads;
    }

    [Fact]
    public async Task Mine_MoreThanAPage_ComesInPagesOfTheSize_InOrder_EachHouseholdOnce()
    {
        // Three of one name: only the id tells them apart, and no page may repeat or skip one of them.
        foreach (var (name, member) in new[] { ("Familien Sidetal", "Ene"), ("Familien Sidetal", "Anden"), ("Familien Sidetal", "Tredje"), ("Aabensen", "Fjerde"), ("Øbro", "Femte") })
        {
            await factory.RegisterNamedAsync(name, member);
        }

        var expected = await MyHouseholdsInTheDatabaseAsync();
        using var coordinator = await Browser.SignedInAsync(factory, "koordinator");

        var pages = await coordinator.WalkAsync<HouseholdSummaryDto>($"{Mine}?pageSize=4");

        var last = (expected.Count + 3) / 4;
        Assert.True(last >= 3, $"Only {expected.Count} households: too few for three pages.");
        Assert.Equal(last, pages.Count);
        Assert.All(pages, p => Assert.Equal(expected.Count, p.TotalCount));
        Assert.All(pages[..^1], p => Assert.Equal(4, p.Rows.Count));
        Assert.Equal(expected.Count - (4 * (last - 1)), pages[^1].Rows.Count);
        Assert.Equal(expected.Select(h => h.Id), pages.SelectMany(p => p.Rows).Select(h => h.Id));
        Assert.Equal(expected, pages.SelectMany(p => p.Rows));

        Assert.Equal(new Dictionary<string, string>
        {
            ["first"] = $"{Mine}?page=1&pageSize=4",
            ["next"] = $"{Mine}?page=2&pageSize=4",
            ["last"] = $"{Mine}?page={last}&pageSize=4",
        }, pages[0].Links);
        Assert.Equal(new Dictionary<string, string>
        {
            ["first"] = $"{Mine}?page=1&pageSize=4",
            ["prev"] = $"{Mine}?page={last - 1}&pageSize=4",
            ["last"] = $"{Mine}?page={last}&pageSize=4",
        }, pages[^1].Links);
    }

    [Fact]
    public async Task Mine_WithoutPagingValues_IsEverythingUpTo100_ThenThePagesOf100()
    {
        using var coordinator = await Browser.SignedInAsync(factory, "koordinator");
        var few = await MyHouseholdsInTheDatabaseAsync();
        Assert.InRange(few.Count, 1, ApiPage.DefaultSize - 1);

        var small = await coordinator.GetPagedAsync<HouseholdSummaryDto>(Mine);

        Assert.Equal(few, small.Rows);
        Assert.Equal(few.Count, small.TotalCount);
        Assert.Equal(["first", "last"], small.Links.Keys.Order(StringComparer.Ordinal));
        Assert.Equal($"{Mine}?page=1&pageSize=100", small.Links["last"]);

        var coordinatorId = await factory.QueryAsync(db => db.Users.Where(u => u.UserName == "koordinator").Select(u => u.Id).SingleAsync());
        await factory.QueryAsync(db =>
        {
            db.Households.AddRange(Enumerable.Range(1, 105 - few.Count).Select(i => new Household($"Hundredsen {i:D3}", coordinatorId)));
            return db.SaveChangesAsync();
        });
        var many = await MyHouseholdsInTheDatabaseAsync();

        var first = await coordinator.GetPagedAsync<HouseholdSummaryDto>(Mine);
        var second = await coordinator.GetPagedAsync<HouseholdSummaryDto>(first.Links["next"]);

        Assert.Equal(105, first.TotalCount);
        Assert.Equal(many.Take(100), first.Rows);
        Assert.Equal($"{Mine}?page=2&pageSize=100", first.Links["next"]);
        Assert.Equal(many.Skip(100), second.Rows);
        Assert.False(second.Links.ContainsKey("next"));
    }

    [Fact]
    public async Task Mine_PagePastTheLast_IsAnEmptyList_WithLinksBackToTheLast()
    {
        using var coordinator = await Browser.SignedInAsync(factory, "koordinator");
        var total = (await MyHouseholdsInTheDatabaseAsync()).Count;
        var last = (total + 1) / 2;

        var past = await coordinator.GetPagedAsync<HouseholdSummaryDto>($"{Mine}?page={last + 5}&pageSize=2");

        Assert.Empty(past.Rows);
        Assert.Equal(total, past.TotalCount);
        Assert.Equal(new Dictionary<string, string>
        {
            ["first"] = $"{Mine}?page=1&pageSize=2",
            ["prev"] = $"{Mine}?page={last}&pageSize=2",
            ["last"] = $"{Mine}?page={last}&pageSize=2",
        }, past.Links);
    }

    [Theory]
    [InlineData("page", "0", "Angiv siden som et helt tal fra 1.")]
    [InlineData("page", "-1", "Angiv siden som et helt tal fra 1.")]
    [InlineData("page", "to", "Angiv siden som et helt tal fra 1.")]
    [InlineData("page", "1.5", "Angiv siden som et helt tal fra 1.")]
    [InlineData("page", "99999999999", "Angiv siden som et helt tal fra 1.")]
    [InlineData("pageSize", "0", "Angiv antal pr. side som et helt tal fra 1 til 500.")]
    [InlineData("pageSize", "-10", "Angiv antal pr. side som et helt tal fra 1 til 500.")]
    [InlineData("pageSize", "501", "Angiv antal pr. side som et helt tal fra 1 til 500.")]
    [InlineData("pageSize", "alle", "Angiv antal pr. side som et helt tal fra 1 til 500.")]
    public async Task Mine_PagingValueThatCannotBeRead_Returns400ProblemDetailsUnderItsName(string parameter, string value, string message)
    {
        using var coordinator = await Browser.SignedInAsync(factory, "koordinator");

        using var response = await coordinator.GetAsync($"{Mine}?{parameter}={Uri.EscapeDataString(value)}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(400, body.RootElement.GetProperty("status").GetInt32());
        Assert.Equal("Ugyldig side", body.RootElement.GetProperty("title").GetString());
        var errors = body.RootElement.GetProperty("errors");
        Assert.Equal([parameter], errors.EnumerateObject().Select(e => e.Name));
        Assert.Equal([message], errors.GetProperty(parameter).EnumerateArray().Select(e => e.GetString()));
        Assert.False(response.Headers.Contains("X-Total-Count"));
    }

    [Fact]
    public async Task Mine_BothPagingValuesWrong_AreRefusedTogether()
    {
        using var coordinator = await Browser.SignedInAsync(factory, "koordinator");

        using var response = await coordinator.GetAsync($"{Mine}?page=0&pageSize=1000");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(["page", "pageSize"], body.RootElement.GetProperty("errors").EnumerateObject().Select(e => e.Name).Order(StringComparer.Ordinal));
    }

    private Task<List<HouseholdSummaryDto>> MyHouseholdsInTheDatabaseAsync() =>
        factory.QueryAsync(async db =>
        {
            var coordinator = await db.Users.Where(u => u.UserName == "koordinator").Select(u => u.Id).SingleAsync();
            return await db.Households.Where(h => h.CoordinatorUserId == coordinator).OrderBy(h => h.Name).ThenBy(h => h.Id)
                .Select(h => new HouseholdSummaryDto(h.Id, h.Name, h.Members.Count)).ToListAsync();
        });
}

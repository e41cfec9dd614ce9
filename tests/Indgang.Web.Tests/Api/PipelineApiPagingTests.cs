using System.Net;
using System.Text.Json;
using Indgang.Domain.Audit;
using Indgang.Domain.Housing;
using Indgang.Tests.Hosting;
using Indgang.Web.Data;
using Indgang.Web.Features.Api;
using Indgang.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Indgang.Web.Tests.Infrastructure.Arrivals;

namespace Indgang.Web.Tests.Api;

/// <summary>
/// GET /api/v1/housing/pipeline a page at a time: the households underway by name, then those moved on by name (each
/// name's by id), told apart and cut to the page in the database; only the page's households are read and audited.
/// </summary>
public sealed class PipelineApiPagingTests(IndgangAppFactory factory) : IClassFixture<IndgangAppFactory>
{
    private const string Pipeline = "/api/v1/housing/pipeline";
    private const string Purpose = "API: vejen til permanent bolig";

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Pipeline_InPagesOf2_IsThePagesListInItsOrder_EachHouseholdOnce(bool all)
    {
        // Underway households of one name (the id orders them), beside the demo's underway and moved-on households.
        foreach (var member in all ? ["Fjerde", "Femte", "Sjette"] : new[] { "Ene", "Anden", "Tredje" })
        {
            await factory.RegisterNamedAsync($"Familien Rækkefølge {all}", member);
        }

        using var housing = await Browser.SignedInAsync(factory, "bolig");
        var query = all ? "?all=true&" : "?";
        var page = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await housing.GetPageAsync(all ? "/Housing/Pipeline?alle=true" : "/Housing/Pipeline"));
        var underway = page.QuerySelectorAll("table[aria-labelledby='pipeline-underway'] tr[data-household]").Select(r => r.GetAttribute("data-household")).ToList();
        var moved = page.QuerySelectorAll("table[aria-labelledby='pipeline-moved'] tr[data-household]").Select(r => r.GetAttribute("data-household")).ToList();
        var whole = await housing.GetPagedAsync<PipelineHouseholdDto>(Pipeline + (all ? "?all=true" : ""));

        var pages = await housing.WalkAsync<PipelineHouseholdDto>($"{Pipeline}{query}pageSize=2");

        Assert.NotEmpty(moved);
        Assert.Equal(underway.Count + moved.Count, whole.TotalCount);
        Assert.Equal([.. underway, .. moved], whole.Rows.Select(h => h.Name));
        var rows = pages.SelectMany(p => p.Rows).ToList();
        Assert.Equal(whole.Rows.Select(h => h.HouseholdId), rows.Select(h => h.HouseholdId));
        Assert.Equal(rows.Count, rows.Select(h => h.HouseholdId).Distinct().Count());
        Assert.Equal((whole.TotalCount + 1) / 2, pages.Count);
        Assert.All(pages, p => Assert.Equal(whole.TotalCount, p.TotalCount));
        Assert.All(pages[..^1], p => Assert.Equal(2, p.Rows.Count));
        Assert.Equal(2 - (whole.TotalCount % 2), pages[^1].Rows.Count);
        Assert.Equal(Enumerable.Range(0, underway.Count).Select(_ => true).Concat(moved.Select(_ => false)), rows.Select(h => h.Underway));
        // The filter stays in every link: the pages of all=true are pages of all=true.
        Assert.All(pages.SelectMany(p => p.Links.Values), link => Assert.Equal(all, link.Contains("all=true", StringComparison.Ordinal)));
        // A page's households come with their housing, as on the whole list.
        var sharifi = Assert.Single(rows, h => h.Name == "Familien Sharifi");
        Assert.Equal(Assert.Single(whole.Rows, h => h.Name == "Familien Sharifi").Offers, sharifi.Offers);
    }

    /// <summary>
    /// The database sorts the households out as the page does in memory: gone for good is not shown, moved in again after
    /// is underway, an accepted move still ahead is underway, a move through an offer more than a year ago only with all.
    /// </summary>
    [Fact]
    public async Task Pipeline_InPages_SortsOutTheHouseholdsAsThePageDoes()
    {
        var earlier = await factory.RegisterNamedAsync("Familien Førflyt", "Omid");
        var recent = await factory.RegisterNamedAsync("Familien Nyflyt", "Dina");
        var gone = await factory.RegisterNamedAsync("Familien Egenbolig", "Amal");
        var back = await factory.RegisterNamedAsync("Familien Tilbage", "Rami");
        var movingSoon = await factory.RegisterNamedAsync("Familien Flyttersnart", "Sara");
        var units = new List<Guid>();
        foreach (var label in new[] { "Sidetal 1", "Sidetal 2", "Sidetal 3", "Sidetal 4", "Sidetal 5" })
        {
            units.Add(await factory.UnitOfItsOwnAsync(label));
        }

        await factory.QueryAsync(db =>
        {
            Stay(db, units[0], earlier, -700, (-400, MoveOutDestination.OwnHome));
            db.HousingOffers.Add(new HousingOffer(earlier, "Kirkevej 9, 3450 Allerød", Today.AddDays(-430))).Entity.Accept(Today.AddDays(-400));
            db.HousingOffers.Add(new HousingOffer(recent, "Kirkevej 11, 3450 Allerød", Today.AddDays(-40))).Entity.Accept(Today.AddDays(-10));
            Stay(db, units[1], gone, -60, (-1, MoveOutDestination.OwnHome));
            Stay(db, units[2], back, -300, (-200, MoveOutDestination.LeftMunicipality));
            Stay(db, units[3], back, -100, null);
            Stay(db, units[4], movingSoon, -50, null);
            db.HousingOffers.Add(new HousingOffer(movingSoon, "Kirkevej 13, 3450 Allerød", Today.AddDays(-5))).Entity.Accept(Today.AddDays(10));
            return db.SaveChangesAsync();
        });
        var names = await factory.QueryAsync(db => db.Households.Where(h => new[] { earlier, recent, gone, back, movingSoon }.Contains(h.Id)).ToDictionaryAsync(h => h.Id, h => h.Name));
        using var housing = await Browser.SignedInAsync(factory, "bolig");

        foreach (var all in new[] { false, true })
        {
            var page = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await housing.GetPageAsync(all ? "/Housing/Pipeline?alle=true" : "/Housing/Pipeline"));
            var underway = page.QuerySelectorAll("table[aria-labelledby='pipeline-underway'] tr[data-household]").Select(r => r.GetAttribute("data-household")).ToList();
            var moved = page.QuerySelectorAll("table[aria-labelledby='pipeline-moved'] tr[data-household]").Select(r => r.GetAttribute("data-household")).ToList();

            var pages = await housing.WalkAsync<PipelineHouseholdDto>($"{Pipeline}?pageSize=3{(all ? "&all=true" : "")}");

            var rows = pages.SelectMany(p => p.Rows).ToList();
            Assert.Equal([.. underway, .. moved], rows.Select(h => h.Name));
            Assert.Equal(underway, rows.Where(h => h.Underway).Select(h => h.Name));
            Assert.Contains(names[back], underway);
            Assert.Contains(names[movingSoon], underway);
            Assert.Contains(names[recent], moved);
            Assert.Equal(all, moved.Contains(names[earlier]));
            Assert.DoesNotContain(names[gone], rows.Select(h => h.Name));
        }

        static void Stay(IndgangDbContext db, Guid unit, Guid household, int movedInDaysAgo, (int DaysAgo, MoveOutDestination To)? movedOut)
        {
            var stay = db.Occupancies.Add(new Occupancy(unit, household, 1, Today.AddDays(movedInDaysAgo), isTemporary: true)).Entity;
            if (movedOut is { } outOn)
            {
                stay.MoveOut(Today.AddDays(outOn.DaysAgo), outOn.To);
            }
        }
    }

    [Fact]
    public async Task Pipeline_APage_AuditsTheHouseholdsOnItOnly()
    {
        using var housing = await Browser.SignedInAsync(factory, "bolig");
        var whole = await housing.GetPagedAsync<PipelineHouseholdDto>(Pipeline);
        var withHousing = whole.Rows.Where(h => h.TemporaryUnitId is not null || h.Registrations.Count > 0 || h.Offers.Count > 0).ToList();
        var at = withHousing.Count >= 2 ? whole.Rows.IndexOf(withHousing[1]) : -1;
        Assert.True(at >= 0, "The demo pipeline has fewer than two households with housing to read.");
        var before = await AuditedAsync();

        var one = await housing.GetPagedAsync<PipelineHouseholdDto>($"{Pipeline}?page={at + 1}&pageSize=1");

        var read = Assert.Single(one.Rows);
        Assert.Equal(withHousing[1].HouseholdId, read.HouseholdId);
        Assert.Equal([$"Husstand {read.HouseholdId:D}"], (await AuditedAsync()).Skip(before.Count));
    }

    [Fact]
    public async Task Pipeline_PagingValueThatCannotBeRead_Returns400UnderItsName_AndAuditsNothing()
    {
        var (title, errors) = await RefusedAsync("?all=true&pageSize=501", ["pageSize"]);

        Assert.Equal("Angiv antal pr. side som et helt tal fra 1 til 500.", errors["pageSize"]);
        Assert.Equal("Ugyldig side", title);
    }

    [Theory]
    [InlineData("?all=abc", new[] { "all" })]
    [InlineData("?all=ja&page=0", new[] { "all", "page" })]
    public async Task Pipeline_AllThatIsNotTrueOrFalse_Returns400UnderItsName_AndAuditsNothing(string query, string[] fields)
    {
        var (title, errors) = await RefusedAsync(query, fields);

        Assert.StartsWith("Værdien '", errors["all"], StringComparison.Ordinal);
        // What is asked for is wrong, not (only) the page: the search's title, as a search that holds a CPR number.
        Assert.Equal("Ugyldig søgning", title);
    }

    [Fact]
    public async Task Pipeline_Search_FindsTheHouseholdsByAMembersName_AsThePageDoes()
    {
        var found = await factory.RegisterSingleAsync("Apisøgefund", Indgang.Domain.People.Gender.Female, "Rahel");
        await factory.RegisterSingleAsync("Apisøgeandre");
        using var housing = await Browser.SignedInAsync(factory, "bolig");

        var searched = await housing.GetPagedAsync<PipelineHouseholdDto>($"{Pipeline}?search=rahel%20APIS%C3%98GEFUND");

        Assert.Equal([found], searched.Rows.Select(h => h.HouseholdId));
        Assert.Equal(2, (await housing.GetPagedAsync<PipelineHouseholdDto>($"{Pipeline}?search=apis%C3%B8ge")).Rows.Count);
    }

    [Theory]
    [InlineData("?search=010190-1234", new[] { "search" })]
    [InlineData("?search=0101901234&page=0", new[] { "page", "search" })]
    public async Task Pipeline_SearchForACprNumber_Returns400UnderItsName_AndAuditsNothing(string query, string[] fields)
    {
        var (title, errors) = await RefusedAsync(query, fields);

        Assert.Equal("Søg på navn, ikke på CPR-nummer.", errors["search"]);
        Assert.Equal("Ugyldig søgning", title);
    }

    /// <summary>
    /// The pipeline asked for with <paramref name="query"/>: a 400 with problem details whose errors are under exactly
    /// <paramref name="fields"/>, and no household read. Its title and each field's first message.
    /// </summary>
    private async Task<(string? Title, Dictionary<string, string?> Errors)> RefusedAsync(string query, string[] fields)
    {
        using var housing = await Browser.SignedInAsync(factory, "bolig");
        var before = (await AuditedAsync()).Count;

        using var response = await housing.GetAsync(Pipeline + query);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var errors = body.RootElement.GetProperty("errors").EnumerateObject().ToDictionary(e => e.Name, e => e.Value[0].GetString(), StringComparer.Ordinal);
        Assert.Equal(fields, errors.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(before, (await AuditedAsync()).Count);
        return (body.RootElement.GetProperty("title").GetString(), errors);
    }

    private Task<List<string?>> AuditedAsync() =>
        factory.QueryAsync(db => db.AuditEntries.Where(e => e.Purpose == Purpose && e.Action == AuditAction.HouseholdRead)
            .OrderBy(e => e.Sequence).Select(e => e.Details).ToListAsync());
}

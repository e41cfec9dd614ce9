using System.Globalization;
using System.Net;
using System.Text.Json;
using AngleSharp.Html.Parser;
using Indgang.Domain.Audit;
using Indgang.Tests.Hosting;
using Indgang.Web.Audit;
using Indgang.Web.Features.Admin.Audit;
using Indgang.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Indgang.Web.Tests.Audit;

/// <summary>
/// The audit page shows a citizen's log <see cref="IndexModel.PageSize"/> entries at a time, oldest first (a citizen who
/// has been a case for a year has thousands): the heading keeps the whole count, a page that does not exist shows the
/// nearest, the pages keep the citizen. The export stays the whole log.
/// </summary>
public sealed class AuditPagingTests(IndgangAppFactory factory) : IClassFixture<IndgangAppFactory>
{
    private static readonly HtmlParser Parser = new();
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    [Fact]
    public async Task ALongLog_PagedOldestFirst_WithTheWholeCountInTheHeading_AndPagesThatKeepTheCitizen()
    {
        var mother = await MotherWithLongLogAsync("Siderevision");
        using var admin = await Browser.SignedInAsync(factory, "admin");

        var all = await LogAsync(mother);
        Assert.True(all.Count > 2 * IndexModel.PageSize, $"{all.Count} entries");
        var first = Parser.ParseDocument(await admin.GetPageAsync($"/Admin/Audit?PersonId={mother}"));

        Assert.Equal($"Hændelser ({all.Count})", first.QuerySelectorAll("h2").Select(h => h.TextContent.Trim()).FirstOrDefault(h => h.StartsWith("Hændelser", StringComparison.Ordinal)));
        Assert.Equal(Shown(all.Take(IndexModel.PageSize)), Shown(first));
        var links = first.QuerySelectorAll("nav.pagination a").Select(a => a.GetAttribute("href")!).ToList();
        Assert.NotEmpty(links);
        Assert.All(links, href => Assert.Contains($"PersonId={mother:D}", href, StringComparison.Ordinal));
        Assert.Equal($"/Admin/Audit?PersonId={mother:D}&Side=2", first.QuerySelector("nav.pagination a[rel=next]")?.GetAttribute("href"));

        // Viewing the page logged one search: the log has one entry more, on its last page.
        all = await LogAsync(mother);
        var lastPage = (all.Count + IndexModel.PageSize - 1) / IndexModel.PageSize;
        var last = Parser.ParseDocument(await admin.GetPageAsync($"/Admin/Audit?PersonId={mother}&Side={lastPage}"));

        Assert.Equal($"Hændelser ({all.Count})", last.QuerySelectorAll("h2").Select(h => h.TextContent.Trim()).FirstOrDefault(h => h.StartsWith("Hændelser", StringComparison.Ordinal)));
        Assert.Equal(Shown(all.Skip((lastPage - 1) * IndexModel.PageSize)), Shown(last));
        Assert.Equal(((int)AuditAction.AuditLogSearched).ToString(CultureInfo.InvariantCulture), Shown(last)[^1].Code);
        Assert.Null(last.QuerySelector("nav.pagination a[rel=next]"));
        Assert.Equal(lastPage.ToString(CultureInfo.InvariantCulture), last.QuerySelector("nav.pagination a[aria-current=page]")?.TextContent.Trim());
    }

    [Fact]
    public async Task APageThatDoesNotExist_ShowsTheLast()
    {
        var mother = await MotherWithLongLogAsync("Sidefejlrevision");
        using var admin = await Browser.SignedInAsync(factory, "admin");

        var all = await LogAsync(mother);
        var lastPage = (all.Count + IndexModel.PageSize - 1) / IndexModel.PageSize;
        var html = await admin.GetPageAsync($"/Admin/Audit?PersonId={mother}&Side=999");
        var page = Parser.ParseDocument(html);

        Assert.Equal($"Hændelser ({all.Count})", page.QuerySelectorAll("h2").Select(h => h.TextContent.Trim()).FirstOrDefault(h => h.StartsWith("Hændelser", StringComparison.Ordinal)));
        Assert.Equal(Shown(all.Skip((lastPage - 1) * IndexModel.PageSize)), Shown(page));
        Assert.Equal(lastPage.ToString(CultureInfo.InvariantCulture), page.QuerySelector("nav.pagination a[aria-current=page]")?.TextContent.Trim());
        var first = (lastPage - 1) * IndexModel.PageSize + 1;
        Assert.Contains($"Viser {first}–{all.Count} af {all.Count} hændelser.", WebUtility.HtmlDecode(html), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AShortLog_OnePage_WithoutPagination()
    {
        var household = await factory.RegisterFamilyAsync("Kortrevision");
        var mother = await factory.QueryAsync(db => db.Persons.Where(p => p.HouseholdId == household && p.FirstName == "Mor").Select(p => p.Id).SingleAsync());
        using var admin = await Browser.SignedInAsync(factory, "admin");

        var all = await LogAsync(mother);
        var page = Parser.ParseDocument(await admin.GetPageAsync($"/Admin/Audit?PersonId={mother}"));

        Assert.Equal(Shown(all), Shown(page));
        Assert.Null(page.QuerySelector("nav.pagination"));
    }

    [Fact]
    public async Task TheExport_HoldsEveryEntry_NotAPage()
    {
        var mother = await MotherWithLongLogAsync("Eksportrevision");
        using var admin = await Browser.SignedInAsync(factory, "admin");
        await admin.GetPageAsync($"/Admin/Audit?PersonId={mother}");

        var all = await LogAsync(mother);
        var json = JsonSerializer.Deserialize<List<AuditRow>>(await admin.GetPageAsync($"/Admin/Audit?handler=Export&personId={mother}&format=json"), Web)!;
        var csv = await admin.GetPageAsync($"/Admin/Audit?handler=Export&personId={mother}&format=csv");

        Assert.True(all.Count > IndexModel.PageSize);
        Assert.Equal(all.Select(r => r.Sequence), json.Select(r => r.Sequence));
        // A header, a line per entry (none has a line break in it), and the JSON export's own entry since.
        Assert.Equal(1 + all.Count + 1, csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length);
    }

    /// <summary>
    /// The mother of a family just registered, with 240 entries more: her own reads and her household's, in turn, so
    /// that a page cut in the wrong place shows the wrong ones.
    /// </summary>
    private async Task<Guid> MotherWithLongLogAsync(string lastName)
    {
        var household = await factory.RegisterFamilyAsync(lastName);
        var mother = await factory.QueryAsync(db => db.Persons.Where(p => p.HouseholdId == household && p.FirstName == "Mor").Select(p => p.Id).SingleAsync());
        await using var scope = factory.Services.CreateAsyncScope();
        var audit = scope.ServiceProvider.GetRequiredService<AuditLog>();
        await audit.RecordAllAsync(Enumerable.Range(0, 240).Select(i => i % 3 == 0
            ? (AuditAction.HouseholdRead, (Guid?)null, AuditPurpose.HouseholdCase, (string?)AuditLog.Household(household))
            : (AuditAction.PersonRead, (Guid?)mother, AuditPurpose.PersonCase, (string?)null)));
        return mother;
    }

    /// <summary>The citizen's whole log as the search reads it, without logging a search.</summary>
    private async Task<List<AuditRow>> LogAsync(Guid person)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AuditSearch>().ForPersonAsync(person);
    }

    private static List<(string Code, bool ViaHousehold)> Shown(IEnumerable<AuditRow> rows) =>
        [.. rows.Select(r => (r.ActionCode.ToString(CultureInfo.InvariantCulture), r.ViaHousehold))];

    /// <summary>The table's rows as the page shows them: the action's code, and whether it is about the household.</summary>
    private static List<(string Code, bool ViaHousehold)> Shown(AngleSharp.Dom.IDocument page) =>
        [.. page.QuerySelectorAll("table tbody tr").Select(tr =>
        {
            var cells = tr.QuerySelectorAll("td");
            return (cells[2].TextContent.Trim().Split(' ')[0], cells[3].TextContent.Trim() == "Husstanden");
        })];
}

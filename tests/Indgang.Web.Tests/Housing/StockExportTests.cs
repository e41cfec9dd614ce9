using System.Net;
using AngleSharp.Html.Parser;
using Indgang.Domain.Housing;
using Indgang.Tests.Hosting;
using Indgang.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Indgang.Web.Tests.Housing;

/// <summary>
/// "Hent som CSV" on the stock page: the units the filter shows, in the file the unit import reads. Besides the demo
/// stock, this database has a site whose name has a semicolon and quotes, and a site whose name and units' labels look
/// like spreadsheet formulas.
/// </summary>
public sealed class StockExportTests(IndgangAppFactory factory) : IClassFixture<IndgangAppFactory>, IAsyncLifetime
{
    private const string QuotedSite = "Hjørnet; \"Det gule hus\"";
    private const string QuotedLabel = "Stue \"A\"; bagtil";
    private const string FormulaSite = "=1+1 Boliger";

    /// <summary>What a spreadsheet would run, and two labels that begin with an apostrophe of their own.</summary>
    private static readonly string[] FormulaLabels =
        ["=HYPERLINK(\"https://example.invalid\";\"Klik\")", "+45 Nord", "-1. sal", "@Kælderen", "'=Med apostrof", "'s Hus"];

    public async Task InitializeAsync()
    {
        if (await factory.QueryAsync(db => db.HousingSites.AnyAsync(s => s.Name == QuotedSite)))
        {
            return;
        }

        await factory.QueryAsync(async db =>
        {
            var lynge = await db.Towns.Where(t => t.Name == "Lynge").Select(t => t.Id).SingleAsync();
            var quoted = new HousingSite(QuotedSite, SiteKind.PrivateLease, lynge, "Hjørnevej 1, 3540 Lynge");
            var formula = new HousingSite(FormulaSite, SiteKind.Pavilion, lynge, "Formelvej 2, 3540 Lynge");
            db.HousingSites.AddRange(quoted, formula);
            // Øre in the rent, a shared room, and a date ahead: values of each kind the file must carry.
            db.HousingUnits.Add(new HousingUnit(quoted.Id, QuotedLabel, rooms: 1, beds: 2, monthlyRent: 2450.50m)
            {
                IsSharedRoom = true, StepFree = true, Lift = true, TransportMetres = 0, SchoolMetres = 100_000, DaycareMetres = 75,
                ShopsMetres = 120, AvailableFrom = Arrivals.Today.AddDays(45),
            });
            db.HousingUnits.AddRange(FormulaLabels.Select((label, i) => new HousingUnit(formula.Id, label, rooms: 2, beds: 3, monthlyRent: 3000 + i)
            {
                TransportMetres = 100 + i, SchoolMetres = 200, DaycareMetres = 300, ShopsMetres = 400, AvailableFrom = Arrivals.Today,
            }));
            return await db.SaveChangesAsync();
        });
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Export_WholeStock_ReadsBackThroughTheImportAsTheUnitsInTheDatabase()
    {
        using var housing = await Browser.SignedInAsync(factory, "bolig");
        using var response = await housing.GetAsync(StockExportFile.Url());
        var file = await response.Content.ReadAsByteArrayAsync();
        var text = StockExportFile.Text(file);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        Assert.Equal($"boliger-{Arrivals.Today:yyyy-MM-dd}.csv", response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, file[..3]);
        Assert.StartsWith("site;label;permanent;rooms;beds;shared_room;monthly_rent;step_free;ground_floor;lift;transport_m;school_m;daycare_m;shops_m;vulnerable_area;available_from;blocked_reason;town;status;free_beds\r\n", text, StringComparison.Ordinal);
        Assert.EndsWith("\r\n", text, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', text.Replace("\r\n", "", StringComparison.Ordinal));
        // Every column the import reads, every unit: the stock as the database has it.
        Assert.Equal(await factory.UnitsAsync(), StockExportFile.Ordered(await factory.ParseAsync(file)));
        Assert.Contains("Pavillonerne ved Lillerød Idrætscenter;Pavillon A;nej;3;5;nej;4100;ja;ja;nej;400;600;500;300;nej;", text, StringComparison.Ordinal);
        Assert.Contains(";2450,50;", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Export_InformationColumns_GiveTownStatusAndFreeBeds_AndNoResidentIsNamed()
    {
        using var housing = await Browser.SignedInAsync(factory, "bolig");
        var file = await housing.DownloadAsync(StockExportFile.Url());
        var rows = StockExportFile.RawRows(file).ToDictionary(r => r["label"], StringComparer.Ordinal);

        Assert.Equal(("Blovstrød", "Spærret"), (rows["Lejlighed 2"]["town"], rows["Lejlighed 2"]["status"]));
        // The block goes with the unit (its reason in the column the import reads); a unit not blocked has none.
        Assert.Equal("Vandskade – under udbedring", rows["Lejlighed 2"]["blocked_reason"]);
        Assert.Equal("", rows["Pavillon A"]["blocked_reason"]);
        Assert.Equal("Udsat område", rows["Nr. 9, st. tv."]["status"]);
        Assert.Equal("Ledig senere", rows["Pavillon C"]["status"]);
        Assert.Equal(("Beboet", "0"), (rows["Lejlighed 3"]["status"], rows["Lejlighed 3"]["free_beds"]));
        Assert.Equal("5", rows["Pavillon A"]["free_beds"]);
        // Units only: the residents of the demo stock (the Sharifis live in Lejlighed 3) are named nowhere.
        var text = StockExportFile.Text(file);
        var names = await factory.QueryAsync(db => db.Persons.Select(p => p.LastName).Distinct().ToListAsync());
        var households = await factory.QueryAsync(db => db.Households.Select(h => h.Name).ToListAsync());
        Assert.NotEmpty(names);
        Assert.All(names.Concat(households), name => Assert.DoesNotContain(name, text, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Export_Filtered_HoldsExactlyTheUnitsThePageShows_ThroughThePagesOwnLink()
    {
        var lynge = await factory.QueryAsync(db => db.Towns.Where(t => t.Name == "Lynge").Select(t => t.Id).SingleAsync());
        var all = (await factory.UnitsAsync()).Count;
        using var housing = await Browser.SignedInAsync(factory, "bolig");
        (string, string)[][] filters =
        [
            [("Town", lynge.ToString())],
            [("Type", "Permanent")],
            [("Status", "Blocked")],
            [("StepFree", "true"), ("MinFreeBeds", "4")],
            [("Search", "pavillon")],
            [("Search", "\"det gule")],
        ];

        foreach (var filter in filters)
        {
            var page = await housing.FilteredAsync(filter);
            var link = new HtmlParser().ParseDocument(page).QuerySelector("a.stock-csv")?.GetAttribute("href");
            Assert.NotNull(link);
            var exported = StockExportFile.RawRows(await housing.DownloadAsync(link)).Select(r => Web.Platform.CsvFormula.Restore(r["label"])).ToList();

            Assert.Equal(StockPage.Units(page), exported);
            Assert.InRange(exported.Count, 1, all - 1);
        }
    }

    [Theory]
    [InlineData("MinFreeBeds", "mange", "Angiv antal ledige senge som et helt tal fra 0 til 30.")]
    [InlineData("Type", "Villa", "Vælg en type fra listen.")]
    [InlineData("Town", "Allerød", "Vælg en by fra listen.")]
    [InlineData("StepFree", "måske", "Værdien 'måske' er ikke gyldig.")]
    public async Task Export_BadFilterValue_GivesThePageWithTheFieldErrorAndNoFile(string field, string value, string message)
    {
        using var housing = await Browser.SignedInAsync(factory, "bolig");
        using var response = await housing.GetAsync(StockExportFile.Url((field, value), ("Search", "pavillon")));
        var html = await response.Content.ReadAsStringAsync();

        // Not a file of other units than were asked for (the field in error left out), but the page with the error.
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Null(response.Content.Headers.ContentDisposition);
        Assert.Equal($"Fejl: {message}", StockPage.Text(html, $"#Filter_{field}-error"));
        Assert.Equal("pavillon", StockPage.Value(html, "#Filter_Search"));
        Assert.Equal(["Pavillon A", "Pavillon B", "Pavillon C"], StockPage.Units(html));
        Assert.Null(new HtmlParser().ParseDocument(html).QuerySelector("a.stock-csv"));
        Assert.Equal("Ret felterne med fejl for at hente boligerne som CSV.", StockPage.Text(html, "p.stock-csv-blocked"));
    }

    [Fact]
    public async Task Export_SiteNameWithSemicolonAndQuotes_IsQuotedAndReadsBack()
    {
        using var housing = await Browser.SignedInAsync(factory, "bolig");
        var file = await housing.DownloadAsync(StockExportFile.Url(("Search", "gule hus")));
        var text = StockExportFile.Text(file);

        Assert.Contains("\r\n\"Hjørnet; \"\"Det gule hus\"\"\";\"Stue \"\"A\"\"; bagtil\";nej;1;2;ja;2450,50;ja;nej;ja;0;100000;75;120;nej;", text, StringComparison.Ordinal);
        var unit = Assert.Single(await factory.ParseAsync(file));
        Assert.Equal((QuotedSite, QuotedLabel), (unit.Site, unit.Label));
    }

    [Fact]
    public async Task Export_FormulaLikeNamesAndLabels_AreWrittenAsTextAndReadBackUnchanged()
    {
        using var housing = await Browser.SignedInAsync(factory, "bolig");
        var file = await housing.DownloadAsync(StockExportFile.Url(("Search", "1+1 Boliger")));
        var raw = StockExportFile.RawRows(file);

        Assert.Equal(FormulaLabels.Length, raw.Count);
        Assert.All(raw, r => Assert.Equal("'" + FormulaSite, r["site"]));
        Assert.Equal(
            ["'=HYPERLINK(\"https://example.invalid\";\"Klik\")", "'+45 Nord", "'-1. sal", "'@Kælderen", "''=Med apostrof", "'s Hus"],
            FormulaLabels.Select(l => raw.Single(r => Web.Platform.CsvFormula.Restore(r["label"]) == l)["label"]));
        // No cell begins as a formula; numbers are written as they are.
        Assert.All(raw.SelectMany(r => r.Values), cell => Assert.False(cell.Length > 0 && "=+-@".Contains(cell[0], StringComparison.Ordinal), cell));
        Assert.Equal(
            FormulaLabels.Order(StringComparer.Ordinal),
            (await factory.ParseAsync(file)).Select(u => u.Label).Order(StringComparer.Ordinal));
        Assert.All(await factory.ParseAsync(file), u => Assert.Equal(FormulaSite, u.Site));
    }

    [Fact]
    public async Task Export_ImportedIntoTheSameStock_EveryRowIsAlreadyThereAndNothingIsSaved()
    {
        var before = await factory.UnitsAsync();
        using var housing = await Browser.SignedInAsync(factory, "bolig");
        var file = await housing.DownloadAsync(StockExportFile.Url());

        var html = await housing.UploadCsvAsync("/Housing/Units/Import", StockExportFile.AsUploaded(file), $"boliger-{Arrivals.Today:yyyy-MM-dd}.csv");

        // One error per row, and each says the unit is there: every row read cleanly, found its site and was a valid unit.
        var errors = new HtmlParser().ParseDocument(html).QuerySelectorAll("table.csv-errors tbody tr td:last-child").Select(td => td.TextContent).ToList();
        Assert.Equal(before.Select(u => $"Boligen »{u.Label}« findes allerede på stedet.").Order(StringComparer.Ordinal), errors.Order(StringComparer.Ordinal));
        Assert.Equal(before, await factory.UnitsAsync());
    }

    [Fact]
    public async Task Export_ImportedIntoAnotherInstallationWithTheSameSites_CreatesTheSameUnits()
    {
        using var housing = await Browser.SignedInAsync(factory, "bolig");
        var file = await housing.DownloadAsync(StockExportFile.Url());
        var exported = await factory.UnitsAsync();

        await using var other = new IndgangAppFactory();
        await other.GivenTheSameSitesWithoutTheUnitsAsync(factory);
        using var otherHousing = await Browser.SignedInAsync(other, "bolig");
        var html = await otherHousing.UploadCsvAsync("/Housing/Units/Import", StockExportFile.AsUploaded(file), "boliger.csv");

        Assert.Contains($"{exported.Count} boliger er oprettet.", html, StringComparison.Ordinal);
        Assert.Equal(exported, (await other.UnitsAsync()).Where(u => !u.Label.StartsWith(OtherInstallation.Renamed, StringComparison.Ordinal)).ToList());
    }

    [Theory]
    [InlineData("koordinator")]
    [InlineData("leder")]
    [InlineData("admin")]
    public async Task Export_RoleWithoutTheStockPage_IsRefused(string userName)
    {
        using var browser = await Browser.SignedInAsync(factory, userName);
        using var page = await browser.GetAsync("/Housing");
        using var export = await browser.GetAsync(StockExportFile.Url());

        Assert.Equal(HttpStatusCode.Forbidden, page.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, export.StatusCode);
        Assert.Null(export.Content.Headers.ContentDisposition);
    }
}

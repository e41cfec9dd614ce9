using AngleSharp.Html.Parser;
using Indgang.Domain.Housing;
using Indgang.Tests.Hosting;
using Indgang.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Indgang.Web.Tests.Housing;

/// <summary>
/// A blocked unit keeps its block through the stock's CSV file (the optional column blocked_reason): exported with its
/// reason, and imported, here or in another installation, as blocked with that reason, so that a unit with water damage is
/// not offered to families there. A file without the column imports as before.
/// </summary>
public sealed class BlockedUnitCsvTests(IndgangAppFactory factory) : IClassFixture<IndgangAppFactory>, IAsyncLifetime
{
    private const string Site = "Spærrevej Boliger";
    private const string Header = "site;label;permanent;rooms;beds;shared_room;monthly_rent;step_free;ground_floor;lift;transport_m;school_m;daycare_m;shops_m;vulnerable_area;available_from";

    /// <summary>Reasons a spreadsheet would take for formulas, and one that begins with an apostrophe of its own.</summary>
    private static readonly (string Label, string Reason)[] FormulaReasons =
        [("Formel 1", "=HYPERLINK(\"https://example.invalid\";\"Se rapporten\")"), ("Formel 2", "-2 vinduer knust"), ("Formel 3", "'=ikke en formel")];

    private static readonly HtmlParser Parser = new();

    public async Task InitializeAsync()
    {
        if (await factory.QueryAsync(db => db.HousingSites.AnyAsync(s => s.Name == Site)))
        {
            return;
        }

        await factory.QueryAsync(async db =>
        {
            var lynge = await db.Towns.Where(t => t.Name == "Lynge").Select(t => t.Id).SingleAsync();
            var site = new HousingSite(Site, SiteKind.PrivateLease, lynge, "Spærrevej 1, 3540 Lynge");
            db.HousingSites.Add(site);
            foreach (var (label, reason) in FormulaReasons)
            {
                var unit = new HousingUnit(site.Id, label, rooms: 2, beds: 3, monthlyRent: 3100)
                {
                    TransportMetres = 100, SchoolMetres = 200, DaycareMetres = 300, ShopsMetres = 400, AvailableFrom = Arrivals.Today,
                };
                unit.Block(reason);
                db.HousingUnits.Add(unit);
            }

            return await db.SaveChangesAsync();
        });
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task BlockedUnits_ExportedAndImportedIntoAnotherInstallation_AreBlockedWithTheSameReason()
    {
        using var housing = await Browser.SignedInAsync(factory, "bolig");
        var file = await housing.DownloadAsync(StockExportFile.Url(("Status", "Blocked")));
        // (A blocked unit in a vulnerable area has that status instead: there is none here.)
        var blocked = await factory.QueryAsync(db => db.HousingUnits.AsNoTracking().Where(u => u.Status == UnitStatus.Blocked && !u.InVulnerableArea)
            .OrderBy(u => u.Label).ThenBy(u => u.BlockedReason).ToListAsync());
        // The demo's water damage, and the formula-like reasons.
        Assert.Contains(blocked, u => u.Label == "Lejlighed 2" && u.BlockedReason == "Vandskade – under udbedring");
        Assert.All(FormulaReasons, r => Assert.Contains(blocked, u => u.Label == r.Label && u.BlockedReason == r.Reason));

        await using var other = new IndgangAppFactory();
        await other.GivenTheSameSitesWithoutTheUnitsAsync(factory);
        using var otherHousing = await Browser.SignedInAsync(other, "bolig");
        var html = await otherHousing.UploadCsvAsync("/Housing/Units/Import", StockExportFile.AsUploaded(file), "boliger.csv");

        Assert.Contains($"{blocked.Count} boliger er oprettet.", html, StringComparison.Ordinal);
        var imported = await other.QueryAsync(db => db.HousingUnits.AsNoTracking()
            .Where(u => !u.Label.StartsWith(OtherInstallation.Renamed)).OrderBy(u => u.Label).ThenBy(u => u.BlockedReason).ToListAsync());
        Assert.Equal(blocked.Select(u => (u.Label, u.BlockedReason)), imported.Select(u => (u.Label, u.BlockedReason)));
        Assert.All(imported, u => Assert.Equal(UnitStatus.Blocked, u.Status));
        Assert.All(imported, u => Assert.False(u.IsUsable));
        // As the other installation's coordinator meets it: blocked on the stock page, with the reason; not free to move into.
        var waterDamage = imported.Single(u => u.Label == "Lejlighed 2");
        Assert.Equal("Boligen er spærret: Vandskade – under udbedring", waterDamage.RefusalFor(householdSize: 2, isSingleAdult: false, Arrivals.Today.AddDays(60))?.ToString());
        var stock = Parser.ParseDocument(await otherHousing.GetPageAsync(StockPage.Url(("Search", "Lejlighed 2"))));
        var row = stock.QuerySelector("tr[data-unit='Lejlighed 2']");
        Assert.NotNull(row);
        Assert.Contains("Spærret Vandskade – under udbedring", string.Join(' ', row.TextContent.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task FormulaLikeReasons_AreWrittenAsTextAndReadBackUnchanged()
    {
        using var housing = await Browser.SignedInAsync(factory, "bolig");
        var file = await housing.DownloadAsync(StockExportFile.Url(("Search", Site)));
        // (Other tests here add units to the site: only the formula ones are looked at.)
        var raw = StockExportFile.RawRows(file).Where(r => r["label"].StartsWith("Formel", StringComparison.Ordinal))
            .ToDictionary(r => r["label"], r => r["blocked_reason"], StringComparer.Ordinal);

        Assert.Equal(
            new Dictionary<string, string>
            {
                ["Formel 1"] = "'=HYPERLINK(\"https://example.invalid\";\"Se rapporten\")", ["Formel 2"] = "'-2 vinduer knust", ["Formel 3"] = "''=ikke en formel",
            },
            raw);
        Assert.All(raw.Values, cell => Assert.False("=+-@".Contains(cell[0], StringComparison.Ordinal), cell));
        Assert.Equal(
            FormulaReasons.Select(r => (r.Label, (string?)r.Reason)),
            (await factory.ParseAsync(file)).Where(u => u.Label.StartsWith("Formel", StringComparison.Ordinal))
                .OrderBy(u => u.Label, StringComparer.Ordinal).Select(u => (u.Label, u.BlockedReason)));
    }

    [Fact]
    public async Task FileWithoutTheColumn_ImportsTheUnitsAsAvailable()
    {
        var html = await UploadAsync(Header + "\n" + Row("Uden kolonne 1") + "\n" + Row("Uden kolonne 2") + "\n");

        Assert.Contains("2 boliger er oprettet.", html, StringComparison.Ordinal);
        var units = await UnitsAsync("Uden kolonne");
        Assert.Equal([("Uden kolonne 1", UnitStatus.Available, null), ("Uden kolonne 2", UnitStatus.Available, null)], units);
    }

    [Fact]
    public async Task ColumnGiven_AReasonBlocksTheUnit_AnEmptyOneDoesNot()
    {
        var longest = new string('x', 497) + " ok";
        var html = await UploadAsync(Header + ";blocked_reason\n" +
            Row("Kolonne 1") + ";  Skimmelsvamp i badeværelset \n" +
            Row("Kolonne 2") + ";\n" +
            Row("Kolonne 3") + ";   \n" +
            Row("Kolonne 4") + ";" + longest + "\n");

        Assert.Contains("4 boliger er oprettet.", html, StringComparison.Ordinal);
        Assert.Equal(
            [
                ("Kolonne 1", UnitStatus.Blocked, "Skimmelsvamp i badeværelset"), ("Kolonne 2", UnitStatus.Available, null),
                ("Kolonne 3", UnitStatus.Available, null), ("Kolonne 4", UnitStatus.Blocked, longest),
            ],
            await UnitsAsync("Kolonne "));
    }

    [Fact]
    public async Task TooLongReason_IsTheRowsErrorInDanish_AndNothingIsSaved()
    {
        var before = await factory.QueryAsync(db => db.HousingUnits.CountAsync());

        var html = await UploadAsync(Header + ";blocked_reason\n" +
            Row("For lang 1") + ";Vandskade\n" +
            Row("For lang 2") + ";" + new string('x', 501) + "\n");

        var errors = Parser.ParseDocument(html).QuerySelectorAll("table.csv-errors tbody tr")
            .Select(r => (r.GetAttribute("data-row"), r.QuerySelector("td:last-child")!.TextContent)).ToList();
        Assert.Equal([("3", "Kolonnen blocked_reason: Årsagen til spærringen må højst være 500 tegn.")], errors);
        Assert.Contains("Filen har 1 fejl. Intet er gemt.", html, StringComparison.Ordinal);
        Assert.Equal(before, await factory.QueryAsync(db => db.HousingUnits.CountAsync()));
    }

    [Fact]
    public async Task ImportPage_DescribesTheColumn_AndTheTemplateHasIt()
    {
        using var housing = await Browser.SignedInAsync(factory, "bolig");
        var page = Parser.ParseDocument(await housing.GetPageAsync("/Housing/Units/Import"));
        var template = StockExportFile.Text(await housing.DownloadAsync("/Housing/Units/Import?handler=Template"));

        Assert.Contains(page.QuerySelectorAll("p"), p => p.TextContent.Contains("Kolonnen blocked_reason kan udelades.", StringComparison.Ordinal));
        Assert.StartsWith(Header + ";blocked_reason\r\n", template, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnitEditForm_TheReasonFieldSaysNotToWritePersonalData()
    {
        var id = await factory.QueryAsync(db => db.HousingUnits.Where(u => u.Label == "Lejlighed 2").Select(u => u.Id).SingleAsync());
        using var housing = await Browser.SignedInAsync(factory, "bolig");

        foreach (var url in new[] { $"/Housing/Units/Edit/{id}", "/Housing/Units/Edit" })
        {
            var page = Parser.ParseDocument(await housing.GetPageAsync(url));
            var hint = page.QuerySelector("#Input_BlockedReason-hint");
            Assert.Equal("Skriv ikke personoplysninger – årsagen følger boligen, også i en CSV-fil.", hint?.TextContent);
            Assert.Contains("Input_BlockedReason-hint", page.QuerySelector("#Input_BlockedReason")?.GetAttribute("aria-describedby") ?? "", StringComparison.Ordinal);
        }
    }

    private static string Row(string label) => $"{Site};{label};nej;2;3;nej;3100;ja;ja;nej;100;200;300;400;nej;{Arrivals.Iso(Arrivals.Today)}";

    private async Task<string> UploadAsync(string csv)
    {
        using var browser = await Browser.SignedInAsync(factory, "bolig");
        return await browser.UploadCsvAsync("/Housing/Units/Import", csv, "boliger.csv");
    }

    private Task<List<(string Label, UnitStatus Status, string? Reason)>> UnitsAsync(string labelStart) =>
        factory.QueryAsync(async db => (await db.HousingUnits.AsNoTracking().Where(u => u.Label.StartsWith(labelStart)).OrderBy(u => u.Label)
            .Select(u => new { u.Label, u.Status, u.BlockedReason }).ToListAsync()).ConvertAll(u => (u.Label, u.Status, u.BlockedReason)));
}

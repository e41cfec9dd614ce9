using System.Net;
using System.Text.RegularExpressions;
using Indgang.Domain.Audit;
using Indgang.Tests.Hosting;
using Indgang.Web.Features.Housing;
using Indgang.Web.Features.Housing.Placement;
using Indgang.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Indgang.Web.Tests.Housing;

public sealed class ImportAndWeightsTests(IndgangAppFactory factory) : IClassFixture<IndgangAppFactory>
{
    private static readonly AngleSharp.Html.Parser.HtmlParser Parser = new();
    private const string Header = "site;label;permanent;rooms;beds;shared_room;monthly_rent;step_free;ground_floor;lift;transport_m;school_m;daycare_m;shops_m;vulnerable_area;available_from\n";

    [Fact]
    public async Task ImportUnits_ValidFile_CreatesUnits()
    {
        var html = await UploadAsync(Header +
            "Delebolig Lynge;Værelse 2;nej;1;2;ja;2000,50;ja;ja;nej;1500;1200;1300;600;nej;2026-12-01\n" +
            "Engholm Boligselskab;Nr. 11, 1. th.;ja;3;5;nej;6900;nej;nej;ja;700;450;400;500;nej;2027-01-01\n");

        Assert.Contains("2 boliger er oprettet.", html, StringComparison.Ordinal);
        Assert.True(await factory.QueryAsync(db => db.HousingUnits.AnyAsync(u => u.Label == "Nr. 11, 1. th." && u.IsPermanent && u.Lift)));
        Assert.Equal(2000.50m, await factory.QueryAsync(db => db.HousingUnits.Where(u => u.Label == "Værelse 2").Select(u => u.MonthlyRent).SingleAsync()));
    }

    [Fact]
    public async Task ImportUnits_BrokenRows_ErrorsPerRowNothingSaved()
    {
        var before = await factory.QueryAsync(db => db.HousingUnits.CountAsync());
        var html = await UploadAsync(Header +
            "Delebolig Lynge;Værelse 8;nej;1;2;ja;2000;ja;ja;nej;1500;1200;1300;600;nej;2026-12-01\n" +
            "Findes Ikke;Hus 1;nej;2;3;nej;2400;ja;ja;nej;1;1;1;1;nej;2026-12-01\n" +
            "Delebolig Lynge;Værelse 9;nej;1;mange;måske;2000;ja;ja;nej;1500;1200;1300;600;nej;2026-12-01\n" +
            "Delebolig Lynge;Værelse 10;nej;1;2;ja;2,400;ja;ja;nej;1500;1200;1300;600;nej;2026-12-01\n" +
            "Delebolig Lynge;Værelse 11;nej;1;2;ja;2000;ja;ja;nej;1500;;1300;600;nej;2026-12-01\n");

        Assert.Contains("Intet er gemt", html, StringComparison.Ordinal);
        Assert.Contains("<tr data-row=\"3\"><td>3</td><td>Boligstedet »Findes Ikke« findes ikke.", html, StringComparison.Ordinal);
        Assert.Contains("»mange« i kolonnen beds er ikke et heltal.", html, StringComparison.Ordinal);
        Assert.Contains("»måske« i kolonnen shared_room skal være ja eller nej.", html, StringComparison.Ordinal);
        Assert.Contains("»2,400« i kolonnen monthly_rent er ikke et beløb i kroner.", html, StringComparison.Ordinal);
        // An empty distance is unknown, not 0 m: stored as 0 it would rank the unit as next door to school.
        // Said with its column, as the form says it beside the field (found by exploratory review: four such cells said it four times, naming none).
        Assert.Contains("<tr data-row=\"6\"><td>6</td><td>Kolonnen school_m: Angiv afstanden i meter (0–100.000).", html, StringComparison.Ordinal);
        Assert.Equal(before, await factory.QueryAsync(db => db.HousingUnits.CountAsync()));
    }

    /// <summary>
    /// An empty site cell is asked for as the other empty required cells are, with its column; before, it said
    /// "Boligstedet »« findes ikke", naming no column (found by the housing coordinator's review).
    /// </summary>
    [Fact]
    public async Task ImportUnits_EmptySiteCell_IsAskedForByColumn()
    {
        var html = WebUtility.HtmlDecode(await UploadAsync(Header +
            ";Værelse 50;nej;1;2;ja;2000;ja;ja;nej;1500;1200;1300;600;nej;2026-12-01\n"));

        Assert.Contains("<tr data-row=\"2\"><td>2</td><td>Kolonnen site: Angiv navnet på boligstedet, som det står under Boligsteder.", html, StringComparison.Ordinal);
        Assert.DoesNotContain("»«", html, StringComparison.Ordinal);
    }

    /// <summary>
    /// A unit twice in the file is told so on both rows, not that it exists already (it does not); one that exists is told
    /// that; a day free from with a year typed wrong is refused (found by review).
    /// </summary>
    [Fact]
    public async Task ImportUnits_UnitTwiceInTheFile_ToldSo_ExistingUnitToldItExists_YearMistypedRefused()
    {
        var before = await factory.QueryAsync(db => db.HousingUnits.CountAsync());
        var html = WebUtility.HtmlDecode(await UploadAsync(Header +
            "Delebolig Lynge;Værelse 40;nej;1;2;ja;2000;ja;ja;nej;1500;1200;1300;600;nej;2026-12-01\n" +
            "Delebolig Lynge;værelse 40;nej;1;2;ja;2000;ja;ja;nej;1500;1200;1300;600;nej;2026-12-01\n" +
            "Delebolig Lynge;Værelse 1;nej;1;2;ja;2000;ja;ja;nej;1500;1200;1300;600;nej;2026-12-01\n" +
            "Delebolig Lynge;Værelse 41;nej;1;2;ja;2000;ja;ja;nej;1500;1200;1300;600;nej;9999-12-01\n"));

        Assert.Contains("<tr data-row=\"2\"><td>2</td><td>Boligen »Værelse 40« står flere gange i filen på samme sted.", html, StringComparison.Ordinal);
        Assert.Contains("<tr data-row=\"3\"><td>3</td><td>Boligen »værelse 40« står flere gange i filen på samme sted.", html, StringComparison.Ordinal);
        Assert.Contains("<tr data-row=\"4\"><td>4</td><td>Boligen »Værelse 1« findes allerede på stedet.", html, StringComparison.Ordinal);
        Assert.Contains("<tr data-row=\"5\"><td>5</td><td>Kolonnen available_from: Datoen kan højst ligge 2 år frem. Tjek årstallet.", html, StringComparison.Ordinal);
        Assert.Equal(before, await factory.QueryAsync(db => db.HousingUnits.CountAsync()));
    }

    /// <summary>
    /// A cell that does not read is said once, with what it holds and its column, also a day (it was told to give a day,
    /// as if the cell were empty) and a number (told beside that it was missing); an empty day is asked for.
    /// </summary>
    [Fact]
    public async Task ImportUnits_UnreadableDayOrNumber_IsOneErrorQuotingTheCell()
    {
        var html = await UploadAsync(Header +
            "Delebolig Lynge;Værelse 21;nej;1;2;ja;2000;ja;ja;nej;1500;1200;1300;600;nej;2026-02-30\n" +
            "Delebolig Lynge;Værelse 22;nej;1;2;ja;2000;ja;ja;nej;1500;1200;1300;600;nej;01-12-2026\n" +
            "Delebolig Lynge;Værelse 23;nej;tre;2;ja;2000;ja;ja;nej;1500;1200;1300;600;nej;2026-12-01\n" +
            "Delebolig Lynge;Værelse 24;nej;1;2;ja;2000;ja;ja;nej;1500;1200;1300;600;nej;\n" +
            "Delebolig Lynge;Værelse 25;nej;31;2;ja;2000;ja;ja;nej;1500;1200;1300;600;nej;2026-12-01\n");

        Assert.Equal([1, 1, 1, 1, 1], Enumerable.Range(2, 5).Select(row => Regex.Count(html, $"<tr data-row=\"{row}\">")));
        Assert.Contains("<tr data-row=\"2\"><td>2</td><td>»2026-02-30« i kolonnen available_from er ikke en dato som ÅÅÅÅ-MM-DD, fx 2026-12-01.", html, StringComparison.Ordinal);
        Assert.Contains("<tr data-row=\"3\"><td>3</td><td>»01-12-2026« i kolonnen available_from er ikke en dato som ÅÅÅÅ-MM-DD", html, StringComparison.Ordinal);
        Assert.Contains("<tr data-row=\"4\"><td>4</td><td>»tre« i kolonnen rooms er ikke et heltal.", html, StringComparison.Ordinal);
        Assert.Contains("<tr data-row=\"5\"><td>5</td><td>Kolonnen available_from: Angiv fra hvilken dato boligen er ledig.", html, StringComparison.Ordinal);
        Assert.Contains("<tr data-row=\"6\"><td>6</td><td>Kolonnen rooms: Angiv antal værelser (1–30).", html, StringComparison.Ordinal);
    }

    /// <summary>
    /// A row that stops short says of each missing cell that it is missing, with its column, the rent too (it was told
    /// that »« is not an amount); a whole number too large to hold is out of range, not "no whole number"; a row with every
    /// distance wrong names each column. Found by exploratory review.
    /// </summary>
    [Fact]
    public async Task ImportUnits_ShortRow_HugeNumber_AndEveryDistanceWrong_AreToldByColumn()
    {
        var html = WebUtility.HtmlDecode(await UploadAsync(Header +
            "Delebolig Lynge;Værelse 31;nej;2\n" +
            "Delebolig Lynge;Værelse 32;nej;1;99999999999;ja;2000;ja;ja;nej;1500;1200;1300;600;nej;2026-12-01\n" +
            "Delebolig Lynge;Værelse 33;nej;1;2;ja;2000;ja;ja;nej;-1;;x;100001;nej;2026-12-01\n"));

        string[] Errors(int row) => Parser.ParseDocument(html).QuerySelectorAll($"tr[data-row='{row}'] td:nth-child(2)").Select(c => c.TextContent.Trim()).ToArray();
        Assert.Contains("Kolonnen monthly_rent: Angiv den månedlige husleje i kroner (0–100.000).", Errors(2));
        Assert.Contains("Kolonnen beds: Angiv antal senge (1–30).", Errors(2));
        Assert.DoesNotContain(Errors(2), e => e.Contains("»«", StringComparison.Ordinal));
        Assert.Equal(["Kolonnen beds: Angiv antal senge (1–30)."], Errors(3));
        string[] distances =
        [
            "Kolonnen transport_m: Angiv afstanden i meter (0–100.000).", "Kolonnen school_m: Angiv afstanden i meter (0–100.000).",
            "»x« i kolonnen daycare_m er ikke et heltal.", "Kolonnen shops_m: Angiv afstanden i meter (0–100.000).",
        ];
        Assert.Equal(distances.Order(StringComparer.Ordinal), Errors(4).Order(StringComparer.Ordinal));
    }

    /// <summary>
    /// A file above the former 1 MB limit (what the stock export gives for about 8,000 units) is read; above 2 MB the
    /// file is refused beside the field, nothing read.
    /// </summary>
    [Fact]
    public async Task ImportUnits_FileOverOneMegabyte_IsRead_OverTwoIsRefused()
    {
        var reason = new string('x', 490);
        var rows = Enumerable.Range(1, 1_800).Select(i => $"Delebolig Lynge;Stor fil {i};nej;1;2;ja;2000;ja;ja;nej;1500;1200;1300;600;nej;2026-12-01;{reason} {i}\n");
        var csv = Header.TrimEnd('\n') + ";blocked_reason\n" + string.Concat(rows);
        Assert.InRange(System.Text.Encoding.UTF8.GetByteCount(csv), 1024 * 1024 + 1, 2 * 1024 * 1024);

        var html = await UploadAsync(csv);

        Assert.Contains("1800 boliger er oprettet.", html, StringComparison.Ordinal);
        Assert.Equal(1_800, await factory.QueryAsync(db => db.HousingUnits.CountAsync(u => u.Label.StartsWith("Stor fil ") && u.BlockedReason != null)));

        var tooLarge = await UploadAsync(csv + string.Concat(rows.Select(r => r.Replace("Stor fil", "For stor fil", StringComparison.Ordinal))));

        Assert.Contains(UnitImportModel.TooLarge, tooLarge, StringComparison.Ordinal);
        Assert.False(await factory.QueryAsync(db => db.HousingUnits.AnyAsync(u => u.Label.StartsWith("For stor fil "))));
    }

    [Fact]
    public async Task Weights_NoPointsForAHome_IsRefused()
    {
        using var admin = await Browser.SignedInAsync(factory, "admin");
        var before = await factory.QueryAsync(db => db.PlacementWeights.CountAsync());

        using var refused = await admin.PostFormAsync("/Admin/PlacementWeights", IndexFormWith(("Housed", "0")));

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("»Point for at få en bolig« skal være mindst 1: med 0 foreslår optimeringen ingen husstand en bolig.", WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(before, await factory.QueryAsync(db => db.PlacementWeights.CountAsync()));
    }

    [Fact]
    public async Task Weights_AdminSavesANewVersion_OptimizerUsesIt_BadValueRejected()
    {
        using var admin = await Browser.SignedInAsync(factory, "admin");
        var form = IndexFormWith(("Housed", "1000"), ("WastedBed", "-1"));

        using var bad = await admin.PostFormAsync("/Admin/PlacementWeights", form);
        Assert.Contains("»Straf pr. tom seng« skal være et helt tal fra 0 til 100.000.", WebUtility.HtmlDecode(await bad.Content.ReadAsStringAsync()), StringComparison.Ordinal);

        form["Values[WastedBed]"] = "77";
        using var saved = await admin.PostFormAsync("/Admin/PlacementWeights", form);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        await using var scope = factory.Services.CreateAsyncScope();
        var current = await scope.ServiceProvider.GetRequiredService<PlacementWeightsStore>().CurrentAsync();
        Assert.Equal(77, current.WastedBed);
        Assert.True(await factory.QueryAsync(db => db.AuditEntries.AnyAsync(e => e.Action == AuditAction.PlacementWeightsChanged)));
    }

    private static Dictionary<string, string> IndexFormWith(params (string Name, string Value)[] overrides)
    {
        var form = Indgang.Web.Features.Admin.PlacementWeights.IndexModel.Properties.ToDictionary(
            p => $"Values[{p.Name}]", p => ((int)p.GetValue(Indgang.Placement.PlacementWeights.Default)!).ToString(System.Globalization.CultureInfo.InvariantCulture));
        foreach (var (name, value) in overrides)
        {
            form[$"Values[{name}]"] = value;
        }

        return form;
    }

    /// <summary>An empty file chosen is told so beside the field; before, the page asked for a file of at most 2 MB.</summary>
    [Fact]
    public async Task ImportUnits_AnEmptyFile_IsToldItIsEmpty()
    {
        var html = await UploadAsync("");

        Assert.Contains(FieldErrors.Beside("Upload", Web.Platform.CsvRows.EmptyFile), html, StringComparison.Ordinal);
        Assert.Contains(FieldErrors.InTheSummary("Upload", Web.Platform.CsvRows.EmptyFile), html, StringComparison.Ordinal);
    }

    private async Task<string> UploadAsync(string csv)
    {
        using var browser = await Browser.SignedInAsync(factory, "bolig");
        return await browser.UploadCsvAsync("/Housing/Units/Import", csv, "boliger.csv");
    }
}

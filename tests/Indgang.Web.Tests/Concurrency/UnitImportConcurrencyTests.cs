using System.Net;
using Indgang.Domain.Housing;
using Indgang.Web.Features.Housing;
using Indgang.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Indgang.Web.Tests.Concurrency;

/// <summary>
/// The same file of units imported twice at the same moment (two coordinators, or a double click): the units are
/// created once (a unique index on site and label), the other import is told in Danish that nothing of it was saved;
/// never an error page. So also for two files whose labels differ only in case: one unit to the import, whose index
/// does not count case either.
/// </summary>
public sealed class UnitImportConcurrencyTests(SavesMeetAppFactory factory) : IClassFixture<SavesMeetAppFactory>
{
    private const string Url = "/Housing/Units/Import";

    [Fact]
    public async Task SameFileImportedTwiceAtOnce_UnitsCreatedOnce_TheOtherToldNothingIsSaved()
    {
        var csv = string.Join(';', UnitCsv.Columns) + "\r\n" +
            "Delebolig Lynge;Samtidig import 1;nej;1;2;ja;2000;ja;ja;nej;1500;1200;1300;600;nej;2026-12-01\r\n" +
            "Delebolig Lynge;Samtidig import 2;nej;1;2;ja;2000;ja;ja;nej;1500;1200;1300;600;nej;2026-12-01\r\n";
        using var a = await Browser.SignedInAsync(factory, "bolig");
        using var b = await Browser.SignedInAsync(factory, "bolig");
        var (tokenA, tokenB) = (Browser.AntiforgeryToken(await a.GetPageAsync(Url)), Browser.AntiforgeryToken(await b.GetPageAsync(Url)));

        var results = await Task.WhenAll(UploadAsync(a, tokenA, csv), UploadAsync(b, tokenB, csv));

        Assert.All(results, r => Assert.Equal(HttpStatusCode.OK, r.Status));
        Assert.Single(results, r => r.Html.Contains("2 boliger er oprettet.", StringComparison.Ordinal));
        var loser = Assert.Single(results, r => !r.Html.Contains("2 boliger er oprettet.", StringComparison.Ordinal));
        Assert.True(loser.Html.Contains("findes allerede på stedet", StringComparison.Ordinal)
            || loser.Html.Contains("Boliger med de samme navne er lige blevet oprettet af en anden. Intet er gemt. Indlæs filen igen for at se hvilke.", StringComparison.Ordinal), loser.Html);
        Assert.Equal(2, await factory.QueryAsync(db => db.HousingUnits.CountAsync(u => u.Label.StartsWith("Samtidig import"))));
    }

    [Fact]
    public async Task FilesWithLabelsDifferingOnlyInCaseImportedAtOnce_OneFileSaved_TheOtherToldNothingIsSaved()
    {
        var upper = Csv("Pavillon Samtidig A", "Pavillon Samtidig B");
        var lower = Csv("pavillon samtidig a", "PAVILLON SAMTIDIG B");
        using var a = await Browser.SignedInAsync(factory, "bolig");
        using var b = await Browser.SignedInAsync(factory, "bolig");
        var (tokenA, tokenB) = (Browser.AntiforgeryToken(await a.GetPageAsync(Url)), Browser.AntiforgeryToken(await b.GetPageAsync(Url)));
        // Both files are checked against the units saved before either is saved.
        factory.HoldSaves(2, db => db.ChangeTracker.Entries<HousingUnit>().Any(e => e.State == EntityState.Added));

        var results = await Task.WhenAll(UploadAsync(a, tokenA, upper), UploadAsync(b, tokenB, lower));

        Assert.All(results, r => Assert.Equal(HttpStatusCode.OK, r.Status));
        var winner = Array.FindIndex(results, r => r.Html.Contains("2 boliger er oprettet.", StringComparison.Ordinal));
        Assert.True(winner >= 0, results[0].Html);
        Assert.Contains(UnitImportModel.ImportedByOther, results[1 - winner].Html, StringComparison.Ordinal);
        var saved = (await factory.QueryAsync(db => db.HousingUnits.Select(u => u.Label).ToListAsync()))
            .Where(l => l.StartsWith("Pavillon Samtidig", StringComparison.OrdinalIgnoreCase)).Order(StringComparer.Ordinal);
        Assert.Equal(winner == 0 ? ["Pavillon Samtidig A", "Pavillon Samtidig B"] : ["PAVILLON SAMTIDIG B", "pavillon samtidig a"], saved);
    }

    private static string Csv(params string[] labels) =>
        string.Join(';', UnitCsv.Columns) + "\r\n" +
        string.Concat(labels.Select(l => $"Delebolig Lynge;{l};nej;1;2;ja;2000;ja;ja;nej;1500;1200;1300;600;nej;2026-12-01\r\n"));

    private static async Task<(HttpStatusCode Status, string Html)> UploadAsync(Browser browser, string token, string csv)
    {
        using var form = new MultipartFormDataContent();
        using var antiforgery = new StringContent(token);
        form.Add(antiforgery, "__RequestVerificationToken");
        using var file = new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(csv));
        file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("text/csv");
        form.Add(file, "Upload", "boliger.csv");
        using var response = await browser.Client.PostAsync(new Uri(Url, UriKind.Relative), form);
        return (response.StatusCode, WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
    }
}

using System.Net;
using Indgang.Tests.Hosting;
using Indgang.Web.Features.Housing;
using Indgang.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Indgang.Web.Tests.Concurrency;

/// <summary>
/// The same file of units imported twice at the same moment (two coordinators, or a double click): the units are
/// created once (a unique index on site and label), the other import is told in Danish that nothing of it was saved;
/// never an error page.
/// </summary>
public sealed class UnitImportConcurrencyTests(IndgangAppFactory factory) : IClassFixture<IndgangAppFactory>
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

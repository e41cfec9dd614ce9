using System.Net;
using Indgang.Domain.Housing;
using Indgang.Tests.Hosting;
using Indgang.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Indgang.Web.Tests.Housing;

/// <summary>
/// The unit import names a site by its name, without regard to case: a new site may not take a name that is there
/// already, and a name that several sites answer to (made before that rule) is a row error in the import.
/// </summary>
public sealed class SiteNameTests(IndgangAppFactory factory) : IClassFixture<IndgangAppFactory>
{
    private const string Header = "site;label;permanent;rooms;beds;shared_room;monthly_rent;step_free;ground_floor;lift;transport_m;school_m;daycare_m;shops_m;vulnerable_area;available_from\n";

    [Fact]
    public async Task CreateSite_NameThatExistsInOtherCaseWithSpaces_IsRefusedBesideTheName()
    {
        using var housing = await Browser.SignedInAsync(factory, "bolig");
        var town = await factory.QueryAsync(db => db.Towns.Where(t => t.Name == "Lynge").Select(t => t.Id).SingleAsync());
        var before = await factory.QueryAsync(db => db.HousingSites.CountAsync());
        const string typed = "  DELEBOLIG lynge ";

        using var response = await housing.PostFormAsync("/Housing/Sites/Create", new Dictionary<string, string> { ["Input.Name"] = typed, ["Input.Kind"] = "SharedHousing", ["Input.TownId"] = town.ToString() });
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("id=\"Input_Name-error\"><span class=\"sr-only\">Fejl: </span>Der findes allerede et boligsted med det navn. Giv stedet et andet navn.</span>", html, StringComparison.Ordinal);
        Assert.Contains("href=\"#Input_Name\"", html, StringComparison.Ordinal);
        Assert.Contains($"value=\"{typed}\"", html, StringComparison.Ordinal);
        Assert.Equal(before, await factory.QueryAsync(db => db.HousingSites.CountAsync()));
    }

    [Fact]
    public async Task ImportUnits_SiteNameThatTwoSitesAnswerTo_IsARowErrorNothingSaved()
    {
        // Two sites whose names differ only in case, as an older database may hold them.
        await factory.QueryAsync(async db =>
        {
            var town = await db.Towns.Where(t => t.Name == "Lynge").Select(t => t.Id).SingleAsync();
            db.HousingSites.Add(new HousingSite("Tvillingerne", SiteKind.Pavilion, town, null));
            db.HousingSites.Add(new HousingSite("TVILLINGERNE", SiteKind.Pavilion, town, null));
            return await db.SaveChangesAsync();
        });
        var before = await factory.QueryAsync(db => db.HousingUnits.CountAsync());
        using var housing = await Browser.SignedInAsync(factory, "bolig");

        var html = await housing.UploadCsvAsync("/Housing/Units/Import", Header +
            "Delebolig Lynge;Værelse 20;nej;1;2;ja;2000;ja;ja;nej;1500;1200;1300;600;nej;2026-12-01\n" +
            "tvillingerne;Hus 1;nej;2;3;nej;2400;ja;ja;nej;1;1;1;1;nej;2026-12-01\n", "boliger.csv");

        Assert.Contains("Intet er gemt", html, StringComparison.Ordinal);
        Assert.Contains("<tr data-row=\"3\"><td>3</td><td>Navnet »tvillingerne« passer på 2 boligsteder, så det er uklart, hvilket der menes.", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<tr data-row=\"2\">", html, StringComparison.Ordinal);
        Assert.Equal(before, await factory.QueryAsync(db => db.HousingUnits.CountAsync()));
    }
}

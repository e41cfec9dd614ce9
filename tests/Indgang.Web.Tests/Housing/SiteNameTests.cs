using System.Net;
using Indgang.Domain.Housing;
using Indgang.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Indgang.Web.Tests.Housing;

/// <summary>
/// The unit import names a site by its name, without regard to case: a new site may not take a name that is there
/// already, also when another saves it between the page's check and its save (the database's index refuses it then);
/// and a name that several sites answer to is a row error in the import.
/// </summary>
public sealed class SiteNameTests(SavesMeetAppFactory factory) : IClassFixture<SavesMeetAppFactory>
{
    private const string Taken = "Der findes allerede et boligsted med det navn. Giv stedet et andet navn.";

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
        AssertRefusedBesideName(html, typed);
        Assert.Equal(before, await factory.QueryAsync(db => db.HousingSites.CountAsync()));
    }

    [Fact]
    public async Task CreateSite_AnotherCreatesTheNameInOtherCaseJustBefore_RefusedBesideTheName_Not500()
    {
        using var housing = await Browser.SignedInAsync(factory, "bolig");
        var town = await TownAsync();
        var form = await OpenedForm.OpenAsync(housing, "/Housing/Sites/Create");
        factory.BeforeNextSave(SavesASite, () => AddSiteAsync("Samtidige Pavilloner", town));

        var (status, html) = await form.PostAsync(new Dictionary<string, string> { ["Input.Name"] = "SAMTIDIGE PAVILLONER", ["Input.Kind"] = "Pavilion", ["Input.TownId"] = town.ToString(), ["Input.Address"] = "Kapløbsvej 1" });

        Assert.Equal(HttpStatusCode.OK, status);
        AssertRefusedBesideName(html, "SAMTIDIGE PAVILLONER");
        Assert.Contains("value=\"Kapløbsvej 1\"", html, StringComparison.Ordinal);
        var names = await factory.QueryAsync(db => db.HousingSites.Select(s => s.Name).ToListAsync());
        Assert.Equal(["Samtidige Pavilloner"], names.Where(n => string.Equals(n, "Samtidige Pavilloner", StringComparison.OrdinalIgnoreCase)));
    }

    [Fact]
    public async Task EditSite_AnotherCreatesTheNameInOtherCaseJustBefore_RefusedBesideTheName_Not500()
    {
        var town = await TownAsync();
        var site = await AddSiteAsync("Omdøbes", town);
        using var housing = await Browser.SignedInAsync(factory, "bolig");
        var form = await OpenedForm.OpenAsync(housing, $"/Housing/Sites/{site.Id}/Edit");
        factory.BeforeNextSave(SavesASite, () => AddSiteAsync("Samtidigt Omdøbt", town));

        var (status, html) = await form.PostAsync(new Dictionary<string, string> { ["Input.Name"] = "samtidigt omdøbt", ["Input.Kind"] = "Pavilion", ["Input.TownId"] = town.ToString(), ["Input.Address"] = "Kapløbsvej 2" });

        Assert.Equal(HttpStatusCode.OK, status);
        AssertRefusedBesideName(html, "samtidigt omdøbt");
        Assert.Contains("value=\"Kapløbsvej 2\"", html, StringComparison.Ordinal);
        Assert.Equal("Omdøbes", await factory.QueryAsync(db => db.HousingSites.Where(s => s.Id == site.Id).Select(s => s.Name).SingleAsync()));
    }

    [Fact]
    public async Task ImportUnits_SiteNameThatTwoSitesAnswerTo_IsARowErrorNothingSaved()
    {
        // SQLite's index folds only A–Z: there two sites whose names differ in the case of Æ, Ø or Å can both be saved
        // (by two at the same moment; the pages refuse the second one at a time). PostgreSQL's index refuses it.
        var town = await TownAsync();
        await AddSiteAsync("Ærøhuset", town);
        var twin = await Record.ExceptionAsync(() => AddSiteAsync("ærøhuset", town));
        if (factory.UsesPostgres)
        {
            Assert.True(twin is DbUpdateException refused && Indgang.Web.Data.UniqueViolation.Is(refused), twin?.ToString());
            return;
        }

        Assert.Null(twin);
        var before = await factory.QueryAsync(db => db.HousingUnits.CountAsync());
        using var housing = await Browser.SignedInAsync(factory, "bolig");

        var html = await housing.UploadCsvAsync("/Housing/Units/Import", Header +
            "Delebolig Lynge;Værelse 20;nej;1;2;ja;2000;ja;ja;nej;1500;1200;1300;600;nej;2026-12-01\n" +
            "ÆRØHUSET;Hus 1;nej;2;3;nej;2400;ja;ja;nej;1;1;1;1;nej;2026-12-01\n", "boliger.csv");

        Assert.Contains("Intet er gemt", html, StringComparison.Ordinal);
        Assert.Contains("<tr data-row=\"3\"><td>3</td><td>Navnet »ÆRØHUSET« passer på 2 boligsteder, så det er uklart, hvilket der menes.", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<tr data-row=\"2\">", html, StringComparison.Ordinal);
        Assert.Equal(before, await factory.QueryAsync(db => db.HousingUnits.CountAsync()));
    }

    private static bool SavesASite(DbContext db) =>
        db.ChangeTracker.Entries<HousingSite>().Any(e => e.State is EntityState.Added or EntityState.Modified);

    private static void AssertRefusedBesideName(string html, string typed)
    {
        Assert.Contains($"id=\"Input_Name-error\"><span class=\"sr-only\">Fejl: </span>{Taken}</span>", html, StringComparison.Ordinal);
        Assert.Contains("href=\"#Input_Name\"", html, StringComparison.Ordinal);
        Assert.Contains($"value=\"{typed}\"", html, StringComparison.Ordinal);
    }

    private Task<Guid> TownAsync() => factory.QueryAsync(db => db.Towns.Where(t => t.Name == "Lynge").Select(t => t.Id).SingleAsync());

    private Task<HousingSite> AddSiteAsync(string name, Guid town) => factory.QueryAsync(async db =>
    {
        var site = db.HousingSites.Add(new HousingSite(name, SiteKind.Pavilion, town, null)).Entity;
        await db.SaveChangesAsync();
        return site;
    });
}

using System.Globalization;
using System.Net;
using Indgang.Domain.Housing;
using Indgang.Web.Features.Housing;
using Indgang.Web.Platform.Forms;
using Indgang.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Indgang.Web.Tests.Housing;

/// <summary>
/// A unit's label is unique within its site without regard to case, as the unit import reads it: "Pavillon D" and
/// "pavillon d" on one site are one unit. The unit form refuses the second beside the label, keeping what was typed,
/// also when another saves it between the form's check and its save (the database's index refuses it then).
/// </summary>
public sealed class UnitLabelCaseTests(SavesMeetAppFactory factory) : IClassFixture<SavesMeetAppFactory>
{
    private const string Taken = "Der findes allerede en bolig med den betegnelse på stedet.";

    [Fact]
    public async Task Edit_LabelOfAnotherUnitOnTheSiteInOtherCase_RefusedBesideTheLabel_TypedValuesKept()
    {
        var (other, edited) = await TwoUnitsAsync("Ærøgården 1", "Ærøgården 2");
        using var housing = await Browser.SignedInAsync(factory, "bolig");

        using var response = await housing.PostFormAsync($"/Housing/Units/Edit/{edited.Id}", Form(edited, ShownVersion.Of(UnitInput.From(edited)).ToString(), "ærøGÅRDEN 1", rent: "2345"));
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        AssertRefusedBesideLabel(html, "ærøGÅRDEN 1");
        Assert.Contains("value=\"2345\"", html, StringComparison.Ordinal);
        var saved = await factory.QueryAsync(db => db.HousingUnits.AsNoTracking().SingleAsync(u => u.Id == edited.Id));
        Assert.Equal(("Ærøgården 2", edited.MonthlyRent), (saved.Label, saved.MonthlyRent));
        Assert.Equal("Ærøgården 1", await LabelAsync(other.Id));
    }

    [Fact]
    public async Task Edit_OwnLabelInOtherCase_Saved()
    {
        var (_, edited) = await TwoUnitsAsync("Egen bolig 1", "Egen bolig 2");
        using var housing = await Browser.SignedInAsync(factory, "bolig");

        using var response = await housing.PostFormAsync($"/Housing/Units/Edit/{edited.Id}", Form(edited, ShownVersion.Of(UnitInput.From(edited)).ToString(), "EGEN BOLIG 2", rent: "2345"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("EGEN BOLIG 2", await LabelAsync(edited.Id));
    }

    [Fact]
    public async Task Create_LabelOfAUnitOnTheSiteInOtherCase_RefusedBesideTheLabel_NothingCreated()
    {
        var (other, _) = await TwoUnitsAsync("Østerhuset 1", "Østerhuset 2");
        using var housing = await Browser.SignedInAsync(factory, "bolig");
        var before = await factory.QueryAsync(db => db.HousingUnits.CountAsync());

        using var response = await housing.PostFormAsync("/Housing/Units/Edit", Form(other, "", "østerHUSET 1", rent: "2345"), formPage: "/Housing/Units/Edit");
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        AssertRefusedBesideLabel(html, "østerHUSET 1");
        Assert.Contains("value=\"2345\"", html, StringComparison.Ordinal);
        Assert.Equal(before, await factory.QueryAsync(db => db.HousingUnits.CountAsync()));
    }

    [Fact]
    public async Task Create_AnotherSavesTheLabelInOtherCaseJustBefore_RefusedBesideTheLabel_Not500()
    {
        var (site, _) = await TwoUnitsAsync("Kapløb 1", "Kapløb 2");
        using var housing = await Browser.SignedInAsync(factory, "bolig");
        var form = await OpenedForm.OpenAsync(housing, "/Housing/Units/Edit");
        factory.BeforeNextSave(SavesAUnit, () => factory.QueryAsync(db =>
        {
            db.HousingUnits.Add(new HousingUnit(site.SiteId, "Samtidig pavillon", 1, 1, 1800m) { AvailableFrom = Arrivals.Today });
            return db.SaveChangesAsync();
        }));

        var (status, html) = await form.PostAsync(Form(site, "", "SAMTIDIG PAVILLON", rent: "2345"));

        Assert.Equal(HttpStatusCode.OK, status);
        AssertRefusedBesideLabel(html, "SAMTIDIG PAVILLON");
        Assert.Contains("value=\"2345\"", html, StringComparison.Ordinal);
        var labels = await factory.QueryAsync(db => db.HousingUnits.Where(u => u.SiteId == site.SiteId).Select(u => u.Label).ToListAsync());
        Assert.Equal(["Samtidig pavillon"], labels.Where(l => string.Equals(l, "Samtidig pavillon", StringComparison.OrdinalIgnoreCase)));
    }

    [Fact]
    public async Task Edit_AnotherSavesTheLabelInOtherCaseJustBefore_RefusedBesideTheLabel_Not500()
    {
        var (_, edited) = await TwoUnitsAsync("Kapløb ret 1", "Kapløb ret 2");
        using var housing = await Browser.SignedInAsync(factory, "bolig");
        var form = await OpenedForm.OpenAsync(housing, $"/Housing/Units/Edit/{edited.Id}");
        factory.BeforeNextSave(SavesAUnit, () => factory.QueryAsync(db =>
        {
            db.HousingUnits.Add(new HousingUnit(edited.SiteId, "Samtidig rettet", 1, 1, 1800m) { AvailableFrom = Arrivals.Today });
            return db.SaveChangesAsync();
        }));

        var (status, html) = await form.PostAsync(Form(edited, ShownVersion.Of(UnitInput.From(edited)).ToString(), "SAMTIDIG RETTET", rent: "2345"));

        Assert.Equal(HttpStatusCode.OK, status);
        AssertRefusedBesideLabel(html, "SAMTIDIG RETTET");
        Assert.Contains("value=\"2345\"", html, StringComparison.Ordinal);
        Assert.Equal("Kapløb ret 2", await LabelAsync(edited.Id));
    }

    private static bool SavesAUnit(DbContext db) =>
        db.ChangeTracker.Entries<HousingUnit>().Any(e => e.State is EntityState.Added or EntityState.Modified);

    private static void AssertRefusedBesideLabel(string html, string typed)
    {
        Assert.Contains($"id=\"Input_Label-error\"><span class=\"sr-only\">Fejl: </span>{Taken}</span>", html, StringComparison.Ordinal);
        Assert.Contains("href=\"#Input_Label\"", html, StringComparison.Ordinal);
        Assert.Contains($"value=\"{typed}\"", html, StringComparison.Ordinal);
    }

    /// <summary>Two units of this test's own on one site.</summary>
    private async Task<(HousingUnit First, HousingUnit Second)> TwoUnitsAsync(string first, string second)
    {
        var ids = await factory.QueryAsync(async db =>
        {
            var site = await db.SomeSiteIdAsync();
            var units = new[] { first, second }.Select(l => new HousingUnit(site, l, 1, 1, 1800m) { AvailableFrom = Arrivals.Today, SchoolMetres = 500 }).ToList();
            db.HousingUnits.AddRange(units);
            await db.SaveChangesAsync();
            return units.Select(u => u.Id).ToList();
        });
        var saved = await factory.QueryAsync(db => db.HousingUnits.AsNoTracking().Where(u => ids.Contains(u.Id)).ToListAsync());
        return (saved.Single(u => u.Id == ids[0]), saved.Single(u => u.Id == ids[1]));
    }

    private Task<string> LabelAsync(Guid unit) => factory.QueryAsync(db => db.HousingUnits.Where(u => u.Id == unit).Select(u => u.Label).SingleAsync());

    /// <summary>The unit's form as the page shows it, with another label and rent.</summary>
    private static Dictionary<string, string> Form(HousingUnit unit, string version, string label, string rent) => new()
    {
        ["Version"] = version, ["Input.SiteId"] = unit.SiteId.ToString(), ["Input.Label"] = label,
        ["Input.Rooms"] = unit.Rooms.ToString(CultureInfo.InvariantCulture), ["Input.Beds"] = unit.Beds.ToString(CultureInfo.InvariantCulture),
        ["Input.MonthlyRent"] = rent, ["Input.SchoolMetres"] = unit.SchoolMetres.ToString(CultureInfo.InvariantCulture), ["Input.TransportMetres"] = "0",
        ["Input.DaycareMetres"] = "0", ["Input.ShopsMetres"] = "0", ["Input.AvailableFrom"] = Arrivals.Iso(unit.AvailableFrom),
    };
}

using System.Net;
using Indgang.Domain.Housing;
using Indgang.Tests.Hosting;
using Indgang.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Indgang.Web.Tests.Housing;

/// <summary>
/// Two people edit one site: the one who saves second sees what the first saved beside the fields, keeps what they
/// typed, and saves over it by pressing Gem again; a site deleted meanwhile is said to be so.
/// </summary>
public sealed class SiteEditConflictTests(IndgangAppFactory factory) : IClassFixture<IndgangAppFactory>
{
    private const string Message = "Boligstedet er ændret af en anden, mens du rettede det. Det, der er gemt nu, står ved de felter, hvor det er anderledes end det, du har skrevet. Tryk »Gem boligsted« igen for at gemme dine værdier i stedet.";

    [Fact]
    public async Task SavedByAnotherWhileEditing_TheirValuesShownBesideMineKept_SavingAgainSavesMine()
    {
        var site = await NewSiteAsync("Konflikt");
        var lynge = site.TownId;
        using var a = await Browser.SignedInAsync(factory, "bolig");
        using var b = await Browser.SignedInAsync(factory, "bolig");
        var opened = HiddenFields.Value(await a.GetPageAsync(Url(site.Id)), "Version");
        using var bSaved = await b.PostFormAsync(Url(site.Id), Form(site.Version.ToString(), "Konflikt – B", "MunicipalBuilding", lynge, "B-vej 2"));
        Assert.Equal(HttpStatusCode.Redirect, bSaved.StatusCode);
        var afterB = await SiteAsync(site.Id);

        using var conflict = await a.PostFormAsync(Url(site.Id), Form(opened, "Konflikt – A", "Pavilion", lynge, "Lyngevej 1"));
        var html = WebUtility.HtmlDecode(await conflict.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, conflict.StatusCode);
        Assert.Contains($"<li>{Message}</li>", html, StringComparison.Ordinal);
        Assert.Contains("value=\"Konflikt – A\"", html, StringComparison.Ordinal);
        Assert.Contains("<option value=\"Pavilion\" selected>", html, StringComparison.Ordinal);
        Assert.Contains("<span class=\"form-hint\" id=\"Input_Name-saved\">Gemt af en anden: Konflikt – B</span>", html, StringComparison.Ordinal);
        Assert.Contains("<span class=\"form-hint\" id=\"Input_Kind-saved\">Gemt af en anden: Kommunal bygning</span>", html, StringComparison.Ordinal);
        Assert.Contains("<span class=\"form-hint\" id=\"Input_Address-saved\">Gemt af en anden: B-vej 2</span>", html, StringComparison.Ordinal);
        Assert.Contains("aria-describedby=\"Input_Name-saved\"", html, StringComparison.Ordinal);
        // The town is what both chose: nothing beside it.
        Assert.DoesNotContain("Input_TownId-saved", html, StringComparison.Ordinal);
        Assert.Equal(afterB.Version.ToString(), HiddenFields.Value(html, "Version"));
        Assert.Equal("Konflikt – B", (await SiteAsync(site.Id)).Name);

        using var again = await a.PostFormAsync(Url(site.Id), Form(HiddenFields.Value(html, "Version"), "Konflikt – A", "Pavilion", lynge, "Lyngevej 1"));

        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        var saved = await SiteAsync(site.Id);
        Assert.Equal(("Konflikt – A", SiteKind.Pavilion, "Lyngevej 1"), (saved.Name, saved.Kind, saved.Address));
    }

    [Fact]
    public async Task DeletedWhileEditing_SaidSoWithWhatWasTypedKept_Not500()
    {
        var site = await NewSiteAsync("Forsvinder");
        using var a = await Browser.SignedInAsync(factory, "bolig");
        var opened = HiddenFields.Value(await a.GetPageAsync(Url(site.Id)), "Version");
        await factory.QueryAsync(db => db.HousingSites.Where(s => s.Id == site.Id).ExecuteDeleteAsync());

        using var response = await a.PostFormAsync(Url(site.Id), Form(opened, "Forsvinder – rettet", "Pavilion", site.TownId, null), formPage: "/Housing");
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("<li>Boligstedet er slettet af en anden, mens du rettede det. Det, du har skrevet, er ikke gemt.</li>", html, StringComparison.Ordinal);
        Assert.Contains("value=\"Forsvinder – rettet\"", html, StringComparison.Ordinal);
        Assert.False(await factory.QueryAsync(db => db.HousingSites.AnyAsync(s => s.Id == site.Id)));
    }

    private static string Url(Guid site) => $"/Housing/Sites/{site}/Edit";

    private static Dictionary<string, string> Form(string version, string name, string kind, Guid town, string? address) => new()
    {
        ["Version"] = version, ["Input.Name"] = name, ["Input.Kind"] = kind, ["Input.TownId"] = town.ToString(), ["Input.Address"] = address ?? "",
    };

    private async Task<HousingSite> NewSiteAsync(string name)
    {
        var town = await factory.QueryAsync(db => db.Towns.Where(t => t.Name == "Lynge").Select(t => t.Id).SingleAsync());
        var site = new HousingSite(name, SiteKind.Pavilion, town, "Lyngevej 1");
        await factory.QueryAsync(db =>
        {
            db.HousingSites.Add(site);
            return db.SaveChangesAsync();
        });
        return site;
    }

    private Task<HousingSite> SiteAsync(Guid id) => factory.QueryAsync(db => db.HousingSites.AsNoTracking().SingleAsync(s => s.Id == id));
}

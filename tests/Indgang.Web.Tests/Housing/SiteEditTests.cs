using System.Net;
using System.Text.RegularExpressions;
using Indgang.Domain.Audit;
using Indgang.Domain.Housing;
using Indgang.Tests.Hosting;
using Indgang.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Indgang.Web.Tests.Housing;

/// <summary>
/// A site's name, kind, town and address are corrected on its edit page (HOUSE-1), with the create page's checks, and
/// a save over someone else's newer one is refused with what was typed kept (optimistic concurrency, as for units).
/// </summary>
public sealed class SiteEditTests(IndgangAppFactory factory) : IClassFixture<IndgangAppFactory>
{
    [Fact]
    public async Task EditSite_NewValues_AreSavedShownInTheListAndAudited()
    {
        var site = await NewSiteAsync("Rettes");
        var engholm = await TownAsync("Engholm");
        using var housing = await Browser.SignedInAsync(factory, "bolig");
        var list = WebUtility.HtmlDecode(await housing.GetPageAsync("/Housing"));
        Assert.Contains($"<a href=\"/Housing/Sites/{site.Id}/Edit\" class=\"function-link\">Ret<span class=\"sr-only\"> Rettes</span></a>", list, StringComparison.Ordinal);
        var form = WebUtility.HtmlDecode(await housing.GetPageAsync($"/Housing/Sites/{site.Id}/Edit"));
        Assert.Contains("value=\"Rettes\"", form, StringComparison.Ordinal);
        Assert.Contains($"name=\"Version\" value=\"{site.Version}\"", form, StringComparison.Ordinal);

        using var saved = await housing.PostFormAsync($"/Housing/Sites/{site.Id}/Edit", Form(site.Version, " Engholm Pavilloner ", "MunicipalBuilding", engholm, " Engholm Allé 9 "));

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal("/Housing", saved.Headers.Location?.OriginalString);
        var after = await SiteAsync(site.Id);
        Assert.Equal(("Engholm Pavilloner", SiteKind.MunicipalBuilding, engholm, "Engholm Allé 9"), (after.Name, after.Kind, after.TownId, after.Address));
        Assert.NotEqual(site.Version, after.Version);
        var row = SiteRow(WebUtility.HtmlDecode(await housing.GetPageAsync("/Housing")), "Engholm Pavilloner");
        Assert.Equal(["Engholm Pavilloner", "Kommunal bygning", "Engholm", "Engholm Allé 9"], row);
        var audited = await factory.QueryAsync(db => db.AuditEntries.AsNoTracking()
            .Where(e => e.Action == AuditAction.HousingSiteChanged && e.Details!.StartsWith(site.Id.ToString()))
            .Select(e => new { e.Actor, e.Details }).ToListAsync());
        Assert.Equal($"{site.Id:D} Engholm Pavilloner", Assert.Single(audited).Details);
        Assert.Equal("bolig", audited[0].Actor);
    }

    [Fact]
    public async Task CreateSite_IsAuditedAndLinkedFromItsUnitsPage()
    {
        using var housing = await Browser.SignedInAsync(factory, "bolig");

        using var created = await housing.PostFormAsync("/Housing/Sites/Create", Form(null, "Nyt sted", "Pavilion", await TownAsync("Lynge"), null));

        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var site = await factory.QueryAsync(db => db.HousingSites.AsNoTracking().SingleAsync(s => s.Name == "Nyt sted"));
        Assert.True(await factory.QueryAsync(db => db.AuditEntries.AnyAsync(e => e.Action == AuditAction.HousingSiteChanged && e.Details == $"{site.Id:D} Nyt sted")));
        var unit = await factory.UnitIdAsync("Pavillon A");
        var unitSite = await factory.QueryAsync(db => db.HousingUnits.Where(u => u.Id == unit).Select(u => u.SiteId).SingleAsync());
        Assert.Contains($"<a href=\"/Housing/Sites/{unitSite}/Edit\">Ret boligsted</a>", await housing.GetPageAsync($"/Housing/Units/{unit}"), StringComparison.Ordinal);
    }

    public static TheoryData<string, string, string, string> InvalidInput => new()
    {
        // field posted, value typed, id of the field, message beside it
        { "Name", "", "Input_Name", "Angiv stedets navn." },
        { "Name", new string('x', 5000), "Input_Name", "Navnet må højst være 200 tegn." },
        { "Address", new string('a', 301), "Input_Address", "Adressen må højst være 300 tegn." },
        // A mark that turns the text around it reads the name in a list as another.
        { "Name", "\u202EdemaH", "Input_Name", Platform.ControlCharacters.Refused },
        { "Address", "Engholm All\u00E9\u0001 9", "Input_Address", Platform.ControlCharacters.Refused },
        { "Kind", "Slot", "Input_Kind", "Værdien 'Slot' er ikke gyldig." },
        { "Kind", "99", "Input_Kind", "Værdien '99' er ikke gyldig." },
        { "TownId", "Lynge", "Input_TownId", "Værdien 'Lynge' er ikke gyldig." },
        // A value that does not read is repeated up to 40 characters: 5,000 filled the summary and the field's message.
        { "TownId", new string('L', 5000), "Input_TownId", $"Værdien '{new string('L', 40)}…' er ikke gyldig." },
        { "TownId", "6f0c9a43-64ad-4c1f-bd5c-1b0e5fb0b1a2", "Input_TownId", "Vælg en by fra listen." },
    };

    [Theory]
    [MemberData(nameof(InvalidInput))]
    public async Task EditSite_InvalidInput_MessageBesideTheFieldTypedValuesKeptNothingSaved(string field, string typed, string id, string message)
    {
        var site = await NewSiteAsync($"Ugyldig {field} {typed.Length}");
        var fields = Form(site.Version, "Typed name", "SharedHousing", await TownAsync("Engholm"), "Typed address");
        fields[$"Input.{field}"] = typed;
        using var housing = await Browser.SignedInAsync(factory, "bolig");

        using var response = await housing.PostFormAsync($"/Housing/Sites/{site.Id}/Edit", fields);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(FieldErrors.Beside(id, message), html, StringComparison.Ordinal);
        Assert.Contains(FieldErrors.InTheSummary(id, message), html, StringComparison.Ordinal);
        Assert.Contains($"value=\"{fields["Input.Name"]}\"", html, StringComparison.Ordinal);
        Assert.Contains($"value=\"{fields["Input.Address"]}\"", html, StringComparison.Ordinal);
        Assert.Equal(site.Version, (await SiteAsync(site.Id)).Version);
    }

    [Fact]
    public async Task EditSite_NameOfAnotherSiteInOtherCase_IsRefusedButItsOwnNameInOtherCaseIsSaved()
    {
        var site = await NewSiteAsync("Egne navn");
        var lynge = await TownAsync("Lynge");
        using var housing = await Browser.SignedInAsync(factory, "bolig");

        using var taken = await housing.PostFormAsync($"/Housing/Sites/{site.Id}/Edit", Form(site.Version, "delebolig LYNGE", "Pavilion", lynge, null));
        Assert.Contains("id=\"Input_Name-error\"><span class=\"sr-only\">Fejl: </span>Der findes allerede et boligsted med det navn.", WebUtility.HtmlDecode(await taken.Content.ReadAsStringAsync()), StringComparison.Ordinal);

        using var own = await housing.PostFormAsync($"/Housing/Sites/{site.Id}/Edit", Form(site.Version, "EGNE NAVN", "Pavilion", lynge, null));
        Assert.Equal(HttpStatusCode.Redirect, own.StatusCode);
        Assert.Equal("EGNE NAVN", (await SiteAsync(site.Id)).Name);
    }

    [Fact]
    public async Task EditSite_SavedByAnotherSinceOpened_ConflictShownTypedValuesKeptTheOthersSaveStands()
    {
        var site = await NewSiteAsync("Samtidig");
        var lynge = await TownAsync("Lynge");
        using var first = await Browser.SignedInAsync(factory, "bolig");
        using var second = await Browser.SignedInAsync(factory, "bolig");
        using var firstSave = await first.PostFormAsync($"/Housing/Sites/{site.Id}/Edit", Form(site.Version, "Samtidig – først", "Pavilion", lynge, "Første vej 1"));
        Assert.Equal(HttpStatusCode.Redirect, firstSave.StatusCode);
        var auditsBefore = await factory.QueryAsync(db => db.AuditEntries.CountAsync(e => e.Action == AuditAction.HousingSiteChanged));

        // The second opened the form before the first saved: the version in their form is the old one.
        using var stale = await second.PostFormAsync($"/Housing/Sites/{site.Id}/Edit", Form(site.Version, "Samtidig – anden", "PrivateLease", lynge, "Anden vej 2"));
        var html = WebUtility.HtmlDecode(await stale.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        Assert.Contains("<li>Boligstedet er ændret af en anden, mens du rettede det. Det, der er gemt nu, står ved de felter, hvor det er anderledes end det, du har skrevet. Tryk »Gem boligsted« igen for at gemme dine værdier i stedet.</li>", html, StringComparison.Ordinal);
        Assert.Contains("value=\"Samtidig – anden\"", html, StringComparison.Ordinal);
        Assert.Contains("value=\"Anden vej 2\"", html, StringComparison.Ordinal);
        Assert.Contains("<option value=\"PrivateLease\" selected>", html, StringComparison.Ordinal);
        var after = await SiteAsync(site.Id);
        Assert.Equal(("Samtidig – først", SiteKind.Pavilion, "Første vej 1"), (after.Name, after.Kind, after.Address));
        Assert.Equal(auditsBefore, await factory.QueryAsync(db => db.AuditEntries.CountAsync(e => e.Action == AuditAction.HousingSiteChanged)));

        // A form without its version is no newer than any.
        var noVersion = Form(null, "Samtidig – uden version", "Pavilion", lynge, null);
        using var unversioned = await second.PostFormAsync($"/Housing/Sites/{site.Id}/Edit", noVersion);
        Assert.Contains("Boligstedet er ændret af en anden", WebUtility.HtmlDecode(await unversioned.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal("Samtidig – først", (await SiteAsync(site.Id)).Name);
    }

    [Theory]
    [InlineData("koordinator")]
    [InlineData("sekretariat")]
    [InlineData("leder")]
    [InlineData("admin")]
    public async Task EditSite_RoleWithoutHousingRights_Returns403AndChangesNothing(string userName)
    {
        var site = await NewSiteAsync($"Adgang {userName}");
        using var browser = await Browser.SignedInAsync(factory, userName);

        using var page = await browser.GetAsync($"/Housing/Sites/{site.Id}/Edit");
        // The antiforgery token of a page the role may open: the refusal must come from the policy, not the token.
        using var post = await browser.PostFormAsync($"/Housing/Sites/{site.Id}/Edit", Form(site.Version, "Overtaget", "Pavilion", site.TownId, null), formPage: "/");

        Assert.Equal(HttpStatusCode.Forbidden, page.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
        Assert.Equal($"Adgang {userName}", (await SiteAsync(site.Id)).Name);
    }

    [Fact]
    public async Task EditSite_UnknownId_Returns404()
    {
        var known = await NewSiteAsync("Kendt");
        var unknown = Guid.NewGuid();
        using var housing = await Browser.SignedInAsync(factory, "bolig");

        using var page = await housing.GetAsync($"/Housing/Sites/{unknown}/Edit");
        using var notAnId = await housing.GetAsync("/Housing/Sites/kendt/Edit");
        using var post = await housing.PostFormAsync($"/Housing/Sites/{unknown}/Edit", Form(known.Version, "Kendt", "Pavilion", known.TownId, null), formPage: $"/Housing/Sites/{known.Id}/Edit");

        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, notAnId.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
    }

    /// <summary>The texts of the first four cells of the site's row in the list of sites.</summary>
    private static string[] SiteRow(string html, string name)
    {
        var start = html.IndexOf($"<tr data-site=\"{name}\">", StringComparison.Ordinal);
        Assert.True(start >= 0, $"No row for {name}.");
        var row = html[start..html.IndexOf("</tr>", start, StringComparison.Ordinal)];
        return [.. Regex.Matches(row, "<td>([^<]*)</td>").Select(m => m.Groups[1].Value).Take(4)];
    }

    private static Dictionary<string, string> Form(Guid? version, string name, string kind, Guid town, string? address)
    {
        var form = new Dictionary<string, string> { ["Input.Name"] = name, ["Input.Kind"] = kind, ["Input.TownId"] = town.ToString(), ["Input.Address"] = address ?? "" };
        if (version is { } v)
        {
            form["Version"] = v.ToString();
        }

        return form;
    }

    private async Task<HousingSite> NewSiteAsync(string name)
    {
        var site = new HousingSite(name, SiteKind.Pavilion, await TownAsync("Lynge"), "Lyngevej 1");
        await factory.QueryAsync(db =>
        {
            db.HousingSites.Add(site);
            return db.SaveChangesAsync();
        });
        return site;
    }

    private Task<HousingSite> SiteAsync(Guid id) => factory.QueryAsync(db => db.HousingSites.AsNoTracking().SingleAsync(s => s.Id == id));

    private Task<Guid> TownAsync(string name) => factory.QueryAsync(db => db.Towns.Where(t => t.Name == name).Select(t => t.Id).SingleAsync());
}

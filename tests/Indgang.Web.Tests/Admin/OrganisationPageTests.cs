using System.Net;
using AngleSharp.Html.Parser;
using Indgang.Domain.Audit;
using Indgang.Tests.Hosting;
using Indgang.Web.Features.Admin.Organisation;
using Indgang.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Indgang.Web.Tests.Admin;

/// <summary>
/// The organisation an administrator keeps (the municipality, its departments and its towns): created and corrected on
/// the admin pages, audited, each new one usable at once where the app needs it (a user's department, a site's town);
/// duplicates and bad input refused beside the field with what was typed kept.
/// </summary>
public sealed class OrganisationPageTests(IndgangAppFactory factory) : IClassFixture<IndgangAppFactory>
{
    private const string Page = "/Admin/Organisation";
    private static readonly HtmlParser Parser = new();

    [Fact]
    public async Task ADepartment_Created_IsListed_AChoiceForAUser_AndAudited()
    {
        using var admin = await Browser.SignedInAsync(factory, "admin");

        using var created = await admin.PostFormAsync($"{Page}/Department", new Dictionary<string, string>
        {
            ["Name"] = "  Integrationsteamet ",
            ["Code"] = "Integration-1",
        });

        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        Assert.Equal($"{Page}?saved=afdeling", created.Headers.Location?.OriginalString);
        var department = await factory.QueryAsync(db => db.Departments.AsNoTracking().SingleAsync(d => d.Code == "integration-1"));
        Assert.Equal("Integrationsteamet", department.Name);
        var list = Parser.ParseDocument(await admin.GetPageAsync($"{Page}?saved=afdeling"));
        Assert.Equal("Afdelingen er gemt.", list.QuerySelector("[role=status]")!.TextContent.Trim());
        Assert.Equal("Integrationsteamet", list.QuerySelector("tr[data-department='integration-1'] th")!.TextContent.Trim());
        var userForm = Parser.ParseDocument(await admin.GetPageAsync("/Admin/Users/Create"));
        Assert.Contains(userForm.QuerySelectorAll("select[name='Input.DepartmentId'] option"), o => o.GetAttribute("value") == department.Id.ToString());
        Assert.Contains("Afdeling oprettet: integration-1 Integrationsteamet", await OrganisationAuditAsync());
    }

    [Fact]
    public async Task ADepartment_Renamed_KeepsItsCodeAndItsUsers()
    {
        using var admin = await Browser.SignedInAsync(factory, "admin");
        using (var created = await admin.PostFormAsync($"{Page}/Department", new Dictionary<string, string> { ["Name"] = "Sprogcentret", ["Code"] = "sprog" }))
        {
            Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        }

        var id = await factory.QueryAsync(db => db.Departments.Where(d => d.Code == "sprog").Select(d => d.Id).SingleAsync());
        var formHtml = await admin.GetPageAsync($"{Page}/Department/{id}");
        Assert.Equal("Sprogcentret", Parser.ParseDocument(formHtml).QuerySelector("input[name='Name']")!.GetAttribute("value"));
        Assert.Null(Parser.ParseDocument(formHtml).QuerySelector("input[name='Code']"));

        using var renamed = await admin.PostFormAsync($"{Page}/Department/{id}", new Dictionary<string, string>
        {
            ["Name"] = "Sprogcenter Nord",
            ["Code"] = "forsøg-på-ny-kode",
            ["Version"] = HiddenFields.Value(formHtml, "Version"),
        });

        Assert.Equal(HttpStatusCode.Redirect, renamed.StatusCode);
        var department = await factory.QueryAsync(db => db.Departments.AsNoTracking().SingleAsync(d => d.Id == id));
        Assert.Equal(("Sprogcenter Nord", "sprog"), (department.Name, department.Code));
        Assert.Contains("Afdeling sprog: Sprogcentret → Sprogcenter Nord", await OrganisationAuditAsync());
    }

    [Fact]
    public async Task ADepartment_NameOrCodeTakenOrBad_IsRefusedBesideTheField_WhatWasTypedStays_NothingSaved()
    {
        using var admin = await Browser.SignedInAsync(factory, "admin");
        var before = await factory.QueryAsync(db => db.Departments.CountAsync());

        // The demo's "Sekretariatet" and "jobberiet", in another case.
        var taken = await PostAsync(admin, $"{Page}/Department", new() { ["Name"] = "SEKRETARIATET", ["Code"] = "JOBBERIET" });
        Assert.Equal(DepartmentModel.NameTaken, Error(taken, "Name"));
        Assert.Equal(DepartmentModel.CodeTaken, Error(taken, "Code"));
        Assert.Equal(["SEKRETARIATET", "JOBBERIET"], Values(taken, "Name", "Code"));

        var bad = await PostAsync(admin, $"{Page}/Department", new() { ["Name"] = new string('x', 201), ["Code"] = "børn og unge" });
        Assert.Equal("Navnet må højst være 200 tegn.", Error(bad, "Name"));
        Assert.Equal("Koden må kun have små bogstaver a–z, tal og bindestreg, fx »sekretariatet«.", Error(bad, "Code"));
        Assert.Equal(["#Name", "#Code"], bad.QuerySelectorAll(".alert-error a").Select(a => a.GetAttribute("href")));
        Assert.Equal([new string('x', 201), "børn og unge"], Values(bad, "Name", "Code"));

        var empty = await PostAsync(admin, $"{Page}/Department", new() { ["Name"] = " ", ["Code"] = "" });
        Assert.Equal("Angiv afdelingens navn.", Error(empty, "Name"));
        Assert.Equal("Angiv en kode for afdelingen.", Error(empty, "Code"));

        Assert.Equal(before, await factory.QueryAsync(db => db.Departments.CountAsync()));
    }

    [Fact]
    public async Task ATown_Created_AndCorrected_IsATownForASite_AndAudited()
    {
        using var admin = await Browser.SignedInAsync(factory, "admin");

        using (var created = await admin.PostFormAsync($"{Page}/Town", new Dictionary<string, string> { ["Name"] = "Nymølle", ["Population"] = "850" }))
        {
            Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        }

        var id = await factory.QueryAsync(db => db.Towns.Where(t => t.Name == "Nymølle").Select(t => t.Id).SingleAsync());
        var list = Parser.ParseDocument(await admin.GetPageAsync(Page));
        Assert.Equal("850", list.QuerySelector("tr[data-town='Nymølle'] td")!.TextContent.Trim());
        var formHtml = await admin.GetPageAsync($"{Page}/Town/{id}");
        Assert.Equal(["Nymølle", "850"], Values(Parser.ParseDocument(formHtml), "Name", "Population"));

        using var corrected = await admin.PostFormAsync($"{Page}/Town/{id}", new Dictionary<string, string>
        {
            ["Name"] = "Nymølle By",
            ["Population"] = "1200",
            ["Version"] = HiddenFields.Value(formHtml, "Version"),
        });

        Assert.Equal(HttpStatusCode.Redirect, corrected.StatusCode);
        var town = await factory.QueryAsync(db => db.Towns.AsNoTracking().SingleAsync(t => t.Id == id));
        Assert.Equal(("Nymølle By", 1200), (town.Name, town.Population));
        Assert.Contains("By oprettet: Nymølle (850 indbyggere)", await OrganisationAuditAsync());
        Assert.Contains("By: Nymølle (850 indbyggere) → Nymølle By (1200 indbyggere)", await OrganisationAuditAsync());
        using var housing = await Browser.SignedInAsync(factory, "bolig");
        var siteForm = Parser.ParseDocument(await housing.GetPageAsync("/Housing/Sites/Create"));
        Assert.Contains(siteForm.QuerySelectorAll("select[name='Input.TownId'] option"), o => o.GetAttribute("value") == id.ToString() && o.TextContent.Trim() == "Nymølle By");
    }

    [Fact]
    public async Task ATown_NameTakenOrPopulationBad_IsRefusedBesideTheField_WhatWasTypedStays_NothingSaved()
    {
        using var admin = await Browser.SignedInAsync(factory, "admin");
        var before = await factory.QueryAsync(db => db.Towns.CountAsync());

        // The demo's Lillerød, with a capital Ø only.
        var taken = await PostAsync(admin, $"{Page}/Town", new() { ["Name"] = "LILLERØD", ["Population"] = "-1" });
        Assert.Equal(TownModel.NameTaken, Error(taken, "Name"));
        Assert.Equal("Angiv indbyggertallet som et helt tal fra 0 til 1.000.000.", Error(taken, "Population"));
        Assert.Equal(["LILLERØD", "-1"], Values(taken, "Name", "Population"));

        var notANumber = await PostAsync(admin, $"{Page}/Town", new() { ["Name"] = "", ["Population"] = "mange" });
        Assert.Equal("Angiv byens navn.", Error(notANumber, "Name"));
        Assert.NotEqual("", Error(notANumber, "Population"));
        Assert.Equal(["", "mange"], Values(notANumber, "Name", "Population"));

        Assert.Equal(before, await factory.QueryAsync(db => db.Towns.CountAsync()));
    }

    [Fact]
    public async Task ATownSavedByAnotherSinceTheFormWasOpened_IsShownBesideTheFields_NotOverwritten_UntilGemAgain()
    {
        using var first = await Browser.SignedInAsync(factory, "admin");
        using var second = await Browser.SignedInAsync(factory, "admin");
        using (var created = await first.PostFormAsync($"{Page}/Town", new Dictionary<string, string> { ["Name"] = "Kollerød", ["Population"] = "300" }))
        {
            Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        }

        var id = await factory.QueryAsync(db => db.Towns.Where(t => t.Name == "Kollerød").Select(t => t.Id).SingleAsync());
        var opened = HiddenFields.Value(await first.GetPageAsync($"{Page}/Town/{id}"), "Version");
        using (var other = await second.PostFormAsync($"{Page}/Town/{id}", new Dictionary<string, string>
        {
            ["Name"] = "Kollerød",
            ["Population"] = "320",
            ["Version"] = HiddenFields.Value(await second.GetPageAsync($"{Page}/Town/{id}"), "Version"),
        }))
        {
            Assert.Equal(HttpStatusCode.Redirect, other.StatusCode);
        }

        using var stale = await first.PostFormAsync($"{Page}/Town/{id}", new Dictionary<string, string> { ["Name"] = "Kollerød Nord", ["Population"] = "300", ["Version"] = opened });

        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        var html = await stale.Content.ReadAsStringAsync();
        var page = Parser.ParseDocument(html);
        Assert.Contains(TownModel.SavedByOtherMessage, page.QuerySelector(".alert-error")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Gemt af en anden: 320", page.QuerySelector("#Population-saved")!.TextContent.Trim());
        Assert.Equal("Gemt af en anden: Kollerød", page.QuerySelector("#Name-saved")!.TextContent.Trim());
        Assert.Equal(["Kollerød Nord", "300"], Values(page, "Name", "Population"));
        Assert.Equal(("Kollerød", 320), await factory.QueryAsync(db => db.Towns.Where(t => t.Id == id).Select(t => new ValueTuple<string, int>(t.Name, t.Population)).SingleAsync()));

        using var again = await first.PostFormAsync($"{Page}/Town/{id}", new Dictionary<string, string> { ["Name"] = "Kollerød Nord", ["Population"] = "300", ["Version"] = HiddenFields.Value(html, "Version") });

        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Equal(("Kollerød Nord", 300), await factory.QueryAsync(db => db.Towns.Where(t => t.Id == id).Select(t => new ValueTuple<string, int>(t.Name, t.Population)).SingleAsync()));
    }

    [Fact]
    public async Task TheMunicipality_Renamed_IsInThePageFrame_AndAudited_BadNumberRefused()
    {
        using var admin = await Browser.SignedInAsync(factory, "admin");
        var formHtml = await admin.GetPageAsync($"{Page}/Municipality");
        Assert.Equal(["Allerød Kommune", "201"], Values(Parser.ParseDocument(formHtml), "Name", "Code"));

        var bad = await PostAsync(admin, $"{Page}/Municipality", new() { ["Name"] = "Allerød Kommune – test", ["Code"] = "20a", ["Version"] = HiddenFields.Value(formHtml, "Version") });
        Assert.Equal("Angiv kommunenummeret med tre cifre, fx 201.", Error(bad, "Code"));
        Assert.Equal(["Allerød Kommune – test", "20a"], Values(bad, "Name", "Code"));

        using var renamed = await admin.PostFormAsync($"{Page}/Municipality", new Dictionary<string, string>
        {
            ["Name"] = "Allerød Kommune – test",
            ["Code"] = "201",
            ["Version"] = HiddenFields.Value(formHtml, "Version"),
        });

        Assert.Equal(HttpStatusCode.Redirect, renamed.StatusCode);
        var start = Parser.ParseDocument(await admin.GetPageAsync("/"));
        Assert.Equal("Allerød Kommune – test", start.QuerySelector(".municipality-name")!.TextContent.Trim());
        Assert.Contains("Kommune: 201 Allerød Kommune → 201 Allerød Kommune – test", await OrganisationAuditAsync());

        // And back, for the other tests.
        using var back = await admin.PostFormAsync($"{Page}/Municipality", new Dictionary<string, string>
        {
            ["Name"] = "Allerød Kommune",
            ["Code"] = "201",
            ["Version"] = HiddenFields.Value(await admin.GetPageAsync($"{Page}/Municipality"), "Version"),
        });
        Assert.Equal(HttpStatusCode.Redirect, back.StatusCode);
    }

    [Fact]
    public async Task TextLongerThanItsColumn_IsRefusedBesideTheField_OnEachPage()
    {
        using var admin = await Browser.SignedInAsync(factory, "admin");
        var longName = new string('N', 201);

        var department = await PostAsync(admin, $"{Page}/Department", new() { ["Name"] = "Langt navn", ["Code"] = new string('k', 51) });
        var town = await PostAsync(admin, $"{Page}/Town", new() { ["Name"] = longName, ["Population"] = "10" });
        var municipality = await PostAsync(admin, $"{Page}/Municipality", new() { ["Name"] = longName, ["Code"] = "201", ["Version"] = HiddenFields.Value(await admin.GetPageAsync($"{Page}/Municipality"), "Version") });

        Assert.Equal("Koden må højst være 50 tegn.", Error(department, "Code"));
        Assert.Equal("Navnet må højst være 200 tegn.", Error(town, "Name"));
        Assert.Equal("Navnet må højst være 200 tegn.", Error(municipality, "Name"));
        Assert.Equal(longName, Values(municipality, "Name")[0]);
        Assert.Equal("Allerød Kommune", await factory.QueryAsync(db => db.Municipalities.Select(m => m.Name).SingleAsync()));
    }

    [Fact]
    public async Task ADepartmentRename_Refused_StillShowsItsOwnCode()
    {
        using var admin = await Browser.SignedInAsync(factory, "admin");
        var id = await factory.QueryAsync(db => db.Departments.Where(d => d.Code == "teknik-drift").Select(d => d.Id).SingleAsync());

        var refused = await PostAsync(admin, $"{Page}/Department/{id}", new() { ["Name"] = "Sekretariatet", ["Code"] = "andet", ["Version"] = HiddenFields.Value(await admin.GetPageAsync($"{Page}/Department/{id}"), "Version") });

        Assert.Equal(DepartmentModel.NameTaken, Error(refused, "Name"));
        Assert.Contains("Kode: teknik-drift", refused.QuerySelector("main form")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Teknik og drift", await factory.QueryAsync(db => db.Departments.Where(d => d.Id == id).Select(d => d.Name).SingleAsync()));
    }

    [Fact]
    public async Task TheAdministrator_FindsTheOrganisation_InTheMenuAndOnTheStartPage()
    {
        using var admin = await Browser.SignedInAsync(factory, "admin");

        var start = Parser.ParseDocument(await admin.GetPageAsync("/"));

        Assert.Single(start.QuerySelectorAll($"main a[href='{Page}']"));
        Assert.Single(start.QuerySelectorAll($"nav.nav a[href='{Page}']"));
        var page = Parser.ParseDocument(await admin.GetPageAsync(Page));
        Assert.Equal("Organisation", page.QuerySelector("h1")!.TextContent.Trim());
        Assert.Equal("201", page.QuerySelector("[data-field=municipality-code]")!.TextContent.Trim());
    }

    [Theory]
    [InlineData("koordinator", Page)]
    [InlineData("bolig", Page + "/Town")]
    [InlineData("sekretariat", Page + "/Department")]
    [InlineData("leder", Page + "/Municipality")]
    public async Task NotAnAdministrator_IsRefused(string userName, string url)
    {
        using var browser = await Browser.SignedInAsync(factory, userName);
        using var response = await browser.GetAsync(url);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task AnUnknownDepartmentOrTown_IsNotFound()
    {
        using var admin = await Browser.SignedInAsync(factory, "admin");

        using var department = await admin.GetAsync($"{Page}/Department/{Guid.NewGuid()}");
        using var town = await admin.GetAsync($"{Page}/Town/{Guid.NewGuid()}");

        Assert.Equal(HttpStatusCode.NotFound, department.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, town.StatusCode);
    }

    private static async Task<AngleSharp.Html.Dom.IHtmlDocument> PostAsync(Browser admin, string url, Dictionary<string, string> fields)
    {
        using var response = await admin.PostFormAsync(url, fields);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return Parser.ParseDocument(await response.Content.ReadAsStringAsync());
    }

    private static string Error(AngleSharp.Html.Dom.IHtmlDocument page, string field) =>
        page.QuerySelector($"#{field}-error")?.TextContent.Replace("Fejl:", "", StringComparison.Ordinal).Trim() ?? "";

    private static string[] Values(AngleSharp.Html.Dom.IHtmlDocument page, params string[] fields) =>
        fields.Select(n => page.QuerySelector($"input[name='{n}']")!.GetAttribute("value") ?? "").ToArray();

    private Task<List<string?>> OrganisationAuditAsync() =>
        factory.QueryAsync(db => db.AuditEntries.AsNoTracking().Where(e => e.Action == AuditAction.OrganisationChanged).Select(e => e.Details).ToListAsync());
}

using System.Net;
using Indgang.Domain.Audit;
using Indgang.Tests.Hosting;
using Indgang.Web.Features.Housing;
using Indgang.Web.Platform.Forms;
using Indgang.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Indgang.Web.Tests.Housing;

public sealed class StockTests(IndgangAppFactory factory) : IClassFixture<IndgangAppFactory>
{
    [Fact]
    public async Task StockList_ShowsUnitsWithStatusAndTheVulnerableAreaFlag()
    {
        using var housing = await Browser.SignedInAsync(factory, "bolig");
        var html = WebUtility.HtmlDecode(await housing.GetPageAsync("/Housing"));

        Assert.Contains("Pavillon A", html, StringComparison.Ordinal);
        Assert.Contains("Udsat område – må ikke bruges", html, StringComparison.Ordinal);
        Assert.Contains("Vandskade – under udbedring", html, StringComparison.Ordinal);
        Assert.Contains("Ledige senge", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateUnit_BadInput_ErrorsBesideFieldsAndTypedValuesKept()
    {
        using var housing = await Browser.SignedInAsync(factory, "bolig");
        using var response = await housing.PostFormAsync("/Housing/Units/Edit", new Dictionary<string, string>
        {
            ["Input.SiteId"] = Guid.NewGuid().ToString(),
            ["Input.Label"] = "Ny pavillon",
            ["Input.Rooms"] = "0",
            ["Input.Beds"] = "tre",
            ["Input.MonthlyRent"] = "-5",
            ["Input.SchoolMetres"] = "-1",
            ["Input.AvailableFrom"] = "",
        });
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("id=\"Input_Beds-error\"", html, StringComparison.Ordinal);
        // Every mistake in one round, each beside its field once.
        Assert.Contains("Angiv antal værelser (1–30).", html, StringComparison.Ordinal);
        // A distance left empty is unknown, not 0 m (next door): it must be given.
        Assert.Contains("id=\"Input_TransportMetres-error\"", html, StringComparison.Ordinal);
        Assert.Contains("Angiv afstanden i meter (0–100.000).", html, StringComparison.Ordinal);
        Assert.Contains("Skriv huslejen i kroner, fx 4520, 4.520 eller 4.520,50.", html, StringComparison.Ordinal);
        Assert.Contains("Skriv antal senge som et helt tal, fx 4.", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Angiv den månedlige husleje", html, StringComparison.Ordinal);
        Assert.Contains("value=\"tre\"", html, StringComparison.Ordinal);
        Assert.Contains("value=\"Ny pavillon\"", html, StringComparison.Ordinal);
        Assert.False(await factory.QueryAsync(db => db.HousingUnits.AnyAsync(u => u.Label == "Ny pavillon")));
    }

    [Fact]
    public async Task CreateSiteAndUnit_ThenEditWithAStaleVersion_IsRefused()
    {
        var town = await factory.QueryAsync(db => db.Towns.Where(t => t.Name == "Lynge").Select(t => t.Id).SingleAsync());
        using var housing = await Browser.SignedInAsync(factory, "bolig");
        using var site = await housing.PostFormAsync("/Housing/Sites/Create", new Dictionary<string, string> { ["Input.Name"] = "Lynge Pavilloner", ["Input.Kind"] = "Pavilion", ["Input.TownId"] = town.ToString() });
        Assert.Equal(HttpStatusCode.Redirect, site.StatusCode);
        var siteId = await factory.QueryAsync(db => db.HousingSites.Where(s => s.Name == "Lynge Pavilloner").Select(s => s.Id).SingleAsync());

        var form = new Dictionary<string, string>
        {
            ["Input.SiteId"] = siteId.ToString(), ["Input.Label"] = "Hus 1", ["Input.Rooms"] = "3", ["Input.Beds"] = "5", ["Input.MonthlyRent"] = "4200",
            ["Input.StepFree"] = "true", ["Input.SchoolMetres"] = "350", ["Input.TransportMetres"] = "900", ["Input.DaycareMetres"] = "700",
            ["Input.ShopsMetres"] = "500", ["Input.AvailableFrom"] = "2026-12-01",
        };
        using var created = await housing.PostFormAsync("/Housing/Units/Edit", form);
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var unit = await factory.QueryAsync(db => db.HousingUnits.SingleAsync(u => u.Label == "Hus 1"));
        Assert.True(unit.StepFree);
        Assert.Equal(350, unit.SchoolMetres);
        Assert.True(await factory.QueryAsync(db => db.AuditEntries.AnyAsync(e => e.Action == AuditAction.HousingUnitChanged)));

        form["Version"] = ShownVersion.Of(UnitInput.From(unit)).ToString();
        form["Input.BlockedReason"] = "Skimmelsvamp";
        using var blocked = await housing.PostFormAsync($"/Housing/Units/Edit/{unit.Id}", form);
        Assert.Equal(HttpStatusCode.Redirect, blocked.StatusCode);

        form["Input.BlockedReason"] = "";
        using var stale = await housing.PostFormAsync($"/Housing/Units/Edit/{unit.Id}", form); // still the old version
        var html = WebUtility.HtmlDecode(await stale.Content.ReadAsStringAsync());
        Assert.Contains("Boligen er ændret af en anden", html, StringComparison.Ordinal);
        Assert.Equal("Skimmelsvamp", (await factory.QueryAsync(db => db.HousingUnits.SingleAsync(u => u.Id == unit.Id))).BlockedReason);
    }

    [Theory]
    [InlineData("koordinator")]
    [InlineData("leder")]
    [InlineData("sekretariat")]
    public async Task HousingPages_NotHousingCoordinator_Return403(string userName)
    {
        using var browser = await Browser.SignedInAsync(factory, userName);
        using var response = await browser.GetAsync("/Housing");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Theory]
    // A number field sends a point whatever the page's language; typed by hand in Danish it may carry a comma.
    [InlineData("4200.50", "da")]
    [InlineData("4200,50", "da")]
    [InlineData("4200.50", "en")]
    public async Task EditUnit_RentWithOere_IsStoredAsTyped(string rent, string language)
    {
        var site = await factory.QueryAsync(db => db.SomeSiteIdAsync());
        using var housing = await Browser.SignedInAsync(factory, "bolig");
        if (language == "en")
        {
            await housing.ChooseEnglishAsync();
        }

        var label = $"Øre {rent} {language}";
        using var created = await housing.PostFormAsync("/Housing/Units/Edit", new Dictionary<string, string>
        {
            ["Input.SiteId"] = site.ToString(), ["Input.Label"] = label, ["Input.Rooms"] = "2", ["Input.Beds"] = "3", ["Input.MonthlyRent"] = rent,
            ["Input.SchoolMetres"] = "350", ["Input.TransportMetres"] = "900", ["Input.DaycareMetres"] = "700", ["Input.ShopsMetres"] = "500",
            ["Input.AvailableFrom"] = "2026-12-01",
        });

        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        Assert.Equal(4200.50m, await factory.QueryAsync(db => db.HousingUnits.Where(u => u.Label == label).Select(u => u.MonthlyRent).SingleAsync()));
    }

    [Fact]
    public async Task EditUnit_SharedRoomWithResidentsMadeAWholeUnit_IsRefusedBesideTheBox()
    {
        var room = await factory.UnitIdAsync("Værelse 1");
        var single = await factory.RegisterSingleAsync("Værelsesbeboer");
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            Assert.True((await scope.ServiceProvider.GetRequiredService<HousingMoves>().MoveInAsync(room, single, Arrivals.Today)).Succeeded);
        }

        var unit = await factory.QueryAsync(db => db.HousingUnits.SingleAsync(u => u.Id == room));
        var input = UnitInput.From(unit);
        using var housing = await Browser.SignedInAsync(factory, "bolig");
        using var response = await housing.PostFormAsync($"/Housing/Units/Edit/{room}", new Dictionary<string, string>
        {
            ["Version"] = ShownVersion.Of(input).ToString(), ["Input.SiteId"] = input.SiteId.ToString()!, ["Input.Label"] = input.Label!,
            ["Input.Rooms"] = "1", ["Input.Beds"] = "2", ["Input.MonthlyRent"] = "2100", ["Input.StepFree"] = "true",
            ["Input.TransportMetres"] = "1500", ["Input.SchoolMetres"] = "1200", ["Input.DaycareMetres"] = "1300", ["Input.ShopsMetres"] = "600",
            ["Input.AvailableFrom"] = Arrivals.Iso(input.AvailableFrom!.Value), ["Input.IsSharedRoom"] = "false",
        }, formPage: $"/Housing/Units/Edit/{room}");
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("id=\"Input_IsSharedRoom-error\"", html, StringComparison.Ordinal);
        Assert.Contains("Om den er et delt værelse, kan først ændres, når de er flyttet.", html, StringComparison.Ordinal);
        Assert.True(await factory.QueryAsync(db => db.HousingUnits.Where(u => u.Id == room).Select(u => u.IsSharedRoom).SingleAsync()));
    }
}

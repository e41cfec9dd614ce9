using System.Net;
using System.Text.Json;
using Indgang.Domain.Housing;
using Indgang.Tests.Hosting;
using Indgang.Web.Features.Api;
using Indgang.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Indgang.Web.Tests.Housing;

/// <summary>
/// GET /api/v1/housing/units (PLAT-7, HOUSE-1): the demo stock of nine units as the property system reads it, filtered
/// as the stock page filters, for the housing coordinator only. These tests only read.
/// </summary>
public sealed class HousingUnitsApiTests(IndgangAppFactory factory) : IClassFixture<IndgangAppFactory>
{
    private static readonly string[] Fields =
    [
        "id", "label", "siteId", "site", "siteKind", "townId", "town", "isPermanent", "rooms", "beds", "freeBeds", "isSharedRoom",
        "monthlyRent", "stepFree", "groundFloor", "lift", "transportMetres", "schoolMetres", "daycareMetres", "shopsMetres",
        "inVulnerableArea", "availableFrom", "status", "blockedReason", "reservedFrom",
    ];

    [Fact]
    public async Task Units_DemoStock_AgreeFieldByFieldWithTheDatabase_InThePagesOrder()
    {
        var today = Arrivals.Today;
        var stock = await factory.QueryAsync(db => (
            from u in db.HousingUnits.AsNoTracking()
            join s in db.HousingSites.AsNoTracking() on u.SiteId equals s.Id
            join t in db.Towns.AsNoTracking() on s.TownId equals t.Id
            select new { Unit = u, Site = s, Town = t }).ToListAsync());
        using var housing = await Browser.SignedInAsync(factory, "bolig");

        var units = await housing.UnitsAsync();

        Assert.Equal(9, stock.Count);
        Assert.Equal(StockPage.Units(await housing.GetPageAsync("/Housing")), units.Select(u => u.Label));
        foreach (var (unit, site, town) in stock.Select(x => (x.Unit, x.Site, x.Town)))
        {
            var expected = new HousingUnitDto(
                unit.Id, unit.Label, site.Id, site.Name, site.Kind, town.Id, town.Name, unit.IsPermanent, unit.Rooms, unit.Beds,
                unit.StockStatusOn(today) == StockStatus.AvailableNow ? unit.Beds - unit.OccupiedBeds : 0, unit.IsSharedRoom, unit.MonthlyRent, unit.StepFree, unit.GroundFloor, unit.Lift,
                unit.TransportMetres, unit.SchoolMetres, unit.DaycareMetres, unit.ShopsMetres, unit.InVulnerableArea, unit.AvailableFrom,
                unit.StockStatusOn(today), unit.Status == UnitStatus.Blocked ? unit.BlockedReason : null);
            Assert.Equal(expected, Assert.Single(units, u => u.Id == unit.Id));
        }

        // The demo has a unit in every status, a shared room, permanent units and a taken bed: the comparison sees them all.
        // Every status but Reserved (no demo unit is given to a household that moves in later: ReservedUnitStatusTests).
        Assert.Equal(Enum.GetValues<StockStatus>().Where(s => s != StockStatus.Reserved).Order(), units.Select(u => u.Status).Distinct().Order());
        Assert.Contains(units, u => u.IsSharedRoom);
        Assert.Contains(units, u => u.IsPermanent);
        Assert.Contains(units, u => u.FreeBeds < u.Beds);
        // A blocked unit says why, as the page does (the JSON left it out: found by exploratory review).
        Assert.Contains(units, u => u.Status == StockStatus.Blocked && !string.IsNullOrWhiteSpace(u.BlockedReason));
    }

    /// <summary>
    /// A program that adds up the free beds gets the page's figure: a blocked unit, one in a vulnerable housing area and
    /// one free only later have none to give (the API said their beds were free: found by exploratory review).
    /// </summary>
    [Fact]
    public async Task Units_FreeBeds_AreTheBedsToGiveToday_TheyAddUpToThePagesFigure()
    {
        using var housing = await Browser.SignedInAsync(factory, "bolig");

        var units = await housing.UnitsAsync();
        var page = await housing.GetPageAsync("/Housing");

        Assert.All(units.Where(u => u.Status is StockStatus.Blocked or StockStatus.VulnerableArea or StockStatus.AvailableLater), u => Assert.Equal(0, u.FreeBeds));
        Assert.Contains(units, u => u.Status is StockStatus.Blocked && u.Beds > 0);
        Assert.Equal(StockPage.Text(page, "main p strong"), units.Sum(u => u.FreeBeds).ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Units_Json_HasTheUnitsFieldsOnly_EnumsByName_AndNoResident()
    {
        var residents = await factory.QueryAsync(async db =>
            (await db.Households.Select(h => h.Name).ToListAsync()).Concat(await db.Persons.Select(p => p.LastName).ToListAsync()).ToList());
        using var housing = await Browser.SignedInAsync(factory, "bolig");

        var json = await housing.GetPageAsync(HousingApi.UnitsUrl());
        using var document = JsonDocument.Parse(json);

        Assert.All(document.RootElement.EnumerateArray(), unit => Assert.Equal(Fields, unit.EnumerateObject().Select(p => p.Name)));
        var lejlighed3 = document.RootElement.EnumerateArray().Single(u => u.GetProperty("label").GetString() == "Lejlighed 3");
        Assert.Equal("Occupied", lejlighed3.GetProperty("status").GetString());
        Assert.Equal("MunicipalBuilding", lejlighed3.GetProperty("siteKind").GetString());
        Assert.Equal(JsonValueKind.String, lejlighed3.GetProperty("availableFrom").ValueKind);
        // Lejlighed 3 is the demo couple's home: nothing says who they are.
        Assert.NotEmpty(residents);
        Assert.All(residents, name => Assert.DoesNotContain(name, json, StringComparison.OrdinalIgnoreCase));
    }

    [Theory]
    [InlineData("Type", "Temporary")]
    [InlineData("Type", "SharedRoom")]
    [InlineData("Status", "AvailableNow")]
    [InlineData("Status", "AvailableLater")]
    [InlineData("Status", "Occupied")]
    [InlineData("StepFree", "true")]
    [InlineData("StepFree", "false")]
    [InlineData("MinFreeBeds", "5")]
    [InlineData("Search", "  GAMLE SKOLE ")]
    [InlineData("Search", "VÆRELSE")]
    [InlineData("Town", "Lillerød")]
    public async Task Units_Filter_NarrowsAsThePageDoes(string field, string value)
    {
        if (field == "Town")
        {
            value = (await factory.QueryAsync(db => db.Towns.Where(t => t.Name == value).Select(t => t.Id).SingleAsync())).ToString();
        }

        using var housing = await Browser.SignedInAsync(factory, "bolig");

        var units = await housing.UnitsAsync((Camel(field), value));

        var page = StockPage.Units(await housing.FilteredAsync((field, value)));
        Assert.Equal(page, units.Select(u => u.Label));
        if (value != "false")
        {
            Assert.InRange(units.Count, 1, 8);
        }
    }

    [Fact]
    public async Task Units_SeveralFields_AllMustHold_AsOnThePage()
    {
        var lillerod = await factory.QueryAsync(db => db.Towns.Where(t => t.Name == "Lillerød").Select(t => t.Id).SingleAsync());
        using var housing = await Browser.SignedInAsync(factory, "bolig");

        var units = await housing.UnitsAsync(
            ("town", lillerod.ToString()), ("type", "Temporary"), ("status", "AvailableNow"), ("stepFree", "true"), ("minFreeBeds", "4"), ("search", "pavillon"));

        // Pavillon B has 3 beds; Pavillon C is free later and not step-free.
        Assert.Equal(["Pavillon A"], units.Select(u => u.Label));
    }

    [Theory]
    [InlineData("Type", "Villa")]
    [InlineData("Status", "3")]
    [InlineData("Status", "Blocked,Occupied")]
    [InlineData("Town", "Lillerød")]
    [InlineData("Town", "0b5a3c1e-0000-4000-8000-000000000000")]
    [InlineData("MinFreeBeds", "tre")]
    [InlineData("MinFreeBeds", "-1")]
    [InlineData("MinFreeBeds", "31")]
    [InlineData("StepFree", "måske")]
    [InlineData("Search", "LONG")]
    public async Task Units_ValueThatCannotBeRead_Returns400ProblemDetailsWithThePagesMessageForTheField(string field, string value)
    {
        value = value == "LONG" ? new string('x', 201) : value;
        using var housing = await Browser.SignedInAsync(factory, "bolig");
        var pageError = StockPage.Text(await housing.FilteredAsync((field, value)), $"#Filter_{field}-error");

        using var response = await housing.GetAsync(HousingApi.UnitsUrl((Camel(field), value)));
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal(400, body.RootElement.GetProperty("status").GetInt32());
        var errors = body.RootElement.GetProperty("errors");
        var message = Assert.Single(errors.GetProperty(Camel(field)).EnumerateArray()).GetString();
        Assert.Equal(pageError, $"Fejl: {message}");
        Assert.Equal([Camel(field)], errors.EnumerateObject().Select(e => e.Name));
    }

    [Theory]
    [InlineData("/api/v1/housing/units")]
    [InlineData("/api/v1/housing/forecast")]
    public async Task Housing_Coordinator_Returns403(string url)
    {
        using var coordinator = await Browser.SignedInAsync(factory, "koordinator");

        using var response = await coordinator.GetAsync(url);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task OpenApi_DescribesTheHousingEndpoints_WithTheirFiltersAndSchemas()
    {
        using var housing = await Browser.SignedInAsync(factory, "bolig");
        using var document = JsonDocument.Parse(await housing.GetPageAsync("/openapi/v1.json"));
        var paths = document.RootElement.GetProperty("paths");
        var schemas = document.RootElement.GetProperty("components").GetProperty("schemas");

        var units = paths.GetProperty("/api/v1/housing/units").GetProperty("get");
        Assert.Equal("GetHousingUnits", units.GetProperty("operationId").GetString());
        Assert.Equal(["town", "type", "status", "stepFree", "minFreeBeds", "search", "page", "pageSize"],
            units.GetProperty("parameters").EnumerateArray().Select(p => p.GetProperty("name").GetString()));
        Assert.All(units.GetProperty("parameters").EnumerateArray(), p => Assert.Equal("query", p.GetProperty("in").GetString()));
        Assert.True(units.GetProperty("responses").TryGetProperty("400", out _));
        var unit = schemas.GetProperty(nameof(HousingUnitDto)).GetProperty("properties");
        Assert.Equal(Fields, unit.EnumerateObject().Select(p => p.Name));
        var statusSchema = schemas.GetProperty(nameof(StockStatus));
        Assert.Equal(Enum.GetNames<StockStatus>(), statusSchema.GetProperty("enum").EnumerateArray().Select(e => e.GetString()));

        var forecast = paths.GetProperty("/api/v1/housing/forecast").GetProperty("get");
        Assert.Equal("GetCapacityForecast", forecast.GetProperty("operationId").GetString());
        Assert.Equal(["usableBeds", "occupiedBeds", "typicalStayDays", "firstShortfallMonth", "months"],
            schemas.GetProperty(nameof(CapacityForecastDto)).GetProperty("properties").EnumerateObject().Select(p => p.Name));
        Assert.Contains("freeBedsAtEnd", schemas.GetProperty(nameof(ForecastMonthDto)).GetProperty("properties").EnumerateObject().Select(p => p.Name));
        // Counts are integers to the systems that integrate, not "integer or string" (numbers are not read from strings).
        Assert.Equal(JsonValueKind.String, unit.GetProperty("beds").GetProperty("type").ValueKind);
        Assert.Equal("integer", unit.GetProperty("beds").GetProperty("type").GetString());
        Assert.False(unit.GetProperty("beds").TryGetProperty("pattern", out _));
    }

    private static string Camel(string field) => char.ToLowerInvariant(field[0]) + field[1..];
}

using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Indgang.Tests.Hosting;
using Indgang.Web.Platform;
using Indgang.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Indgang.Web.Tests.Api;

/// <summary>
/// A control character (NUL, which PostgreSQL cannot store: a 500 there) or a mark that turns the text's direction in
/// a name, an address or a label, from a system that integrates or a CSV file, is refused beside its field; the
/// zero-width joiner Persian names are written with is kept (<see cref="ControlCharacters"/>).
/// </summary>
public sealed class ControlCharactersTests(IndgangAppFactory factory) : IClassFixture<IndgangAppFactory>
{
    [Theory]
    [InlineData("Amal", false)]
    [InlineData("Zahra Mohammad\u200Cpour", false)]
    [InlineData("Linje\r\nto\tfane", false)]
    [InlineData("a\u0000b", true)]
    [InlineData("Zed\u001B[31m", true)]
    [InlineData("\u0007", true)]
    [InlineData("\u202EdemaH", true)]
    [InlineData("\u2067Amal", true)]
    [InlineData("\u007F", true)]
    public void In_RefusesControlAndDirectionMarks(string text, bool refused) => Assert.Equal(refused, ControlCharacters.In(text));

    [Theory]
    [InlineData("firstName", "a\u0000b")]
    [InlineData("lastName", "\u202EStyretegn")]
    [InlineData("nationality", "Syrien\u0007")]
    public async Task Arrival_ControlCharacterInAName_400BesideTheField_NothingSaved(string field, string value)
    {
        using var coordinator = await Browser.SignedInAsync(factory, "koordinator");
        var member = new Dictionary<string, object?>
        {
            ["firstName"] = "Amal", ["lastName"] = "Styretegn", ["birthDate"] = "1991-03-03", ["gender"] = "Female", ["basis"] = "FamilyReunified",
        };
        member[field] = value;

        using var response = await coordinator.Client.PostAsJsonAsync(new Uri("/api/v1/arrivals", UriKind.Relative),
            new { expectedArrival = Arrivals.Iso(Arrivals.Today.AddDays(7)), members = new[] { member } });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(ControlCharacters.Refused, problem.RootElement.GetProperty("errors").GetProperty($"members[0].{field}")[0].GetString());
        Assert.False(await factory.QueryAsync(db => db.Persons.AnyAsync(p => p.FirstName == "Amal" && p.BirthDate == new DateOnly(1991, 3, 3))));
    }

    [Fact]
    public async Task Arrival_ZeroWidthNonJoinerInAPersianName_IsSaved()
    {
        using var coordinator = await Browser.SignedInAsync(factory, "koordinator");

        using var response = await coordinator.Client.PostAsJsonAsync(new Uri("/api/v1/arrivals", UriKind.Relative), new
        {
            expectedArrival = Arrivals.Iso(Arrivals.Today.AddDays(7)),
            members = new[] { new { firstName = "Zahra", lastName = "Mohammad\u200Cpour", birthDate = "1992-04-04", gender = "Female", basis = "FamilyReunified" } },
        });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.True(await factory.QueryAsync(db => db.Persons.AnyAsync(p => p.LastName == "Mohammad\u200Cpour")));
    }

    [Fact]
    public async Task PipelineRegistration_NulInTheAssociation_400BesideTheField()
    {
        var household = await factory.RegisterSingleAsync("Styretegnbolig");
        using var housing = await Browser.SignedInAsync(factory, "bolig");

        using var response = await housing.Client.PostAsJsonAsync(new Uri("/api/v1/housing/registrations", UriKind.Relative),
            new { householdId = household, association = "Lillerød\u0000Boligforening", registeredOn = Arrivals.Iso(Arrivals.Today) });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(ControlCharacters.Refused, problem.RootElement.GetProperty("errors").GetProperty("association")[0].GetString());
        Assert.False(await factory.QueryAsync(db => db.HousingRegistrations.AnyAsync(r => r.HouseholdId == household)));
    }

    [Fact]
    public async Task UnitImport_NulInALabel_IsThatRowsError_NothingSaved()
    {
        using var housing = await Browser.SignedInAsync(factory, "bolig");
        var before = await factory.QueryAsync(db => db.HousingUnits.CountAsync());

        var html = WebUtility.HtmlDecode(await housing.UploadCsvAsync("/Housing/Units/Import",
            "site;label;permanent;rooms;beds;shared_room;monthly_rent;step_free;ground_floor;lift;transport_m;school_m;daycare_m;shops_m;vulnerable_area;available_from\n" +
            "Delebolig Lynge;Værelse\u0000 40;nej;1;2;ja;2000;ja;ja;nej;1500;1200;1300;600;nej;2026-12-01\n", "boliger.csv"));

        Assert.Contains($"<tr data-row=\"2\"><td>2</td><td>Kolonnen label: {ControlCharacters.Refused}", html, StringComparison.Ordinal);
        Assert.Equal(before, await factory.QueryAsync(db => db.HousingUnits.CountAsync()));
    }
}

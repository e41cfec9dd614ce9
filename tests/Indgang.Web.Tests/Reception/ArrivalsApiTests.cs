using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Indgang.Tests.Hosting;
using Indgang.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Indgang.Web.Tests.Reception;

public sealed class ArrivalsApiTests(IndgangAppFactory factory) : IClassFixture<IndgangAppFactory>
{
    private static object Arrival(string lastName, string birthDate) => new
    {
        householdName = (string?)null,
        visitationDecisionDate = "2026-05-15",
        expectedArrival = "2026-06-20",
        members = new object[]
        {
            new { firstName = "Selam", lastName, birthDate, gender = "Female", basis = "VisitedRefugee", nationality = "Eritrea", languages = "tigrinya", needsInterpreter = true },
        },
    };

    [Fact]
    public async Task PostArrival_Valid_Returns201WithDay0FromTheLaw()
    {
        using var coordinator = await Browser.SignedInAsync(factory, "koordinator");

        using var response = await coordinator.Client.PostAsJsonAsync(new Uri("/api/v1/arrivals", UriKind.Relative), Arrival("Tekle", "1995-02-01"));
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var member = body.RootElement.GetProperty("members")[0];
        // The law's own example: decision 15 May → day 0 on 1 July (a Wednesday in 2026).
        Assert.Equal("2026-07-01", member.GetProperty("day0").GetString());
        var id = body.RootElement.GetProperty("id").GetGuid();
        Assert.Equal($"/api/v1/households/{id}", response.Headers.Location!.OriginalString);
        using var get = await coordinator.GetAsync($"/api/v1/households/{id}");
        Assert.Equal(HttpStatusCode.OK, get.StatusCode);
        Assert.True(await factory.QueryAsync(db => db.Tasks.AnyAsync(t => t.HouseholdId == id)));
    }

    [Fact]
    public async Task PostArrival_FutureBirthDateAndMissingName_ReturnsProblemDetailsPerField()
    {
        using var coordinator = await Browser.SignedInAsync(factory, "koordinator");
        var bad = new
        {
            visitationDecisionDate = "2026-05-15",
            expectedArrival = "2026-06-20",
            members = new object[] { new { firstName = "", lastName = "Tekle", birthDate = "2099-01-01", gender = "Female", basis = "VisitedRefugee" } },
        };

        using var response = await coordinator.Client.PostAsJsonAsync(new Uri("/api/v1/arrivals", UriKind.Relative), bad);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        var errors = body.RootElement.GetProperty("errors");
        Assert.Equal("Fødselsdatoen kan ikke ligge i fremtiden.", errors.GetProperty("members[0].birthDate")[0].GetString());
        Assert.Equal("Angiv fornavn.", errors.GetProperty("members[0].firstName")[0].GetString());
        Assert.False(await factory.QueryAsync(db => db.Persons.AnyAsync(p => p.BirthDate == new DateOnly(2099, 1, 1))));
    }

    [Fact]
    public async Task PostArrival_MalformedJson_ReturnsProblemDetails()
    {
        using var coordinator = await Browser.SignedInAsync(factory, "koordinator");
        using var content = new StringContent("{ \"members\": [ { \"birthDate\": \"not a date\" } ] }", Encoding.UTF8, "application/json");

        using var response = await coordinator.Client.PostAsync(new Uri("/api/v1/arrivals", UriKind.Relative), content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
    }

    /// <summary>Whatever a client sends, the answer is a 400 with problem details, never a 500, and nothing is stored.</summary>
    [Theory]
    [InlineData("")]
    [InlineData("null")]
    [InlineData("[]")]
    [InlineData("\"arrival\"")]
    [InlineData("{}")]
    [InlineData("{ \"members\": null, \"expectedArrival\": \"2026-06-20\" }")]
    [InlineData("{ \"members\": [], \"expectedArrival\": \"2026-06-20\" }")]
    [InlineData("{ \"members\": [ null ], \"expectedArrival\": \"2026-06-20\" }")]
    [InlineData("{ \"members\": {}, \"expectedArrival\": \"2026-06-20\" }")]
    [InlineData("{ \"members\": [ {} ], \"expectedArrival\": \"2026-06-20\" }")]
    [InlineData("{ \"members\": [ { \"firstName\": null, \"lastName\": null, \"birthDate\": null, \"gender\": null, \"basis\": null } ], \"expectedArrival\": null }")]
    [InlineData("{ \"members\": [ { \"firstName\": \"Ny\", \"lastName\": \"Skrald\", \"birthDate\": \"2026-02-31\", \"gender\": \"Female\", \"basis\": \"VisitedRefugee\" } ], \"expectedArrival\": \"2026-06-20\" }")]
    [InlineData("{ \"members\": [ { \"firstName\": \"Ny\", \"lastName\": \"Skrald\", \"birthDate\": \"1990-01-01\", \"gender\": \"Robot\", \"basis\": \"VisitedRefugee\" } ], \"expectedArrival\": \"2026-06-20\" }")]
    [InlineData("{ \"members\": [ { \"firstName\": \"Ny\", \"lastName\": \"Skrald\", \"birthDate\": \"1990-01-01\", \"gender\": 99, \"basis\": 1e400 } ], \"expectedArrival\": \"2026-06-20\" }")]
    [InlineData("{ \"members\": [ { \"firstName\": 17, \"lastName\": true, \"birthDate\": 19900101, \"gender\": \"Female\", \"basis\": \"VisitedRefugee\" } ], \"expectedArrival\": \"2026-06-20\" }")]
    [InlineData("{ \"members\": [ { \"firstName\": \"Ny\", \"lastName\": \"Skrald\", \"birthDate\": \"1990-01-01\", \"gender\": \"Female\", \"basis\": \"VisitedRefugee\", \"relationToFirst\": \"Child\", \"cpr\": \"ikke-et-cpr\" } ], \"expectedArrival\": \"0001-01-01\", \"visitationDecisionDate\": \"9999-12-31\" }")]
    [InlineData("{ \"members\": [ { \"firstName\": \"Ny\", \"lastName\": \"Skrald\", \"birthDate\": \"1990-01-01\", \"gender\": \"Female\", \"basis\": \"FamilyReunified\" } ], \"expectedArrival\": \"2026-06-20\", \"householdName\": \"LONG\" }")]
    [InlineData("{ \"members\": [ { \"firstName\": \"Ny\", \"lastName\": \"Skrald\", \"birthDate\": \"1990-01-01\", \"gender\": \"Female\", \"basis\": \"VisitedRefugee\" } ], \"expectedArrival\": \"2026-06-20\"")]
    public async Task PostArrival_Garbage_Returns400ProblemDetails_AndStoresNothing(string json)
    {
        using var coordinator = await Browser.SignedInAsync(factory, "koordinator");
        var households = await factory.QueryAsync(db => db.Households.CountAsync());
        using var content = new StringContent(json.Replace("LONG", new string('x', 5000), StringComparison.Ordinal), Encoding.UTF8, "application/json");

        using var response = await coordinator.Client.PostAsync(new Uri("/api/v1/arrivals", UriKind.Relative), content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(400, body.RootElement.GetProperty("status").GetInt32());
        Assert.Equal(households, await factory.QueryAsync(db => db.Households.CountAsync()));
    }

    [Fact]
    public async Task PostArrival_DepartmentWorker_Returns403()
    {
        using var worker = await Browser.SignedInAsync(factory, "skole");
        using var response = await worker.Client.PostAsJsonAsync(new Uri("/api/v1/arrivals", UriKind.Relative), Arrival("Forbudt", "1990-01-01"));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }
}

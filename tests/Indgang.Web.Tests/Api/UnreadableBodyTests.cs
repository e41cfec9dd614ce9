using System.Net;
using System.Text;
using System.Text.Json;
using Indgang.Tests.Hosting;
using Indgang.Web.Features.Api;
using Indgang.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Indgang.Web.Tests.Api;

/// <summary>
/// A body the API cannot read is refused with problem details in the reader's language, the field named where the JSON
/// says which, and never a 500: before, Development (the README's start) answered bad JSON with a 500, and the other
/// environments with a bare English "Bad Request". The framework's problems for a bare status are titled alike.
/// </summary>
public sealed class UnreadableBodyTests(IndgangAppFactory factory) : IClassFixture<IndgangAppFactory>
{
    [Theory]
    [InlineData("bolig", "/api/v1/housing/registrations", "{\"association\":\"Boligselskabet\",\"registeredOn\":\"2026-02-30\"}", "registeredOn", UnreadableField.Day)]
    [InlineData("bolig", "/api/v1/housing/offers", "{\"address\":\"Engvej 1\",\"rooms\":\"3\"}", "rooms", UnreadableField.Number)]
    [InlineData("bolig", "/api/v1/housing/offers", "{\"monthlyRent\":1e400}", "monthlyRent", UnreadableField.Number)]
    [InlineData("bolig", "/api/v1/housing/offers", "{\"address\":17}", "address", UnreadableField.Text)]
    [InlineData("koordinator", "/api/v1/arrivals", "{\"members\":[{\"firstName\":\"Amal\",\"birthDate\":\"ikke en dato\"}]}", "members[0].birthDate", UnreadableField.Day)]
    [InlineData("koordinator", "/api/v1/arrivals", "{\"members\":[{\"firstName\":\"Amal\",\"needsAccessibleHousing\":\"ja\"}]}", "members[0].needsAccessibleHousing", UnreadableField.YesNo)]
    [InlineData("koordinator", "/api/v1/arrivals", "{\"members\":{\"firstName\":\"Amal\"}}", "members", UnreadableField.List)]
    public async Task AValueOfTheWrongType_Is400_UnderItsField_SayingHowItIsWritten(string user, string url, string json, string field, string message)
    {
        using var browser = await Browser.SignedInAsync(factory, user);

        using var response = await PostAsync(browser, url, json, "application/json");

        using var body = await ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal("Indholdet kan ikke læses: ret de nævnte felter.", body.RootElement.GetProperty("detail").GetString());
        Assert.Equal([field], body.RootElement.GetProperty("errors").EnumerateObject().Select(e => e.Name));
        Assert.Equal(message, body.RootElement.GetProperty("errors").GetProperty(field)[0].GetString());
    }

    /// <summary>A choice that is none of the enum's names is told the names to choose from.</summary>
    [Fact]
    public async Task AChoiceNotNamed_Is400_ListingTheChoices()
    {
        using var coordinator = await Browser.SignedInAsync(factory, "koordinator");

        using var response = await PostAsync(coordinator, "/api/v1/arrivals", "{\"members\":[{\"firstName\":\"Amal\",\"gender\":\"Kvinde\"}]}", "application/json");

        using var body = await ProblemAsync(response, HttpStatusCode.BadRequest);
        var message = body.RootElement.GetProperty("errors").GetProperty("members[0].gender")[0].GetString()!;
        Assert.StartsWith("Værdien kan ikke læses. Skriv et af valgene: ", message, StringComparison.Ordinal);
        Assert.Contains("Female", message, StringComparison.Ordinal);
        Assert.Contains("Male", message, StringComparison.Ordinal);
    }

    /// <summary>
    /// A field the request has not — a misspelling — is refused under its name and nothing is saved: before, it was passed
    /// over, and a household's need for step-free housing sent as »needsAccesibleHousing« was lost without a word.
    /// </summary>
    [Theory]
    [InlineData("{\"expectedArrival\":\"2027-01-04\",\"members\":[{\"firstName\":\"Ukendtfelt\",\"lastName\":\"Stavefejl\",\"birthDate\":\"1990-01-01\",\"gender\":\"Female\",\"basis\":\"QuotaRefugee\",\"needsAccesibleHousing\":true}]}", "members[0].needsAccesibleHousing")]
    [InlineData("{\"expectedArival\":\"2027-01-04\",\"members\":[{\"firstName\":\"Ukendtfelt\",\"lastName\":\"Stavefejl\",\"birthDate\":\"1990-01-01\",\"gender\":\"Female\",\"basis\":\"QuotaRefugee\"}]}", "expectedArival")]
    public async Task AFieldTheRequestHasNot_Is400_UnderItsName_NothingSaved(string json, string field)
    {
        using var coordinator = await Browser.SignedInAsync(factory, "koordinator");

        using var response = await PostAsync(coordinator, "/api/v1/arrivals", json, "application/json");

        using var body = await ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal([field], body.RootElement.GetProperty("errors").EnumerateObject().Select(e => e.Name));
        Assert.Equal(UnreadableField.Unknown, body.RootElement.GetProperty("errors").GetProperty(field)[0].GetString());
        Assert.False(await factory.QueryAsync(db => db.Persons.AnyAsync(p => p.LastName == "Stavefejl")));
    }

    [Theory]
    [InlineData("")]
    [InlineData("{")]
    [InlineData("123")]
    [InlineData("{\"association\":\"x\",}")]
    public async Task ABodyThatIsNoJsonObject_Is400_SaidAsSuch(string json)
    {
        using var housing = await Browser.SignedInAsync(factory, "bolig");

        using var response = await PostAsync(housing, "/api/v1/housing/registrations", json, "application/json");

        using var body = await ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal("Forespørgslen kan ikke læses", body.RootElement.GetProperty("title").GetString());
        Assert.Equal("Indholdet skal være et JSON-objekt med de felter, API-beskrivelsen nævner.", body.RootElement.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task ABodyNotSentAsJson_Is415()
    {
        using var housing = await Browser.SignedInAsync(factory, "bolig");

        using var response = await PostAsync(housing, "/api/v1/housing/registrations", "association=x", "text/plain");

        using var body = await ProblemAsync(response, HttpStatusCode.UnsupportedMediaType);
        Assert.Equal("Indholdet er ikke JSON", body.RootElement.GetProperty("title").GetString());
        Assert.Equal("Send indholdet som JSON (Content-Type: application/json).", body.RootElement.GetProperty("detail").GetString());
    }

    /// <summary>The framework's problem for a bare status is titled in the reader's language, not "Not Found".</summary>
    [Fact]
    public async Task AnUnknownId_Is404_TitledInTheReadersLanguage()
    {
        using var danish = await Browser.SignedInAsync(factory, "koordinator");
        using var english = await Browser.SignedInEnglishAsync(factory, "koordinator");
        var url = $"/api/v1/people/{Guid.NewGuid()}";

        using var inDanish = await ProblemAsync(await danish.GetAsync(url), HttpStatusCode.NotFound);
        using var inEnglish = await ProblemAsync(await english.GetAsync(url), HttpStatusCode.NotFound);

        Assert.Equal("Findes ikke", inDanish.RootElement.GetProperty("title").GetString());
        Assert.Equal("Not found", inEnglish.RootElement.GetProperty("title").GetString());
    }

    [Fact]
    public async Task EnglishChosen_TheRefusalIsInEnglish()
    {
        using var housing = await Browser.SignedInEnglishAsync(factory, "bolig");

        using var response = await PostAsync(housing, "/api/v1/housing/registrations", "{\"registeredOn\":\"2026-02-30\"}", "application/json");

        using var body = await ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal("The request cannot be read", body.RootElement.GetProperty("title").GetString());
        Assert.StartsWith("The value cannot be read.", body.RootElement.GetProperty("errors").GetProperty("registeredOn")[0].GetString(), StringComparison.Ordinal);
    }

    /// <summary>Development, as the README starts the app: the same 400, and no error in the log for a client's mistake.</summary>
    [Fact]
    public async Task InDevelopment_TheSame400_AndNoErrorLogged()
    {
        await using var development = new DevelopmentFactory();
        using var housing = await Browser.SignedInAsync(development, "bolig");
        // Counted from here: a first start on a new PostgreSQL database logs the database it has yet to create.
        var errorsBefore = development.Log.At(LogLevel.Error).Count;

        using var response = await PostAsync(housing, "/api/v1/housing/registrations", "{\"registeredOn\":\"2026-02-30\"}", "application/json");

        using var body = await ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal(UnreadableField.Day, body.RootElement.GetProperty("errors").GetProperty("registeredOn")[0].GetString());
        Assert.Equal([], development.Log.At(LogLevel.Error).Skip(errorsBefore));
    }

    private static async Task<HttpResponseMessage> PostAsync(Browser browser, string url, string body, string mediaType)
    {
        using var content = new StringContent(body, Encoding.UTF8, mediaType);
        return await browser.Client.PostAsync(new Uri(url, UriKind.Relative), content);
    }

    private static async Task<JsonDocument> ProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"{(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        response.Dispose();
        return JsonDocument.Parse(text);
    }

    private sealed class DevelopmentFactory : LoggedAppFactory
    {
        protected override string EnvironmentName => "Development";
    }
}

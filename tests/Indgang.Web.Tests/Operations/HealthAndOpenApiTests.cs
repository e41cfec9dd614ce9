using System.Net;
using System.Text.Json;
using Indgang.Tests.Hosting;
using Indgang.Web.Tests.Infrastructure;

namespace Indgang.Web.Tests.Operations;

public sealed class HealthAndOpenApiTests(IndgangAppFactory factory) : IClassFixture<IndgangAppFactory>
{
    [Theory]
    [InlineData("/health/live")]
    [InlineData("/health/ready")]
    public async Task Health_Anonymous_IsHealthy(string url)
    {
        using var browser = Browser.For(factory);
        using var response = await browser.GetAsync(url);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task OpenApi_SignedIn_DescribesTheApi()
    {
        using var browser = await Browser.SignedInAsync(factory, "koordinator");
        var json = await browser.GetPageAsync("/openapi/v1.json");
        using var document = JsonDocument.Parse(json);

        var paths = document.RootElement.GetProperty("paths");
        Assert.True(paths.TryGetProperty("/api/v1/people/{id}", out _), json[..Math.Min(json.Length, 500)]);
        Assert.True(paths.TryGetProperty("/api/v1/households/mine", out _));
    }

    [Fact]
    public async Task OpenApi_Anonymous_IsNotServed()
    {
        using var browser = Browser.For(factory);
        using var response = await browser.GetAsync("/openapi/v1.json");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    [Fact]
    public async Task UnknownPage_Returns404WithDanishPage()
    {
        using var browser = await Browser.SignedInAsync(factory, "koordinator");
        using var response = await browser.GetAsync("/findes-ikke");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Siden findes ikke", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownPerson_Api_Returns404()
    {
        using var browser = await Browser.SignedInAsync(factory, "koordinator");
        using var response = await browser.GetAsync($"/api/v1/people/{Guid.NewGuid()}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}

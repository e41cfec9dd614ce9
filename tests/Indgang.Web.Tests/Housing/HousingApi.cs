using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using Indgang.Web.Features.Api;
using Indgang.Web.Tests.Infrastructure;

namespace Indgang.Web.Tests.Housing;

/// <summary>The housing API (/api/v1/housing) as a client reads it: JSON with enums by name.</summary>
internal static class HousingApi
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    /// <summary>The units endpoint with the query given (name and value as sent).</summary>
    public static string UnitsUrl(params (string Name, string Value)[] query) =>
        "/api/v1/housing/units" + (query.Length == 0 ? "" : "?" + string.Join('&', query.Select(q => $"{q.Name}={Uri.EscapeDataString(q.Value)}")));

    public static async Task<List<HousingUnitDto>> UnitsAsync(this Browser browser, params (string Name, string Value)[] query) =>
        JsonSerializer.Deserialize<List<HousingUnitDto>>(await browser.GetPageAsync(UnitsUrl(query)), Json)!;

    public static async Task<CapacityForecastDto> ForecastAsync(this Browser browser)
    {
        using var response = await browser.GetAsync("/api/v1/housing/forecast");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
        return JsonSerializer.Deserialize<CapacityForecastDto>(await response.Content.ReadAsStringAsync(), Json)!;
    }

    /// <summary>A correction sent as JSON with <paramref name="ifMatch"/> as If-Match (none when null), its response read.</summary>
    public static async Task<HttpResponseMessage> PutAsync(this Browser browser, string url, object body, string? ifMatch)
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, new Uri(url, UriKind.Relative)) { Content = JsonContent.Create(body) };
        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        var response = await browser.Client.SendAsync(request);
        await response.Content.LoadIntoBufferAsync();
        return response;
    }

    /// <summary>The response is problem details of <paramref name="status"/>: its title and detail.</summary>
    public static async Task<(string? Title, string? Detail)> ProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal((int)status, body.RootElement.GetProperty("status").GetInt32());
        return (body.RootElement.GetProperty("title").GetString(), body.RootElement.GetProperty("detail").GetString());
    }

    /// <summary>The response is a 400 validation problem: its title, detail and the errors under each field's JSON name.</summary>
    public static async Task<(string? Title, string? Detail, Dictionary<string, string[]> Errors)> ValidationProblemAsync(HttpResponseMessage response)
    {
        var (title, detail) = await ProblemAsync(response, HttpStatusCode.BadRequest);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var errors = body.RootElement.GetProperty("errors").EnumerateObject()
            .ToDictionary(e => e.Name, e => e.Value.EnumerateArray().Select(m => m.GetString()!).ToArray(), StringComparer.Ordinal);
        return (title, detail, errors);
    }
}

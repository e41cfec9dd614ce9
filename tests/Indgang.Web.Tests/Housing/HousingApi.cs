using System.Net;
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
}

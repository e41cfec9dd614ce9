using System.Net;
using System.Net.Http.Json;
using Indgang.Tests.Hosting;
using Indgang.Web.Tests.Infrastructure;
using static Indgang.Web.Tests.Infrastructure.Arrivals;

namespace Indgang.Web.Tests.Housing;

/// <summary>
/// GET /api/v1/housing/forecast is for the roles of its page (/Housing/Forecast, <see cref="ForecastManagerTests"/>): the
/// housing coordinators and the managers, who read the forecast for management reports (HOUSE-4, PLAT-2, PLAT-7). The
/// managers get the coordinators' numbers, but the rest of the housing API stays the coordinators'; the other roles are
/// refused the forecast. Before, a manager was refused the API as the rest of the housing group.
/// </summary>
public sealed class ForecastApiManagerTests(IndgangAppFactory factory) : IClassFixture<IndgangAppFactory>
{
    [Fact]
    public async Task Manager_ReadsTheForecastApi_WithTheHousingCoordinatorsNumbers()
    {
        using var manager = await Browser.SignedInAsync(factory, "leder");
        using var housing = await Browser.SignedInAsync(factory, "bolig");

        var read = await manager.ForecastAsync();
        var coordinators = await housing.ForecastAsync();

        Assert.Equal(12, read.Months.Count);
        Assert.True(read.UsableBeds > 0, $"{read.UsableBeds} usable beds in the demo");
        Assert.Equal(
            (coordinators.UsableBeds, coordinators.OccupiedBeds, coordinators.TypicalStayDays, coordinators.FirstShortfallMonth),
            (read.UsableBeds, read.OccupiedBeds, read.TypicalStayDays, read.FirstShortfallMonth));
        Assert.Equal(coordinators.Months, read.Months);
    }

    [Fact]
    public async Task Manager_IsStillRefusedTheRestOfTheHousingApi()
    {
        using var manager = await Browser.SignedInAsync(factory, "leder");
        var refused = new List<string>();

        foreach (var url in new[] { "/api/v1/housing/units", "/api/v1/housing/pipeline", $"/api/v1/housing/offers/{Guid.NewGuid()}", $"/api/v1/housing/registrations/{Guid.NewGuid()}" })
        {
            using var response = await manager.GetAsync(url);
            refused.Add($"GET {url}: {response.StatusCode}");
        }

        foreach (var url in new[] { "/api/v1/housing/offers", $"/api/v1/housing/offers/{Guid.NewGuid()}/acceptance", $"/api/v1/housing/offers/{Guid.NewGuid()}/decline" })
        {
            using var response = await manager.Client.PostAsJsonAsync(new Uri(url, UriKind.Relative), new { moveDate = Iso(Today) });
            refused.Add($"POST {url}: {response.StatusCode}");
        }

        Assert.All(refused, r => Assert.EndsWith($": {HttpStatusCode.Forbidden}", r, StringComparison.Ordinal));
        Assert.Equal(7, refused.Count);
    }

    [Theory]
    [InlineData("skole")]
    [InlineData("koordinator")]
    [InlineData("admin")]
    public async Task OtherRoles_AreRefusedTheForecastApi(string user)
    {
        using var browser = await Browser.SignedInAsync(factory, user);

        using var response = await browser.GetAsync("/api/v1/housing/forecast");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }
}

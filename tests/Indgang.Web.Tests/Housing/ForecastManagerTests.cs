using System.Net;
using Indgang.Tests.Hosting;
using Indgang.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Indgang.Web.Tests.Housing;

/// <summary>
/// Managers see aggregates only (PLAT-2), and the capacity forecast is such a view, for the pavilion decision (HOUSE-4):
/// they read it from their menu, but set no quota, and the other housing pages stay the housing coordinators'.
/// </summary>
public sealed class ForecastManagerTests(IndgangAppFactory factory) : IClassFixture<IndgangAppFactory>
{
    [Fact]
    public async Task Manager_ReadsTheForecastFromTheMenu_WithoutTheQuotaForm()
    {
        using var manager = await Browser.SignedInAsync(factory, "leder");

        var home = WebUtility.HtmlDecode(await manager.GetPageAsync("/"));
        using var forecast = await manager.GetAsync("/Housing/Forecast");

        Assert.Contains("<a href=\"/Housing/Forecast\" class=\"nav-link\"", home, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, forecast.StatusCode);
        var html = WebUtility.HtmlDecode(await forecast.Content.ReadAsStringAsync());
        Assert.Contains("Kapacitetsprognose for midlertidige boliger", html, StringComparison.Ordinal);
        Assert.Contains("<svg class=\"forecast-chart\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("handler=Quota", html, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"/Housing\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Manager_SendingAQuota_IsRefused_AndTheOtherHousingPagesStayClosed()
    {
        var year = Arrivals.Today.Year + 5;
        using var manager = await Browser.SignedInAsync(factory, "leder");

        using var quota = await manager.PostFormAsync(ForecastQuotas.Post, ForecastQuotas.Fields(year, 900), formPage: ForecastQuotas.Page);
        using var stock = await manager.GetAsync("/Housing");
        using var placement = await manager.GetAsync("/Housing/Placement");

        Assert.Equal(HttpStatusCode.Forbidden, quota.StatusCode);
        Assert.False(await factory.QueryAsync(db => db.Quotas.AnyAsync(q => q.Year == year)));
        Assert.Equal(HttpStatusCode.Forbidden, stock.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, placement.StatusCode);
    }

    [Theory]
    [InlineData("koordinator")]
    [InlineData("frivillig")]
    public async Task OtherRoles_AreRefusedTheForecast(string userName)
    {
        using var browser = await Browser.SignedInAsync(factory, userName);

        using var forecast = await browser.GetAsync("/Housing/Forecast");

        Assert.Equal(HttpStatusCode.Forbidden, forecast.StatusCode);
    }
}

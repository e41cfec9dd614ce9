using System.Net;
using Indgang.Tests.Hosting;
using Indgang.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Indgang.Web.Tests.Operations;

/// <summary>
/// A form sent to a page without a handler for it (the page's address with no <c>?handler=</c>, or one the page does not
/// have) gets the readable 400 page, not a 500: before, the page was shown without its model loaded and threw (found by
/// review on the forecast, a unit's page, a placement run's page and a household's page). No form of the application
/// sends such a request; a crafted or outdated one does. Reading the page with an unknown handler still shows it.
/// </summary>
public sealed class FormWithoutHandlerTests(IndgangAppFactory factory) : IClassFixture<IndgangAppFactory>
{
    [Theory]
    [InlineData("bolig", "/Housing/Forecast")]
    [InlineData("bolig", "/Housing/Forecast?handler=Findesikke")]
    [InlineData("bolig", "/Housing/Units/{unit}")]
    [InlineData("koordinator", "/Households/{household}")]
    public async Task FormToAPageWithoutThatHandler_GetsTheReadable400Page(string userName, string address)
    {
        var unit = await factory.UnitIdAsync("Pavillon A");
        var household = await factory.QueryAsync(db => db.Households.Where(h => h.Name == "Familien Haddad").Select(h => h.Id).SingleAsync());
        var url = address.Replace("{unit}", unit.ToString(), StringComparison.Ordinal).Replace("{household}", household.ToString(), StringComparison.Ordinal);
        using var browser = await Browser.SignedInAsync(factory, userName);

        using var response = await browser.PostFormAsync(url, []);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Formularen kunne ikke sendes", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        using var read = await browser.GetAsync(url.Split('?')[0] + "?handler=Findesikke");
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
    }
}

using Indgang.Tests.Hosting;
using Indgang.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Indgang.Web.Tests.Security;

/// <summary>
/// What is answered a signed-in user about people is stored by no browser or proxy cache (<c>no-store</c>), also the API's
/// answers and the plan to print, which set no caching of their own; the static files keep theirs.
/// </summary>
public sealed class PrivateResponsesTests(IndgangAppFactory factory) : IClassFixture<IndgangAppFactory>
{
    [Fact]
    public async Task PeopleAnswers_NoStore_StaticFiles_Cached()
    {
        var household = await factory.RegisterSingleAsync("Ikkegemt");
        var person = await factory.QueryAsync(db => db.Persons.Where(p => p.HouseholdId == household).Select(p => p.Id).SingleAsync());
        using var coordinator = await Browser.SignedInAsync(factory, "koordinator");

        foreach (var url in new[] { "/api/v1/households/mine", $"/api/v1/households/{household}", $"/api/v1/people/{person}", $"/People/{person}/Plan/Print" })
        {
            using var response = await coordinator.GetAsync(url);
            Assert.True(response.IsSuccessStatusCode, $"{url} answers {(int)response.StatusCode}");
            Assert.True(response.Headers.CacheControl?.NoStore == true, $"{url}: Cache-Control {response.Headers.CacheControl}");
        }

        using var css = await coordinator.GetAsync("/css/site.css");
        Assert.True(css.IsSuccessStatusCode);
        Assert.False(css.Headers.CacheControl?.NoStore == true, $"the style sheet: Cache-Control {css.Headers.CacheControl}");
    }
}

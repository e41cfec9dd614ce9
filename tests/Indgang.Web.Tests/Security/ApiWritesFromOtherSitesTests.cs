using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Indgang.Tests.Hosting;
using Indgang.Web.Features.Api;
using Indgang.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Indgang.Web.Tests.Security;

/// <summary>
/// The API is signed in with the pages' cookie: a change a browser sends from another site (the user lured there while
/// signed in) is refused with problem details and nothing is saved; the app's own pages and systems without a browser
/// are let through.
/// </summary>
public sealed class ApiWritesFromOtherSitesTests(IndgangAppFactory factory) : IClassFixture<IndgangAppFactory>
{
    [Theory]
    [InlineData("Origin", "https://evil.example", "Andensideorigin")]
    [InlineData("Origin", "http://localhost", "Andensideskema")]
    [InlineData("Sec-Fetch-Site", "cross-site", "Andensidefetch")]
    [InlineData("Sec-Fetch-Site", "same-site", "Andensidesubdomaene")]
    public async Task ArrivalPostedFromAnotherSite_403ProblemDetails_NothingSaved(string header, string value, string lastName)
    {
        using var coordinator = await Browser.SignedInAsync(factory, "koordinator");

        using var response = await PostArrivalAsync(coordinator, lastName, (header, value));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(SameOriginWrites.Refused, problem.RootElement.GetProperty("detail").GetString());
        Assert.False(await factory.QueryAsync(db => db.Persons.AnyAsync(p => p.LastName == lastName)));
    }

    [Theory]
    [InlineData(null, null, "Egensideingen")]
    [InlineData("Origin", "https://localhost", "Egensideorigin")]
    [InlineData("Sec-Fetch-Site", "same-origin", "Egensidefetch")]
    public async Task ArrivalPostedFromTheAppOrBySystem_Created(string? header, string? value, string lastName)
    {
        using var coordinator = await Browser.SignedInAsync(factory, "koordinator");

        using var response = await PostArrivalAsync(coordinator, lastName, header is null ? null : (header, value!));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.True(await factory.QueryAsync(db => db.Persons.AnyAsync(p => p.LastName == lastName)));
    }

    [Fact]
    public async Task ReadFromAnotherSite_IsNotRefused_TheBrowserKeepsTheAnswerFromIt()
    {
        using var coordinator = await Browser.SignedInAsync(factory, "koordinator");
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/api/v1/households/mine", UriKind.Relative));
        request.Headers.Add("Sec-Fetch-Site", "cross-site");

        using var response = await coordinator.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private static async Task<HttpResponseMessage> PostArrivalAsync(Browser coordinator, string lastName, (string Name, string Value)? header)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/api/v1/arrivals", UriKind.Relative))
        {
            Content = JsonContent.Create(new
            {
                expectedArrival = Arrivals.Iso(Arrivals.Today.AddDays(5)),
                visitationDecisionDate = Arrivals.Iso(Arrivals.Today.AddDays(-3)),
                members = new object[] { new { firstName = "Api", lastName, birthDate = "1990-05-05", gender = "Male", basis = "VisitedRefugee" } },
            }),
        };
        if (header is { } h)
        {
            request.Headers.Add(h.Name, h.Value);
        }

        return await coordinator.Client.SendAsync(request);
    }
}

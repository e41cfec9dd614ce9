using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Indgang.Tests.Hosting;
using Indgang.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Indgang.Web.Tests.Infrastructure.Arrivals;

namespace Indgang.Web.Tests.Concurrency;

/// <summary>
/// A submission token sent again with another request than the one it saved: on a page, the form sent again from the
/// browser's history (Back, another household or family chosen), it is a new step and is saved; from the API, a key
/// sent again with another body is refused 422 and nothing is saved, not answered with the record the key created.
/// The same request sent again is still saved once.
/// </summary>
public sealed class TokenUsedForAnotherTests(IndgangAppFactory factory) : IClassFixture<IndgangAppFactory>
{
    private const string Pipeline = "/Housing/Pipeline";

    [Fact]
    public async Task OfferFormSentBackWithAnotherHousehold_TheSecondOfferSaved_TheSameOnceMore()
    {
        var first = await factory.RegisterSingleAsync("Tilbudførst");
        var second = await factory.RegisterSingleAsync("Tilbudanden");
        using var housing = await Browser.SignedInAsync(factory, "bolig");
        var token = await TokenAsync(housing, first, "OfferToken");

        using var saved = await housing.PostFormAsync($"{Pipeline}?handler=Offer", Offer(first, token), formPage: Pipeline);
        using var other = await housing.PostFormAsync($"{Pipeline}?handler=Offer", Offer(second, token), formPage: Pipeline);
        using var again = await housing.PostFormAsync($"{Pipeline}?handler=Offer", Offer(first, token), formPage: Pipeline);

        Assert.All([saved, other, again], r => Assert.Equal(HttpStatusCode.Redirect, r.StatusCode));
        Assert.Equal(1, await factory.QueryAsync(db => db.HousingOffers.CountAsync(o => o.HouseholdId == first)));
        Assert.Equal("Bagvej 2", await factory.QueryAsync(db => db.HousingOffers.Where(o => o.HouseholdId == second).Select(o => o.Address).SingleAsync()));
    }

    [Fact]
    public async Task RegistrationFormSentBackWithAnotherHousehold_TheSecondRegistrationSaved()
    {
        var first = await factory.RegisterSingleAsync("Opskrivførst");
        var second = await factory.RegisterSingleAsync("Opskrivanden");
        using var housing = await Browser.SignedInAsync(factory, "bolig");
        var token = await TokenAsync(housing, first, "RegistrationToken");

        using var saved = await housing.PostFormAsync($"{Pipeline}?handler=Registration", Registration(first, token), formPage: Pipeline);
        using var other = await housing.PostFormAsync($"{Pipeline}?handler=Registration", Registration(second, token), formPage: Pipeline);

        Assert.All([saved, other], r => Assert.Equal(HttpStatusCode.Redirect, r.StatusCode));
        Assert.Equal(1, await factory.QueryAsync(db => db.HousingRegistrations.CountAsync(r => r.HouseholdId == first)));
        Assert.Equal(1, await factory.QueryAsync(db => db.HousingRegistrations.CountAsync(r => r.HouseholdId == second)));
    }

    [Fact]
    public async Task RegisterFormSentBackWithAnotherFamily_BothHouseholdsSaved_EachLedToItsOwn()
    {
        using var coordinator = await Browser.SignedInAsync(factory, "koordinator");
        var form = await OpenedForm.OpenAsync(coordinator, "/Reception/Register");
        var token = form.Hidden["Input.SubmissionToken"];

        using var first = await coordinator.PostFormAsync("/Reception/Register", new Dictionary<string, string>(Family("Tokenførst")) { ["Input.SubmissionToken"] = token });
        using var second = await coordinator.PostFormAsync("/Reception/Register", new Dictionary<string, string>(Family("Tokenanden")) { ["Input.SubmissionToken"] = token });

        var firstHousehold = Assert.Single(await HouseholdsAsync("Tokenførst"));
        var secondHousehold = Assert.Single(await HouseholdsAsync("Tokenanden"));
        Assert.Equal($"/Households/{firstHousehold}?registered=true", first.Headers.Location?.OriginalString);
        Assert.Equal($"/Households/{secondHousehold}?registered=true", second.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task ApiOfferKeySentWithAnotherBody_422_NothingSaved()
    {
        var first = await factory.RegisterSingleAsync("Nøgletilbud");
        var second = await factory.RegisterSingleAsync("Nøgleandet");
        using var housing = await Browser.SignedInAsync(factory, "bolig");
        var key = Guid.NewGuid();

        using var created = await PostAsync(housing, "/api/v1/housing/offers", new { householdId = first, address = "Nøglevej 1", offeredOn = Iso(Today) }, key);
        using var otherHousehold = await PostAsync(housing, "/api/v1/housing/offers", new { householdId = second, address = "Nøglevej 1", offeredOn = Iso(Today) }, key);
        using var otherAddress = await PostAsync(housing, "/api/v1/housing/offers", new { householdId = first, address = "Nøglevej 9", offeredOn = Iso(Today) }, key);
        using var retried = await PostAsync(housing, "/api/v1/housing/offers", new { householdId = first, address = "Nøglevej 1", offeredOn = Iso(Today) }, key);

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        await AssertUsedForAnotherAsync(otherHousehold);
        await AssertUsedForAnotherAsync(otherAddress);
        Assert.Equal(HttpStatusCode.OK, retried.StatusCode);
        Assert.Equal(created.Headers.Location, retried.Headers.Location);
        Assert.Equal(0, await factory.QueryAsync(db => db.HousingOffers.CountAsync(o => o.HouseholdId == second)));
        Assert.Equal(1, await factory.QueryAsync(db => db.HousingOffers.CountAsync(o => o.HouseholdId == first)));
    }

    [Fact]
    public async Task ApiRegistrationKeySentWithAnotherAssociation_422_NothingSaved()
    {
        var household = await factory.RegisterSingleAsync("Nøgleopskriv");
        using var housing = await Browser.SignedInAsync(factory, "bolig");
        var key = Guid.NewGuid();

        using var created = await PostAsync(housing, "/api/v1/housing/registrations", new { householdId = household, association = "Førstebo", registeredOn = Iso(Today) }, key);
        using var other = await PostAsync(housing, "/api/v1/housing/registrations", new { householdId = household, association = "Andenbo", registeredOn = Iso(Today) }, key);

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        await AssertUsedForAnotherAsync(other);
        Assert.Equal(["Førstebo"], await factory.QueryAsync(db => db.HousingRegistrations.Where(r => r.HouseholdId == household).Select(r => r.Association).ToListAsync()));
    }

    [Fact]
    public async Task ApiRegistrationRetriedAfterTheHouseholdLeftThePipeline_200WithIt()
    {
        var household = await factory.RegisterSingleAsync("Nøgleudenfor");
        using var housing = await Browser.SignedInAsync(factory, "bolig");
        var registration = new { householdId = household, association = "Sentbo", registeredOn = Iso(Today) };
        var key = Guid.NewGuid();

        using var created = await PostAsync(housing, "/api/v1/housing/registrations", registration, key);
        await factory.QueryAsync(db => db.Households.Where(h => h.Id == household).ExecuteUpdateAsync(s => s.SetProperty(h => h.LivesWithReferencePerson, true)));
        using var retried = await PostAsync(housing, "/api/v1/housing/registrations", registration, key);

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(HttpStatusCode.OK, retried.StatusCode);
        Assert.Equal(created.Headers.Location, retried.Headers.Location);
    }

    [Fact]
    public async Task ApiArrivalKeySentWithAnotherFamily_422_NothingSaved()
    {
        using var client = await Browser.SignedInAsync(factory, "koordinator");
        var key = Guid.NewGuid();

        using var created = await PostAsync(client, "/api/v1/arrivals", ApiArrival("Nøgleførst"), key);
        using var other = await PostAsync(client, "/api/v1/arrivals", ApiArrival("Nøgleanden"), key);
        using var retried = await PostAsync(client, "/api/v1/arrivals", ApiArrival("Nøgleførst"), key);

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        await AssertUsedForAnotherAsync(other);
        Assert.Equal(HttpStatusCode.OK, retried.StatusCode);
        Assert.Empty(await HouseholdsAsync("Nøgleanden"));
        Assert.Single(await HouseholdsAsync("Nøgleførst"));
    }

    private static async Task AssertUsedForAnotherAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Null(response.Headers.Location);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(422, body.RootElement.GetProperty("status").GetInt32());
        Assert.StartsWith("Idempotency-Key er allerede brugt til en anden anmodning.", body.RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.False(body.RootElement.TryGetProperty("id", out _));
    }

    private static Dictionary<string, string> Offer(Guid household, string token) => new()
    {
        ["OfferHouseholdId"] = household.ToString(),
        ["Address"] = "Bagvej 2",
        ["OfferedOn"] = Iso(Today),
        ["OfferToken"] = token,
    };

    private static Dictionary<string, string> Registration(Guid household, string token) => new()
    {
        ["HouseholdId"] = household.ToString(), ["Association"] = "Tilbagebo", ["RegisteredOn"] = Iso(Today), ["RegistrationToken"] = token,
    };

    private static object ApiArrival(string lastName) => new
    {
        visitationDecisionDate = Iso(Today.AddDays(-40)),
        expectedArrival = Iso(Today.AddDays(10)),
        members = new object[] { new { firstName = "Amal", lastName, birthDate = "1991-04-02", gender = "Female", basis = "VisitedRefugee" } },
    };

    /// <summary>The token the pipeline page's form for <paramref name="household"/> was shown with.</summary>
    private static async Task<string> TokenAsync(Browser housing, Guid household, string name) =>
        (await OpenedForm.OpenAsync(housing, $"{Pipeline}?household={household}")).Hidden[name];

    private Task<List<Guid>> HouseholdsAsync(string lastName) =>
        factory.QueryAsync(db => db.Households.Where(h => h.Members.Any(m => m.LastName == lastName)).Select(h => h.Id).ToListAsync());

    private static async Task<HttpResponseMessage> PostAsync(Browser client, string url, object body, Guid key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(url, UriKind.Relative)) { Content = JsonContent.Create(body) };
        request.Headers.Add("Idempotency-Key", key.ToString());
        return await client.Client.SendAsync(request);
    }
}

using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Indgang.Domain.Housing;
using Indgang.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Indgang.Web.Tests.Infrastructure.Arrivals;

namespace Indgang.Web.Tests.Concurrency;

/// <summary>
/// An offer or a waiting-list registration sent twice (a double click on "Gem", a client retrying its POST) is saved
/// once: the pipeline's forms carry a hidden submission token, the API takes an Idempotency-Key, and the token is unique
/// in the database, so that no copy of an offer stays pending (and reminded of) once the other is answered.
/// </summary>
public sealed class PipelineStepSentTwiceTests(SavesMeetAppFactory factory) : IClassFixture<SavesMeetAppFactory>
{
    [Fact]
    public async Task OfferFormSentTwiceAtTheSameMoment_OneOffer_BothLedBack()
    {
        var household = await factory.RegisterSingleAsync("Tilbudtodobbelt");
        using var housing = await Browser.SignedInAsync(factory, "bolig");
        var token = await TokenAsync(housing, household, "OfferToken");
        var form = new Dictionary<string, string> { ["OfferHouseholdId"] = household.ToString(), ["Address"] = "Dobbeltvej 1", ["OfferedOn"] = Iso(Today), ["OfferToken"] = token };
        factory.HoldSaves(2, db => db.ChangeTracker.Entries<HousingOffer>().Any(e => e.State == EntityState.Added));

        var results = await Task.WhenAll(
            housing.PostFormAsync("/Housing/Pipeline?handler=Offer", form, formPage: "/Housing/Pipeline"),
            housing.PostFormAsync("/Housing/Pipeline?handler=Offer", form, formPage: "/Housing/Pipeline"));

        Assert.Equal(1, await factory.QueryAsync(db => db.HousingOffers.CountAsync(o => o.HouseholdId == household)));
        Assert.All(results, r => Assert.Equal(HttpStatusCode.Redirect, r.StatusCode));
        foreach (var result in results)
        {
            result.Dispose();
        }
    }

    [Fact]
    public async Task RegistrationFormSentTwiceAtTheSameMoment_OneRegistration()
    {
        var household = await factory.RegisterSingleAsync("Opskrivtodobbelt");
        using var housing = await Browser.SignedInAsync(factory, "bolig");
        var token = await TokenAsync(housing, household, "RegistrationToken");
        var form = new Dictionary<string, string> { ["HouseholdId"] = household.ToString(), ["Association"] = "Dobbeltbo", ["RegisteredOn"] = Iso(Today), ["RegistrationToken"] = token };
        factory.HoldSaves(2, db => db.ChangeTracker.Entries<HousingRegistration>().Any(e => e.State == EntityState.Added));

        var results = await Task.WhenAll(
            housing.PostFormAsync("/Housing/Pipeline?handler=Registration", form, formPage: "/Housing/Pipeline"),
            housing.PostFormAsync("/Housing/Pipeline?handler=Registration", form, formPage: "/Housing/Pipeline"));

        Assert.Equal(1, await factory.QueryAsync(db => db.HousingRegistrations.CountAsync(r => r.HouseholdId == household)));
        Assert.All(results, r => Assert.Equal(HttpStatusCode.Redirect, r.StatusCode));
        foreach (var result in results)
        {
            result.Dispose();
        }
    }

    [Fact]
    public async Task ApiOfferRetriedWithTheSameKey_OneOffer_TheRetryAnswered200WithIt()
    {
        var household = await factory.RegisterSingleAsync("Tilbudgentaget");
        using var housing = await Browser.SignedInAsync(factory, "bolig");
        var offer = new { householdId = household, address = "Genvej 3", offeredOn = Iso(Today), answerBy = Iso(Today.AddDays(5)) };
        var key = Guid.NewGuid();

        using var created = await PostAsync(housing, "/api/v1/housing/offers", offer, key);
        using var retried = await PostAsync(housing, "/api/v1/housing/offers", offer, key);
        using var withoutKey = await PostAsync(housing, "/api/v1/housing/offers", offer, key: null);

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(HttpStatusCode.OK, retried.StatusCode);
        Assert.Equal(created.Headers.Location, retried.Headers.Location);
        using var body = JsonDocument.Parse(await retried.Content.ReadAsStringAsync());
        Assert.Equal($"/api/v1/housing/offers/{body.RootElement.GetProperty("id").GetGuid()}", retried.Headers.Location!.OriginalString);
        // Without a key, as before: each POST records an offer.
        Assert.Equal(HttpStatusCode.Created, withoutKey.StatusCode);
        Assert.Equal(2, await factory.QueryAsync(db => db.HousingOffers.CountAsync(o => o.HouseholdId == household)));
    }

    [Fact]
    public async Task ApiRegistrationRetriedWithTheSameKey_OneRegistration()
    {
        var household = await factory.RegisterSingleAsync("Opskrivgentaget");
        using var housing = await Browser.SignedInAsync(factory, "bolig");
        var registration = new { householdId = household, association = "Genbo", registeredOn = Iso(Today) };
        var key = Guid.NewGuid();

        using var created = await PostAsync(housing, "/api/v1/housing/registrations", registration, key);
        using var retried = await PostAsync(housing, "/api/v1/housing/registrations", registration, key);

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(HttpStatusCode.OK, retried.StatusCode);
        Assert.Equal(created.Headers.Location, retried.Headers.Location);
        Assert.Equal(1, await factory.QueryAsync(db => db.HousingRegistrations.CountAsync(r => r.HouseholdId == household)));
    }

    /// <summary>The token the pipeline page's form for <paramref name="household"/> was shown with.</summary>
    private static async Task<string> TokenAsync(Browser housing, Guid household, string name)
    {
        var form = await OpenedForm.OpenAsync(housing, $"/Housing/Pipeline?household={household}");
        Assert.True(Guid.TryParse(form.Hidden[name], out _));
        return form.Hidden[name];
    }

    private static async Task<HttpResponseMessage> PostAsync(Browser client, string url, object body, Guid? key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(url, UriKind.Relative)) { Content = JsonContent.Create(body) };
        if (key is { } k)
        {
            request.Headers.Add("Idempotency-Key", k.ToString());
        }

        return await client.Client.SendAsync(request);
    }
}

using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Indgang.Domain.People;
using Indgang.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Indgang.Web.Tests.Infrastructure.Arrivals;

namespace Indgang.Web.Tests.Concurrency;

/// <summary>
/// The same registration sent twice (a double click on "Registrér ankomst", a client retrying its POST) creates one
/// household, with one checklist: the form's hidden submission token, and the API's Idempotency-Key, are stored on the
/// household under a unique index, so that also two saves that both passed the checks end with one household, and the
/// second sender is led to it.
/// </summary>
public sealed class ArrivalSentTwiceTests(SavesMeetAppFactory factory) : IClassFixture<SavesMeetAppFactory>
{
    private const string Url = "/Reception/Register";

    [Fact]
    public async Task FormSentTwiceAtTheSameMoment_OneHousehold_BothAnswersLeadToIt()
    {
        using var coordinator = await Browser.SignedInAsync(factory, "koordinator");
        var form = await OpenedForm.OpenAsync(coordinator, Url);
        Assert.True(Guid.TryParse(form.Hidden["Input.SubmissionToken"], out _));
        HoldBothRegistrations();

        var results = await Task.WhenAll(
            PostAsync(coordinator, form, Family("Dobbeltklik")),
            PostAsync(coordinator, form, Family("Dobbeltklik")));

        var household = Assert.Single(await HouseholdsAsync("Dobbeltklik"));
        Assert.All(results, r => Assert.Equal(HttpStatusCode.Redirect, r.StatusCode));
        Assert.All(results, r => Assert.Equal($"/Households/{household}?registered=true", r.Location));
        Assert.Equal(await TasksOfOneAsync(), await factory.QueryAsync(db => db.Tasks.CountAsync(t => t.HouseholdId == household)));
    }

    [Fact]
    public async Task FormSentAgainAfterItWasSaved_LedToTheHousehold_NotWarnedOfItsOwnMembers()
    {
        using var coordinator = await Browser.SignedInAsync(factory, "koordinator");
        var form = await OpenedForm.OpenAsync(coordinator, Url);

        var first = await PostAsync(coordinator, form, Family("Andetklik"));
        var second = await PostAsync(coordinator, form, Family("Andetklik"));

        var household = Assert.Single(await HouseholdsAsync("Andetklik"));
        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        Assert.Equal(first.Location, second.Location);
        Assert.Equal($"/Households/{household}?registered=true", second.Location);
    }

    [Fact]
    public async Task FormKeepsItsTokenWhenShownAgainWithErrors()
    {
        using var coordinator = await Browser.SignedInAsync(factory, "koordinator");
        var form = await OpenedForm.OpenAsync(coordinator, Url);
        var token = form.Hidden["Input.SubmissionToken"];
        var blankName = Family("Rettetform");
        blankName["Input.Members[0].FirstName"] = "";

        var shown = await form.PostAsync(blankName);

        Assert.Equal(HttpStatusCode.OK, shown.Status);
        Assert.Equal(token, OpenedForm.Of(coordinator, Url, shown.Html).Hidden["Input.SubmissionToken"]);
        Assert.Contains("data-busy-text", shown.Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ApiRetriedWithTheSameKey_OneHousehold_TheRetryAnswered200WithIt()
    {
        using var client = await Browser.SignedInAsync(factory, "koordinator");
        var key = Guid.NewGuid();

        using var created = await PostApiAsync(client, ApiArrival("Genforsøg"), key);
        using var retried = await PostApiAsync(client, ApiArrival("Genforsøg"), key);

        var household = Assert.Single(await HouseholdsAsync("Genforsøg"));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(HttpStatusCode.OK, retried.StatusCode);
        Assert.Equal($"/api/v1/households/{household}", retried.Headers.Location!.OriginalString);
        using var body = JsonDocument.Parse(await retried.Content.ReadAsStringAsync());
        Assert.Equal(household, body.RootElement.GetProperty("id").GetGuid());
        Assert.Equal("Genforsøg", body.RootElement.GetProperty("members")[0].GetProperty("lastName").GetString());
    }

    [Fact]
    public async Task ApiSentTwiceAtTheSameMomentWithTheSameKey_OneHousehold_BothAnsweredWithIt()
    {
        using var client = await Browser.SignedInAsync(factory, "koordinator");
        var key = Guid.NewGuid();
        HoldBothRegistrations();

        var responses = await Task.WhenAll(PostApiAsync(client, ApiArrival("Samtidig"), key), PostApiAsync(client, ApiArrival("Samtidig"), key));

        var household = Assert.Single(await HouseholdsAsync("Samtidig"));
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Created], responses.Select(r => r.StatusCode).Order());
        Assert.All(responses, r => Assert.Equal($"/api/v1/households/{household}", r.Headers.Location!.OriginalString));
        foreach (var response in responses)
        {
            response.Dispose();
        }
    }

    [Fact]
    public async Task ApiWithoutKey_AsBefore_TheSecondIsWarnedOfPossibleDuplicates()
    {
        using var client = await Browser.SignedInAsync(factory, "koordinator");

        using var created = await PostApiAsync(client, ApiArrival("Nøgleløs"), key: null);
        using var again = await PostApiAsync(client, ApiArrival("Nøgleløs"), key: null);

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.Contains("confirmPossibleDuplicates", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Single(await HouseholdsAsync("Nøgleløs"));
        // The member's field says how a program confirms it, not the form's checkbox (found by exploratory review).
        using var body = System.Text.Json.JsonDocument.Parse(await again.Content.ReadAsStringAsync());
        var message = Assert.Single(body.RootElement.GetProperty("errors").GetProperty("members[0].firstName").EnumerateArray()).GetString();
        Assert.StartsWith("Der findes allerede en borger med samme navn og fødselsdato (", message, StringComparison.Ordinal);
        Assert.EndsWith("Er det en anden person, så send igen med confirmPossibleDuplicates = true.", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ApiKeyThatIsNotAUuid_400UnderTheHeader_NothingSaved()
    {
        using var client = await Browser.SignedInAsync(factory, "koordinator");
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/api/v1/arrivals", UriKind.Relative)) { Content = JsonContent.Create(ApiArrival("Forkertnøgle")) };
        request.Headers.Add("Idempotency-Key", "gentag-1");

        using var response = await client.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("Idempotency-Key skal være et UUID.", body.RootElement.GetProperty("errors").GetProperty("Idempotency-Key")[0].GetString());
        Assert.Empty(await HouseholdsAsync("Forkertnøgle"));
    }

    /// <summary>
    /// Both registrations held at their save until both have made their checks: on PostgreSQL. On SQLite the
    /// registration's transaction takes the database's write lock as it begins, so the second waits there until the first
    /// is saved and the two cannot meet at the save; the database puts them in order, and a hold would only be waited out.
    /// </summary>
    private void HoldBothRegistrations()
    {
        if (factory.UsesPostgres)
        {
            factory.HoldSaves(2, db => db.ChangeTracker.Entries<Household>().Any(e => e.State == EntityState.Added));
        }
    }

    /// <summary>The form posted with the token it was shown with, as the browser sends it; answers where it leads.</summary>
    private static async Task<(HttpStatusCode StatusCode, string? Location)> PostAsync(Browser browser, OpenedForm form, Dictionary<string, string> typed)
    {
        using var response = await browser.PostFormAsync(Url, new Dictionary<string, string>(typed) { ["Input.SubmissionToken"] = form.Hidden["Input.SubmissionToken"] });
        return (response.StatusCode, response.Headers.Location?.OriginalString);
    }

    private static async Task<HttpResponseMessage> PostApiAsync(Browser client, object arrival, Guid? key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/api/v1/arrivals", UriKind.Relative)) { Content = JsonContent.Create(arrival) };
        if (key is { } k)
        {
            request.Headers.Add("Idempotency-Key", k.ToString());
        }

        return await client.Client.SendAsync(request);
    }

    private static object ApiArrival(string lastName) => new
    {
        visitationDecisionDate = Iso(Today.AddDays(-40)),
        expectedArrival = Iso(Today.AddDays(10)),
        members = new object[] { new { firstName = "Selam", lastName, birthDate = "1995-02-01", gender = "Female", basis = "VisitedRefugee" } },
    };

    private Task<List<Guid>> HouseholdsAsync(string lastName) =>
        factory.QueryAsync(db => db.Households.Where(h => h.Members.Any(m => m.LastName == lastName)).Select(h => h.Id).ToListAsync());

    /// <summary>The tasks one registration of the family makes, counted on a household registered once.</summary>
    private async Task<int> TasksOfOneAsync()
    {
        using var coordinator = await Browser.SignedInAsync(factory, "koordinator");
        var lastName = $"Enkelt{Guid.NewGuid():N}"[..12];
        await (await OpenedForm.OpenAsync(coordinator, Url)).PostAsync(Family(lastName));
        var household = Assert.Single(await HouseholdsAsync(lastName));
        return await factory.QueryAsync(db => db.Tasks.CountAsync(t => t.HouseholdId == household));
    }
}

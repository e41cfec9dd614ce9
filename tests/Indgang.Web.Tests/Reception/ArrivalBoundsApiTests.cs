using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Indgang.Tests.Hosting;
using Indgang.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Indgang.Web.Tests.Reception;

/// <summary>
/// POST /api/v1/arrivals refuses text longer than its column (PostgreSQL would refuse to save it: a server error) and an
/// expected arrival beyond the planning horizon (the deadlines counted from it would be no dates) with problem details
/// naming the field; nothing is saved. The members are family-reunified, so no visitation decision is asked for: the
/// bound is the only thing wrong.
/// </summary>
public sealed class ArrivalBoundsApiTests(IndgangAppFactory factory) : IClassFixture<IndgangAppFactory>
{
    [Fact]
    public async Task ExpectedArrivalInTheYear9999_Returns400NamingTheField()
    {
        using var body = await RefusedAsync(Arrival("Niværk", expectedArrival: "9999-12-31"), "Niværk");

        Assert.Equal("Datoen kan højst ligge 2 år frem. Tjek årstallet.", Error(body, "expectedArrival"));
    }

    [Fact]
    public async Task ExpectedArrivalOnTheLastDayOfTheHorizon_IsSaved()
    {
        var lastDay = Arrivals.Iso(Arrivals.Today.AddYears(2));
        using var coordinator = await Browser.SignedInAsync(factory, "koordinator");

        using var response = await coordinator.Client.PostAsJsonAsync(new Uri("/api/v1/arrivals", UriKind.Relative), Arrival("Horisont", expectedArrival: lastDay));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Fact]
    public async Task HouseholdNameLongerThanItsColumn_Returns400NamingTheField()
    {
        using var body = await RefusedAsync(Arrival("Husnavn", householdName: new string('H', 201)), "Husnavn");

        Assert.Equal("Husstandens navn må højst være 200 tegn.", Error(body, "householdName"));
    }

    [Fact]
    public async Task MemberTextsLongerThanTheirColumns_Return400NamingEachField()
    {
        var tooLong = Arrival(new string('E', 201), firstName: new string('F', 201), nationality: new string('N', 101), languages: new string('S', 301), householdName: "Familien Lang");

        using var body = await RefusedAsync(tooLong, new string('E', 201));

        Assert.Equal("Fornavnet må højst være 200 tegn.", Error(body, "members[0].firstName"));
        Assert.Equal("Efternavnet må højst være 200 tegn.", Error(body, "members[0].lastName"));
        Assert.Equal("Statsborgerskabet må højst være 100 tegn.", Error(body, "members[0].nationality"));
        Assert.Equal("Sprogene må højst være 300 tegn.", Error(body, "members[0].languages"));
    }

    /// <summary>A single person's household is named "first last": two names that each fit may together not.</summary>
    [Fact]
    public async Task NamesThatTogetherMakeAHouseholdNameTooLong_Return400AskingForAShorterName()
    {
        var lastName = new string('L', 150);
        using var body = await RefusedAsync(Arrival(lastName, firstName: new string('F', 150)), lastName);

        Assert.Equal("Husstandens navn dannes af det første medlems navne og bliver over 200 tegn. Skriv et kortere navn til husstanden.", Error(body, "householdName"));
    }

    [Fact]
    public async Task NamesOfTheLongestLengths_AreSaved()
    {
        var (first, last) = (new string('F', 100), new string('L', 99));
        using var coordinator = await Browser.SignedInAsync(factory, "koordinator");

        using var response = await coordinator.Client.PostAsJsonAsync(new Uri("/api/v1/arrivals", UriKind.Relative),
            Arrival($" {last} ", firstName: first, nationality: new string('N', 100), languages: new string('S', 300)));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.True(await factory.QueryAsync(db => db.Households.AnyAsync(h => h.Name == $"{first} {last}")));
    }

    /// <summary>
    /// Enums travel by name: a number (or a number in a string) was stored as a gender or a relation no one could name,
    /// and a gender of 99 passed the shared room's "known gender" rule.
    /// </summary>
    [Theory]
    [InlineData("Talkøn", 99, null)]
    [InlineData("Strengkøn", "99", null)]
    [InlineData("Talrelation", "Male", 42)]
    public async Task AGenderOrRelationGivenAsANumber_Returns400_NothingSaved(string lastName, object gender, object? relationToFirst)
    {
        var arrival = new
        {
            expectedArrival = Arrivals.Iso(Arrivals.Today.AddDays(7)),
            members = new object[]
            {
                new { firstName = "Amal", lastName, birthDate = "1991-03-03", gender = "Female", basis = "FamilyReunified" },
                new { firstName = "Omar", lastName, birthDate = "1990-03-03", gender, basis = "FamilyReunified", relationToFirst },
            },
        };

        using var body = await RefusedAsync(arrival, lastName);

        Assert.Equal(400, body.RootElement.GetProperty("status").GetInt32());
    }

    /// <summary>More members than a household is registered with: refused under <c>members</c>, none saved.</summary>
    [Fact]
    public async Task Arrival_MoreMembersThanAHouseholdIsRegisteredWith_IsRefused()
    {
        var arrival = new
        {
            expectedArrival = Arrivals.Iso(Arrivals.Today.AddDays(7)),
            members = Enumerable.Range(1, Domain.People.Household.MostMembers + 1)
                .Select(i => new { firstName = $"Medlem{i}", lastName = "Mangemedlemmer", birthDate = "1991-03-03", gender = "Female", basis = "FamilyReunified" }).ToArray(),
        };

        using var body = await RefusedAsync(arrival, "Mangemedlemmer");

        Assert.Equal(Features.Reception.ArrivalValidator.TooManyMembers, Error(body, "members"));
        Assert.Contains("20 medlemmer", Features.Reception.ArrivalValidator.TooManyMembers, StringComparison.Ordinal);
    }

    private async Task<JsonDocument> RefusedAsync(object arrival, string lastName)
    {
        using var coordinator = await Browser.SignedInAsync(factory, "koordinator");

        using var response = await coordinator.Client.PostAsJsonAsync(new Uri("/api/v1/arrivals", UriKind.Relative), arrival);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        Assert.False(await factory.QueryAsync(db => db.Persons.AnyAsync(p => p.LastName == lastName)));
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync());
    }

    private static string? Error(JsonDocument body, string field) => body.RootElement.GetProperty("errors").GetProperty(field)[0].GetString();

    private static object Arrival(string lastName, string firstName = "Amal", string? householdName = null, string? expectedArrival = null, string? nationality = null, string? languages = null) => new
    {
        householdName,
        expectedArrival = expectedArrival ?? Arrivals.Iso(Arrivals.Today.AddDays(7)),
        members = new object[] { new { firstName, lastName, birthDate = "1991-03-03", gender = "Female", basis = "FamilyReunified", nationality, languages } },
    };
}

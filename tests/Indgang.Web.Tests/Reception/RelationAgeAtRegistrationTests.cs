using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AngleSharp.Html.Parser;
using Indgang.Domain.People;
using Indgang.Domain.Reception;
using Indgang.Tests.Hosting;
using Indgang.Web.Features.Households;
using Indgang.Web.Features.Reception;
using Indgang.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Indgang.Web.Tests.Infrastructure.Arrivals;

namespace Indgang.Web.Tests.Reception;

/// <summary>
/// A custodian (værge) is of age, and a marriage where one of the two is under 18 is refused, at registration as on the
/// relations page (<see cref="RelationAges"/>): on the page, by CSV import and through the API, beside the member's
/// relation to the first, with what was typed kept and nothing saved; and when a member joins the household. Before,
/// registration saved a 4-year-old as the first member's spouse and a 9-year-old as their custodian.
/// </summary>
public sealed class RelationAgeAtRegistrationTests(IndgangAppFactory factory) : IClassFixture<IndgangAppFactory>
{
    private static readonly HtmlParser Parser = new();

    [Fact]
    public async Task Register_AChildAsSpouseOrCustodian_IsRefusedBesideTheRelation_TypedKept_NothingSaved()
    {
        using var coordinator = await Browser.SignedInAsync(factory, "koordinator");
        var form = Family("Barneægteskab");
        form["Input.Members[2].RelationToFirst"] = "Spouse";
        form["Input.Members[3].RelationToFirst"] = "Custodian";

        using var response = await coordinator.PostFormAsync("/Reception/Register", form);
        var page = Parser.ParseDocument(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal($"Fejl: {RelationAges.SpouseUnderAge}", page.GetElementById("Input_Members_2__RelationToFirst-error")?.TextContent);
        Assert.Equal($"Fejl: {RelationAges.CustodianUnderAge}", page.GetElementById("Input_Members_3__RelationToFirst-error")?.TextContent);
        Assert.Null(page.GetElementById("Input_Members_1__RelationToFirst-error"));
        var summary = page.QuerySelectorAll(".alert-error a").Select(a => a.GetAttribute("href")!.TrimStart('#')).ToList();
        Assert.Contains("Input_Members_2__RelationToFirst", summary);
        Assert.Contains("Input_Members_3__RelationToFirst", summary);
        Assert.Equal("Spouse", page.QuerySelector("#Input_Members_2__RelationToFirst option[selected]")?.GetAttribute("value"));
        Assert.Equal("Custodian", page.QuerySelector("#Input_Members_3__RelationToFirst option[selected]")?.GetAttribute("value"));
        Assert.False(await factory.QueryAsync(db => db.Persons.AnyAsync(p => p.LastName == "Barneægteskab")));
    }

    [Fact]
    public void Register_AnAdultAsTheSpouseOfAChildFirstMember_IsRefused()
    {
        var errors = ArrivalValidator.Validate(new ArrivalRequest(null, null, Today,
        [
            new ArrivalMember("Pige", "Barnebrud", Today.AddYears(-16), Gender.Female, ResidenceBasis.QuotaRefugee),
            new ArrivalMember("Mand", "Barnebrud", new DateOnly(1990, 1, 1), Gender.Male, ResidenceBasis.QuotaRefugee, RelationToFirst: RelationKind.Spouse),
            new ArrivalMember("Voksen", "Barnebrud", new DateOnly(1970, 1, 1), Gender.Male, ResidenceBasis.QuotaRefugee, RelationToFirst: RelationKind.Custodian),
        ]), Today);

        Assert.Equal([RelationAges.SpouseUnderAge], errors["Members[1].RelationToFirst"]);
        Assert.False(errors.ContainsKey("Members[2].RelationToFirst"));
    }

    [Fact]
    public async Task CsvImport_AChildAsSpouse_IsRefusedOnItsRow_AndNothingIsSaved()
    {
        const string Header = "household;first_name;last_name;birth_date;gender;residence_basis;relation_to_first;nationality;languages;interpreter;cpr;visitation_decision_date;expected_arrival\n";
        var arrival = Iso(Today.AddDays(10));
        var csv = Header +
            $"A;Amal;Barnecsv;1988-07-15;kvinde;kvote;;Syrien;arabisk;ja;;;{arrival}\n" +
            $"A;Karim;Barnecsv;{Iso(Today.AddYears(-12))};mand;kvote;ægtefælle;Syrien;arabisk;nej;;;{arrival}\n";
        using var coordinator = await Browser.SignedInAsync(factory, "koordinator");

        var html = WebUtility.HtmlDecode(await coordinator.UploadCsvAsync("/Reception/Import", csv, "ankomster.csv"));

        Assert.Contains($"<tr data-row=\"3\"><td>3</td><td>{RelationAges.SpouseUnderAge}</td></tr>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("data-row=\"2\"", html, StringComparison.Ordinal);
        Assert.False(await factory.QueryAsync(db => db.Persons.AnyAsync(p => p.LastName == "Barnecsv")));
    }

    [Fact]
    public async Task Api_AChildAsCustodian_Returns400ProblemDetailsAtTheMembersRelation()
    {
        using var coordinator = await Browser.SignedInAsync(factory, "koordinator");
        var arrival = new
        {
            expectedArrival = Iso(Today.AddDays(10)),
            members = new object[]
            {
                new { firstName = "Adil", lastName = "Barneapi", birthDate = "1991-03-04", gender = "Male", basis = "FamilyReunified" },
                new { firstName = "Rana", lastName = "Barneapi", birthDate = Iso(Today.AddYears(-10)), gender = "Female", basis = "FamilyReunified", relationToFirst = "Custodian" },
            },
        };

        using var response = await coordinator.Client.PostAsJsonAsync(new Uri("/api/v1/arrivals", UriKind.Relative), arrival);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal(RelationAges.CustodianUnderAge, body.RootElement.GetProperty("errors").GetProperty("members[1].relationToFirst")[0].GetString());
        Assert.False(await factory.QueryAsync(db => db.Persons.AnyAsync(p => p.LastName == "Barneapi")));
    }

    [Fact]
    public async Task AddMember_AChildJoiningAsTheEldestsSpouse_IsRefusedBesideTheRelation_NothingSaved()
    {
        var household = await factory.RegisterSingleAsync("Barnetilføjet");
        using var coordinator = await Browser.SignedInAsync(factory, "koordinator");

        using var refused = await coordinator.PostFormAsync($"/Households/{household}/AddMember", new Dictionary<string, string>
        {
            ["Input.Members[0].FirstName"] = "Brud",
            ["Input.Members[0].LastName"] = "Barnetilføjet",
            ["Input.Members[0].BirthDate"] = Iso(Today.AddYears(-15)),
            ["Input.Members[0].Gender"] = "Female",
            ["Input.Members[0].Basis"] = "FamilyReunified",
            ["Input.Members[0].RelationToFirst"] = "Spouse",
            ["JoinedOn"] = Iso(Today),
        });

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var page = Parser.ParseDocument(await refused.Content.ReadAsStringAsync());
        Assert.Equal($"Fejl: {RelationAges.SpouseUnderAge}", page.GetElementById("Input_Members_0__RelationToFirst-error")?.TextContent);
        Assert.False(await factory.QueryAsync(db => db.Persons.AnyAsync(p => p.FirstName == "Brud" && p.LastName == "Barnetilføjet")));
    }
}

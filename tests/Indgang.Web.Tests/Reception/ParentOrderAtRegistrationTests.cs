using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AngleSharp.Html.Parser;
using Indgang.Tests.Hosting;
using Indgang.Web.Features.Households;
using Indgang.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Indgang.Web.Tests.Infrastructure.Arrivals;

namespace Indgang.Web.Tests.Reception;

/// <summary>
/// A parent is not younger than their child at registration, as on the relations page (<see cref="RelationAges"/>): a
/// member typed as the first member's parent though younger, or as their child though older, is refused on the page, by
/// CSV import and through the API, beside the member's relation to the first, with what was typed kept and nothing
/// saved; and when a member joins the household. Before, registration saved a 4-year-old as the parent of a man of 40.
/// </summary>
public sealed class ParentOrderAtRegistrationTests(IndgangAppFactory factory) : IClassFixture<IndgangAppFactory>
{
    private static readonly HtmlParser Parser = new();

    [Fact]
    public async Task Register_AYoungerParentOrAnOlderChild_IsRefusedBesideTheRelation_TypedKept_NothingSaved()
    {
        using var coordinator = await Browser.SignedInAsync(factory, "koordinator");
        var form = Family("Forældreorden");
        // The first member is born 1985: a 4-year-old as his parent, a man born 1960 as his child.
        form["Input.Members[2].RelationToFirst"] = "Parent";
        form["Input.Members[3].BirthDate"] = "1960-05-05";

        using var response = await coordinator.PostFormAsync("/Reception/Register", form);
        var page = Parser.ParseDocument(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal($"Fejl: {RelationAges.ParentYounger}", page.GetElementById("Input_Members_2__RelationToFirst-error")?.TextContent);
        Assert.Equal($"Fejl: {RelationAges.ParentYounger}", page.GetElementById("Input_Members_3__RelationToFirst-error")?.TextContent);
        Assert.Null(page.GetElementById("Input_Members_1__RelationToFirst-error"));
        var summary = page.QuerySelectorAll(".alert-error a").Select(a => a.GetAttribute("href")!.TrimStart('#')).ToList();
        Assert.Contains("Input_Members_2__RelationToFirst", summary);
        Assert.Contains("Input_Members_3__RelationToFirst", summary);
        Assert.Equal("Parent", page.QuerySelector("#Input_Members_2__RelationToFirst option[selected]")?.GetAttribute("value"));
        Assert.Equal("Child", page.QuerySelector("#Input_Members_3__RelationToFirst option[selected]")?.GetAttribute("value"));
        Assert.False(await factory.QueryAsync(db => db.Persons.AnyAsync(p => p.LastName == "Forældreorden")));
    }

    [Fact]
    public async Task CsvImport_AYoungerParent_IsRefusedOnItsRow_AndNothingIsSaved()
    {
        const string Header = "household;first_name;last_name;birth_date;gender;residence_basis;relation_to_first;nationality;languages;interpreter;cpr;visitation_decision_date;expected_arrival\n";
        var arrival = Iso(Today.AddDays(10));
        var csv = Header +
            $"A;Amal;Ordencsv;1988-07-15;kvinde;kvote;;Syrien;arabisk;ja;;;{arrival}\n" +
            $"A;Karim;Ordencsv;{Iso(Today.AddYears(-12))};mand;kvote;forælder;Syrien;arabisk;nej;;;{arrival}\n";
        using var coordinator = await Browser.SignedInAsync(factory, "koordinator");

        var html = WebUtility.HtmlDecode(await coordinator.UploadCsvAsync("/Reception/Import", csv, "ankomster.csv"));

        Assert.Contains($"<tr data-row=\"3\"><td>3</td><td>{RelationAges.ParentYounger}</td></tr>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("data-row=\"2\"", html, StringComparison.Ordinal);
        Assert.False(await factory.QueryAsync(db => db.Persons.AnyAsync(p => p.LastName == "Ordencsv")));
    }

    [Fact]
    public async Task Api_AnOlderChild_Returns400ProblemDetailsAtTheMembersRelation()
    {
        using var coordinator = await Browser.SignedInAsync(factory, "koordinator");
        var arrival = new
        {
            expectedArrival = Iso(Today.AddDays(10)),
            members = new object[]
            {
                new { firstName = "Adil", lastName = "Ordenapi", birthDate = "1991-03-04", gender = "Male", basis = "FamilyReunified" },
                new { firstName = "Rana", lastName = "Ordenapi", birthDate = "1970-01-01", gender = "Female", basis = "FamilyReunified", relationToFirst = "Child" },
            },
        };

        using var response = await coordinator.Client.PostAsJsonAsync(new Uri("/api/v1/arrivals", UriKind.Relative), arrival);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal(RelationAges.ParentYounger, body.RootElement.GetProperty("errors").GetProperty("members[1].relationToFirst")[0].GetString());
        Assert.False(await factory.QueryAsync(db => db.Persons.AnyAsync(p => p.LastName == "Ordenapi")));
    }

    [Fact]
    public async Task AddMember_AChildJoiningAsTheEldestsParent_IsRefusedBesideTheRelation_NothingSaved()
    {
        // The household's one member is born 1990.
        var household = await factory.RegisterSingleAsync("Ordentilføjet");
        using var coordinator = await Browser.SignedInAsync(factory, "koordinator");

        using var refused = await coordinator.PostFormAsync($"/Households/{household}/AddMember", new Dictionary<string, string>
        {
            ["Input.Members[0].FirstName"] = "Datter",
            ["Input.Members[0].LastName"] = "Ordentilføjet",
            ["Input.Members[0].BirthDate"] = Iso(Today.AddYears(-6)),
            ["Input.Members[0].Gender"] = "Female",
            ["Input.Members[0].Basis"] = "FamilyReunified",
            ["Input.Members[0].RelationToFirst"] = "Parent",
            ["JoinedOn"] = Iso(Today),
        });

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var page = Parser.ParseDocument(await refused.Content.ReadAsStringAsync());
        Assert.Equal($"Fejl: {RelationAges.ParentYounger}", page.GetElementById("Input_Members_0__RelationToFirst-error")?.TextContent);
        Assert.Equal("Parent", page.QuerySelector("#Input_Members_0__RelationToFirst option[selected]")?.GetAttribute("value"));
        Assert.False(await factory.QueryAsync(db => db.Persons.AnyAsync(p => p.FirstName == "Datter" && p.LastName == "Ordentilføjet")));
    }
}

using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Indgang.Tests.Hosting;
using Indgang.Web.Features.Reception;
using Indgang.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Indgang.Web.Tests.Infrastructure.Arrivals;

namespace Indgang.Web.Tests.Reception;

/// <summary>
/// A CPR number identifies one person. Registration on the page, through the API and by CSV import, and a member added
/// later, all refuse a number already on a person (also with »Opret alligevel«, which only passes a shared name and birth
/// date) and a number typed at two members of the same arrival, beside the field, with what was typed kept and nothing saved.
/// Before, each of these saved a second person with the same number (only the CPR page after registration checked it).
/// </summary>
public sealed class CprUniquenessTests(IndgangAppFactory factory) : IClassFixture<IndgangAppFactory>
{
    // Every test its own number (the class shares one database); the birth date is the family's first member's, 1 March 1985.
    private static Dictionary<string, string> FamilyWithCpr(string lastName, string cpr)
    {
        var form = Family(lastName);
        form["Input.Members[0].Cpr"] = cpr;
        return form;
    }

    [Fact]
    public async Task Register_ANumberAlreadyOnAPerson_IsRefusedBesideTheField_EvenWhenTheDuplicateIsConfirmed()
    {
        using var coordinator = await Browser.SignedInAsync(factory, "koordinator");
        using (var first = await coordinator.PostFormAsync("/Reception/Register", FamilyWithCpr("Cprførst", "010385-1111")))
        {
            Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        }

        var second = FamilyWithCpr("Cpranden", "010385-1111");
        second["Input.ConfirmDuplicates"] = "true";
        using var response = await coordinator.PostFormAsync("/Reception/Register", second);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("id=\"Input_Members_0__Cpr-error\"", html, StringComparison.Ordinal);
        Assert.Contains(CprMessages.Taken, html, StringComparison.Ordinal);
        Assert.Contains("value=\"010385-1111\"", html, StringComparison.Ordinal);
        Assert.Contains("value=\"Cpranden\"", html, StringComparison.Ordinal);
        Assert.False(await factory.QueryAsync(db => db.Persons.AnyAsync(p => p.LastName == "Cpranden")));
        Assert.Equal(1, await factory.QueryAsync(db => db.Persons.CountAsync(p => p.LastName == "Cprførst" && p.Cpr != null)));
    }

    [Fact]
    public async Task Register_TheSameNumberAtTwoMembers_IsRefusedAtTheLaterOne()
    {
        using var coordinator = await Browser.SignedInAsync(factory, "koordinator");
        var form = FamilyWithCpr("Cprtvilling", "010385-2221");
        form["Input.Members[1].BirthDate"] = "1985-03-01";
        form["Input.Members[1].Gender"] = "Male";
        form["Input.Members[1].Cpr"] = "0103852221";

        using var response = await coordinator.PostFormAsync("/Reception/Register", form);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("id=\"Input_Members_1__Cpr-error\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"Input_Members_0__Cpr-error\"", html, StringComparison.Ordinal);
        Assert.Contains(CprMessages.SameAsOtherMember, html, StringComparison.Ordinal);
        Assert.False(await factory.QueryAsync(db => db.Persons.AnyAsync(p => p.LastName == "Cprtvilling")));
    }

    [Fact]
    public async Task Api_ANumberAlreadyOnAPerson_Returns400ProblemDetailsAtTheMember()
    {
        using var coordinator = await Browser.SignedInAsync(factory, "koordinator");
        using (var first = await coordinator.PostFormAsync("/Reception/Register", FamilyWithCpr("Cprapiførst", "010385-3333")))
        {
            Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        }

        var arrival = new
        {
            expectedArrival = Iso(Today.AddDays(10)),
            members = new object[]
            {
                new { firstName = "Adil", lastName = "Cprapi", birthDate = "1990-01-01", gender = "Male", basis = "FamilyReunified" },
                new { firstName = "Rami", lastName = "Cprapi", birthDate = "1985-03-01", gender = "Male", basis = "FamilyReunified", relationToFirst = "Sibling", cpr = "0103853333" },
            },
            confirmPossibleDuplicates = true,
        };
        using var response = await coordinator.Client.PostAsJsonAsync(new Uri("/api/v1/arrivals", UriKind.Relative), arrival);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal(CprMessages.Taken, body.RootElement.GetProperty("errors").GetProperty("members[1].cpr")[0].GetString());
        Assert.False(await factory.QueryAsync(db => db.Persons.AnyAsync(p => p.LastName == "Cprapi")));
    }

    [Fact]
    public async Task CsvImport_TheSameNumberInTwoHouseholds_IsRefusedOnTheLaterRow_AndNothingIsSaved()
    {
        const string Header = "household;first_name;last_name;birth_date;gender;residence_basis;relation_to_first;nationality;languages;interpreter;cpr;visitation_decision_date;expected_arrival\n";
        var csv = Header +
            "A;Amal;Cprcsv;1985-03-01;kvinde;kvote;;Syrien;arabisk;ja;010385-4444;;2026-11-01\n" +
            "B;Amal;Cprcsvto;1985-03-01;kvinde;kvote;;Syrien;arabisk;ja;0103854444;;2026-11-01\n";
        using var coordinator = await Browser.SignedInAsync(factory, "koordinator");

        var html = WebUtility.HtmlDecode(await coordinator.UploadCsvAsync("/Reception/Import", csv, "ankomster.csv"));

        Assert.Contains($"<tr data-row=\"3\"><td>3</td><td>{CprMessages.Taken}", html, StringComparison.Ordinal);
        Assert.DoesNotContain("data-row=\"2\"", html, StringComparison.Ordinal);
        Assert.False(await factory.QueryAsync(db => db.Persons.AnyAsync(p => p.LastName.StartsWith("Cprcsv"))));
    }

    [Fact]
    public async Task AddMember_ANumberAlreadyOnAPerson_IsRefusedBesideTheField_TypedKept()
    {
        using var coordinator = await Browser.SignedInAsync(factory, "koordinator");
        using (var first = await coordinator.PostFormAsync("/Reception/Register", FamilyWithCpr("Cprmedlemførst", "010385-0555")))
        {
            Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        }

        var household = await factory.RegisterSingleAsync("Cprmedlem");
        var form = new Dictionary<string, string>
        {
            ["Input.Members[0].FirstName"] = "Broder",
            ["Input.Members[0].LastName"] = "Cprmedlem",
            ["Input.Members[0].BirthDate"] = "1985-03-01",
            ["Input.Members[0].Gender"] = "Male",
            ["Input.Members[0].Basis"] = "FamilyReunified",
            ["Input.Members[0].RelationToFirst"] = "Sibling",
            ["Input.Members[0].Cpr"] = "010385-0555",
            ["Input.ConfirmDuplicates"] = "true",
            ["JoinedOn"] = Iso(Today),
            ["CprRegisteredOn"] = "",
        };

        var refused = await (await OpenedForm.OpenAsync(coordinator, $"/Households/{household}/AddMember")).PostAsync(form);

        Assert.Equal(HttpStatusCode.OK, refused.Status);
        var html = WebUtility.HtmlDecode(refused.Html);
        Assert.Contains("id=\"Input_Members_0__Cpr-error\"", html, StringComparison.Ordinal);
        Assert.Contains(CprMessages.Taken, html, StringComparison.Ordinal);
        Assert.Contains("value=\"Broder\"", html, StringComparison.Ordinal);
        Assert.False(await factory.QueryAsync(db => db.Persons.AnyAsync(p => p.FirstName == "Broder" && p.LastName == "Cprmedlem")));
    }
}

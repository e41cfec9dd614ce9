using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AngleSharp.Html.Parser;
using Indgang.Domain.People;
using Indgang.Tests.Hosting;
using Indgang.Web.Features.Reception;
using Indgang.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Indgang.Web.Tests.Infrastructure.Arrivals;

namespace Indgang.Web.Tests.Reception;

/// <summary>
/// With a CPR number the gender follows the number (its last digit: even for a woman, odd for a man). A gender typed at
/// registration that is not the number's is refused on the page, by CSV import and through the API, beside the member's
/// gender with what was typed kept and nothing saved, as the person's correction page refuses it. Before, the member was
/// saved with the number's gender instead of the one typed, without a word. No gender chosen takes the number's.
/// </summary>
public sealed class CprGenderTests(IndgangAppFactory factory) : IClassFixture<IndgangAppFactory>
{
    private static readonly HtmlParser Parser = new();

    // The family's first member, Yusuf (a man), born 4 March 1991: every test its own number (the class shares one database).
    private static Dictionary<string, string> FamilyWithCpr(string lastName, string cpr)
    {
        var form = Family(lastName);
        form["Input.Members[0].BirthDate"] = "1991-03-04";
        form["Input.Members[0].Cpr"] = cpr;
        return form;
    }

    [Fact]
    public async Task Register_AManWithAWomansNumber_IsRefusedBesideTheGender_TypedKept_NothingSaved()
    {
        using var coordinator = await Browser.SignedInAsync(factory, "koordinator");

        using var response = await coordinator.PostFormAsync("/Reception/Register", FamilyWithCpr("Kønsforskel", "040391-1234"));
        var page = Parser.ParseDocument(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal($"Fejl: {CprMessages.GenderNotTheCprs}", page.GetElementById("Input_Members_0__Gender-error")?.TextContent);
        Assert.Contains("Input_Members_0__Gender", page.QuerySelectorAll(".alert-error a").Select(a => a.GetAttribute("href")!.TrimStart('#')));
        Assert.Null(page.GetElementById("Input_Members_0__Cpr-error"));
        Assert.Equal("040391-1234", page.GetElementById("Input_Members_0__Cpr")?.GetAttribute("value"));
        Assert.Equal("Male", page.QuerySelector("#Input_Members_0__Gender option[selected]")?.GetAttribute("value"));
        Assert.Equal("Kønsforskel", page.GetElementById("Input_Members_0__LastName")?.GetAttribute("value"));
        Assert.False(await factory.QueryAsync(db => db.Persons.AnyAsync(p => p.LastName == "Kønsforskel")));
    }

    [Fact]
    public async Task Register_AGenderThatIsTheNumbers_IsSaved_AndNoneChosenTakesTheNumbers()
    {
        using var coordinator = await Browser.SignedInAsync(factory, "koordinator");
        var form = FamilyWithCpr("Kønsenig", "040391-1235");
        form["Input.Members[1].Gender"] = "";
        form["Input.Members[1].Cpr"] = "150788-1234";

        using var response = await coordinator.PostFormAsync("/Reception/Register", form);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var saved = await factory.QueryAsync(db => db.Persons.Where(p => p.LastName == "Kønsenig").ToDictionaryAsync(p => p.FirstName, p => p.Gender));
        Assert.Equal(Gender.Male, saved["Yusuf"]);
        Assert.Equal(Gender.Female, saved["Huda"]);
    }

    [Fact]
    public async Task CsvImport_ARowWhoseGenderIsNotTheNumbers_IsRefusedOnItsRow_AndNothingIsSaved()
    {
        const string Header = "household;first_name;last_name;birth_date;gender;residence_basis;relation_to_first;nationality;languages;interpreter;cpr;visitation_decision_date;expected_arrival\n";
        var arrival = Iso(Today.AddDays(10));
        var csv = Header +
            $"A;Amal;Kønscsv;1988-07-15;kvinde;kvote;;Syrien;arabisk;ja;150788-1236;;{arrival}\n" +
            $"A;Karim;Kønscsv;1991-03-04;mand;kvote;ægtefælle;Syrien;arabisk;nej;040391-1236;;{arrival}\n";
        using var coordinator = await Browser.SignedInAsync(factory, "koordinator");

        var html = WebUtility.HtmlDecode(await coordinator.UploadCsvAsync("/Reception/Import", csv, "ankomster.csv"));

        Assert.Contains($"<tr data-row=\"3\"><td>3</td><td>{CprMessages.GenderNotTheCprs}</td></tr>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("data-row=\"2\"", html, StringComparison.Ordinal);
        Assert.False(await factory.QueryAsync(db => db.Persons.AnyAsync(p => p.LastName == "Kønscsv")));
    }

    [Fact]
    public async Task Api_AGenderThatIsNotTheNumbers_Returns400ProblemDetailsAtTheMembersGender()
    {
        using var coordinator = await Browser.SignedInAsync(factory, "koordinator");
        var arrival = new
        {
            expectedArrival = Iso(Today.AddDays(10)),
            members = new object[]
            {
                new { firstName = "Adil", lastName = "Kønsapi", birthDate = "1991-03-04", gender = "Male", basis = "FamilyReunified", cpr = "0403911237" },
                new { firstName = "Rana", lastName = "Kønsapi", birthDate = "1991-03-04", gender = "Female", basis = "FamilyReunified", relationToFirst = "Spouse", cpr = "0403911239" },
            },
        };

        using var response = await coordinator.Client.PostAsJsonAsync(new Uri("/api/v1/arrivals", UriKind.Relative), arrival);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        var errors = body.RootElement.GetProperty("errors");
        Assert.Equal(CprMessages.GenderNotTheCprs, errors.GetProperty("members[1].gender")[0].GetString());
        Assert.False(errors.TryGetProperty("members[0].gender", out _));
        Assert.False(await factory.QueryAsync(db => db.Persons.AnyAsync(p => p.LastName == "Kønsapi")));
    }
}

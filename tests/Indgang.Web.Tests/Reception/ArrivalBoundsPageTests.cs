using System.Net;
using Indgang.Tests.Hosting;
using Indgang.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Indgang.Web.Tests.Reception;

/// <summary>
/// The registration page and the CSV import refuse text longer than its column (PostgreSQL would refuse to save it, a
/// server error; SQLite would save it) and an expected arrival beyond the planning horizon, beside the field or on the
/// row, with what was typed kept; nothing is saved.
/// </summary>
public sealed class ArrivalBoundsPageTests(IndgangAppFactory factory) : IClassFixture<IndgangAppFactory>
{
    [Fact]
    public async Task Register_TextsTooLongAndArrivalTooFarAhead_AreRefusedBesideTheFields()
    {
        using var coordinator = await Browser.SignedInAsync(factory, "koordinator");
        var (household, first, nationality, languages) = (new string('H', 201), new string('F', 201), new string('N', 101), new string('S', 301));
        var form = Arrivals.Family("Langeord");
        form["Input.HouseholdName"] = household;
        form["Input.ExpectedArrival"] = "9999-12-01";
        form["Input.Members[0].FirstName"] = first;
        form["Input.Members[0].Nationality"] = nationality;
        form["Input.Members[1].Languages"] = languages;

        using var response = await coordinator.PostFormAsync("/Reception/Register", form);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(FieldErrors.Beside("Input_HouseholdName", "Husstandens navn må højst være 200 tegn."), html, StringComparison.Ordinal);
        Assert.Contains(FieldErrors.Beside("Input_ExpectedArrival", "Datoen kan højst ligge 2 år frem. Tjek årstallet."), html, StringComparison.Ordinal);
        Assert.Contains(FieldErrors.Beside("Input_Members_0__FirstName", "Fornavnet må højst være 200 tegn."), html, StringComparison.Ordinal);
        Assert.Contains(FieldErrors.Beside("Input_Members_0__Nationality", "Statsborgerskabet må højst være 100 tegn."), html, StringComparison.Ordinal);
        Assert.Contains(FieldErrors.Beside("Input_Members_1__Languages", "Sprogene må højst være 300 tegn."), html, StringComparison.Ordinal);
        foreach (var typed in new[] { household, "9999-12-01", first, nationality, languages })
        {
            Assert.Contains($"value=\"{typed}\"", html, StringComparison.Ordinal);
        }

        Assert.False(await factory.QueryAsync(db => db.Persons.AnyAsync(p => p.LastName == "Langeord")));
    }

    [Fact]
    public async Task Register_SingleMemberWhoseNamesMakeTheHouseholdNameTooLong_IsAskedForAShorterHouseholdName()
    {
        using var coordinator = await Browser.SignedInAsync(factory, "koordinator");
        var lastName = new string('L', 120);
        var form = new Dictionary<string, string>
        {
            ["Input.HouseholdName"] = "",
            ["Input.ExpectedArrival"] = Arrivals.Iso(Arrivals.Today),
            ["Input.Members[0].FirstName"] = new string('F', 120),
            ["Input.Members[0].LastName"] = lastName,
            ["Input.Members[0].BirthDate"] = "1990-02-02",
            ["Input.Members[0].Gender"] = "Female",
            ["Input.Members[0].Basis"] = "QuotaRefugee",
        };

        using var response = await coordinator.PostFormAsync("/Reception/Register", form);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(FieldErrors.Beside("Input_HouseholdName", "Husstandens navn dannes af det første medlems navne og bliver over 200 tegn. Skriv et kortere navn til husstanden."), html, StringComparison.Ordinal);
        Assert.False(await factory.QueryAsync(db => db.Persons.AnyAsync(p => p.LastName == lastName)));

        form["Input.HouseholdName"] = "Familien L";
        using var named = await coordinator.PostFormAsync("/Reception/Register", form);
        Assert.Equal(HttpStatusCode.Redirect, named.StatusCode);
        Assert.True(await factory.QueryAsync(db => db.Persons.AnyAsync(p => p.LastName == lastName)));
    }

    [Fact]
    public async Task AddMember_TextsTooLong_AreRefusedBesideTheFields()
    {
        var household = await factory.RegisterSingleAsync("Nytmedlem");
        using var coordinator = await Browser.SignedInAsync(factory, "koordinator");
        var (last, languages) = (new string('L', 201), new string('S', 301));

        using var response = await coordinator.PostFormAsync($"/Households/{household}/AddMember", new Dictionary<string, string>
        {
            ["Input.Members[0].FirstName"] = "Hustru",
            ["Input.Members[0].LastName"] = last,
            ["Input.Members[0].BirthDate"] = "1992-04-01",
            ["Input.Members[0].Gender"] = "Female",
            ["Input.Members[0].Basis"] = "QuotaRefugee",
            ["Input.Members[0].Languages"] = languages,
            ["Input.Members[0].RelationToFirst"] = "Spouse",
        });
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(FieldErrors.Beside("Input_Members_0__LastName", "Efternavnet må højst være 200 tegn."), html, StringComparison.Ordinal);
        Assert.Contains(FieldErrors.Beside("Input_Members_0__Languages", "Sprogene må højst være 300 tegn."), html, StringComparison.Ordinal);
        Assert.Contains($"value=\"{last}\"", html, StringComparison.Ordinal);
        Assert.Contains($"value=\"{languages}\"", html, StringComparison.Ordinal);
        Assert.Equal(1, await factory.QueryAsync(db => db.Persons.CountAsync(p => p.HouseholdId == household)));
    }

    [Fact]
    public async Task Import_NameTooLong_IsRefusedOnItsRow_AndNothingIsSaved()
    {
        var csv = "household;first_name;last_name;birth_date;gender;residence_basis;relation_to_first;nationality;languages;interpreter;cpr;visitation_decision_date;expected_arrival\n" +
            "A;Kort;Langcsv;1988-04-02;kvinde;kvote;;Syrien;arabisk;ja;;;" + Arrivals.Iso(Arrivals.Today) + "\n" +
            "B;" + new string('F', 201) + ";Langcsv;1989-04-02;mand;kvote;;Syrien;arabisk;ja;;;" + Arrivals.Iso(Arrivals.Today) + "\n";
        using var browser = await Browser.SignedInAsync(factory, "koordinator");

        var html = await browser.UploadCsvAsync("/Reception/Import", csv, "ankomster.csv");

        Assert.Contains("<tr data-row=\"3\"><td>3</td><td>Fornavnet må højst være 200 tegn.", html, StringComparison.Ordinal);
        Assert.False(await factory.QueryAsync(db => db.Persons.AnyAsync(p => p.LastName == "Langcsv")));
    }
}

using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Indgang.Tests.Hosting;
using Indgang.Web.Tests.Admin;
using Indgang.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Indgang.Web.Tests.Housing;

/// <summary>
/// What is no number, typed in a number field ("fire", "4,5" where a whole number is wanted, "12a"), is refused by saying
/// what to type, naming the field, beside it and in the error summary linking to it; what was typed stays in the field.
/// Model binding's »Værdien 'fire' er ikke gyldig.« said neither which field nor what it wanted (found by review).
/// </summary>
public sealed class NumberTypedWrongTests(IndgangAppFactory factory) : IClassFixture<IndgangAppFactory>
{
    private static readonly HtmlParser Parser = new();

    [Fact]
    public async Task CreateUnit_NumbersTypedWrong_EachSaysWhatToType_TypedValuesKept()
    {
        var site = await factory.QueryAsync(db => db.SomeSiteIdAsync());
        using var housing = await Browser.SignedInAsync(factory, "bolig");

        using var response = await housing.PostFormAsync("/Housing/Units/Edit", new Dictionary<string, string>
        {
            ["Input.SiteId"] = site.ToString(), ["Input.Label"] = "Tal skrevet forkert", ["Input.Rooms"] = "4,5", ["Input.Beds"] = "fire", ["Input.MonthlyRent"] = "mange",
            ["Input.SchoolMetres"] = "12a", ["Input.TransportMetres"] = "900", ["Input.DaycareMetres"] = "700", ["Input.ShopsMetres"] = "1.500",
            ["Input.AvailableFrom"] = Arrivals.Iso(Arrivals.Today),
        });
        var html = Parser.ParseDocument(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(
        [
            ("Skriv antal værelser som et helt tal, fx 2.", "#Input_Rooms"),
            ("Skriv antal senge som et helt tal, fx 4.", "#Input_Beds"),
            ("Skriv huslejen i kroner, fx 4520, 4.520 eller 4.520,50.", "#Input_MonthlyRent"),
            ("Skriv afstanden til skole som et helt tal, fx 800.", "#Input_SchoolMetres"),
        ], Summary(html));
        AssertBeside(html, "Input_Beds", "Skriv antal senge som et helt tal, fx 4.", "fire");
        AssertBeside(html, "Input_Rooms", "Skriv antal værelser som et helt tal, fx 2.", "4,5");
        AssertBeside(html, "Input_MonthlyRent", "Skriv huslejen i kroner, fx 4520, 4.520 eller 4.520,50.", "mange");
        AssertBeside(html, "Input_SchoolMetres", "Skriv afstanden til skole som et helt tal, fx 800.", "12a");
        // A Danish thousands point in a whole number is read, not refused.
        Assert.Null(html.QuerySelector("#Input_ShopsMetres-error"));
        Assert.False(await factory.QueryAsync(db => db.HousingUnits.AnyAsync(u => u.Label == "Tal skrevet forkert")));
    }

    [Fact]
    public async Task CreateUnit_ABedCountTypedWrong_InEnglish_SaysWhatToTypeInEnglish()
    {
        var site = await factory.QueryAsync(db => db.SomeSiteIdAsync());
        using var housing = await Browser.SignedInEnglishAsync(factory, "bolig");

        using var response = await housing.PostFormAsync("/Housing/Units/Edit", new Dictionary<string, string>
        {
            ["Input.SiteId"] = site.ToString(), ["Input.Label"] = "Engelsk tal", ["Input.Rooms"] = "2", ["Input.Beds"] = "four", ["Input.MonthlyRent"] = "4.520",
            ["Input.SchoolMetres"] = "350", ["Input.TransportMetres"] = "900", ["Input.DaycareMetres"] = "700", ["Input.ShopsMetres"] = "500",
            ["Input.AvailableFrom"] = Arrivals.Iso(Arrivals.Today),
        });
        var html = Parser.ParseDocument(await response.Content.ReadAsStringAsync());

        Assert.Equal([("Write the number of beds as a whole number, for example 4.", "#Input_Beds")], Summary(html));
        AssertBeside(html, "Input_Beds", "Write the number of beds as a whole number, for example 4.", "four", error: "Error");
    }

    [Fact]
    public async Task ForecastQuota_PersonsTypedWrong_SaysWhatToType_TypedValueKept()
    {
        using var housing = await Browser.SignedInAsync(factory, "bolig");
        var form = await OpenedForm.OpenAsync(housing, ForecastQuotas.Page, ForecastQuotas.Post);

        var (status, page) = await form.PostAsync(new Dictionary<string, string> { ["QuotaYear"] = "2026", ["QuotaPersons"] = "fyrre" });
        var html = Parser.ParseDocument(page);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal([("Skriv antal personer som et helt tal, fx 40.", "#QuotaPersons")], Summary(html));
        AssertBeside(html, "QuotaPersons", "Skriv antal personer som et helt tal, fx 40.", "fyrre");
    }

    [Fact]
    public async Task RentCaps_YearAndCapTypedWrong_EachSaysWhatToType_TypedValuesKept()
    {
        using var admin = await Browser.SignedInAsync(factory, "admin");

        using var refused = await admin.PostFormAsync("/Admin/RentCaps", RentCapsPageTests.Caps(2024, "2.467", "4520", "4932", "5343", await RentCapsPageTests.VersionAsync(admin))
            .With("Year", "tyve24").With("SingleAdult", "2,467"));
        var html = Parser.ParseDocument(await refused.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Equal(
        [
            ("Skriv året som et helt tal, fx 2026.", "#Year"),
            ("Skriv loftet for enlige i kroner, fx 4520, 4.520 eller 4.520,50.", "#SingleAdult"),
        ], Summary(html));
        AssertBeside(html, "Year", "Skriv året som et helt tal, fx 2026.", "tyve24");
        AssertBeside(html, "SingleAdult", "Skriv loftet for enlige i kroner, fx 4520, 4.520 eller 4.520,50.", "2,467");
    }

    private static List<(string, string?)> Summary(IDocument html) =>
        html.QuerySelectorAll(".alert-error li").Select(li => (li.TextContent.Trim(), li.QuerySelector("a")?.GetAttribute("href"))).ToList();

    private static void AssertBeside(IDocument html, string id, string message, string typed, string error = "Fejl")
    {
        Assert.Equal($"{error}: {message}", html.QuerySelector($"#{id}-error")?.TextContent.Trim());
        Assert.Equal(typed, html.QuerySelector($"#{id}")?.GetAttribute("value"));
        Assert.Equal("text", html.QuerySelector($"#{id}")?.GetAttribute("type"));
    }
}

file static class FormFields
{
    public static Dictionary<string, string> With(this Dictionary<string, string> form, string name, string value)
    {
        form[name] = value;
        return form;
    }
}

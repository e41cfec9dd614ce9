using System.Net;
using Indgang.Tests.Hosting;
using Indgang.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Indgang.Web.Tests.Housing;

/// <summary>
/// The filter above the stock list (HOUSE-1) narrows the demo stock of nine units: Pavillon A, B and C in Lillerød
/// (C free in 30 days, not step-free), Lejlighed 1, 2 and 3 in Blovstrød (2 blocked, 2 and 3 not step-free, 3 the
/// demo couple's home with both its beds taken), the shared room Værelse 1 in Lynge, and in Engholm the permanent
/// Nr. 7 (free in 14 days) and Nr. 9 (vulnerable area). These tests only read.
/// </summary>
public sealed class UnitFilterTests(IndgangAppFactory factory) : IClassFixture<IndgangAppFactory>
{
    private static readonly string[] EveryDemoUnit =
        ["Lejlighed 1", "Lejlighed 2", "Lejlighed 3", "Nr. 7, 2. th.", "Nr. 9, st. tv.", "Pavillon A", "Pavillon B", "Pavillon C", "Værelse 1"];

    [Fact]
    public async Task Filter_NoValues_ShowsEveryUnitTheCountAndNoResetLink()
    {
        using var housing = await Browser.SignedInAsync(factory, "bolig");

        var html = await housing.GetPageAsync("/Housing");

        Assert.Equal(EveryDemoUnit, StockPage.Units(html));
        Assert.Equal("Viser 9 af 9 boliger.", StockPage.Text(html, ".unit-count"));
        Assert.Null(StockPage.Text(html, "a[href='/Housing'].button"));
        Assert.Null(StockPage.Text(html, ".alert-error"));
    }

    [Theory]
    [InlineData("Type", "Temporary", "Lejlighed 1", "Lejlighed 2", "Lejlighed 3", "Pavillon A", "Pavillon B", "Pavillon C", "Værelse 1")]
    [InlineData("Type", "Permanent", "Nr. 7, 2. th.", "Nr. 9, st. tv.")]
    [InlineData("Type", "SharedRoom", "Værelse 1")]
    [InlineData("Status", "AvailableNow", "Lejlighed 1", "Pavillon A", "Pavillon B", "Værelse 1")]
    [InlineData("Status", "AvailableLater", "Nr. 7, 2. th.", "Pavillon C")]
    [InlineData("Status", "Blocked", "Lejlighed 2")]
    [InlineData("Status", "Occupied", "Lejlighed 3")]
    [InlineData("Status", "VulnerableArea", "Nr. 9, st. tv.")]
    [InlineData("StepFree", "true", "Lejlighed 1", "Nr. 7, 2. th.", "Nr. 9, st. tv.", "Pavillon A", "Pavillon B", "Værelse 1")]
    // Beds to give now: Nr. 7 opens in 14 days, so it has none yet.
    [InlineData("MinFreeBeds", "5", "Lejlighed 1", "Pavillon A")]
    [InlineData("MinFreeBeds", "0", "Lejlighed 1", "Lejlighed 2", "Lejlighed 3", "Nr. 7, 2. th.", "Nr. 9, st. tv.", "Pavillon A", "Pavillon B", "Pavillon C", "Værelse 1")]
    // The unit's label and the site's name, whatever the case, also of Æ, Ø and Å.
    [InlineData("Search", "pavillon", "Pavillon A", "Pavillon B", "Pavillon C")]
    [InlineData("Search", "GAMLE SKOLE", "Lejlighed 1", "Lejlighed 2", "Lejlighed 3")]
    [InlineData("Search", "  delebolig ", "Værelse 1")]
    [InlineData("Search", "VÆRELSE", "Værelse 1")]
    [InlineData("Search", "2. TH", "Nr. 7, 2. th.")]
    public async Task Filter_OneField_ShowsTheMatchingDemoUnits(string field, string value, params string[] expected)
    {
        using var housing = await Browser.SignedInAsync(factory, "bolig");

        var html = await housing.FilteredAsync((field, value));

        Assert.Equal(expected, StockPage.Units(html));
        Assert.Equal($"Viser {expected.Length} af 9 boliger.", StockPage.Text(html, ".unit-count"));
        Assert.Null(StockPage.Text(html, ".alert-error"));
    }

    [Fact]
    public async Task Filter_Town_ShowsThatTownsUnitsAndOffersOnlyTownsWithSites()
    {
        var lillerod = await TownIdAsync("Lillerød");
        using var housing = await Browser.SignedInAsync(factory, "bolig");

        var html = await housing.FilteredAsync(("Town", lillerod.ToString()));

        Assert.Equal(["Pavillon A", "Pavillon B", "Pavillon C"], StockPage.Units(html));
        Assert.Equal(lillerod.ToString(), StockPage.Value(html, "#Filter_Town"));
        var options = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(html).QuerySelectorAll("#Filter_Town option").Select(o => o.TextContent).ToList();
        Assert.Equal(["Alle", "Blovstrød", "Engholm", "Lillerød", "Lynge"], options);
    }

    [Fact]
    public async Task Filter_NoUnitMatches_SaysSoInDanishInsteadOfAnEmptyTable()
    {
        using var housing = await Browser.SignedInAsync(factory, "bolig");

        var html = await housing.FilteredAsync(("Status", "Blocked"), ("StepFree", "true"));

        Assert.Empty(StockPage.Units(html));
        Assert.Null(StockPage.Text(html, "table.housing-stock"));
        Assert.Contains("Ingen boliger passer til filteret.", WebUtility.HtmlDecode(html), StringComparison.Ordinal);
        Assert.Equal("Viser 0 af 9 boliger.", StockPage.Text(html, ".unit-count"));
    }

    [Fact]
    public async Task Filter_SeveralFields_AllMustHoldAndEveryValueIsKeptInTheForm()
    {
        var lillerod = await TownIdAsync("Lillerød");
        using var housing = await Browser.SignedInAsync(factory, "bolig");

        var html = await housing.FilteredAsync(
            ("Town", lillerod.ToString()), ("Type", "Temporary"), ("Status", "AvailableNow"), ("StepFree", "true"), ("StepFree", "false"),
            ("MinFreeBeds", "4"), ("Search", "pavillon"));

        // Pavillon B has 3 beds; Pavillon C is free later and not step-free.
        Assert.Equal(["Pavillon A"], StockPage.Units(html));
        Assert.Equal("Viser 1 af 9 boliger.", StockPage.Text(html, ".unit-count"));
        Assert.Equal(lillerod.ToString(), StockPage.Value(html, "#Filter_Town"));
        Assert.Equal("Temporary", StockPage.Value(html, "#Filter_Type"));
        Assert.Equal("AvailableNow", StockPage.Value(html, "#Filter_Status"));
        Assert.True(StockPage.IsChecked(html, "#Filter_StepFree"));
        Assert.Equal("4", StockPage.Value(html, "#Filter_MinFreeBeds"));
        Assert.Equal("pavillon", StockPage.Value(html, "#Filter_Search"));
        Assert.Equal("Nulstil", StockPage.Text(html, "a[href='/Housing'].button"));
    }

    [Fact]
    public async Task Filter_AnyFilter_FreeBedsLineStaysAboutTheWholeStock()
    {
        using var housing = await Browser.SignedInAsync(factory, "bolig");
        var whole = FreeBedsLine(await housing.GetPageAsync("/Housing"));

        var filtered = FreeBedsLine(await housing.FilteredAsync(("Type", "SharedRoom")));

        // Usable: every unit but the blocked Lejlighed 2 and Nr. 9 in the vulnerable area (27 beds). Free now: Pavillon A
        // and B, Lejlighed 1 and Værelse 1 (5 + 3 + 5 + 2); Lejlighed 3 is lived in, Pavillon C and Nr. 7 are free only later.
        Assert.Equal("Ledige senge: 15 af 27 i brugbare boliger.", whole);
        Assert.Equal(whole, filtered);
    }

    [Theory]
    [InlineData("Type", "Villa", "Vælg en type fra listen.")]
    [InlineData("Status", "3", "Vælg en status fra listen.")]
    [InlineData("Status", "Blocked,Occupied", "Vælg en status fra listen.")]
    [InlineData("Town", "Lillerød", "Vælg en by fra listen.")]
    [InlineData("Town", "0b5a3c1e-0000-4000-8000-000000000000", "Vælg en by fra listen.")]
    [InlineData("MinFreeBeds", "tre", "Angiv antal ledige senge som et helt tal fra 0 til 30.")]
    [InlineData("MinFreeBeds", "-1", "Angiv antal ledige senge som et helt tal fra 0 til 30.")]
    [InlineData("MinFreeBeds", "2.5", "Angiv antal ledige senge som et helt tal fra 0 til 30.")]
    [InlineData("MinFreeBeds", "99999999999999999999999", "Angiv antal ledige senge som et helt tal fra 0 til 30.")]
    [InlineData("MinFreeBeds", "31", "Angiv antal ledige senge som et helt tal fra 0 til 30.")]
    [InlineData("StepFree", "måske", "Værdien 'måske' er ikke gyldig.")]
    public async Task Filter_ValueThatCannotBeRead_IsShownBesideTheFieldAndLeftOutOfTheFilter(string field, string value, string message)
    {
        using var housing = await Browser.SignedInAsync(factory, "bolig");
        using var response = await housing.GetAsync(StockPage.Url((field, value), ("Search", "Lejlighed")));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Der er problemer", StockPage.Text(html, "#error-summary-heading"));
        Assert.Equal(message, StockPage.Text(html, $".alert-error a[href='#Filter_{field}']"));
        Assert.Equal($"Fejl: {message}", StockPage.Text(html, $"#Filter_{field}-error"));
        // Only the field in error is left out: the search still narrows, and what was typed stays.
        Assert.Equal(["Lejlighed 1", "Lejlighed 2", "Lejlighed 3"], StockPage.Units(html));
        Assert.Equal("Viser 3 af 9 boliger. Felter med fejl indgår ikke i filteret.", StockPage.Text(html, ".unit-count"));
        Assert.Equal("Lejlighed", StockPage.Value(html, "#Filter_Search"));
        if (field == "MinFreeBeds")
        {
            Assert.Equal(value, StockPage.Value(html, "#Filter_MinFreeBeds"));
        }
    }

    [Fact]
    public async Task Filter_SearchOf5000Characters_IsRefusedBesideTheFieldAndKept()
    {
        var longText = string.Concat(Enumerable.Repeat("Pavillon ", 556))[..5000];
        using var housing = await Browser.SignedInAsync(factory, "bolig");
        using var response = await housing.GetAsync(StockPage.Url(("Search", longText), ("Type", "Permanent")));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Fejl: Søgeteksten må højst være 200 tegn.", StockPage.Text(html, "#Filter_Search-error"));
        Assert.Equal(longText, StockPage.Value(html, "#Filter_Search"));
        Assert.Equal(["Nr. 7, 2. th.", "Nr. 9, st. tv."], StockPage.Units(html));
    }

    [Fact]
    public async Task Filter_EnglishChosen_MessagesAndCountAreEnglish()
    {
        using var housing = await Browser.SignedInAsync(factory, "bolig");
        using var english = await housing.PostFormAsync("/Culture", new Dictionary<string, string> { ["culture"] = "en-GB", ["returnUrl"] = "/Housing" }, formPage: "/");

        var html = await housing.FilteredAsync(("Type", "Villa"), ("Status", "Blocked"));

        Assert.Equal("Error: Choose a type from the list.", StockPage.Text(html, "#Filter_Type-error"));
        Assert.Equal("Showing 1 of 9 housing units. Fields with errors are not used in the filter.", StockPage.Text(html, ".unit-count"));
    }

    [Fact]
    public async Task Filter_NotSignedIn_IsSentToSignIn()
    {
        using var anonymous = Browser.For(factory);

        using var response = await anonymous.GetAsync(StockPage.Url(("Status", "AvailableNow")));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/Login", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("koordinator")]
    [InlineData("leder")]
    public async Task Filter_RoleWithoutHousing_Returns403(string userName)
    {
        using var browser = await Browser.SignedInAsync(factory, userName);

        using var response = await browser.GetAsync(StockPage.Url(("Search", "Pavillon"), ("MinFreeBeds", "tre")));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    private static string? FreeBedsLine(string html) =>
        new AngleSharp.Html.Parser.HtmlParser().ParseDocument(html).QuerySelectorAll("main p").Select(p => p.TextContent.Trim())
            .FirstOrDefault(t => t.StartsWith("Ledige senge", StringComparison.Ordinal));

    private Task<Guid> TownIdAsync(string name) =>
        factory.QueryAsync(db => db.Towns.Where(t => t.Name == name).Select(t => t.Id).SingleAsync());
}

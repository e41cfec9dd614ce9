using System.Net;
using Indgang.Domain.Housing;
using Indgang.Tests.Hosting;
using Indgang.Web.Tests.Admin;
using Indgang.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Indgang.Web.Tests.Housing;

/// <summary>
/// Amounts in kroner typed the Danish way, as the pages show them (4.520, 4.520,50, 4 520), are read as such in the rent
/// cap form and a unit's rent: "4.520" was refused, though the rent caps' own table writes the amounts so (found by
/// review). A comma before three digits (an English 4,520) is still refused, not guessed.
/// </summary>
public sealed class DanishAmountsTests(IndgangAppFactory factory) : IClassFixture<IndgangAppFactory>
{
    [Theory]
    [InlineData(2016, "4.520", 4520)]
    [InlineData(2017, "4.520,00", 4520)]
    [InlineData(2018, "4 520", 4520)]
    [InlineData(2019, "4.520,5", 4520.5)]
    [InlineData(2020, "4520.50", 4520.5)]
    public async Task RentCaps_ADanishAmount_IsSaved(int year, string typed, decimal read)
    {
        using var admin = await Browser.SignedInAsync(factory, "admin");

        using var saved = await admin.PostFormAsync("/Admin/RentCaps", RentCapsPageTests.Caps(year, typed, "5000", "5500", "6000", await RentCapsPageTests.VersionAsync(admin)));

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(read, await factory.QueryAsync(db => db.RentCaps.Where(c => c.Year == year && c.Category == RentCapCategory.SingleAdult).Select(c => c.MonthlyCap).SingleAsync()));
    }

    [Theory]
    [InlineData("4,520")]
    [InlineData("45.20.00")]
    public async Task RentCaps_AnAmountNotWrittenTheDanishWay_IsRefused_TypedValueKept(string typed)
    {
        using var admin = await Browser.SignedInAsync(factory, "admin");

        using var refused = await admin.PostFormAsync("/Admin/RentCaps", RentCapsPageTests.Caps(2021, typed, "5000", "5500", "6000", await RentCapsPageTests.VersionAsync(admin)));
        var html = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("id=\"SingleAdult-error\"", html, StringComparison.Ordinal);
        Assert.Contains($"value=\"{typed}\"", html, StringComparison.Ordinal);
        Assert.False(await factory.QueryAsync(db => db.RentCaps.AnyAsync(c => c.Year == 2021)));
    }

    [Fact]
    public async Task CreateUnit_ARentWithAThousandsPoint_IsSaved()
    {
        var site = await factory.QueryAsync(db => db.SomeSiteIdAsync());
        using var housing = await Browser.SignedInAsync(factory, "bolig");

        using var response = await housing.PostFormAsync("/Housing/Units/Edit", new Dictionary<string, string>
        {
            ["Input.SiteId"] = site.ToString(), ["Input.Label"] = "Tusindtal", ["Input.Rooms"] = "3", ["Input.Beds"] = "5", ["Input.MonthlyRent"] = "6.250,50",
            ["Input.SchoolMetres"] = "350", ["Input.TransportMetres"] = "900", ["Input.DaycareMetres"] = "700", ["Input.ShopsMetres"] = "500",
            ["Input.AvailableFrom"] = Arrivals.Iso(Arrivals.Today),
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(6250.50m, await factory.QueryAsync(db => db.HousingUnits.Where(u => u.Label == "Tusindtal").Select(u => u.MonthlyRent).SingleAsync()));
    }

    /// <summary>
    /// A rent with øre is shown back the way the hint asks for it and the pages write amounts: 6250,50 in the field (not
    /// 6250.5) and 6.250,50 kr. on the unit's page and in the stock list (not rounded to 6.251 kr.). Found by exploratory
    /// review.
    /// </summary>
    [Fact]
    public async Task ARentWithOre_IsShownTheDanishWay_InTheFormAndOnThePages()
    {
        var unit = await factory.UnitOfItsOwnAsync("Ørebolig", rent: 6250.50m);
        using var housing = await Browser.SignedInAsync(factory, "bolig");

        var form = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await housing.GetPageAsync($"/Housing/Units/Edit/{unit}"));
        var details = WebUtility.HtmlDecode(await housing.GetPageAsync($"/Housing/Units/{unit}"));
        var list = WebUtility.HtmlDecode(await housing.GetPageAsync($"/Housing?Filter.Search={Uri.EscapeDataString("Ørebolig")}"));

        Assert.Equal("6250,50", form.QuerySelector("input[name='Input.MonthlyRent']")?.GetAttribute("value"));
        Assert.Contains("6.250,50 kr. pr. måned", details, StringComparison.Ordinal);
        Assert.Contains("6.250,50 kr.", list, StringComparison.Ordinal);
    }
}

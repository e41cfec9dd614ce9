using System.Net;
using AngleSharp.Html.Parser;
using Indgang.Domain.Audit;
using Indgang.Domain.Housing;
using Indgang.Tests.Hosting;
using Indgang.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Indgang.Web.Tests.Admin;

/// <summary>
/// The yearly rent caps for temporary housing (HOUSE-6) kept by an administrator: the year's order is entered when it
/// comes, and a move-in is then held to it; a year's caps can be corrected; bad input is refused beside its field.
/// </summary>
public sealed class RentCapsPageTests(IndgangAppFactory factory) : IClassFixture<IndgangAppFactory>
{
    private const string Page = "/Admin/RentCaps";
    private static readonly HtmlParser Parser = new();
    private static readonly int ThisYear = Arrivals.Today.Year;
    private static readonly string[] Fields = ["Year", "SingleAdult", "CoupleWithoutChildren", "CoupleWithOneToThreeChildren", "CoupleWithFourOrMoreChildren"];

    [Fact]
    public async Task ThisYearsOrder_Entered_AMoveInIsHeldToIt_InsteadOfTheLatestEarlierYears()
    {
        var unit = await UnitAsync("Loftbolig", rent: 2600m);
        var single = await factory.RegisterSingleAsync("Loftprøve");
        using var admin = await Browser.SignedInAsync(factory, "admin");
        var before = Parser.ParseDocument(await admin.GetPageAsync(Page));
        // The seeded 2023 order is the one in force while this year's is not entered.
        var seeded = before.QuerySelector("tr[data-year='2023']")!;
        Assert.Equal(["2.467 kr.", "4.520 kr.", "4.932 kr.", "5.343 kr."], seeded.QuerySelectorAll("td.align-text-right").Select(td => td.TextContent.Trim()));
        Assert.Contains($"gælder i {ThisYear}", seeded.TextContent, StringComparison.Ordinal);
        var refused = await factory.MoveInAsync(unit, single, Arrivals.Today);
        Assert.False(refused.Succeeded);
        Assert.Matches(@"^Huslejen \(2.600 kr\.\) overstiger loftet for husstanden \(2.467 kr\. om måneden\)\.$", refused.Error);

        using var saved = await admin.PostFormAsync(Page, Caps(ThisYear, "2700", "4900", "5300,50", "5800", await VersionAsync(admin)));

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var caps = await factory.QueryAsync(db => db.RentCaps.AsNoTracking().Where(c => c.Year == ThisYear).ToDictionaryAsync(c => c.Category, c => c.MonthlyCap));
        Assert.Equal(
            [(RentCapCategory.SingleAdult, 2700m), (RentCapCategory.CoupleWithoutChildren, 4900m), (RentCapCategory.CoupleWithOneToThreeChildren, 5300.50m), (RentCapCategory.CoupleWithFourOrMoreChildren, 5800m)],
            caps.OrderBy(c => c.Key).Select(c => (c.Key, c.Value)));
        var after = Parser.ParseDocument(await admin.GetPageAsync($"{Page}?saved={ThisYear}"));
        Assert.Equal(["2.700 kr.", "4.900 kr.", "5.300,50 kr.", "5.800 kr."], after.QuerySelector($"tr[data-year='{ThisYear}']")!.QuerySelectorAll("td.align-text-right").Select(td => td.TextContent.Trim()));
        Assert.Contains($"Huslejelofterne for {ThisYear} er gemt.", after.QuerySelector("[role=status]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains($"gælder i {ThisYear}", after.QuerySelector($"tr[data-year='{ThisYear}']")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("gælder i", after.QuerySelector("tr[data-year='2023']")!.TextContent, StringComparison.Ordinal);
        var audited = await factory.QueryAsync(db => db.AuditEntries.AsNoTracking().Where(e => e.Action == AuditAction.RentCapsChanged).Select(e => e.Details).ToListAsync());
        Assert.Contains($"{ThisYear}: SingleAdult 2700; CoupleWithoutChildren 4900; CoupleWithOneToThreeChildren 5300.5; CoupleWithFourOrMoreChildren 5800", audited);

        Assert.True((await factory.MoveInAsync(unit, single, Arrivals.Today)).Succeeded);
    }

    [Fact]
    public async Task AYearsCaps_OpenedToCorrect_ShowWhatIsSaved_AndOnlyTheChangeIsAudited()
    {
        using var admin = await Browser.SignedInAsync(factory, "admin");
        // Next year's order, out early (this year's caps stay in force).
        var year = ThisYear + 1;
        using (var added = await admin.PostFormAsync(Page, Caps(year, "2500", "4600", "5000", "5400", await VersionAsync(admin))))
        {
            Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        }

        var formHtml = await admin.GetPageAsync($"{Page}?year={year}");
        var form = Parser.ParseDocument(formHtml);
        Assert.Equal(
            [$"{year}", "2500", "4600", "5000", "5400"],
            Fields.Select(n => form.QuerySelector($"input[name='{n}']")!.GetAttribute("value")));

        using var corrected = await admin.PostFormAsync(Page, Caps(year, "2500", "4600", "5010", "5400", HiddenFields.Value(formHtml, "Version")));

        Assert.Equal(HttpStatusCode.Redirect, corrected.StatusCode);
        Assert.Equal(5010m, await factory.QueryAsync(db => db.RentCaps.Where(c => c.Year == year && c.Category == RentCapCategory.CoupleWithOneToThreeChildren).Select(c => c.MonthlyCap).SingleAsync()));
        Assert.Equal(4, await factory.QueryAsync(db => db.RentCaps.CountAsync(c => c.Year == year)));
        var audited = await factory.QueryAsync(db => db.AuditEntries.AsNoTracking().Where(e => e.Action == AuditAction.RentCapsChanged && e.Details!.StartsWith($"{year}:")).OrderBy(e => e.Sequence).Select(e => e.Details).ToListAsync());
        Assert.Equal($"{year}: CoupleWithOneToThreeChildren 5000 → 5010", audited[^1]);
        Assert.Equal(2, audited.Count);
    }

    [Fact]
    public async Task TheSeeded2023Caps_Corrected_AreSaved()
    {
        using var admin = await Browser.SignedInAsync(factory, "admin");

        using var corrected = await admin.PostFormAsync(Page, Caps(2023, "2467", "4520", "4932", "5344", await VersionAsync(admin, 2023)));

        Assert.Equal(HttpStatusCode.Redirect, corrected.StatusCode);
        Assert.Equal(5344m, await FourOrMoreIn2023Async());

        // And back, for the other tests of the seeded order.
        using var back = await admin.PostFormAsync(Page, Caps(2023, "2467", "4520", "4932", "5343", await VersionAsync(admin, 2023)));
        Assert.Equal(HttpStatusCode.Redirect, back.StatusCode);
        Assert.Equal(5343m, await FourOrMoreIn2023Async());

        Task<decimal> FourOrMoreIn2023Async() =>
            factory.QueryAsync(db => db.RentCaps.Where(c => c.Year == 2023 && c.Category == RentCapCategory.CoupleWithFourOrMoreChildren).Select(c => c.MonthlyCap).SingleAsync());
    }

    [Fact]
    public async Task CapsSavedByAnotherSinceTheFormWasOpened_AreShownBesideTheFields_NotOverwritten_UntilGemAgain()
    {
        const int Year = 2019;
        using var first = await Browser.SignedInAsync(factory, "admin");
        using var second = await Browser.SignedInAsync(factory, "admin");
        using (var added = await first.PostFormAsync(Page, Caps(Year, "2300", "4200", "4600", "5000", await VersionAsync(first))))
        {
            Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        }

        // Both open the year to correct it; the second saves first.
        var opened = await VersionAsync(first, Year);
        using (var other = await second.PostFormAsync(Page, Caps(Year, "2300", "4250", "4600", "5000", await VersionAsync(second, Year))))
        {
            Assert.Equal(HttpStatusCode.Redirect, other.StatusCode);
        }

        using var stale = await first.PostFormAsync(Page, Caps(Year, "2350", "4200", "4600", "5000", opened));

        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        var html = await stale.Content.ReadAsStringAsync();
        var page = Parser.ParseDocument(html);
        Assert.Contains(Indgang.Web.Features.Admin.RentCaps.IndexModel.SavedByOtherMessage, page.QuerySelector(".alert-error")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Gemt af en anden: 4.250", page.QuerySelector("#CoupleWithoutChildren-saved")!.TextContent.Trim());
        Assert.Equal("Gemt af en anden: 2.300", page.QuerySelector("#SingleAdult-saved")!.TextContent.Trim());
        Assert.Null(page.QuerySelector("#CoupleWithOneToThreeChildren-saved"));
        Assert.Equal(["2350", "4200", "4600", "5000"], Fields.Skip(1).Select(n => page.QuerySelector($"input[name='{n}']")!.GetAttribute("value")));
        Assert.Equal([2300m, 4250m], await CapsAsync(Year, 2));

        // Gem again: the first's caps are saved over the second's, as seen.
        using var again = await first.PostFormAsync(Page, Caps(Year, "2350", "4200", "4600", "5000", HiddenFields.Value(html, "Version")));

        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Equal([2350m, 4200m], await CapsAsync(Year, 2));
    }

    [Fact]
    public async Task ABlankForm_ForAYearThatHasCaps_ShowsThemBesideTheFields_InsteadOfOverwriting()
    {
        using var admin = await Browser.SignedInAsync(factory, "admin");

        using var response = await admin.PostFormAsync(Page, Caps(2023, "2400", "4520", "4932", "5343", await VersionAsync(admin)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = Parser.ParseDocument(await response.Content.ReadAsStringAsync());
        Assert.Contains(Indgang.Web.Features.Admin.RentCaps.IndexModel.SavedByOtherMessage, page.QuerySelector(".alert-error")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Gemt af en anden: 2.467", page.QuerySelector("#SingleAdult-saved")!.TextContent.Trim());
        Assert.Equal([2467m], await CapsAsync(2023, 1));
    }

    [Fact]
    public async Task BadInput_RefusedBesideEachField_WhatWasTypedStays_NothingSaved()
    {
        using var admin = await Browser.SignedInAsync(factory, "admin");
        var countBefore = await factory.QueryAsync(db => db.RentCaps.CountAsync());

        using var response = await admin.PostFormAsync(Page, new Dictionary<string, string>
        {
            ["Year"] = "1990",
            ["SingleAdult"] = "to tusind",
            ["CoupleWithoutChildren"] = "0",
            ["CoupleWithOneToThreeChildren"] = "",
            ["CoupleWithFourOrMoreChildren"] = "100001",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = Parser.ParseDocument(await response.Content.ReadAsStringAsync());
        string Error(string field) => page.QuerySelector($"#{field}-error")?.TextContent.Replace("Fejl:", "", StringComparison.Ordinal).Trim() ?? "";
        Assert.Equal($"Angiv et år fra 2015 til {ThisYear + 1}.", Error("Year"));
        Assert.Equal("Skriv loftet for enlige i kroner, fx 4520, 4.520 eller 4.520,50.", Error("SingleAdult"));
        Assert.Equal("Angiv loftet for »Par uden børn« i kroner om måneden (over 0 og højst 100.000).", Error("CoupleWithoutChildren"));
        Assert.Equal("Angiv loftet for »Par med 1–3 børn« i kroner om måneden (over 0 og højst 100.000).", Error("CoupleWithOneToThreeChildren"));
        Assert.Equal("Angiv loftet for »Par med 4 eller flere børn« i kroner om måneden (over 0 og højst 100.000).", Error("CoupleWithFourOrMoreChildren"));
        // The summary lists them in the form's order, each linking to its field.
        Assert.Equal(["#Year", "#SingleAdult", "#CoupleWithoutChildren", "#CoupleWithOneToThreeChildren", "#CoupleWithFourOrMoreChildren"], page.QuerySelectorAll(".alert-error a").Select(a => a.GetAttribute("href")));
        Assert.Equal(["1990", "to tusind", "0", "", "100001"],
            Fields.Select(n => page.QuerySelector($"input[name='{n}']")!.GetAttribute("value") ?? ""));
        Assert.Equal(countBefore, await factory.QueryAsync(db => db.RentCaps.CountAsync()));
    }

    /// <summary>
    /// The order's caps rise with the household (2023: 2,467 ≤ 4,520 ≤ 4,932 ≤ 5,343): caps that fall were typed into the
    /// wrong fields, and a household would be held to another's cap.
    /// </summary>
    [Fact]
    public async Task CapsThatFall_AreRefusedBesideTheFieldThatBreaksTheOrder_WhatWasTypedStays_NothingSaved()
    {
        using var admin = await Browser.SignedInAsync(factory, "admin");
        var countBefore = await factory.QueryAsync(db => db.RentCaps.CountAsync());

        using var response = await admin.PostFormAsync(Page, Caps(2022, "4520", "2467", "4932", "5343", await VersionAsync(admin)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        var page = Parser.ParseDocument(html);
        const string Message = "Loftet for »Par uden børn« (2.467 kr.) er lavere end loftet for »Enlig (med eller uden børn)« (4.520 kr.). Lofterne stiger med husstanden: se efter, om beløbene står i de rigtige felter.";
        Assert.Contains(FieldErrors.Beside("CoupleWithoutChildren", Message), html, StringComparison.Ordinal);
        Assert.Contains(FieldErrors.InTheSummary("CoupleWithoutChildren", Message), html, StringComparison.Ordinal);
        Assert.Equal(["CoupleWithoutChildren"], Fields.Where(f => page.QuerySelector($"#{f}-error") is not null));
        Assert.Equal(["2022", "4520", "2467", "4932", "5343"], Fields.Select(n => page.QuerySelector($"input[name='{n}']")!.GetAttribute("value")));
        Assert.Equal(countBefore, await factory.QueryAsync(db => db.RentCaps.CountAsync()));
    }

    /// <summary>Two categories with the same cap keep the order: the caps need only not fall.</summary>
    [Fact]
    public async Task EqualCaps_AreSaved()
    {
        using var admin = await Browser.SignedInAsync(factory, "admin");

        using var saved = await admin.PostFormAsync(Page, Caps(2016, "2500", "4500", "4500", "5000", await VersionAsync(admin)));

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
    }

    [Theory]
    [InlineData("bolig")]
    [InlineData("koordinator")]
    public async Task NotAnAdministrator_IsRefused(string userName)
    {
        using var browser = await Browser.SignedInAsync(factory, userName);
        using var response = await browser.GetAsync(Page);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    /// <summary>The form's hidden version as the page gives it: blank, or opened to correct <paramref name="year"/>.</summary>
    internal static async Task<string> VersionAsync(Browser admin, int? year = null) =>
        HiddenFields.Value(await admin.GetPageAsync(year is null ? Page : $"{Page}?year={year}"), "Version");

    internal static Dictionary<string, string> Caps(int year, string single, string couple, string oneToThree, string fourOrMore, string version) => new()
    {
        ["Version"] = version,
        ["Year"] = year.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["SingleAdult"] = single,
        ["CoupleWithoutChildren"] = couple,
        ["CoupleWithOneToThreeChildren"] = oneToThree,
        ["CoupleWithFourOrMoreChildren"] = fourOrMore,
    };

    private Task<List<decimal>> CapsAsync(int year, int first) =>
        factory.QueryAsync(db => db.RentCaps.AsNoTracking().Where(c => c.Year == year).OrderBy(c => c.Category).Select(c => c.MonthlyCap).Take(first).ToListAsync());

    private Task<Guid> UnitAsync(string label, decimal rent) => factory.QueryAsync(async db =>
    {
        var unit = db.HousingUnits.Add(new HousingUnit(await db.SomeSiteIdAsync(), label, rooms: 1, beds: 2, monthlyRent: rent)
        {
            AvailableFrom = Arrivals.Today.AddYears(-1),
        }).Entity;
        await db.SaveChangesAsync();
        return unit.Id;
    });
}

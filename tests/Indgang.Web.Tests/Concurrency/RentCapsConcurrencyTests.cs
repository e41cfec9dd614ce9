using System.Globalization;
using System.Net;
using Indgang.Domain.Housing;
using Indgang.Web.Tests.Admin;
using Indgang.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Indgang.Web.Tests.Concurrency;

/// <summary>
/// Two administrators enter the same new year's rent caps at the same moment, both checking before either saves: both
/// are answered. The year has the first one's four caps once; the other is shown them beside the fields, as saved by
/// another, and may save over them deliberately.
/// </summary>
public sealed class RentCapsConcurrencyTests(SavesMeetAppFactory factory) : IClassFixture<SavesMeetAppFactory>
{
    private static readonly string[] CapFields = ["SingleAdult", "CoupleWithoutChildren", "CoupleWithOneToThreeChildren", "CoupleWithFourOrMoreChildren"];

    [Fact]
    public async Task SameNewYearEnteredAtOnce_OneSaved_TheOtherShownTheSavedCaps()
    {
        const string Page = "/Admin/RentCaps";
        using var a = await Browser.SignedInAsync(factory, "admin");
        using var b = await Browser.SignedInAsync(factory, "admin");
        var forms = new[]
        {
            RentCapsPageTests.Caps(2025, "2600", "4700", "5100", "5500", await RentCapsPageTests.VersionAsync(a)),
            RentCapsPageTests.Caps(2025, "2610", "4710", "5110", "5510", await RentCapsPageTests.VersionAsync(b)),
        };
        factory.HoldSaves(2, db => db.ChangeTracker.Entries<RentCap>().Any(e => e.State == EntityState.Added));

        var results = await Task.WhenAll(a.PostFormAsync(Page, forms[0]), b.PostFormAsync(Page, forms[1]));

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Redirect], results.Select(r => r.StatusCode).Order());
        var saved = forms[Array.FindIndex(results, r => r.StatusCode == HttpStatusCode.Redirect)];
        var caps = await factory.QueryAsync(db => db.RentCaps.AsNoTracking().Where(c => c.Year == 2025).OrderBy(c => c.Category).Select(c => c.MonthlyCap).ToListAsync());
        Assert.Equal(CapFields.Select(f => decimal.Parse(saved[f], CultureInfo.InvariantCulture)), caps);
        var shown = WebUtility.HtmlDecode(await results.Single(r => r.StatusCode == HttpStatusCode.OK).Content.ReadAsStringAsync());
        Assert.Contains(Indgang.Web.Features.Admin.RentCaps.IndexModel.SavedByOtherMessage, shown, StringComparison.Ordinal);
        var single = decimal.Parse(saved["SingleAdult"], CultureInfo.InvariantCulture).ToString("N0", CultureInfo.GetCultureInfo("da-DK"));
        Assert.Contains($"Gemt af en anden: {single}", shown, StringComparison.Ordinal);
        foreach (var result in results)
        {
            result.Dispose();
        }
    }

    [Fact]
    public async Task SameYearCorrectedAtOnce_OneSaved_TheOtherShownTheSavedCaps()
    {
        const string Page = "/Admin/RentCaps";
        using var a = await Browser.SignedInAsync(factory, "admin");
        using var b = await Browser.SignedInAsync(factory, "admin");
        using (var added = await a.PostFormAsync(Page, RentCapsPageTests.Caps(2021, "2400", "4400", "4800", "5200", await RentCapsPageTests.VersionAsync(a))))
        {
            Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        }

        var forms = new[]
        {
            RentCapsPageTests.Caps(2021, "2450", "4400", "4800", "5200", await RentCapsPageTests.VersionAsync(a, 2021)),
            RentCapsPageTests.Caps(2021, "2460", "4400", "4800", "5200", await RentCapsPageTests.VersionAsync(b, 2021)),
        };
        factory.HoldSaves(2, db => db.ChangeTracker.Entries<RentCap>().Any(e => e.State == EntityState.Modified));

        var results = await Task.WhenAll(a.PostFormAsync(Page, forms[0]), b.PostFormAsync(Page, forms[1]));

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Redirect], results.Select(r => r.StatusCode).Order());
        var saved = forms[Array.FindIndex(results, r => r.StatusCode == HttpStatusCode.Redirect)];
        Assert.Equal(decimal.Parse(saved["SingleAdult"], CultureInfo.InvariantCulture),
            await factory.QueryAsync(db => db.RentCaps.Where(c => c.Year == 2021 && c.Category == RentCapCategory.SingleAdult).Select(c => c.MonthlyCap).SingleAsync()));
        Assert.Contains(Indgang.Web.Features.Admin.RentCaps.IndexModel.SavedByOtherMessage,
            WebUtility.HtmlDecode(await results.Single(r => r.StatusCode == HttpStatusCode.OK).Content.ReadAsStringAsync()), StringComparison.Ordinal);
        foreach (var result in results)
        {
            result.Dispose();
        }
    }
}

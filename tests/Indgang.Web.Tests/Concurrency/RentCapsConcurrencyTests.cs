using System.Net;
using Indgang.Domain.Housing;
using Indgang.Web.Tests.Admin;
using Indgang.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Indgang.Web.Tests.Concurrency;

/// <summary>
/// Two administrators enter the same new year's rent caps at the same moment, both checking before either saves: both
/// are answered, and the year has its four caps once, the later ones set over the first as if they had come a moment later.
/// </summary>
public sealed class RentCapsConcurrencyTests(SavesMeetAppFactory factory) : IClassFixture<SavesMeetAppFactory>
{
    [Fact]
    public async Task SameNewYearEnteredAtOnce_BothAnswered_TheYearHasFourCaps()
    {
        const string Page = "/Admin/RentCaps";
        using var a = await Browser.SignedInAsync(factory, "admin");
        using var b = await Browser.SignedInAsync(factory, "admin");
        var forms = new[] { RentCapsPageTests.Caps(2025, "2600", "4700", "5100", "5500"), RentCapsPageTests.Caps(2025, "2610", "4710", "5110", "5510") };
        factory.HoldSaves(2, db => db.ChangeTracker.Entries<RentCap>().Any(e => e.State == EntityState.Added));

        var results = await Task.WhenAll(a.PostFormAsync(Page, forms[0]), b.PostFormAsync(Page, forms[1]));

        Assert.All(results, r => Assert.Equal(HttpStatusCode.Redirect, r.StatusCode));
        var caps = await factory.QueryAsync(db => db.RentCaps.AsNoTracking().Where(c => c.Year == 2025).OrderBy(c => c.Category).Select(c => c.MonthlyCap).ToListAsync());
        Assert.Contains(caps, new List<List<decimal>> { new() { 2600m, 4700m, 5100m, 5500m }, new() { 2610m, 4710m, 5110m, 5510m } });
        foreach (var result in results)
        {
            result.Dispose();
        }
    }
}

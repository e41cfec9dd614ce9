using System.Globalization;
using System.Net;
using Indgang.Domain.People;
using Indgang.Domain.Reception;
using Indgang.Tests.Hosting;
using Indgang.Web.Features.Reception;
using Indgang.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Indgang.Web.Tests.Housing;

/// <summary>
/// The placement page lists a household that came earlier than announced by the day it came, said to be its arrival,
/// and among the waiting households in that order; one not here yet by the day it is expected.
/// </summary>
public sealed class PlacementArrivedEarlyTests(IndgangAppFactory factory) : IClassFixture<IndgangAppFactory>
{
    private static readonly CultureInfo Danish = CultureInfo.GetCultureInfo("da-DK");

    [Fact]
    public async Task ArrivedEarly_IsListedByTheDayItCame_BeforeOneExpectedSooner()
    {
        var announced = Arrivals.Today.AddDays(70);
        var soon = Arrivals.Today.AddDays(10);
        var early = await RegisterAsync("Tidligkomsen", announced);
        await RegisterAsync("Snartkomsen", soon);
        await factory.QueryAsync(async db =>
        {
            var h = await db.Households.SingleAsync(x => x.Id == early);
            h.SetArrival(h.ExpectedArrival, Arrivals.Today);
            return await db.SaveChangesAsync();
        });
        using var housing = await Browser.SignedInAsync(factory, "bolig");

        var page = WebUtility.HtmlDecode(await housing.GetPageAsync("/Housing/Placement"));

        Assert.Contains($"Tidligkomsen (1 pers.), ankom {Arrivals.Today.ToString("d", Danish)}", page, StringComparison.Ordinal);
        Assert.DoesNotContain(announced.ToString("d", Danish), page, StringComparison.Ordinal);
        Assert.Contains($"Snartkomsen (1 pers.), forventes {soon.ToString("d", Danish)}", page, StringComparison.Ordinal);
        Assert.True(page.IndexOf("Tidligkomsen (", StringComparison.Ordinal) < page.IndexOf("Snartkomsen (", StringComparison.Ordinal));
    }

    [Fact]
    public async Task InEnglish_ArrivedAndExpected_AreSaidSo()
    {
        var expected = Arrivals.Today.AddDays(20);
        var arrived = await RegisterAsync("Ankomsen", Arrivals.Today.AddDays(40));
        await RegisterAsync("Ventesen", expected);
        await factory.QueryAsync(async db =>
        {
            var h = await db.Households.SingleAsync(x => x.Id == arrived);
            h.SetArrival(h.ExpectedArrival, Arrivals.Today);
            return await db.SaveChangesAsync();
        });
        using var english = await Browser.SignedInEnglishAsync(factory, "bolig");

        var page = WebUtility.HtmlDecode(await english.GetPageAsync("/Housing/Placement"));

        Assert.Matches(@"Ankomsen \(1 [^)]+\), arrived ", page);
        Assert.Matches(@"Ventesen \(1 [^)]+\), expected ", page);
    }

    private Task<Guid> RegisterAsync(string lastName, DateOnly expected) =>
        factory.RegisterAsync(new ArrivalRequest(null, null, expected,
            [new ArrivalMember("Ena", lastName, new DateOnly(1990, 1, 1), Gender.Female, ResidenceBasis.QuotaRefugee)]));
}

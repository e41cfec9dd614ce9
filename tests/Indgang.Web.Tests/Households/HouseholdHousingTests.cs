using System.Net;
using Indgang.Domain.Audit;
using Indgang.Domain.Housing;
using Indgang.Tests.Hosting;
using Indgang.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Indgang.Web.Tests.Households.HouseholdHousingSection;
using static Indgang.Web.Tests.Infrastructure.Arrivals;

namespace Indgang.Web.Tests.Households;

/// <summary>
/// The household's housing on its case page: every stay, the days in temporary housing, and the way to a permanent home,
/// for everyone who may see the case (HOUSE-2, HOUSE-5).
/// </summary>
public sealed class HouseholdHousingTests(IndgangAppFactory factory) : IClassFixture<IndgangAppFactory>
{
    private const string Purpose = "Sagsbehandling: visning af husstand";

    [Theory]
    [InlineData("koordinator")]
    [InlineData("bolig")]
    public async Task TemporaryHomeRegistrationAndOffers_EachShowsWithItsDatesAndDays(string userName)
    {
        var unit = await UnitAsync($"Forløbsbolig {userName}", permanent: false);
        var household = await factory.RegisterFamilyAsync($"Forløb{userName}");
        await factory.MovedInAsync(unit.Id, household, Today.AddDays(-20));
        using var housing = await Browser.SignedInAsync(factory, "bolig");
        await RegisterAsync(housing, household, "Boligforeningen Vest", Today.AddDays(-10), "V-77");
        var declined = await OfferAsync(housing, household, $"Vestervej 1, {userName}", Today.AddDays(-8));
        await PostAsync(housing, "Decline", new() { ["OfferId"] = declined.ToString() });
        await OfferAsync(housing, household, $"Østervej 2, {userName}", Today.AddDays(-2));
        // Another household's way to a permanent home is not this household's.
        var other = await factory.RegisterSingleAsync($"Anden{userName}");
        await RegisterAsync(housing, other, "Andet Boligselskab", Today.AddDays(-4), "A-1");
        await OfferAsync(housing, other, $"Andenvej 9, {userName}", Today.AddDays(-1));
        using var browser = await Browser.SignedInAsync(factory, userName);
        var readsOfOther = await HouseholdReadsAsync(other);
        var reads = await HouseholdReadsAsync(household);

        var html = await browser.GetPageAsync($"/Households/{household}");

        var section = Of(html);
        Assert.Null(section.EmptyState);
        Assert.Equal([new Stay(unit.Label, unit.Site, unit.Town, "Midlertidig", Date(Today.AddDays(-20)), "bor her nu", "20")], section.Stays);
        Assert.Equal("I alt: 20 dage i midlertidig bolig", section.DaysInTemporaryHousing);
        Assert.Equal([new Registration("Boligforeningen Vest", Date(Today.AddDays(-10)), "V-77")], section.Registrations);
        Assert.Equal(
            [new Offer($"Østervej 2, {userName}", Date(Today.AddDays(-2)), "Venter på svar"), new Offer($"Vestervej 1, {userName}", Date(Today.AddDays(-8)), "afslået")],
            section.Offers);
        Assert.DoesNotContain("Andet Boligselskab", section.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Andenvej 9", section.Text, StringComparison.Ordinal);
        Assert.Contains($"<span data-testid=\"current-home\">{unit.Label}, {unit.Site}</span>", WebUtility.HtmlDecode(html), StringComparison.Ordinal);
        // The page's read of this household is the audited read; the other household is not read.
        Assert.Equal(reads + 1, await HouseholdReadsAsync(household));
        Assert.Equal(readsOfOther, await HouseholdReadsAsync(other));
    }

    [Fact]
    public async Task DepartmentWorkerWithATask_SeesWhereTheHouseholdLives_NotItsWayToAPermanentHome()
    {
        var unit = await UnitAsync("Forløbsbolig afdeling", permanent: false);
        var household = await factory.RegisterFamilyAsync("Forløbafdeling");
        // The move-in gives Sekretariatet the lease and keys: a task for the household, so its worker may open the page.
        await factory.MovedInAsync(unit.Id, household, Today.AddDays(-20));
        using var housing = await Browser.SignedInAsync(factory, "bolig");
        await RegisterAsync(housing, household, "Boligforeningen Nord", Today.AddDays(-10), "N-12");
        await OfferAsync(housing, household, "Nordvej 4, afdeling", Today.AddDays(-2));
        using var secretariat = await Browser.SignedInAsync(factory, "sekretariat");

        var html = await secretariat.GetPageAsync($"/Households/{household}");

        var section = Of(html);
        Assert.Equal([new Stay(unit.Label, unit.Site, unit.Town, "Midlertidig", Date(Today.AddDays(-20)), "bor her nu", "20")], section.Stays);
        Assert.Empty(section.Registrations);
        Assert.Empty(section.Offers);
        Assert.DoesNotContain("Boligforeningen Nord", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Nordvej 4", html, StringComparison.Ordinal);
        Assert.DoesNotContain("N-12", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Opskrivninger hos boligselskaber", WebUtility.HtmlDecode(html), StringComparison.Ordinal);
    }

    [Fact]
    public async Task MovedOutIntoAPermanentHome_BothStaysShowInTheOrderLived()
    {
        var temporary = await UnitAsync("Forløbsbolig midlertidig", permanent: false);
        var permanent = await UnitAsync("Forløbsbolig permanent", permanent: true);
        var household = await factory.RegisterFamilyAsync("Permanentsen");
        await factory.MovedInAsync(temporary.Id, household, Today.AddDays(-30));
        using var housing = await Browser.SignedInAsync(factory, "bolig");
        var offer = await OfferAsync(housing, household, "Permanentvej 3", Today.AddDays(-8));
        await PostAsync(housing, "Accept", new() { ["OfferId"] = offer.ToString(), ["MoveDate"] = Iso(Today.AddDays(-5)) });
        await factory.MovedInAsync(permanent.Id, household, Today.AddDays(-5));
        using var coordinator = await Browser.SignedInAsync(factory, "koordinator");

        var html = await coordinator.GetPageAsync($"/Households/{household}");

        var section = Of(html);
        Assert.Equal(
            [
                new Stay(temporary.Label, temporary.Site, temporary.Town, "Midlertidig", Date(Today.AddDays(-30)), $"{Date(Today.AddDays(-5))}, til egen bolig", "25"),
                new Stay(permanent.Label, permanent.Site, permanent.Town, "Permanent", Date(Today.AddDays(-5)), "bor her nu", "5"),
            ],
            section.Stays);
        Assert.Equal("I alt: 25 dage i midlertidig bolig", section.DaysInTemporaryHousing);
        Assert.Equal([new Offer("Permanentvej 3", Date(Today.AddDays(-8)), $"accepteret, flytter {Date(Today.AddDays(-5))}")], section.Offers);
        Assert.Contains("Husstanden er ikke skrevet op hos et boligselskab endnu.", section.Text, StringComparison.Ordinal);
        Assert.Contains($"<span data-testid=\"current-home\">{permanent.Label}, {permanent.Site}</span>", WebUtility.HtmlDecode(html), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AcceptedOfferWithTheMoveAhead_TheStayShowsTheDayTheHouseholdLivesThereUntil()
    {
        var unit = await UnitAsync("Forløbsbolig fraflytning", permanent: false);
        var household = await factory.RegisterFamilyAsync("Snartflyttet");
        await factory.MovedInAsync(unit.Id, household, Today.AddDays(-10));
        using var housing = await Browser.SignedInAsync(factory, "bolig");
        var offer = await OfferAsync(housing, household, "Fremtidsvej 4", Today);
        await PostAsync(housing, "Accept", new() { ["OfferId"] = offer.ToString(), ["MoveDate"] = Iso(Today.AddDays(14)) });
        using var coordinator = await Browser.SignedInAsync(factory, "koordinator");

        var section = Of(await coordinator.GetPageAsync($"/Households/{household}"));

        var stay = Assert.Single(section.Stays);
        Assert.Equal($"bor her til {Date(Today.AddDays(14))}, til egen bolig", stay.MovedOut);
        Assert.Equal("10", stay.Days);
        Assert.Equal("I alt: 10 dage i midlertidig bolig", section.DaysInTemporaryHousing);
        Assert.Equal($"accepteret, flytter {Date(Today.AddDays(14))}", Assert.Single(section.Offers).Status);
    }

    [Fact]
    public async Task MoveInAhead_TheStayShowsTheDayTheHouseholdMovesInAndNoDaysYet()
    {
        var unit = await UnitAsync("Forløbsbolig indflytning", permanent: false);
        var household = await factory.RegisterFamilyAsync("Snartindflyttet");
        await factory.MovedInAsync(unit.Id, household, Today.AddDays(7));
        using var coordinator = await Browser.SignedInAsync(factory, "koordinator");

        var section = Of(await coordinator.GetPageAsync($"/Households/{household}"));

        Assert.Equal([new Stay(unit.Label, unit.Site, unit.Town, "Midlertidig", $"flytter ind {Date(Today.AddDays(7))}", "–", "0")], section.Stays);
        Assert.Equal("I alt: 0 dage i midlertidig bolig", section.DaysInTemporaryHousing);
    }

    [Fact]
    public async Task NoStaysRegistrationsOrOffers_ShowsTheEmptyState()
    {
        var household = await factory.RegisterFamilyAsync("Ubehuset");
        using var coordinator = await Browser.SignedInAsync(factory, "koordinator");

        var section = Of(await coordinator.GetPageAsync($"/Households/{household}"));

        Assert.Equal("Husstanden har ikke boet i kommunens boliger endnu og er ikke skrevet op til en permanent bolig.", section.EmptyState);
        Assert.Empty(section.Stays);
        Assert.Null(section.DaysInTemporaryHousing);
    }

    [Theory]
    [InlineData("skole")]
    [InlineData("leder")]
    [InlineData("admin")]
    [InlineData("frivillig")]
    public async Task RoleThatMayNotSeeTheCase_Gets403AndNoHousing(string userName)
    {
        // A single adult: the school and daycare department has no task for him.
        var unit = await UnitAsync($"Forløbsbolig afvist {userName}", permanent: false);
        var household = await factory.RegisterSingleAsync($"Afvist{userName}");
        await factory.MovedInAsync(unit.Id, household, Today.AddDays(-3));
        using var browser = await Browser.SignedInAsync(factory, userName);
        var reads = await HouseholdReadsAsync(household);

        using var response = await browser.GetAsync($"/Households/{household}");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.DoesNotContain(unit.Label, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(reads, await HouseholdReadsAsync(household));
    }

    private sealed record TestUnit(Guid Id, string Label, string Site, string Town);

    /// <summary>A unit of the test's own, free from long ago, on a demo site (with rent under the cap for a family).</summary>
    private async Task<TestUnit> UnitAsync(string label, bool permanent) =>
        await factory.QueryAsync(async db =>
        {
            var siteId = await db.SomeSiteIdAsync();
            var site = await (from s in db.HousingSites join t in db.Towns on s.TownId equals t.Id where s.Id == siteId select new { s.Name, Town = t.Name }).SingleAsync();
            var unit = db.HousingUnits.Add(new HousingUnit(siteId, label, rooms: 2, beds: 4, monthlyRent: 2000m) { IsPermanent = permanent, AvailableFrom = Today.AddDays(-100) }).Entity;
            await db.SaveChangesAsync();
            return new TestUnit(unit.Id, label, site.Name, site.Town);
        });

    private Task<int> HouseholdReadsAsync(Guid household) =>
        factory.QueryAsync(db => db.AuditEntries.CountAsync(e => e.Action == AuditAction.HouseholdRead && e.Purpose == Purpose && e.Details == $"Husstand {household:D}"));

    private static Task RegisterAsync(Browser housing, Guid household, string association, DateOnly on, string number) =>
        PostAsync(housing, "Registration", new()
        {
            ["HouseholdId"] = household.ToString(),
            ["Association"] = association,
            ["RegisteredOn"] = Iso(on),
            ["WaitingListNumber"] = number,
        });

    /// <summary>An offer made on the pipeline page; its id.</summary>
    private async Task<Guid> OfferAsync(Browser housing, Guid household, string address, DateOnly on)
    {
        await PostAsync(housing, "Offer", new() { ["OfferHouseholdId"] = household.ToString(), ["Address"] = address, ["OfferedOn"] = Iso(on) });
        return await factory.QueryAsync(db => db.HousingOffers.Where(o => o.HouseholdId == household && o.Address == address).Select(o => o.Id).SingleAsync());
    }

    private static async Task PostAsync(Browser housing, string handler, Dictionary<string, string> fields)
    {
        using var response = await housing.PostFormAsync($"/Housing/Pipeline?handler={handler}", fields, formPage: "/Housing/Pipeline");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }
}

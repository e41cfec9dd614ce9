using System.Net;
using Indgang.Domain.Housing;
using Indgang.Tests.Hosting;
using Indgang.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Indgang.Web.Tests.Housing;

/// <summary>An accepted permanent home whose move comes on another day, or falls through (HOUSE-5).</summary>
public sealed class AgreedMoveChangeTests(IndgangAppFactory factory) : IClassFixture<IndgangAppFactory>
{
    private static readonly DateOnly Today = Arrivals.Today;

    [Fact]
    public async Task ChangeMoveAndReopen_MoveTheStayAndTheUnitsFreeDayAlong()
    {
        var (unit, household) = await HousedAsync("Pavillon A", "Familien Haddad");
        var before = await UnitAsync(unit);
        using var housing = await Browser.SignedInAsync(factory, "bolig");
        var offer = await housing.AcceptedOfferAsync(factory, household, "Kirkevej 3, 1. tv.", Today.AddDays(20));

        // The association hands over the keys two weeks later: the household lives here until then.
        using var later = await ChangeMoveAsync(housing, offer, Today.AddDays(34));
        Assert.Equal(HttpStatusCode.Redirect, later.StatusCode);
        Assert.Equal(Today.AddDays(34), (await StayAsync(household)).MovedOutOn);
        Assert.Equal(Today.AddDays(34), (await OfferAsync(offer)).MoveDate);
        Assert.Equal(Today.AddDays(34), (await UnitAsync(unit)).AvailableFrom);

        // Then earlier after all: the unit is free from the new day, as the agreed day was what held it back.
        using var earlier = await ChangeMoveAsync(housing, offer, Today.AddDays(10));
        Assert.Equal(HttpStatusCode.Redirect, earlier.StatusCode);
        Assert.Equal(Today.AddDays(10), (await UnitAsync(unit)).AvailableFrom);
        Assert.Equal(before.FreeBeds + 4, (await UnitAsync(unit)).FreeBeds);

        // And then the home falls through: the offer is open again, the household stays, its beds are taken again.
        using var reopened = await housing.PostFormAsync("/Housing/Pipeline?handler=Reopen", new Dictionary<string, string> { ["OfferId"] = offer.ToString() }, formPage: "/Housing/Pipeline");
        Assert.Equal(HttpStatusCode.Redirect, reopened.StatusCode);
        var open = await OfferAsync(offer);
        Assert.Equal(OfferStatus.Pending, open.Status);
        Assert.Null(open.MoveDate);
        var stay = await StayAsync(household);
        Assert.True(stay.IsCurrent);
        var after = await UnitAsync(unit);
        Assert.Equal(before.FreeBeds, after.FreeBeds);
        Assert.Equal(before.OccupyingHouseholds, after.OccupyingHouseholds);
        Assert.Equal(stay.MovedInOn, after.AvailableFrom);
        // Three changes, each recorded for the household's four members.
        Assert.Equal(12, await factory.QueryAsync(db => db.AuditEntries.CountAsync(e => e.Action == Domain.Audit.AuditAction.MovedOut && e.Purpose == "Boligplacering: aftalt fraflytning ændret")));
    }

    [Fact]
    public async Task ChangeMoveLater_UnitGivenToAnotherHouseholdFromTheAgreedDay_IsRefusedBesideTheFieldAndNothingChanges()
    {
        var (unit, household) = await HousedAsync("Pavillon B", await factory.RegisterSingleAsync("Lund"));
        using var housing = await Browser.SignedInAsync(factory, "bolig");
        var offer = await housing.AcceptedOfferAsync(factory, household, "Bytoften 8", Today.AddDays(20));
        // The coordinator has given the unit to the next household from the agreed day.
        await factory.MovedInAsync(unit, await factory.RegisterSingleAsync("Holm"), Today.AddDays(20));

        using var refused = await ChangeMoveAsync(housing, offer, Today.AddDays(30));
        using var calledOff = await housing.PostFormAsync("/Housing/Pipeline?handler=Reopen", new Dictionary<string, string> { ["OfferId"] = offer.ToString() }, formPage: "/Housing/Pipeline");

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var html = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());
        Assert.Contains($"id=\"NewMoveDate-{offer}-error\"", html, StringComparison.Ordinal);
        Assert.Contains("Boligen er givet videre til en anden husstand fra", html, StringComparison.Ordinal);
        // What the coordinator typed is still in the field.
        Assert.Contains($"value=\"{Arrivals.Iso(Today.AddDays(30))}\"", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, calledOff.StatusCode);
        Assert.Contains("Boligen er givet videre til en anden husstand fra", WebUtility.HtmlDecode(await calledOff.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(Today.AddDays(20), (await StayAsync(household)).MovedOutOn);
        var kept = await OfferAsync(offer);
        Assert.Equal(OfferStatus.Accepted, kept.Status);
        Assert.Equal(Today.AddDays(20), kept.MoveDate);
    }

    [Fact]
    public async Task ChangeMoveLater_HouseholdMovesIntoAnotherOfOurUnitsBefore_IsRefused_NoTwoHomesAtOnce()
    {
        var (_, household) = await HousedAsync("Værelse 1", await factory.RegisterSingleAsync("Skov"));
        using var housing = await Browser.SignedInAsync(factory, "bolig");
        var offer = await housing.AcceptedOfferAsync(factory, household, "Møllevej 2", Today.AddDays(20));
        // The permanent home fell through late; the coordinator has since given the household another temporary unit.
        await factory.MovedInAsync(await factory.UnitIdAsync("Pavillon C"), household, Today.AddDays(30));

        using var overlapping = await ChangeMoveAsync(housing, offer, Today.AddDays(40));
        using var before = await ChangeMoveAsync(housing, offer, Today.AddDays(25));

        Assert.Equal(HttpStatusCode.OK, overlapping.StatusCode);
        Assert.Contains("Husstanden flytter ind i Pavillon C", WebUtility.HtmlDecode(await overlapping.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, before.StatusCode);
        var stays = await factory.QueryAsync(db => db.Occupancies.AsNoTracking().Where(o => o.HouseholdId == household).OrderBy(o => o.MovedInOn).ToListAsync());
        Assert.Equal([Today.AddDays(25), null], stays.Select(o => o.MovedOutOn));
    }

    [Theory]
    [InlineData("")]
    [InlineData("ikke en dato")]
    [InlineData("yesterday")]
    public async Task ChangeMove_BadDate_DanishMessageBesideTheFieldAndTheTypedValueKept(string typed)
    {
        // No temporary home needed: the offer's own date is what is checked.
        var household = await factory.RegisterSingleAsync("Dato" + typed.Length);
        using var housing = await Browser.SignedInAsync(factory, "bolig");
        var offer = await housing.AcceptedOfferAsync(factory, household, "Åvej 1", Today.AddDays(60));
        var value = typed == "yesterday" ? Arrivals.Iso(Today.AddDays(-1)) : typed;

        using var response = await housing.PostFormAsync("/Housing/Pipeline?handler=ChangeMove", new Dictionary<string, string> { ["OfferId"] = offer.ToString(), ["MoveDate"] = value }, formPage: "/Housing/Pipeline");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        // A text that is no date is said to be none, not asked for as if nothing was typed (RowFormBinding).
        Assert.Contains(typed == "ikke en dato" ? "Den nye flyttedato er ikke en gyldig dato." : "Angiv den nye flyttedato (tidligst i dag).", html, StringComparison.Ordinal);
        Assert.Contains($"href=\"#NewMoveDate-{offer}\"", html, StringComparison.Ordinal);
        if (value.Length > 0)
        {
            Assert.Contains($"value=\"{value}\"", html, StringComparison.Ordinal);
        }

        Assert.Equal(Today.AddDays(60), (await OfferAsync(offer)).MoveDate);
    }

    private async Task<(Guid Unit, Guid Household)> HousedAsync(string unitLabel, string householdName)
    {
        var household = await factory.QueryAsync(db => db.Households.Where(h => h.Name == householdName).Select(h => h.Id).SingleAsync());
        return await HousedAsync(unitLabel, household);
    }

    private async Task<(Guid Unit, Guid Household)> HousedAsync(string unitLabel, Guid household)
    {
        var unit = await factory.UnitIdAsync(unitLabel);
        await factory.MovedInAsync(unit, household, Today);
        return (unit, household);
    }

    private static Task<HttpResponseMessage> ChangeMoveAsync(Browser housing, Guid offer, DateOnly day) =>
        housing.PostFormAsync("/Housing/Pipeline?handler=ChangeMove", new Dictionary<string, string> { ["OfferId"] = offer.ToString(), ["MoveDate"] = Arrivals.Iso(day) }, formPage: "/Housing/Pipeline");

    private Task<Occupancy> StayAsync(Guid household) =>
        factory.QueryAsync(db => db.Occupancies.AsNoTracking().OrderByDescending(o => o.MovedInOn).FirstAsync(o => o.HouseholdId == household));

    private Task<HousingOffer> OfferAsync(Guid offer) => factory.QueryAsync(db => db.HousingOffers.AsNoTracking().SingleAsync(o => o.Id == offer));

    private Task<HousingUnit> UnitAsync(Guid unit) => factory.QueryAsync(db => db.HousingUnits.AsNoTracking().SingleAsync(u => u.Id == unit));
}

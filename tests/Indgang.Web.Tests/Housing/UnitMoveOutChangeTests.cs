using System.Net;
using Indgang.Domain.Housing;
using Indgang.Tests.Hosting;
using Indgang.Web.Features.Housing;
using Indgang.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Indgang.Web.Tests.Housing;

/// <summary>A move out registered on a unit's page for a later day can be changed or called off there (HOUSE-2).</summary>
public sealed class UnitMoveOutChangeTests(IndgangAppFactory factory) : IClassFixture<IndgangAppFactory>
{
    private static readonly DateOnly Today = Arrivals.Today;

    [Fact]
    public async Task ChangeAndCallOff_RegisteredMoveOutAhead_FollowOnTheUnitPage()
    {
        var (unit, household) = await HousedAsync("Pavillon B", "Enhed");
        var stay = await factory.QueryAsync(db => db.Occupancies.SingleAsync(o => o.HouseholdId == household));
        var freeBefore = (await UnitAsync(unit)).FreeBeds;
        using var housing = await Browser.SignedInAsync(factory, "bolig");
        var page = $"/Housing/Units/{unit}";
        using var registered = await PostAsync(housing, unit, "MoveOut", stay.Id, Today.AddDays(30));
        Assert.Equal(HttpStatusCode.Redirect, registered.StatusCode);
        Assert.Contains("Ret fraflytningsdato", WebUtility.HtmlDecode(await housing.GetPageAsync(page)), StringComparison.Ordinal);

        using var past = await PostAsync(housing, unit, "ChangeMoveOut", stay.Id, Today.AddDays(-1));
        var html = WebUtility.HtmlDecode(await past.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, past.StatusCode);
        Assert.Contains("Den nye fraflytningsdato kan ikke ligge før i dag eller før indflytningen.", html, StringComparison.Ordinal);
        // Beside this stay's field, linked from the summary, and with what was typed.
        Assert.Contains($"id=\"MoveOutOn-{stay.Id}-error\"", html, StringComparison.Ordinal);
        Assert.Contains($"href=\"#MoveOutOn-{stay.Id}\"", html, StringComparison.Ordinal);
        Assert.Contains($"value=\"{Arrivals.Iso(Today.AddDays(-1))}\"", html, StringComparison.Ordinal);

        using var later = await PostAsync(housing, unit, "ChangeMoveOut", stay.Id, Today.AddDays(40));
        Assert.Equal(HttpStatusCode.Redirect, later.StatusCode);
        Assert.Equal(Today.AddDays(40), (await factory.QueryAsync(db => db.Occupancies.AsNoTracking().SingleAsync(o => o.Id == stay.Id))).MovedOutOn);
        Assert.Equal(Today.AddDays(40), (await UnitAsync(unit)).AvailableFrom);

        using var calledOff = await housing.PostFormAsync($"{page}?handler=CallOffMoveOut", new Dictionary<string, string> { ["OccupancyId"] = stay.Id.ToString() }, formPage: page);
        Assert.Equal(HttpStatusCode.Redirect, calledOff.StatusCode);
        Assert.True((await factory.QueryAsync(db => db.Occupancies.AsNoTracking().SingleAsync(o => o.Id == stay.Id))).IsCurrent);
        Assert.Equal(freeBefore, (await UnitAsync(unit)).FreeBeds);
    }

    [Fact]
    public async Task ChangeMoveOut_MoveOfAnAcceptedOffer_IsChangedOnThePipelineOnly()
    {
        var (unit, household) = await HousedAsync("Værelse 1", "Tilbud");
        using var housing = await Browser.SignedInAsync(factory, "bolig");
        await housing.AcceptedOfferAsync(factory, household, "Engvej 4", Today.AddDays(20));
        var stay = await factory.QueryAsync(db => db.Occupancies.SingleAsync(o => o.HouseholdId == household));

        var page = WebUtility.HtmlDecode(await housing.GetPageAsync($"/Housing/Units/{unit}"));
        using var refused = await PostAsync(housing, unit, "ChangeMoveOut", stay.Id, Today.AddDays(30));

        Assert.Contains("Fraflytningen hører til et accepteret boligtilbud.", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Ret fraflytningsdato", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains(UnitDetailsModel.AgreedInPipelineRefusal, WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(Today.AddDays(20), (await factory.QueryAsync(db => db.Occupancies.AsNoTracking().SingleAsync(o => o.Id == stay.Id))).MovedOutOn);
    }

    /// <summary>
    /// A household still to move in, with its move out agreed: a new move-out day before the move-in is refused naming the
    /// move-in day. Before, it was told only "før i dag eller før indflytningen", and the coordinator had to look the day up.
    /// </summary>
    [Fact]
    public async Task ChangeMoveOut_BeforeAMoveInStillAhead_IsRefusedNamingTheMoveInDay()
    {
        var household = await factory.RegisterSingleAsync("Førind");
        var unit = await factory.UnitOfItsOwnAsync("Førind 1");
        var moveIn = Today.AddDays(10);
        await factory.MovedInAsync(unit, household, moveIn);
        var stay = await factory.QueryAsync(db => db.Occupancies.SingleAsync(o => o.HouseholdId == household));
        using var housing = await Browser.SignedInAsync(factory, "bolig");
        using var registered = await PostAsync(housing, unit, "MoveOut", stay.Id, Today.AddDays(30));
        Assert.Equal(HttpStatusCode.Redirect, registered.StatusCode);

        using var refused = await PostAsync(housing, unit, "ChangeMoveOut", stay.Id, Today.AddDays(5));

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var html = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());
        Assert.Contains($"Den nye fraflytningsdato kan ikke ligge før indflytningen {DanishDates.Written(moveIn)}.", html, StringComparison.Ordinal);
        Assert.Equal(Today.AddDays(30), (await factory.QueryAsync(db => db.Occupancies.AsNoTracking().SingleAsync(o => o.Id == stay.Id))).MovedOutOn);
    }

    private async Task<(Guid Unit, Guid Household)> HousedAsync(string unitLabel, string lastName)
    {
        var household = await factory.RegisterSingleAsync(lastName);
        var unit = await factory.UnitIdAsync(unitLabel);
        await factory.MovedInAsync(unit, household, Today);
        return (unit, household);
    }

    private static Task<HttpResponseMessage> PostAsync(Browser housing, Guid unit, string handler, Guid stay, DateOnly day) =>
        housing.PostFormAsync($"/Housing/Units/{unit}?handler={handler}", new Dictionary<string, string> { ["OccupancyId"] = stay.ToString(), ["MoveOutOn"] = Arrivals.Iso(day), ["MoveOutTo"] = "OtherMunicipalUnit" }, formPage: $"/Housing/Units/{unit}");

    private Task<HousingUnit> UnitAsync(Guid unit) => factory.QueryAsync(db => db.HousingUnits.AsNoTracking().SingleAsync(u => u.Id == unit));
}

using System.Globalization;
using System.Net;
using AngleSharp.Html.Parser;
using Indgang.Domain.Housing;
using Indgang.Domain.Reception;
using Indgang.Domain.Tasks;
using Indgang.Tests.Hosting;
using Indgang.Web.Features.Housing;
using Indgang.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Indgang.Web.Tests.Infrastructure.Arrivals;

namespace Indgang.Web.Tests.Housing;

/// <summary>
/// A move out says where the household goes. To another of our units it waits for a home again (on the placement page,
/// among the unit page's households to move in); to a home of its own or out of the municipality its wait is over, until
/// it moves into one of our units again. Where it went is shown with the stay on its case.
/// </summary>
public sealed class MoveOutDestinationTests(IndgangAppFactory factory) : IClassFixture<IndgangAppFactory>
{
    private static readonly HtmlParser Parser = new();
    private static readonly CultureInfo Danish = new("da-DK");

    [Theory]
    [InlineData("OtherMunicipalUnit", true, "til en anden af kommunens boliger")]
    [InlineData("OwnHome", false, "til egen bolig")]
    [InlineData("LeftMunicipality", false, "ud af kommunen")]
    public async Task MovedOut_WaitsForAHomeAgain_OnlyWhenMovingToAnotherOfOurUnits(string to, bool waits, string told)
    {
        var (unit, household, stay) = await HousedSingleAsync($"Fraflytter{to}");
        using var housing = await Browser.SignedInAsync(factory, "bolig");
        Assert.False(await WaitsAsync(housing, household));

        using var moved = await MoveOutAsync(housing, unit, stay, Today, to);

        Assert.Equal(HttpStatusCode.Redirect, moved.StatusCode);
        Assert.Equal(waits, await WaitsAsync(housing, household));
        var saved = await factory.QueryAsync(db => db.Occupancies.AsNoTracking().SingleAsync(o => o.Id == stay));
        Assert.Equal((Today, Enum.Parse<MoveOutDestination>(to)), (saved.MovedOutOn, saved.Destination));
        // The stay on the household's case: moved out on the day, and where to.
        var stayRow = Parser.ParseDocument(await housing.GetPageAsync($"/Households/{household}")).QuerySelector("tr[data-stay]")!;
        Assert.Equal($"{Today.ToString("d. MMM yyyy", Danish)}, {told}", stayRow.Children[5].TextContent.Trim());
    }

    [Fact]
    public async Task LeftForAHomeOfItsOwn_MovedInAgainLater_AndOutToAnotherOfOurUnits_WaitsAgain()
    {
        var (_, household, stay) = await HousedSingleAsync("Tilbagevendt");
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var moves = scope.ServiceProvider.GetRequiredService<HousingMoves>();
            Assert.True((await moves.MoveOutAsync(stay, Today.AddDays(-20), MoveOutDestination.OwnHome)).Succeeded);
        }

        using var housing = await Browser.SignedInAsync(factory, "bolig");
        Assert.False(await WaitsAsync(housing, household));

        await factory.MovedInAsync(await factory.UnitOfItsOwnAsync("Tilbagevendt 2"), household, Today.AddDays(-10));
        var secondStay = await factory.QueryAsync(db => db.Occupancies.Where(o => o.HouseholdId == household && o.MovedOutOn == null).Select(o => o.Id).SingleAsync());
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            Assert.True((await scope.ServiceProvider.GetRequiredService<HousingMoves>().MoveOutAsync(secondStay, Today, MoveOutDestination.OtherMunicipalUnit)).Succeeded);
        }

        Assert.True(await WaitsAsync(housing, household));
    }

    /// <summary>
    /// Moved in and out on the same day, to a home of its own: the wait is over. Before, the stay itself counted as a
    /// move into one of our units again (moved in on the day it moved out), so the household still waited for a home: on
    /// the start page, on the way to a permanent home, in the placement and in the forecast (found by exploratory review).
    /// </summary>
    [Fact]
    public async Task MovedInAndOutOnTheSameDay_ToAHomeOfItsOwn_NoLongerWaits()
    {
        var (_, household, stay) = await factory.HousedSingleAsync("Sammedag 1", "Sammedagsen", daysAgo: 0);
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            Assert.True((await scope.ServiceProvider.GetRequiredService<HousingMoves>().MoveOutAsync(stay, Today, MoveOutDestination.OwnHome)).Succeeded);
        }

        using var housing = await Browser.SignedInAsync(factory, "bolig");
        Assert.False(await WaitsAsync(housing, household));
        Assert.False(await factory.QueryAsync(db => WaitingForHousing.On(db, Today).AnyAsync(h => h.Id == household)));
    }

    /// <summary>
    /// A move-in made today by mistake cannot be called off (only one ahead can), so the move out on the same day is how
    /// it is put right: the stay's still open lease, keys and house rules close as not needed, with the reason, and no move
    /// out's tasks are made for the lease never made. Before, they stayed open, and a second move-in gave Sekretariatet two leases (found by
    /// exploratory review). A stay of some days keeps its move-in tasks as they are.
    /// </summary>
    [Theory]
    [InlineData(0, true)]
    [InlineData(30, false)]
    public async Task MovedOutOnTheMoveInDay_TheStaysOpenMoveInTasksClose_AfterSomeDaysTheyStay(int daysAgo, bool close)
    {
        var (_, household, stay) = await factory.HousedSingleAsync($"Fejlflytning {daysAgo}", $"Fejlflyttesen{daysAgo}", daysAgo: daysAgo);
        Assert.NotEmpty(await MoveInTasksAsync(stay));
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            Assert.True((await scope.ServiceProvider.GetRequiredService<HousingMoves>().MoveOutAsync(stay, Today, MoveOutDestination.OtherMunicipalUnit)).Succeeded);
        }

        var after = await MoveInTasksAsync(stay);
        Assert.NotEmpty(after);
        Assert.All(after, t => Assert.Equal(
            close ? (CaseTaskStatus.NotNeeded, (string?)$"Husstanden flyttede ud af Fejlflytning {daysAgo} samme dag, som den flyttede ind.") : (CaseTaskStatus.Open, null),
            (t.Status, t.NotNeededReason)));
        // No lease was made to end, no keys handed over to return, when none of the move-in's tasks was done.
        Assert.Equal(close ? [] : MoveTasks.MoveOut.Order(), await factory.QueryAsync(db => db.Tasks.Where(t => t.OccupancyId == stay && MoveTasks.MoveOut.Contains(t.Type)).Select(t => t.Type).OrderBy(t => t).ToListAsync()));
    }

    private Task<List<CaseTask>> MoveInTasksAsync(Guid stay) =>
        factory.QueryAsync(db => db.Tasks.AsNoTracking().Where(t => t.OccupancyId == stay && MoveTasks.MoveIn.Contains(t.Type)).ToListAsync());

    [Theory]
    [InlineData(null)]
    [InlineData("Hjem")]
    public async Task MoveOutWithoutWhereTo_RefusedBesideTheChoices_TheDateKept_NothingSaved(string? to)
    {
        var (unit, _, stay) = await HousedSingleAsync($"Uvist{to}");
        using var housing = await Browser.SignedInAsync(factory, "bolig");
        var day = Today.AddDays(14);

        using var refused = await MoveOutAsync(housing, unit, stay, day, to);

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var page = Parser.ParseDocument(await refused.Content.ReadAsStringAsync());
        var field = $"MoveOutTo-{stay}";
        Assert.Equal("Fejl: Vælg, hvorhen husstanden flytter.", page.GetElementById($"{field}-error")?.TextContent);
        Assert.NotNull(page.QuerySelector($".alert-error a[href='#{field}']"));
        Assert.Equal("radio", page.GetElementById(field)?.GetAttribute("type"));
        Assert.Equal(Iso(day), page.GetElementById($"MoveOutOn-{stay}")?.GetAttribute("value"));
        Assert.Null((await factory.QueryAsync(db => db.Occupancies.AsNoTracking().SingleAsync(o => o.Id == stay))).MovedOutOn);
    }

    private Task<(Guid Unit, Guid Household, Guid Stay)> HousedSingleAsync(string lastName) => factory.HousedSingleAsync(lastName, lastName, daysAgo: 30);

    private static Task<HttpResponseMessage> MoveOutAsync(Browser housing, Guid unit, Guid stay, DateOnly day, string? to)
    {
        var fields = new Dictionary<string, string> { ["OccupancyId"] = stay.ToString(), ["MoveOutOn"] = Iso(day) };
        if (to is not null)
        {
            fields["MoveOutTo"] = to;
        }

        return housing.PostFormAsync($"/Housing/Units/{unit}?handler=MoveOut", fields, formPage: $"/Housing/Units/{unit}");
    }

    /// <summary>Whether the placement page lists the household among those waiting for a home.</summary>
    private static async Task<bool> WaitsAsync(Browser housing, Guid household) =>
        Parser.ParseDocument(await housing.GetPageAsync("/Housing/Placement"))
            .QuerySelectorAll("input[type=checkbox][name=Households]").Any(c => c.GetAttribute("value") == household.ToString());
}

using System.Net;
using Indgang.Domain.Reception;
using Indgang.Tests.Hosting;
using Indgang.Web.Features.Housing;
using Indgang.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Indgang.Web.Tests.Housing;

public sealed class OccupancyTests(IndgangAppFactory factory) : IClassFixture<IndgangAppFactory>
{
    [Fact]
    public async Task TwoCoordinatorsAssignTheSameUnitAtOnce_ExactlyOneSucceeds()
    {
        var unit = await factory.UnitIdAsync("Pavillon B");
        var tesfay = await HouseholdAsync("Tesfay Gebremedhin");
        var kovalenko = await HouseholdAsync("Familien Kovalenko");
        using var first = await Browser.SignedInAsync(factory, "bolig");
        using var second = await Browser.SignedInAsync(factory, "bolig");
        var firstToken = Browser.AntiforgeryToken(await first.GetPageAsync($"/Housing/Units/{unit}"));
        var secondToken = Browser.AntiforgeryToken(await second.GetPageAsync($"/Housing/Units/{unit}"));

        var responses = await Task.WhenAll(
            PostMoveInAsync(first, unit, tesfay, firstToken),
            PostMoveInAsync(second, unit, kovalenko, secondToken));

        await ExactlyOneMovedInAsync(factory, unit, responses);
    }

    /// <summary>Of two move-ins into one unit at the same moment, one saved and the other refused beside the form.</summary>
    internal static async Task ExactlyOneMovedInAsync(IndgangAppFactory factory, Guid unit, (HttpStatusCode Status, string Html)[] responses)
    {
        Assert.Single(responses, r => r.Status == HttpStatusCode.Redirect);
        var loser = Assert.Single(responses, r => r.Status == HttpStatusCode.OK);
        Assert.True(loser.Html.Contains(HousingMoves.TakenByOther, StringComparison.Ordinal) || loser.Html.Contains("givet til en anden husstand, som bor der eller skal flytte ind", StringComparison.Ordinal), loser.Html);
        Assert.Equal(1, await factory.QueryAsync(db => db.Occupancies.CountAsync(o => o.UnitId == unit && o.MovedOutOn == null)));
    }

    [Fact]
    public async Task ManySimultaneousMoveIns_OnlyOneHouseholdGetsTheUnit()
    {
        var unit = await factory.UnitIdAsync("Pavillon C");
        var households = new List<Guid>();
        for (var i = 0; i < 6; i++)
        {
            households.Add(await factory.RegisterSingleAsync($"Samtidig{i}"));
        }

        var results = await Task.WhenAll(households.Select(async h =>
        {
            await using var scope = factory.Services.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<HousingMoves>().MoveInAsync(unit, h, DateOnly.FromDateTime(DateTime.Now).AddDays(30));
        }));

        Assert.Single(results, r => r.Succeeded);
        Assert.All(results.Where(r => !r.Succeeded), r => Assert.False(string.IsNullOrWhiteSpace(r.Error)));
        var stored = await factory.QueryAsync(db => db.HousingUnits.SingleAsync(u => u.Id == unit));
        Assert.Equal(1, stored.OccupyingHouseholds);
        Assert.Equal(1, stored.OccupiedBeds);
    }

    [Fact]
    public async Task MoveIn_CreatesLeaseKeyAndHouseRulesTasksOnTheMoveInDay_ThenMoveOutFreesTheBeds()
    {
        var unit = await factory.UnitIdAsync("Pavillon A");
        var household = await factory.RegisterFamilyAsync("Indflytter");
        using var housing = await Browser.SignedInAsync(factory, "bolig");
        var moveIn = DateOnly.FromDateTime(DateTime.Now);

        using var moved = await housing.PostFormAsync($"/Housing/Units/{unit}?handler=MoveIn", new Dictionary<string, string>
        {
            ["HouseholdId"] = household.ToString(),
            ["MoveInOn"] = Arrivals.Iso(moveIn),
        }, formPage: $"/Housing/Units/{unit}");

        Assert.Equal(HttpStatusCode.Redirect, moved.StatusCode);
        var tasks = await factory.QueryAsync(db => (from t in db.Tasks join d in db.Departments on t.DepartmentId equals d.Id
                                                    where t.HouseholdId == household && (t.Type == TaskType.LeaseContract || t.Type == TaskType.KeyHandover || t.Type == TaskType.HouseRulesIntroduction)
                                                    select new { t.Type, t.DueDate, d.Code }).ToListAsync());
        Assert.Equal(3, tasks.Count);
        Assert.All(tasks, t => Assert.Equal(moveIn, t.DueDate));
        Assert.All(tasks.Where(t => t.Type != TaskType.HouseRulesIntroduction), t => Assert.Equal("sekretariatet", t.Code));

        var occupancy = await factory.QueryAsync(db => db.Occupancies.SingleAsync(o => o.HouseholdId == household));
        using var early = await housing.PostFormAsync($"/Housing/Units/{unit}?handler=MoveOut", new Dictionary<string, string>
        {
            ["OccupancyId"] = occupancy.Id.ToString(),
            ["MoveOutOn"] = Arrivals.Iso(moveIn.AddDays(-1)),
            ["MoveOutTo"] = "OtherMunicipalUnit",
        }, formPage: $"/Housing/Units/{unit}");
        Assert.Contains("Fraflytningen kan ikke ligge før indflytningen.", WebUtility.HtmlDecode(await early.Content.ReadAsStringAsync()), StringComparison.Ordinal);

        using var left = await housing.PostFormAsync($"/Housing/Units/{unit}?handler=MoveOut", new Dictionary<string, string>
        {
            ["OccupancyId"] = occupancy.Id.ToString(),
            ["MoveOutOn"] = Arrivals.Iso(moveIn),
            ["MoveOutTo"] = "OtherMunicipalUnit",
        }, formPage: $"/Housing/Units/{unit}");
        Assert.Equal(HttpStatusCode.Redirect, left.StatusCode);
        Assert.Equal(0, (await factory.QueryAsync(db => db.HousingUnits.SingleAsync(u => u.Id == unit))).OccupiedBeds);
    }

    [Theory]
    [InlineData("Nr. 9, st. tv.", "udsat boligområde")]
    [InlineData("Lejlighed 2", "Boligen er spærret")]
    [InlineData("Værelse 1", "Delte værelser er kun til enlige voksne.")]
    public async Task MoveIn_UnitThatMayNotBeUsed_IsRefusedWithTheReason(string unitLabel, string reason)
    {
        var unit = await factory.UnitIdAsync(unitLabel);
        var household = await factory.RegisterFamilyAsync("Afvist" + unitLabel.Length);
        using var housing = await Browser.SignedInAsync(factory, "bolig");

        using var response = await housing.PostFormAsync($"/Housing/Units/{unit}?handler=MoveIn", new Dictionary<string, string>
        {
            ["HouseholdId"] = household.ToString(),
            ["MoveInOn"] = Arrivals.Iso(DateOnly.FromDateTime(DateTime.Now)),
        }, formPage: $"/Housing/Units/{unit}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(reason, WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.False(await factory.QueryAsync(db => db.Occupancies.AnyAsync(o => o.HouseholdId == household)));
    }

    [Fact]
    public async Task MoveIn_RentAboveTheCap_IsRefused()
    {
        var unit = await factory.UnitIdAsync("Lejlighed 1"); // 4,600 kr. against the single cap of 2,467 kr.
        var single = await factory.RegisterSingleAsync("Huslejeloft");
        await using var scope = factory.Services.CreateAsyncScope();

        var result = await scope.ServiceProvider.GetRequiredService<HousingMoves>().MoveInAsync(unit, single, DateOnly.FromDateTime(DateTime.Now));

        Assert.False(result.Succeeded);
        Assert.Contains("overstiger loftet", result.Error, StringComparison.Ordinal);
    }

    /// <summary>A move-in posted with the token of the unit's page the browser was shown, as the page's form sends it.</summary>
    internal static async Task<(HttpStatusCode Status, string Html)> PostMoveInAsync(Browser browser, Guid unit, Guid household, string token)
    {
        using var content = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["HouseholdId"] = household.ToString(),
            ["MoveInOn"] = Arrivals.Iso(DateOnly.FromDateTime(DateTime.Now)),
            ["__RequestVerificationToken"] = token,
        });
        using var response = await browser.Client.PostAsync(new Uri($"/Housing/Units/{unit}?handler=MoveIn", UriKind.Relative), content);
        return (response.StatusCode, WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
    }


    private Task<Guid> HouseholdAsync(string name) => factory.QueryAsync(db => db.Households.Where(h => h.Name == name).Select(h => h.Id).SingleAsync());
}

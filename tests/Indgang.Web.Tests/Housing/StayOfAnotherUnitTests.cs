using System.Net;
using Indgang.Domain.Housing;
using Indgang.Tests.Hosting;
using Indgang.Web.Features.Housing;
using Indgang.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Indgang.Web.Tests.Infrastructure.Arrivals;

namespace Indgang.Web.Tests.Housing;

/// <summary>
/// A unit's page moves its own households only (HOUSE-2): a move out, its change or calling off, or a move-in called
/// off, sent on one unit's page with the stay of a household in another unit is refused as a stay that is not there,
/// and the other household's stay stays as it was.
/// </summary>
public sealed class StayOfAnotherUnitTests(IndgangAppFactory factory) : IClassFixture<IndgangAppFactory>
{
    [Theory]
    [InlineData("MoveOut")]
    [InlineData("ChangeMoveOut")]
    [InlineData("CallOffMoveOut")]
    [InlineData("CallOffMoveIn")]
    public async Task AStayOfAnotherUnit_SentOnThisUnitsPage_IsRefused_NoOneMoves(string handler)
    {
        var (unit, _, _) = await factory.HousedSingleAsync($"Egen {handler}", $"Egenbolig{handler}", daysAgo: 10);
        var other = await OtherUnitsStayAsync(handler);
        var before = await StayAsync(other);
        using var housing = await Browser.SignedInAsync(factory, "bolig");

        using var refused = await housing.PostFormAsync($"/Housing/Units/{unit}?handler={handler}",
            new Dictionary<string, string> { ["OccupancyId"] = other.ToString(), ["MoveOutOn"] = Iso(Today.AddDays(20)), ["MoveOutTo"] = "OwnHome" },
            formPage: $"/Housing/Units/{unit}");

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains(HousingMoves.NoSuchStay, WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        var after = await StayAsync(other);
        Assert.NotNull(after);
        Assert.Equal((before!.MovedInOn, before.MovedOutOn, before.Destination), (after.MovedInOn, after.MovedOutOn, after.Destination));
    }

    /// <summary>
    /// A household housed in another unit, its stay as the handler acts on it: living there (a move out), with a move out
    /// agreed ahead (its change or calling off), or moving in ahead (a move-in called off).
    /// </summary>
    private async Task<Guid> OtherUnitsStayAsync(string handler)
    {
        if (handler == "CallOffMoveIn")
        {
            var household = await factory.RegisterSingleAsync($"Andenbolig{handler}");
            var ahead = await factory.UnitOfItsOwnAsync($"Anden {handler}");
            await factory.MovedInAsync(ahead, household, Today.AddDays(5));
            return await factory.StayOfAsync(household);
        }

        var (unit, _, stay) = await factory.HousedSingleAsync($"Anden {handler}", $"Andenbolig{handler}", daysAgo: 10);
        if (handler != "MoveOut")
        {
            using var housing = await Browser.SignedInAsync(factory, "bolig");
            using var agreed = await housing.PostFormAsync($"/Housing/Units/{unit}?handler=MoveOut",
                new Dictionary<string, string> { ["OccupancyId"] = stay.ToString(), ["MoveOutOn"] = Iso(Today.AddDays(30)), ["MoveOutTo"] = "OwnHome" },
                formPage: $"/Housing/Units/{unit}");
            Assert.Equal(HttpStatusCode.Redirect, agreed.StatusCode);
        }

        return stay;
    }

    private Task<Occupancy?> StayAsync(Guid stay) =>
        factory.QueryAsync(db => db.Occupancies.AsNoTracking().FirstOrDefaultAsync(o => o.Id == stay));
}

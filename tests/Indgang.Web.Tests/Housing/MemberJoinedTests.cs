using System.Net;
using Indgang.Tests.Hosting;
using Indgang.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Indgang.Web.Tests.Housing;

/// <summary>A member joins a household that is housed (family reunification, REC-5): its home follows (HOUSE-2).</summary>
public sealed class MemberJoinedTests(IndgangAppFactory factory) : IClassFixture<IndgangAppFactory>
{
    [Fact]
    public async Task AddMember_HouseholdInASharedRoom_TakesABedAndTellsTheHousingCoordinator()
    {
        var household = await factory.RegisterSingleAsync("Genforenet");
        var room = await factory.UnitIdAsync("Værelse 1");
        await factory.MovedInAsync(room, household, Arrivals.Today);
        var before = await factory.QueryAsync(db => db.HousingUnits.AsNoTracking().SingleAsync(u => u.Id == room));
        using var coordinator = await Browser.SignedInAsync(factory, "koordinator");

        using var added = await coordinator.PostFormAsync($"/Households/{household}/AddMember", new Dictionary<string, string>
        {
            ["Input.Members[0].FirstName"] = "Hustru",
            ["Input.Members[0].LastName"] = "Genforenet",
            ["Input.Members[0].BirthDate"] = "1992-04-01",
            ["Input.Members[0].Gender"] = "Female",
            ["Input.Members[0].Basis"] = "FamilyReunified",
            ["Input.Members[0].RelationToFirst"] = "Spouse",
            ["JoinedOn"] = Arrivals.Iso(Arrivals.Today),
            ["CprRegisteredOn"] = Arrivals.Iso(Arrivals.Today),
        });

        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        Assert.Equal(2, await factory.QueryAsync(db => db.Occupancies.Where(o => o.HouseholdId == household).Select(o => o.Beds).SingleAsync()));
        Assert.Equal(before.OccupiedBeds + 1, await factory.QueryAsync(db => db.HousingUnits.Where(u => u.Id == room).Select(u => u.OccupiedBeds).SingleAsync()));
        // A couple in a room for single adults of one gender: the housing coordinator is told to find them a home.
        var bolig = await factory.QueryAsync(db => db.Users.Where(u => u.UserName == "bolig").Select(u => u.Id).SingleAsync());
        var notice = await factory.QueryAsync(db => db.Notifications.SingleAsync(n => n.RecipientUserId == bolig && n.Link == $"/Housing/Units/{room}"));
        Assert.Contains("Solo Genforenet er nu 2 personer og bor i Værelse 1", notice.Text, StringComparison.Ordinal);
    }
}

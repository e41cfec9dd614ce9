using System.Net;
using Indgang.Tests.Hosting;
using Indgang.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Indgang.Web.Tests.Housing;

/// <summary>
/// Text longer than its column is refused beside the field, with what was typed kept: PostgreSQL would refuse to save
/// it (a server error), SQLite would save it. The lengths count the text as saved, without the spaces around it.
/// </summary>
public sealed class InputLengthTests(IndgangAppFactory factory) : IClassFixture<IndgangAppFactory>
{
    [Fact]
    public async Task CreateSite_NameOrAddressTooLong_IsRefusedBesideTheFields()
    {
        using var housing = await Browser.SignedInAsync(factory, "bolig");
        var town = await TownAsync();
        var name = new string('N', 201);
        var address = new string('A', 301);
        var before = await factory.QueryAsync(db => db.HousingSites.CountAsync());

        using var response = await housing.PostFormAsync("/Housing/Sites/Create", new Dictionary<string, string> { ["Input.Name"] = name, ["Input.Kind"] = "Pavilion", ["Input.TownId"] = town.ToString(), ["Input.Address"] = address });
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(FieldErrors.Beside("Input_Name", "Navnet må højst være 200 tegn."), html, StringComparison.Ordinal);
        Assert.Contains(FieldErrors.Beside("Input_Address", "Adressen må højst være 300 tegn."), html, StringComparison.Ordinal);
        Assert.Contains($"value=\"{name}\"", html, StringComparison.Ordinal);
        Assert.Contains($"value=\"{address}\"", html, StringComparison.Ordinal);
        Assert.Equal(before, await factory.QueryAsync(db => db.HousingSites.CountAsync()));
    }

    [Fact]
    public async Task CreateSite_NameOfTheLongestLengthWithSpacesAround_IsSaved()
    {
        using var housing = await Browser.SignedInAsync(factory, "bolig");
        var name = new string('L', 200);

        using var response = await housing.PostFormAsync("/Housing/Sites/Create", new Dictionary<string, string> { ["Input.Name"] = $"  {name}  ", ["Input.Kind"] = "Pavilion", ["Input.TownId"] = (await TownAsync()).ToString(), ["Input.Address"] = $" {new string('V', 300)} " });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.True(await factory.QueryAsync(db => db.HousingSites.AnyAsync(s => s.Name == name)));
    }

    [Fact]
    public async Task PipelineRegistration_AssociationOrWaitingListNumberTooLong_IsRefusedBesideTheFields()
    {
        var household = await factory.RegisterSingleAsync("Lang");
        using var housing = await Browser.SignedInAsync(factory, "bolig");
        var association = new string('B', 201);
        var number = new string('7', 51);

        using var response = await housing.PostFormAsync("/Housing/Pipeline?handler=Registration", new Dictionary<string, string>
        {
            ["HouseholdId"] = household.ToString(), ["Association"] = association, ["RegisteredOn"] = Arrivals.Iso(Arrivals.Today), ["WaitingListNumber"] = number,
        }, formPage: "/Housing/Pipeline");
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("id=\"Association-error\"><span class=\"sr-only\">Fejl: </span>Boligselskabets navn må højst være 200 tegn.</span>", html, StringComparison.Ordinal);
        Assert.Contains("id=\"WaitingListNumber-error\"><span class=\"sr-only\">Fejl: </span>Ventelistenummeret må højst være 50 tegn.</span>", html, StringComparison.Ordinal);
        Assert.Contains($"value=\"{association}\"", html, StringComparison.Ordinal);
        Assert.Contains($"value=\"{number}\"", html, StringComparison.Ordinal);
        Assert.False(await factory.QueryAsync(db => db.HousingRegistrations.AnyAsync(r => r.HouseholdId == household)));
    }

    [Fact]
    public async Task PipelineOffer_AddressTooLong_IsRefusedBesideTheField()
    {
        var household = await factory.RegisterSingleAsync("Langadresse");
        using var housing = await Browser.SignedInAsync(factory, "bolig");
        var address = new string('K', 301);

        using var response = await housing.PostFormAsync("/Housing/Pipeline?handler=Offer", new Dictionary<string, string>
        {
            ["OfferHouseholdId"] = household.ToString(), ["Address"] = address, ["OfferedOn"] = Arrivals.Iso(Arrivals.Today),
        }, formPage: "/Housing/Pipeline");
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("id=\"Address-error\"><span class=\"sr-only\">Fejl: </span>Adressen må højst være 300 tegn.</span>", html, StringComparison.Ordinal);
        Assert.Contains($"value=\"{address}\"", html, StringComparison.Ordinal);
        Assert.False(await factory.QueryAsync(db => db.HousingOffers.AnyAsync(o => o.HouseholdId == household)));
    }

    [Fact]
    public async Task PlacementOverride_ReasonTooLong_IsRefusedBesideTheFieldBeforeTheHouseholdMovesIn()
    {
        await factory.AddSingleRoomsAsync("Begrundelse", 2);
        var household = await factory.RegisterSingleAsync("Langbegrundelse");
        using var housing = await Browser.SignedInAsync(factory, "bolig");
        var run = await housing.RunPlacementAsync(household);
        var unit = await factory.SuggestedUnitAsync(run, household);
        Assert.NotNull(unit);
        var reason = new string('b', 1001);

        using var response = await OverrideAsync(housing, run, household, unit.Value, reason);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains($"id=\"Override-{household}-Reason-error\"><span class=\"sr-only\">Fejl: </span>Begrundelsen må højst være 1.000 tegn.</span>", html, StringComparison.Ordinal);
        Assert.Contains($"value=\"{reason}\"", html, StringComparison.Ordinal);
        Assert.False(await factory.QueryAsync(db => db.Occupancies.AnyAsync(o => o.HouseholdId == household)));
        Assert.False(await factory.QueryAsync(db => db.PlacementDecisions.AnyAsync(d => d.HouseholdId == household)));

        // The longest reason, with spaces around it, is saved (trimmed) with the move.
        var longest = new string('c', 1000);
        using var saved = await OverrideAsync(housing, run, household, unit.Value, $" {longest} ");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.True(await factory.QueryAsync(db => db.PlacementDecisions.AnyAsync(d => d.HouseholdId == household && d.Reason == longest)));
    }

    private static Task<HttpResponseMessage> OverrideAsync(Browser housing, Guid run, Guid household, Guid unit, string reason) =>
        housing.PostFormAsync($"/Housing/Placement/{run}?handler=Override",
            new Dictionary<string, string> { ["HouseholdId"] = household.ToString(), ["UnitId"] = unit.ToString(), ["Reason"] = reason }, formPage: $"/Housing/Placement/{run}");

    private Task<Guid> TownAsync() => factory.QueryAsync(db => db.Towns.Where(t => t.Name == "Lynge").Select(t => t.Id).SingleAsync());
}

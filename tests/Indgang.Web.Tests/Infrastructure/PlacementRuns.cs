using System.Net;
using System.Text.Json;
using Indgang.Domain.Housing;
using Indgang.Tests.Hosting;
using Indgang.Web.Features.Housing.Placement;
using Microsoft.EntityFrameworkCore;

namespace Indgang.Web.Tests.Infrastructure;

/// <summary>Placement runs for a test: made from the placement page as the housing coordinator does, and read back.</summary>
public static class PlacementRuns
{
    /// <summary>Runs the optimizer for the households, planned for today; the new run's id.</summary>
    public static async Task<Guid> RunPlacementAsync(this Browser housing, params Guid[] households)
    {
        var form = new List<KeyValuePair<string, string>> { new("PlanningDate", Arrivals.Iso(Arrivals.Today)) };
        form.AddRange(households.Select(h => new KeyValuePair<string, string>("Households", h.ToString())));
        using var response = await housing.PostFormAsync("/Housing/Placement", form);
        return RunIdOf(response);
    }

    /// <summary>The run a redirect leads to (/Housing/Placement/{id}).</summary>
    public static Guid RunIdOf(HttpResponseMessage redirect)
    {
        Assert.Equal(HttpStatusCode.Redirect, redirect.StatusCode);
        return Guid.Parse(redirect.Headers.Location!.OriginalString.Split('/')[^1]);
    }

    /// <summary>What the run was asked: its households, locks and exclusions.</summary>
    public static async Task<PlacementAsk> AskAsync(this IndgangAppFactory factory, Guid run) =>
        JsonSerializer.Deserialize<PlacementAsk>(
            await factory.QueryAsync(db => db.PlacementRuns.Where(r => r.Id == run).Select(r => r.RequestJson).SingleAsync()), PlacementRunner.Json)!;

    public static async Task<PlacementOutcome> OutcomeAsync(this IndgangAppFactory factory, Guid run) =>
        JsonSerializer.Deserialize<PlacementOutcome>(
            await factory.QueryAsync(db => db.PlacementRuns.Where(r => r.Id == run).Select(r => r.ResultJson).SingleAsync()), PlacementRunner.Json)!;

    /// <summary>The unit the optimizer suggests for the household in the run, or null.</summary>
    public static async Task<Guid?> SuggestedUnitAsync(this IndgangAppFactory factory, Guid run, Guid household) =>
        (await factory.OutcomeAsync(run)).Optimized.Suggestions.SingleOrDefault(s => s.HouseholdId == household.ToString()) is { } suggestion
            ? Guid.Parse(suggestion.UnitId)
            : null;

    /// <summary>
    /// A pair posted from the run page, by its handler: a lock, an exclusion, or one taken off again (Lock, Exclude, Unlock,
    /// Include); the answer is the new run's redirect, or the page refused.
    /// </summary>
    public static Task<HttpResponseMessage> PostPairAsync(this Browser housing, Guid run, string handler, Guid household, Guid unit) =>
        housing.PostFormAsync($"/Housing/Placement/{run}?handler={handler}",
            new Dictionary<string, string> { ["HouseholdId"] = household.ToString(), ["UnitId"] = unit.ToString() }, formPage: $"/Housing/Placement/{run}");

    /// <summary>The household's name, as the pages show it.</summary>
    public static Task<string> HouseholdNameAsync(this IndgangAppFactory factory, Guid household) =>
        factory.QueryAsync(db => db.Households.Where(h => h.Id == household).Select(h => h.Name).SingleAsync());

    /// <summary>Rooms of their own a single adult fits (under the rent cap, free since yesterday), so a test does not depend on the demo stock.</summary>
    public static Task<int> AddSingleRoomsAsync(this IndgangAppFactory factory, string label, int count) => factory.QueryAsync(async db =>
    {
        var site = await db.SomeSiteIdAsync();
        db.HousingUnits.AddRange(Enumerable.Range(1, count).Select(i =>
            new HousingUnit(site, $"{label} {i}", 1, 1, 1800m) { AvailableFrom = Arrivals.Today.AddDays(-1), SchoolMetres = 500 }));
        return await db.SaveChangesAsync();
    });
}

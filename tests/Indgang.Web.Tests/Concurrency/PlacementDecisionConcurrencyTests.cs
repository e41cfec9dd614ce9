using System.Net;
using Indgang.Tests.Hosting;
using Indgang.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Indgang.Web.Tests.Concurrency;

/// <summary>
/// A run's suggestion decided twice at the same moment (a double click on Godkend, or one accepts while another
/// overrides): the household gets one decision, one home and one set of move-in tasks; the other is told in Danish
/// that it has just been placed; never an error page.
/// </summary>
public sealed class PlacementDecisionConcurrencyTests(IndgangAppFactory factory) : IClassFixture<IndgangAppFactory>
{
    [Fact]
    public async Task SuggestionAcceptedTwiceAtOnce_OneDecisionOneHome()
    {
        var (run, household, suggested, _) = await RunAsync("Dobbeltgodkend");
        using var a = await Browser.SignedInAsync(factory, "bolig");
        var form = await OpenedForm.OpenAsync(a, $"/Housing/Placement/{run}", $"/Housing/Placement/{run}?handler=Accept");
        var accept = new Dictionary<string, string> { ["Accept"] = household.ToString() };

        var results = await Task.WhenAll(form.PostAsync(accept), form.PostAsync(accept));

        await AssertPlacedOnceAsync(results, run, household, [suggested]);
    }

    [Fact]
    public async Task AcceptedAndOverriddenAtOnce_OneDecisionOneHome()
    {
        var (run, household, suggested, other) = await RunAsync("Godkendtilsidesæt");
        using var a = await Browser.SignedInAsync(factory, "bolig");
        using var b = await Browser.SignedInAsync(factory, "bolig");
        var accept = await OpenedForm.OpenAsync(a, $"/Housing/Placement/{run}", $"/Housing/Placement/{run}?handler=Accept");
        var overrule = await OpenedForm.OpenAsync(b, $"/Housing/Placement/{run}", $"/Housing/Placement/{run}?handler=Override");

        var results = await Task.WhenAll(
            accept.PostAsync(new Dictionary<string, string> { ["Accept"] = household.ToString() }),
            overrule.PostAsync(new Dictionary<string, string> { ["HouseholdId"] = household.ToString(), ["UnitId"] = other.ToString(), ["Reason"] = "Tættere på skolen" }));

        await AssertPlacedOnceAsync(results, run, household, [suggested, other]);
    }

    [Fact]
    public async Task OverriddenFromAPageOpenedBeforeItWasAccepted_ToldItIsPlaced_NoSecondDecision()
    {
        var (run, household, suggested, other) = await RunAsync("Tilsidesætsent");
        using var a = await Browser.SignedInAsync(factory, "bolig");
        using var b = await Browser.SignedInAsync(factory, "bolig");
        var overrule = await OpenedForm.OpenAsync(b, $"/Housing/Placement/{run}", $"/Housing/Placement/{run}?handler=Override");
        var accepted = await (await OpenedForm.OpenAsync(a, $"/Housing/Placement/{run}", $"/Housing/Placement/{run}?handler=Accept"))
            .PostAsync(new Dictionary<string, string> { ["Accept"] = household.ToString() });
        Assert.Equal(HttpStatusCode.Redirect, accepted.Status);

        var late = await overrule.PostAsync(new Dictionary<string, string> { ["HouseholdId"] = household.ToString(), ["UnitId"] = other.ToString(), ["Reason"] = "Tættere på skolen" });

        Assert.Equal(HttpStatusCode.OK, late.Status);
        await AssertPlacedOnceAsync([accepted, late], run, household, [suggested]);
    }

    private async Task AssertPlacedOnceAsync((HttpStatusCode Status, string Html)[] results, Guid run, Guid household, Guid[] units)
    {
        Assert.All(results, r => Assert.NotEqual(HttpStatusCode.InternalServerError, r.Status));
        var decisions = await factory.QueryAsync(db => db.PlacementDecisions.Where(d => d.RunId == run && d.HouseholdId == household).Select(d => d.UnitId).ToListAsync());
        var stays = await factory.QueryAsync(db => db.Occupancies.Where(o => o.HouseholdId == household).Select(o => o.UnitId).ToListAsync());
        Assert.Equal(Assert.Single(decisions), Assert.Single(stays));
        Assert.Contains(stays[0], units);
        var moveInTasks = await factory.QueryAsync(db => db.Tasks.Where(t => t.HouseholdId == household).GroupBy(t => t.Type).Select(g => g.Count()).ToListAsync());
        Assert.All(moveInTasks, count => Assert.Equal(1, count));
        // The one refused (if it came while the other was saving) is told the household has just been placed.
        Assert.All(results.Where(r => r.Status == HttpStatusCode.OK), r => Assert.Contains("er lige blevet placeret af en anden. Se beslutningen nedenfor.", r.Html, StringComparison.Ordinal));
    }

    /// <summary>A run for one single adult with rooms of its own to choose from: the run, the household, its suggestion and another room.</summary>
    private async Task<(Guid Run, Guid Household, Guid Suggested, Guid Other)> RunAsync(string label)
    {
        await factory.AddSingleRoomsAsync(label, 2);
        var household = await factory.RegisterSingleAsync(label);
        using var housing = await Browser.SignedInAsync(factory, "bolig");
        var run = await housing.RunPlacementAsync(household);
        var suggested = await factory.SuggestedUnitAsync(run, household);
        Assert.NotNull(suggested);
        var rooms = new[] { await factory.UnitIdAsync($"{label} 1"), await factory.UnitIdAsync($"{label} 2") };
        return (run, household, suggested.Value, rooms.First(r => r != suggested.Value));
    }
}

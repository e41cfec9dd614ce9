using System.Globalization;
using System.Net;
using Indgang.Placement;
using Indgang.Tests.Hosting;
using Indgang.Web.Features.Housing.Placement;
using Indgang.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Indgang.Web.Tests.Housing;

/// <summary>"Tidligere kørsler" on the placement page: earlier runs found again, with what was decided in each.</summary>
public sealed class PlacementHistoryTests(IndgangAppFactory factory) : IClassFixture<IndgangAppFactory>
{
    private const string Hanne = "Hanne Friis";
    private static readonly CultureInfo Danish = CultureInfo.GetCultureInfo("da-DK");

    [Fact]
    public async Task NewRun_IsListedWithWhenByWhomItsDayAndHouseholdsAndItsResult_NothingDecidedYet()
    {
        await factory.AddSingleRoomsAsync("Historik", 3);
        var first = await factory.RegisterSingleAsync("Historikførst");
        var second = await factory.RegisterSingleAsync("Historiksidst");
        using var housing = await Browser.SignedInAsync(factory, "bolig");
        var run = await housing.RunPlacementAsync(first, second);
        var stored = await factory.QueryAsync(db => db.PlacementRuns.SingleAsync(r => r.Id == run));
        var plan = (await factory.OutcomeAsync(run)).Optimized;

        var html = await housing.GetPageAsync("/Housing/Placement");

        Assert.Equal(run, EarlierRunsList.Runs(html)[0]);
        Assert.Equal($"/Housing/Placement/{run}", EarlierRunsList.Link(html, run));
        Assert.Equal(
            [stored.CreatedAt.ToLocalTime().ToString("g", Danish), Hanne, Arrivals.Today.ToString("d", Danish), "2", ResultText(plan), "0", "0", $"{plan.Suggestions.Count}"],
            EarlierRunsList.Row(html, run));
        Assert.Equal(2, plan.Suggestions.Count);
        // Counted, not named: the list reads no person data.
        var section = EarlierRunsList.Section(html);
        Assert.DoesNotContain("Historikførst", section, StringComparison.Ordinal);
        Assert.DoesNotContain("Historiksidst", section, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AcceptOneAndOverrideAnother_TheListsCountsAndTheRunPagesDecisionLinesChange()
    {
        await factory.AddSingleRoomsAsync("Beslutning", 4);
        var accepted = await factory.RegisterSingleAsync("Godkendes");
        var overridden = await factory.RegisterSingleAsync("Tilsidesættes");
        var open = await factory.RegisterSingleAsync("Venter");
        using var housing = await Browser.SignedInAsync(factory, "bolig");
        var run = await housing.RunPlacementAsync(accepted, overridden, open);
        var plan = (await factory.OutcomeAsync(run)).Optimized;
        Assert.Equal(3, plan.Suggestions.Count);
        var before = await housing.GetPageAsync($"/Housing/Placement/{run}");
        Assert.Empty(EarlierRunsList.DecisionLines(before, accepted));

        using (var response = await housing.PostFormAsync($"/Housing/Placement/{run}?handler=Accept", new Dictionary<string, string> { ["Accept"] = accepted.ToString() }, formPage: $"/Housing/Placement/{run}"))
        {
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        }

        // Placed instead in the one room of the test's four that the plan left free.
        var suggested = plan.Suggestions.Select(s => Guid.Parse(s.UnitId)).ToList();
        var instead = await factory.QueryAsync(db => db.HousingUnits.Where(u => u.Label.StartsWith("Beslutning ") && !suggested.Contains(u.Id))
            .OrderBy(u => u.Label).Select(u => new { u.Id, u.Label }).FirstAsync());
        const string Reason = "Vil bo tæt på sin søster";
        using (var response = await housing.PostFormAsync($"/Housing/Placement/{run}?handler=Override",
            new Dictionary<string, string> { ["HouseholdId"] = overridden.ToString(), ["UnitId"] = instead.Id.ToString(), ["Reason"] = Reason }, formPage: $"/Housing/Placement/{run}"))
        {
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        }

        var list = await housing.GetPageAsync("/Housing/Placement");
        Assert.Equal(["1", "1", "1"], EarlierRunsList.Row(list, run)!.Skip(5));

        var page = await housing.GetPageAsync($"/Housing/Placement/{run}");
        var decisions = await factory.QueryAsync(db => db.PlacementDecisions.Where(d => d.RunId == run).ToDictionaryAsync(d => d.HouseholdId));
        string Decided(Guid household) => $"Besluttet af {Hanne}, {decisions[household].DecidedAt.ToLocalTime().ToString("g", Danish)}";
        Assert.Equal([$"Godkendt {Decided(accepted)}"], EarlierRunsList.DecisionLines(page, accepted));
        var overrideLines = EarlierRunsList.DecisionLines(page, overridden);
        Assert.Equal(3, overrideLines.Count);
        Assert.Equal($"Tilsidesat {Decided(overridden)}", overrideLines[0]);
        Assert.StartsWith($"Placeret i {instead.Label}, ", overrideLines[1], StringComparison.Ordinal);
        Assert.Equal($"Begrundelse: {Reason}", overrideLines[2]);
        Assert.Empty(EarlierRunsList.DecisionLines(page, open));
    }

    [Fact]
    public async Task MoreRunsThanShown_ListsTheNewestTwentyAndSaysHowManyThereAre()
    {
        await factory.AddSingleRoomsAsync("Mange", 1);
        var single = await factory.RegisterSingleAsync("Mangekørsler");
        using var housing = await Browser.SignedInAsync(factory, "bolig");
        var newest = await housing.RunPlacementAsync(single);
        // Older runs than every other in the test's database, as if made on the days before.
        var older = await factory.QueryAsync(async db =>
        {
            var run = await db.PlacementRuns.SingleAsync(r => r.Id == newest);
            var copies = Enumerable.Range(1, PlacementRunHistory.Shown + 1)
                .Select(days => new PlacementRun("bolig", run.CreatedAt.AddDays(-days), run.PlanningDate, run.RequestJson, run.ResultJson)).ToList();
            db.PlacementRuns.AddRange(copies);
            await db.SaveChangesAsync();
            return copies;
        });
        var total = await factory.QueryAsync(db => db.PlacementRuns.CountAsync());

        var html = await housing.GetPageAsync("/Housing/Placement");

        var listed = EarlierRunsList.Runs(html);
        Assert.Equal(PlacementRunHistory.Shown, listed.Count);
        Assert.Equal(newest, listed[0]);
        Assert.DoesNotContain(older[^1].Id, listed);
        Assert.Contains($"Viser de 20 nyeste af {total} kørsler.", EarlierRunsList.Section(html), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("koordinator")]
    [InlineData("leder")]
    [InlineData("sekretariat")]
    public async Task OtherRole_IsRefusedTheListAndTheRunPage(string userName)
    {
        using var housing = await Browser.SignedInAsync(factory, "bolig");
        var run = await housing.RunPlacementAsync(await factory.RegisterSingleAsync($"Adgang{userName}"));
        using var other = await Browser.SignedInAsync(factory, userName);

        using var list = await other.GetAsync("/Housing/Placement");
        using var page = await other.GetAsync($"/Housing/Placement/{run}");

        Assert.Equal(HttpStatusCode.Forbidden, list.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, page.StatusCode);
        Assert.DoesNotContain(run.ToString(), await list.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static string ResultText(PlacementResult plan) => plan.Status switch
    {
        SolveStatus.Optimal => "Bevist optimal plan",
        SolveStatus.Feasible => $"Afstand til bedst mulige: {plan.Gap.ToString("P2", Danish)}",
        _ => throw new InvalidOperationException($"The run found no plan: {plan.Status}"),
    };
}

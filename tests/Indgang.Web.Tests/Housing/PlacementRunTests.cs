using System.Net;
using System.Text.RegularExpressions;
using Indgang.Domain.Audit;
using Indgang.Tests.Hosting;
using Indgang.Web.Features.Housing.Placement;
using Indgang.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Indgang.Web.Tests.Housing;

/// <summary>A run's page: re-runs after acceptances, the reads it shows, and refused approvals.</summary>
public sealed class PlacementRunTests(IndgangAppFactory factory) : IClassFixture<IndgangAppFactory>
{
    [Fact]
    public async Task Rerun_AfterAnAcceptance_PlansOnlyTheHouseholdsStillWaitingWithTheirLocksAndExclusions()
    {
        await factory.AddSingleRoomsAsync("Genkørsel", 4);
        var first = await factory.RegisterSingleAsync("Genkørselen");
        var second = await factory.RegisterSingleAsync("Genkørslen");
        using var housing = await Browser.SignedInAsync(factory, "bolig");
        var run = await housing.RunPlacementAsync(first, second);
        var firstUnit = await factory.SuggestedUnitAsync(run, first);
        Assert.NotNull(firstUnit);

        // The first is locked to its unit (a re-run), then accepted from that run: it moves in.
        using var locked = await PostAsync(housing, run, "Lock", first, firstUnit.Value);
        var lockedRun = PlacementRuns.RunIdOf(locked);
        Assert.Equal([new PairChoice(first, firstUnit.Value)], (await factory.AskAsync(lockedRun)).Locks);
        using (var accepted = await housing.PostFormAsync($"/Housing/Placement/{lockedRun}?handler=Accept", new Dictionary<string, string> { ["Accept"] = first.ToString() }, formPage: $"/Housing/Placement/{lockedRun}"))
        {
            Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        }

        // Excluding the second's suggestion re-runs for the second alone: the first has a home, and its lock goes with it.
        var excludedUnit = await factory.SuggestedUnitAsync(lockedRun, second) ?? firstUnit.Value;
        using var excluded = await PostAsync(housing, lockedRun, "Exclude", second, excludedUnit);
        var next = PlacementRuns.RunIdOf(excluded);
        var ask = await factory.AskAsync(next);

        Assert.Equal([second], ask.Households);
        Assert.Empty(ask.Locks);
        Assert.Equal([new PairChoice(second, excludedUnit)], ask.Exclusions);
        var outcome = await factory.OutcomeAsync(next);
        Assert.DoesNotContain(outcome.Optimized.Suggestions, s => s.HouseholdId == first.ToString());
        Assert.DoesNotContain(first.ToString(), outcome.Optimized.Unhoused);

        // Locking the moved-in household's old suggestion is refused with the reason, not re-run.
        using var refused = await PostAsync(housing, lockedRun, "Lock", first, firstUnit.Value);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains($"{await NameAsync(first)} venter ikke længere på en bolig, så forslaget kan ikke låses eller udelukkes.",
            WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ViewingARun_ReadsEachHouseholdShownInTheAuditLog()
    {
        await factory.AddSingleRoomsAsync("Revision", 2);
        var first = await factory.RegisterSingleAsync("Læstførst");
        var second = await factory.RegisterSingleAsync("Læstsidst");
        using var housing = await Browser.SignedInAsync(factory, "bolig");
        var run = await housing.RunPlacementAsync(first, second);
        var before = await ReadsAsync(first, second);

        var page = WebUtility.HtmlDecode(await housing.GetPageAsync($"/Housing/Placement/{run}"));

        Assert.Contains(await NameAsync(first), page, StringComparison.Ordinal);
        Assert.Equal([before[0] + 1, before[1] + 1], await ReadsAsync(first, second));
        Assert.True(await factory.QueryAsync(db => db.AuditEntries.AnyAsync(e =>
            e.Action == AuditAction.HouseholdRead && e.SubjectPersonId == null && e.Details == $"Husstand {first:D}" && e.Purpose == "Boligplacering: forslag" && e.Actor == "bolig")));
    }

    [Fact]
    public async Task AcceptSeveral_EachRefusalShowsBesideItsHouseholdsCheckboxAndInTheSummary()
    {
        await factory.AddSingleRoomsAsync("Afvist", 4);
        var first = await factory.RegisterSingleAsync("Afvistførst");
        var second = await factory.RegisterSingleAsync("Afvistsidst");
        using var housing = await Browser.SignedInAsync(factory, "bolig");
        var run = await housing.RunPlacementAsync(first, second);
        // Both moved in elsewhere after the run: accepting their suggestions is refused for each.
        foreach (var household in new[] { first, second })
        {
            var unit = await factory.SuggestedUnitAsync(run, household);
            Assert.NotNull(unit);
            await factory.MovedInAsync(unit.Value, household, Arrivals.Today);
        }

        using var response = await housing.PostFormAsync($"/Housing/Placement/{run}?handler=Accept",
            [new("Accept", first.ToString()), new("Accept", second.ToString())], formPage: $"/Housing/Placement/{run}");
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        foreach (var household in new[] { first, second })
        {
            var message = $"{await NameAsync(household)}: Husstanden bor allerede i en bolig. Registrér fraflytningen først.";
            // In the summary, linking to the household's checkbox …
            Assert.Contains($"<a class=\"function-link\" href=\"#Accept-{household}\">{message}</a>", html, StringComparison.Ordinal);
            // … and beside it, which it describes; the tick stays.
            Assert.Contains($"<span class=\"form-error-message\" id=\"Accept-{household}-error\"><span class=\"sr-only\">Fejl: </span>{message}</span>", html, StringComparison.Ordinal);
            var checkbox = Regex.Match(html, $"<input [^>]*id=\"Accept-{household}\"[^>]*>").Value;
            Assert.Contains($"aria-describedby=\"Accept-{household}-error\"", checkbox, StringComparison.Ordinal);
            Assert.Contains("aria-invalid=\"true\"", checkbox, StringComparison.Ordinal);
            Assert.Contains("checked=\"checked\"", checkbox, StringComparison.Ordinal);
        }

        Assert.False(await factory.QueryAsync(db => db.PlacementDecisions.AnyAsync(d => d.RunId == run)));
    }

    private static Task<HttpResponseMessage> PostAsync(Browser housing, Guid run, string handler, Guid household, Guid unit, string? reason = null)
    {
        var form = new Dictionary<string, string> { ["HouseholdId"] = household.ToString(), ["UnitId"] = unit.ToString() };
        if (reason is not null)
        {
            form["Reason"] = reason;
        }

        return housing.PostFormAsync($"/Housing/Placement/{run}?handler={handler}", form, formPage: $"/Housing/Placement/{run}");
    }

    private Task<string> NameAsync(Guid household) => factory.QueryAsync(db => db.Households.Where(h => h.Id == household).Select(h => h.Name).SingleAsync());

    private async Task<int[]> ReadsAsync(params Guid[] households)
    {
        var counts = new List<int>();
        foreach (var household in households)
        {
            counts.Add(await factory.QueryAsync(db => db.AuditEntries.CountAsync(e => e.Action == AuditAction.HouseholdRead && e.Details == $"Husstand {household:D}")));
        }

        return [.. counts];
    }
}

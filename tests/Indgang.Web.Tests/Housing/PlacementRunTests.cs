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
        Assert.Contains($"{await factory.HouseholdNameAsync(first)} venter ikke længere på en bolig, så forslaget kan ikke låses eller udelukkes.",
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

        Assert.Contains(await factory.HouseholdNameAsync(first), page, StringComparison.Ordinal);
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
        // Both suggested units given to others after the run: accepting the suggestions is refused for each.
        foreach (var household in new[] { first, second })
        {
            var unit = await factory.SuggestedUnitAsync(run, household);
            Assert.NotNull(unit);
            await factory.MovedInAsync(unit.Value, await factory.RegisterSingleAsync(household == first ? "Afvistandenførst" : "Afvistandensidst"), Arrivals.Today);
        }

        using var response = await housing.PostFormAsync($"/Housing/Placement/{run}?handler=Accept",
            [new("Accept", first.ToString()), new("Accept", second.ToString())], formPage: $"/Housing/Placement/{run}");
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        foreach (var household in new[] { first, second })
        {
            var message = $"{await factory.HouseholdNameAsync(household)}: Boligen er givet til en anden husstand, som bor der eller skal flytte ind.";
            // In the summary, linking to the household's checkbox …
            Assert.Contains(FieldErrors.InTheSummary($"Accept-{household}", message), html, StringComparison.Ordinal);
            // … and beside it, which it describes; the tick stays.
            Assert.Contains(FieldErrors.Beside($"Accept-{household}", message), html, StringComparison.Ordinal);
            var checkbox = Regex.Match(html, $"<input [^>]*id=\"Accept-{household}\"[^>]*>").Value;
            Assert.Contains($"aria-describedby=\"Accept-{household}-error\"", checkbox, StringComparison.Ordinal);
            Assert.Contains("aria-invalid=\"true\"", checkbox, StringComparison.Ordinal);
            Assert.Contains("checked=\"checked\"", checkbox, StringComparison.Ordinal);
        }

        Assert.False(await factory.QueryAsync(db => db.PlacementDecisions.AnyAsync(d => d.RunId == run)));
    }

    [Fact]
    public async Task AcceptFromAPageOpenedBeforeAnotherDecided_ToldWhichWereAlreadyPlaced_NothingChanged()
    {
        await factory.AddSingleRoomsAsync("Allerede", 4);
        var first = await factory.RegisterSingleAsync("Alleredeførst");
        var second = await factory.RegisterSingleAsync("Alleredesidst");
        using var housing = await Browser.SignedInAsync(factory, "bolig");
        using var other = await Browser.SignedInAsync(factory, "bolig");
        var run = await housing.RunPlacementAsync(first, second);
        var stale = await OpenedForm.OpenAsync(housing, $"/Housing/Placement/{run}", $"/Housing/Placement/{run}?handler=Accept");
        // Meanwhile another accepts one suggestion and overrides the other.
        using (var accepted = await other.PostFormAsync($"/Housing/Placement/{run}?handler=Accept", new Dictionary<string, string> { ["Accept"] = first.ToString() }, formPage: $"/Housing/Placement/{run}"))
        {
            Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        }

        var otherUnit = await OtherFreeRoomAsync("Allerede", run);
        using (var overridden = await PostAsync(other, run, "Override", second, otherUnit, "Tæt på sin bror"))
        {
            Assert.Equal(HttpStatusCode.Redirect, overridden.StatusCode);
        }

        var decisions = await factory.QueryAsync(db => db.PlacementDecisions.Where(d => d.RunId == run).OrderBy(d => d.HouseholdId).Select(d => d.Id).ToListAsync());

        var late = await stale.PostAsync([new("Accept", first.ToString()), new("Accept", second.ToString())]);

        Assert.Equal(HttpStatusCode.OK, late.Status);
        foreach (var household in new[] { first, second })
        {
            var message = $"{await factory.HouseholdNameAsync(household)} er lige blevet placeret af en anden. Se beslutningen nedenfor.";
            // In the summary, linking to the message beside the household's decision, where it is said again.
            Assert.Contains(FieldErrors.InTheSummary($"Decided-{household}", message), late.Html, StringComparison.Ordinal);
            Assert.Contains($"<span class=\"form-error-message\" id=\"Decided-{household}\" tabindex=\"-1\"><span class=\"sr-only\">Fejl: </span>{message}</span>", late.Html, StringComparison.Ordinal);
        }

        Assert.Equal(decisions, await factory.QueryAsync(db => db.PlacementDecisions.Where(d => d.RunId == run).OrderBy(d => d.HouseholdId).Select(d => d.Id).ToListAsync()));
        Assert.Equal(otherUnit, await factory.QueryAsync(db => db.Occupancies.Where(o => o.HouseholdId == second).Select(o => o.UnitId).SingleAsync()));
    }

    [Fact]
    public async Task AcceptTwo_OneDecidedMeanwhile_TheOtherIsPlaced_TheFirstIsToldAboutBoth()
    {
        await factory.AddSingleRoomsAsync("Halvt", 4);
        var first = await factory.RegisterSingleAsync("Halvtførst");
        var second = await factory.RegisterSingleAsync("Halvtsidst");
        using var housing = await Browser.SignedInAsync(factory, "bolig");
        using var other = await Browser.SignedInAsync(factory, "bolig");
        var run = await housing.RunPlacementAsync(first, second);
        var stale = await OpenedForm.OpenAsync(housing, $"/Housing/Placement/{run}", $"/Housing/Placement/{run}?handler=Accept");
        using (var accepted = await other.PostFormAsync($"/Housing/Placement/{run}?handler=Accept", new Dictionary<string, string> { ["Accept"] = first.ToString() }, formPage: $"/Housing/Placement/{run}"))
        {
            Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        }

        var late = await stale.PostAsync([new("Accept", first.ToString()), new("Accept", second.ToString())]);

        Assert.Equal(HttpStatusCode.OK, late.Status);
        Assert.Contains($"<a class=\"function-link\" href=\"#Decided-{first}\">{await factory.HouseholdNameAsync(first)} er lige blevet placeret af en anden. Se beslutningen nedenfor.</a>", late.Html, StringComparison.Ordinal);
        Assert.Contains($"<p class=\"alert-text\">{await factory.HouseholdNameAsync(second)} er placeret.</p>", late.Html, StringComparison.Ordinal);
        Assert.Equal(2, await factory.QueryAsync(db => db.PlacementDecisions.CountAsync(d => d.RunId == run)));
        Assert.True(await factory.QueryAsync(db => db.Occupancies.AnyAsync(o => o.HouseholdId == second)));
    }

    [Fact]
    public async Task AcceptNothingTicked_ErrorInTheSummaryAndBesideTheSuggestions_NothingChanged()
    {
        await factory.AddSingleRoomsAsync("Intet", 2);
        var household = await factory.RegisterSingleAsync("Intetvalgt");
        using var housing = await Browser.SignedInAsync(factory, "bolig");
        var run = await housing.RunPlacementAsync(household);

        var response = await (await OpenedForm.OpenAsync(housing, $"/Housing/Placement/{run}", $"/Housing/Placement/{run}?handler=Accept")).PostAsync([]);

        Assert.Equal(HttpStatusCode.OK, response.Status);
        const string Message = "Vælg de forslag, du vil godkende.";
        Assert.Contains(FieldErrors.InTheSummary("Accept", Message), response.Html, StringComparison.Ordinal);
        Assert.Contains(FieldErrors.Beside("Accept", Message), response.Html, StringComparison.Ordinal);
        Assert.False(await factory.QueryAsync(db => db.PlacementDecisions.AnyAsync(d => d.RunId == run)));
    }

    [Fact]
    public async Task OverrideFromAPageOpenedBeforeAnotherDecided_ToldBesideTheDecision_NothingChanged()
    {
        await factory.AddSingleRoomsAsync("Sentilsidesat", 3);
        var household = await factory.RegisterSingleAsync("Sentilsidesat");
        using var housing = await Browser.SignedInAsync(factory, "bolig");
        using var other = await Browser.SignedInAsync(factory, "bolig");
        var run = await housing.RunPlacementAsync(household);
        var stale = await OpenedForm.OpenAsync(housing, $"/Housing/Placement/{run}", $"/Housing/Placement/{run}?handler=Override");
        using (var accepted = await other.PostFormAsync($"/Housing/Placement/{run}?handler=Accept", new Dictionary<string, string> { ["Accept"] = household.ToString() }, formPage: $"/Housing/Placement/{run}"))
        {
            Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        }

        var late = await stale.PostAsync(new Dictionary<string, string>
        {
            ["HouseholdId"] = household.ToString(), ["UnitId"] = (await OtherFreeRoomAsync("Sentilsidesat", run)).ToString(), ["Reason"] = "Tæt på skolen",
        });

        Assert.Equal(HttpStatusCode.OK, late.Status);
        var message = $"{await factory.HouseholdNameAsync(household)} er lige blevet placeret af en anden. Se beslutningen nedenfor.";
        Assert.Contains(FieldErrors.InTheSummary($"Decided-{household}", message), late.Html, StringComparison.Ordinal);
        Assert.Contains($"id=\"Decided-{household}\" tabindex=\"-1\"><span class=\"sr-only\">Fejl: </span>{message}</span>", late.Html, StringComparison.Ordinal);
        Assert.Equal(PlacementDecisionKind.Accepted, await factory.QueryAsync(db => db.PlacementDecisions.Where(d => d.RunId == run).Select(d => d.Kind).SingleAsync()));
    }

    /// <summary>A room of the label's that no suggestion of the run takes.</summary>
    private async Task<Guid> OtherFreeRoomAsync(string label, Guid run)
    {
        var suggested = (await factory.OutcomeAsync(run)).Optimized.Suggestions.Select(s => Guid.Parse(s.UnitId)).ToHashSet();
        var rooms = await factory.QueryAsync(db => db.HousingUnits.Where(u => u.Label.StartsWith(label + " ")).OrderBy(u => u.Label).Select(u => u.Id).ToListAsync());
        return rooms.First(r => !suggested.Contains(r));
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

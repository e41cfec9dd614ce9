using System.Globalization;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Indgang.Domain.Reception;
using Indgang.Domain.Tasks;
using Indgang.Tests.Hosting;
using Indgang.Web.DemoData;
using Indgang.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Indgang.Web.Tests.DemoData;

/// <summary>
/// The demo's households that have moved on from temporary housing to a permanent home, as the housing coordinator
/// meets them: the forecast learns the typical stay from them, the pipeline shows their moves, and their units are free.
/// </summary>
public sealed class DemoFormerResidentTests(IndgangAppFactory factory) : IClassFixture<IndgangAppFactory>
{
    private static readonly HtmlParser Parser = new();
    private static readonly CultureInfo Danish = CultureInfo.GetCultureInfo("da-DK");

    [Fact]
    public async Task FreshDemo_Forecast_KnowsTheTypicalStay_AndExpectsTheResidentCoupleToMoveOutInItsMonth()
    {
        using var housing = await Browser.SignedInAsync(factory, "bolig");
        var page = await Parser.ParseDocumentAsync(await housing.GetPageAsync("/Housing/Forecast"));

        // The stays that ended lasted 220, 300 and 420 days, and the couple's is at 130 so far: one of the three
        // ended on day 220 (S = 2/3), one of the two left on day 300 (S = 1/3). The typical stay is 300 days, and the
        // couple, who have stayed shorter than any that ended, are expected to stay that long in all.
        Assert.Contains("typisk opholdstid: 300 dage", Squeezed(page.Body!.TextContent), StringComparison.Ordinal);
        var expectedOut = Arrivals.Today.AddDays(-DemoResident.ArrivedDaysAgo + 300);
        var moveOuts = page.QuerySelectorAll("table.forecast-table tbody tr")
            .ToDictionary(r => r.QuerySelector("th")!.TextContent.Trim(), r => int.Parse(r.QuerySelectorAll("td")[1].TextContent, CultureInfo.InvariantCulture));
        Assert.Equal(12, moveOuts.Count);
        var month = expectedOut.ToString("MMMM yyyy", Danish);
        Assert.Equal(2, moveOuts[month]);
        // Nobody else moves out before those who arrive from today on have stayed the 300 days; from then on the
        // arrivals (registered and of the quota) move out too.
        var arrivalsOut = Arrivals.Today.AddDays(300);
        var months = Enumerable.Range(0, 12).Select(i => new DateOnly(Arrivals.Today.Year, Arrivals.Today.Month, 1).AddMonths(i)).ToList();
        var before = months.Where(m => m < new DateOnly(arrivalsOut.Year, arrivalsOut.Month, 1)).Select(m => m.ToString("MMMM yyyy", Danish)).ToList();
        Assert.Contains(month, before);
        Assert.All(before.Where(m => m != month), m => Assert.Equal(0, moveOuts[m]));
        Assert.True(moveOuts.Where(m => !before.Contains(m.Key)).Sum(m => m.Value) > 0, "the arrivals move out after the typical stay");
    }

    [Fact]
    public async Task FreshDemo_Pipeline_ShowsTheFormerResidentsMovesToAPermanentHome_AndTheCouplesOfferAwaitingAnAnswer()
    {
        var today = Arrivals.Today;
        using var housing = await Browser.SignedInAsync(factory, "bolig");
        var page = await Parser.ParseDocumentAsync(await housing.GetPageAsync("/Housing/Pipeline"));

        Assert.NotEmpty(DemoFormerResidents.All);
        foreach (var former in DemoFormerResidents.All)
        {
            var row = Row(page, former.Name);
            var text = Squeezed(row.TextContent);
            Assert.StartsWith($"{former.Name} ({former.Members.Count})", text, StringComparison.Ordinal);
            Assert.DoesNotContain("bor midlertidigt", text, StringComparison.Ordinal);
            Assert.Equal(former.StayDays.ToString(CultureInfo.InvariantCulture), row.QuerySelectorAll("td")[1].TextContent.Trim());
            Assert.Contains($"{former.Association}, {Short(today.AddDays(-former.ListedDaysAgo))}, nr. {former.WaitingListNumber}", text, StringComparison.Ordinal);
            var moved = today.AddDays(-former.MovedOutDaysAgo);
            Assert.Contains($"{former.Accepted.Address} ({Short(moved.AddDays(-former.Accepted.DaysBeforeMove))}): accepteret, flytter {Short(moved)}", text, StringComparison.Ordinal);
            if (former.Declined is { } declined)
            {
                Assert.Contains($"{declined.Address} ({Short(moved.AddDays(-declined.DaysBeforeMove))}): afslået", text, StringComparison.Ordinal);
            }

            // The move has happened: nothing is left to answer, change or undo, and the household is listed apart.
            Assert.Empty(row.QuerySelectorAll("form"));
            Assert.Equal("pipeline-moved", row.Closest("table")!.GetAttribute("aria-labelledby"));
        }

        Assert.Equal("Flyttet til en permanent bolig", page.GetElementById("pipeline-moved")!.TextContent);
        Assert.Equal(DemoFormerResidents.All.Count, page.QuerySelectorAll("table[aria-labelledby='pipeline-moved'] tbody tr").Length);

        var couple = Row(page, DemoResident.Name);
        Assert.Equal("pipeline-underway", couple.Closest("table")!.GetAttribute("aria-labelledby"));
        Assert.Contains($"{DemoResident.OfferedAddress} ({Short(today.AddDays(-DemoResident.OfferedDaysAgo))}):", Squeezed(couple.TextContent), StringComparison.Ordinal);
        Assert.Single(couple.QuerySelectorAll("form[action*='handler=Accept']"));
        Assert.Single(couple.QuerySelectorAll("form[action*='handler=Decline']"));
    }

    [Fact]
    public async Task FreshDemo_HousingStartPage_TheCouplesOfferWaits_TheFormerResidentsNeitherWaitNorLiveHere()
    {
        using var housing = await Browser.SignedInAsync(factory, "bolig");
        var page = await Parser.ParseDocumentAsync(await housing.GetPageAsync("/"));

        Assert.Equal("1", Figure(page, "pending-offers"));
        Assert.Equal("1", Figure(page, "temporary"));
        var couple = await factory.QueryAsync(db => db.Households.Where(h => h.Name == DemoResident.Name).Select(h => h.Id).SingleAsync());
        var stay = page.QuerySelector($"tr[data-stay='{couple}']") ?? throw new Xunit.Sdk.XunitException("The couple is not among the longest stays.");
        Assert.Contains("Tilbud venter på svar", stay.TextContent, StringComparison.Ordinal);

        var names = DemoFormerResidents.All.Select(f => f.Name).ToList();
        var former = await factory.QueryAsync(db => db.Households.Where(h => names.Contains(h.Name)).Select(h => h.Id).ToListAsync());
        Assert.Equal(names.Count, former.Count);
        Assert.All(former, id =>
        {
            Assert.Null(page.QuerySelector($"tr[data-waiting='{id}']"));
            Assert.Null(page.QuerySelector($"tr[data-stay='{id}']"));
        });
    }

    [Fact]
    public async Task FreshDemo_TheUnitsTheFormerResidentsLivedIn_AreFreeAgain_AndTheyAreNotOfferedAMoveIn()
    {
        using var housing = await Browser.SignedInAsync(factory, "bolig");
        foreach (var label in DemoFormerResidents.All.Select(f => f.UnitLabel).Distinct())
        {
            var unit = await factory.UnitIdAsync(label);
            var beds = await factory.QueryAsync(db => db.HousingUnits.Where(u => u.Id == unit).Select(u => u.Beds).SingleAsync());
            var page = await Parser.ParseDocumentAsync(await housing.GetPageAsync($"/Housing/Units/{unit}"));
            var text = Squeezed(page.Body!.TextContent);
            Assert.Contains("Ingen bor i boligen.", text, StringComparison.Ordinal);
            var bedsFact = page.QuerySelectorAll("dl.unit-facts dt").Single(d => d.TextContent == "Senge").NextElementSibling!;
            Assert.Equal($"{beds} (ledige: {beds})", Squeezed(bedsFact.TextContent));
            var choices = page.QuerySelectorAll("select[name='HouseholdId'] option").Select(o => o.TextContent.Trim()).ToList();
            Assert.Contains("Familien Haddad (4 pers.)", choices);
            Assert.All(DemoFormerResidents.All, f => Assert.DoesNotContain(choices, c => c.StartsWith(f.Name, StringComparison.Ordinal)));
        }
    }

    [Fact]
    public async Task FreshDemo_FormerResidents_AreTheCoordinatorsHouseholds_WithNothingDueOrLate()
    {
        using var coordinator = await Browser.SignedInAsync(factory, "koordinator");
        var start = Squeezed(await coordinator.GetPageAsync("/"));

        Assert.All(DemoFormerResidents.All, former =>
        {
            Assert.Contains(former.Name, start, StringComparison.Ordinal);
            // A member's name on the start page is a deadline of theirs due soon or overdue.
            Assert.All(former.Members, m => Assert.DoesNotContain($"{m.FirstName} {m.LastName}", start, StringComparison.Ordinal));
        });
        var open = await factory.QueryAsync(db => (from t in db.Tasks join h in db.Households on t.HouseholdId equals h.Id
                                                   where t.ClosedAt == null
                                                   select h.Name).ToListAsync());
        Assert.All(DemoFormerResidents.All, former => Assert.DoesNotContain(former.Name, open));
    }

    [Fact]
    public async Task FreshDemo_FormerResidents_TheirMoveOutTasksWereDoneByTheirMoveDay_AndTheirNoticesAreAsOldAsTheMove()
    {
        var today = Arrivals.Today;
        var tasks = await factory.QueryAsync(db => (from t in db.Tasks join h in db.Households on t.HouseholdId equals h.Id
                                                    where MoveTasks.MoveOut.Contains(t.Type)
                                                    select new { h.Name, t.Type, t.DueDate, t.Status, t.ClosedAt }).ToListAsync());
        var notices = await factory.QueryAsync(db => db.Notifications.AsNoTracking().Select(n => new { n.Text, n.CreatedAt }).ToListAsync());

        Assert.All(DemoFormerResidents.All, former =>
        {
            var moved = today.AddDays(-former.MovedOutDaysAgo);
            var theirs = tasks.Where(t => t.Name == former.Name).OrderBy(t => t.Type).ToList();
            Assert.Equal(MoveTasks.MoveOut, theirs.Select(t => t.Type));
            Assert.All(theirs, t => Assert.Equal((moved, CaseTaskStatus.Done), (t.DueDate, t.Status)));
            Assert.All(theirs, t => Assert.True(DateOnly.FromDateTime(t.ClosedAt!.Value.LocalDateTime) <= moved, $"{t.Type} of {former.Name} closed after the move."));
            // Sekretariatet's and Teknik og drift's notices of them came on the move day, long out of the notice list.
            var told = notices.Where(n => n.Text.EndsWith($": {former.Name}", StringComparison.Ordinal) && n.Text.Contains("opgave", StringComparison.Ordinal)).ToList();
            Assert.Contains(told, n => DateOnly.FromDateTime(n.CreatedAt.LocalDateTime) == moved);
            Assert.All(told, n => Assert.True(n.CreatedAt < DateTimeOffset.UtcNow.AddDays(-30), $"\"{n.Text}\" is a notice of {n.CreatedAt:yyyy-MM-dd}."));
        });
        Assert.DoesNotContain(tasks, t => t.Status != CaseTaskStatus.Done);
    }

    private static IElement Row(IDocument page, string household) =>
        page.QuerySelector($"tr[data-household='{household}']") ?? throw new Xunit.Sdk.XunitException($"No pipeline row for {household}.");

    private static string Figure(IDocument page, string name) =>
        (page.QuerySelector($"tr[data-figure='{name}'] td") ?? throw new Xunit.Sdk.XunitException($"No figure {name}.")).TextContent.Trim();

    private static string Short(DateOnly date) => date.ToString("d", Danish);

    /// <summary>Text with its white space run together into single spaces.</summary>
    private static string Squeezed(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}

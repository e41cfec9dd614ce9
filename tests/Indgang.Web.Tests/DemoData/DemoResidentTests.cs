using System.Net;
using Indgang.Domain.Reception;
using Indgang.Domain.Tasks;
using Indgang.Tests.Hosting;
using Indgang.Web.DemoData;
using Indgang.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Indgang.Web.Tests.DemoData;

/// <summary>The demo's resident couple: housed in a temporary unit through the move-in, and on the way to a permanent home.</summary>
public sealed class DemoResidentTests(IndgangAppFactory factory) : IClassFixture<IndgangAppFactory>
{
    [Fact]
    public async Task FreshDemo_ResidentCouple_LivesInItsUnitWithLeaseAndKeysDone_AndIsInThePipeline()
    {
        var unit = await factory.UnitIdAsync(DemoResident.UnitLabel);
        var household = await factory.QueryAsync(db => db.Households.SingleAsync(h => h.Name == DemoResident.Name));
        var movedIn = Arrivals.Today.AddDays(-DemoResident.ArrivedDaysAgo);
        Assert.Equal(movedIn, household.ArrivedOn);
        var stay = await factory.QueryAsync(db => db.Occupancies.SingleAsync(o => o.HouseholdId == household.Id));
        Assert.Equal((unit, movedIn, 2, true, (DateOnly?)null), (stay.UnitId, stay.MovedInOn, stay.Beds, stay.IsTemporary, stay.MovedOutOn));
        // The move-in dated the lease and keys to its day, and Sekretariatet has done them.
        var moveInTasks = await factory.QueryAsync(db => (from t in db.Tasks join u in db.Users on t.ClosedByUserId equals u.Id
                                                          where t.HouseholdId == household.Id && (t.Type == TaskType.LeaseContract || t.Type == TaskType.KeyHandover)
                                                          select new { t.DueDate, t.Status, u.UserName }).ToListAsync());
        Assert.Equal(2, moveInTasks.Count);
        Assert.All(moveInTasks, t => Assert.Equal((movedIn, CaseTaskStatus.Done, "sekretariat"), (t.DueDate, t.Status, t.UserName)));

        using var housing = await Browser.SignedInAsync(factory, "bolig");
        var unitPage = WebUtility.HtmlDecode(await housing.GetPageAsync($"/Housing/Units/{unit}"));
        var residents = unitPage[unitPage.IndexOf("<h2>Beboere</h2>", StringComparison.Ordinal)..unitPage.IndexOf("<h2>Indflytning</h2>", StringComparison.Ordinal)];
        Assert.Contains($"<a href=\"/Households/{household.Id}\">{DemoResident.Name}</a>", residents, StringComparison.Ordinal);
        Assert.Contains($"({DemoResident.ArrivedDaysAgo} dage)", residents, StringComparison.Ordinal);

        var pipeline = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await housing.GetPageAsync("/Housing/Pipeline"));
        var householdRow = pipeline.QuerySelectorAll("tr[data-household]").Single(r => r.GetAttribute("data-household") == DemoResident.Name);
        Assert.StartsWith($"{DemoResident.Name} (2)", householdRow.QuerySelector("td")!.TextContent.Trim(), StringComparison.Ordinal);
        var row = householdRow.InnerHtml;
        Assert.Contains("bor midlertidigt", row, StringComparison.Ordinal);
        Assert.Contains($">{DemoResident.ArrivedDaysAgo}<", row, StringComparison.Ordinal);
        Assert.Contains($"{DemoResident.Association}, ", row, StringComparison.Ordinal);
        Assert.Contains($"nr. {DemoResident.WaitingListNumber}", row, StringComparison.Ordinal);

        var forecast = WebUtility.HtmlDecode(await housing.GetPageAsync("/Housing/Forecast"));
        Assert.Contains("optaget nu: 2 ·", forecast, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FreshDemo_ResidentCouple_IsNotWaitingForAHome_AndNoDeadlineOfTheirsIsDueOrOverdue()
    {
        using var housing = await Browser.SignedInAsync(factory, "bolig");
        var placement = WebUtility.HtmlDecode(await housing.GetPageAsync("/Housing/Placement"));
        Assert.DoesNotContain(DemoResident.Name, placement, StringComparison.Ordinal);
        Assert.Contains("Familien Haddad", placement, StringComparison.Ordinal);

        using var coordinator = await Browser.SignedInAsync(factory, "koordinator");
        var start = WebUtility.HtmlDecode(await coordinator.GetPageAsync("/"));
        Assert.Contains(DemoResident.Name, start, StringComparison.Ordinal);
        Assert.DoesNotContain("Jawad Sharifi", start, StringComparison.Ordinal);
        Assert.DoesNotContain("Zahra Sharifi", start, StringComparison.Ordinal);
    }
}

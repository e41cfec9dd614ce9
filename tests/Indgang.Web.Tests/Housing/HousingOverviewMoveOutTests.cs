using AngleSharp.Html.Parser;
using Indgang.Domain.Audit;
using Indgang.Domain.Housing;
using Indgang.Domain.Reception;
using Indgang.Tests.Hosting;
using Indgang.Web.DemoData;
using Indgang.Web.Features.Housing;
using Indgang.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Indgang.Web.Tests.Housing;

/// <summary>
/// The housing coordinator's start page lists the move outs around today, and earlier ones whose lease, keys or
/// inspection are still open: which vacated units are ready for the next household.
/// </summary>
public sealed class HousingOverviewMoveOutTests(IndgangAppFactory factory) : IClassFixture<IndgangAppFactory>
{
    private static readonly HtmlParser Parser = new();
    private static readonly DateOnly Today = Arrivals.Today;

    [Fact]
    public async Task MoveOuts_AroundTodayAndEarlierWithOpenTasks_AreListedWithWhatIsNotDone()
    {
        var ahead = await MovedOutAsync("Fraflytning Frem", "Snartud", Today.AddDays(7));
        var lateKeys = await MovedOutAsync("Fraflytning Gammel", "Nøglerestance", Today.AddDays(-40));
        var doneLongAgo = await MovedOutAsync("Fraflytning Færdig", "Længeude", Today.AddDays(-45));
        var doneLately = await MovedOutAsync("Fraflytning Nylig", "Nyligud", Today.AddDays(-10));
        await CompleteAsync(lateKeys.Household, TaskType.LeaseTermination, TaskType.MoveOutInspection);
        await CompleteAsync(doneLongAgo.Household, [.. MoveTasks.MoveOut]);
        await CompleteAsync(doneLately.Household, [.. MoveTasks.MoveOut]);
        using var housing = await Browser.SignedInAsync(factory, "bolig");

        var page = Parser.ParseDocument(await housing.GetPageAsync("/"));

        var rows = page.QuerySelectorAll("tr[data-move-out]").Select(r => string.Join(" | ", r.QuerySelectorAll("td").Select(td => td.TextContent.Trim()))).ToList();
        Assert.Equal(
            [
                $"Fraflytning Gammel | {await factory.HouseholdNameAsync(lateKeys.Household)} | {Written(Today.AddDays(-40))} | Aflevering af nøgler",
                $"Fraflytning Nylig | {await factory.HouseholdNameAsync(doneLately.Household)} | {Written(Today.AddDays(-10))} | Alt løst",
                $"Fraflytning Frem | {await factory.HouseholdNameAsync(ahead.Household)} | {Written(Today.AddDays(7))} | Afslutning af lejekontrakt, Aflevering af nøgler, Fraflytningssyn",
            ],
            rows);
        // The demo's former residents moved out long ago with everything done: not listed.
        Assert.All(DemoFormerResidents.All, former => Assert.DoesNotContain(rows, r => r.Contains(former.Name, StringComparison.Ordinal)));
        Assert.Equal($"/Housing/Units/{ahead.Unit}", page.QuerySelector($"tr[data-move-out='{ahead.Unit}'] a")!.GetAttribute("href"));
        Assert.True(await factory.QueryAsync(db => db.AuditEntries.AnyAsync(e =>
            e.Action == AuditAction.HouseholdRead && e.Purpose == "Boligkoordinatorens overblik" && e.Details == Web.Audit.AuditLog.Household(lateKeys.Household))));
    }

    private async Task<(Guid Unit, Guid Household)> MovedOutAsync(string unitLabel, string lastName, DateOnly day)
    {
        var unit = await factory.UnitOfItsOwnAsync(unitLabel);
        var household = await factory.RegisterSingleAsync(lastName);
        await factory.MovedInAsync(unit, household, Today.AddDays(-60));
        await using var scope = factory.Services.CreateAsyncScope();
        var stay = await factory.StayOfAsync(household);
        Assert.True((await scope.ServiceProvider.GetRequiredService<HousingMoves>().MoveOutAsync(stay, day, MoveOutDestination.OwnHome)).Succeeded);
        return (unit, household);
    }

    private async Task CompleteAsync(Guid household, params TaskType[] types)
    {
        var tasks = await factory.QueryAsync(db => db.Tasks.Where(t => t.HouseholdId == household && types.Contains(t.Type)).Select(t => new { t.Id, t.Type }).ToListAsync());
        Assert.Equal(types.Length, tasks.Count);
        foreach (var task in tasks)
        {
            await factory.CompleteAsAsync(task.Id, task.Type == TaskType.MoveOutInspection ? "teknik" : "sekretariat");
        }
    }

    private static string Written(DateOnly day) => DanishDates.Written(day);
}

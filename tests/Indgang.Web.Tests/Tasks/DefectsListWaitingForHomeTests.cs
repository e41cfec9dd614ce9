using System.Net;
using AngleSharp.Html.Parser;
using Indgang.Domain.Reception;
using Indgang.Domain.Tasks;
using Indgang.Tests.Hosting;
using Indgang.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Indgang.Web.Tests.Tasks;

/// <summary>
/// The arrival checklist's defects list at move-in waits for the household's first home, as its lease does: due 14 days
/// after the arrival, it is not late while the household has no home to list the defects of. The work list neither shows
/// nor counts it among »Overskredne«, its card says »Venter på en bolig« and when it will be due, and the household's page
/// marks it so; a late task beside it is still overdue. The move-in makes it due 14 days after the move, no longer
/// waiting. Before, the list was called overdue (and escalated to the coordinator) while the household waited.
/// </summary>
public sealed class DefectsListWaitingForHomeTests(IndgangAppFactory factory) : IClassFixture<IndgangAppFactory>
{
    [Fact]
    public async Task ADefectsListBeforeAHome_IsNotOverdue_SaysWhenItWillBeDue_AndTheMoveInMakesItDue()
    {
        var (department, worker) = await factory.DepartmentAsync("mangelventer");
        var household = await factory.RegisterSingleAsync("Mangelventer");
        var past = Arrivals.Today.AddDays(-3);
        await factory.AddTasksAsync(department, household, [("Mangelliste uden bolig", past)], type: TaskType.MoveInDefectsList);
        await factory.AddTasksAsync(department, household, [("Startpakke for sent", past)]);

        var (overdue, count) = await DepartmentOfItsOwn.OverdueAsync(worker);
        Assert.Equal(["Startpakke for sent"], overdue);
        Assert.Equal("Overskredne (1)", count);
        var card = WaitingCard(await DepartmentOfItsOwn.PageAsync(worker, "/Tasks"));
        Assert.Equal(("Venter på en bolig", "Husstanden har ingen bolig endnu. Når den flytter ind, får opgaven fristen 14 dage efter indflytningsdagen."), card);

        using var coordinator = await Browser.SignedInAsync(factory, "koordinator");
        var householdPage = new HtmlParser().ParseDocument(await coordinator.GetPageAsync($"/Households/{household}"));
        var rows = householdPage.QuerySelectorAll($"tr[data-task-type='{TaskType.MoveInDefectsList}'] td:nth-child(3)")
            .Select(td => (td.QuerySelector("span.badge-info")?.TextContent.Trim(), td.QuerySelector("span.badge-error")?.TextContent.Trim()));
        // Ours and the checklist's own (Teknik og drift's).
        Assert.Equal([("Venter på en bolig", null), ("Venter på en bolig", null)], rows);

        var moveIn = Arrivals.Today.AddDays(2);
        await factory.MovedInAsync(await factory.UnitOfItsOwnAsync("Mangelventer 1"), household, moveIn);

        var lists = await factory.QueryAsync(db => db.Tasks.Where(t => t.HouseholdId == household && t.DepartmentId == department && t.Type == TaskType.MoveInDefectsList)
            .Select(t => new { t.DueDate, t.Status }).ToListAsync());
        Assert.Equal([(moveIn.AddDays(14), CaseTaskStatus.Open)], lists.Select(t => (t.DueDate, t.Status)));
        Assert.Null(WaitingCard(await DepartmentOfItsOwn.PageAsync(worker, "/Tasks")).Mark);
    }

    /// <summary>The defects list's card on the work list: its »Venter på en bolig« mark and the hint below it (null when none).</summary>
    private static (string? Mark, string? Hint) WaitingCard(AngleSharp.Dom.IDocument page)
    {
        var card = Assert.Single(page.QuerySelectorAll("article.task-card"), a => a.QuerySelector("h2")?.TextContent.Trim().StartsWith("Mangelliste", StringComparison.Ordinal) == true);
        return (card.QuerySelector("span.badge-info")?.TextContent.Trim(), card.QuerySelector("p.form-hint")?.TextContent.Trim() is { } hint ? WebUtility.HtmlDecode(hint) : null);
    }
}

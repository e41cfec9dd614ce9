using AngleSharp.Html.Parser;
using Indgang.Domain.Reception;
using Indgang.Tests.Hosting;
using Indgang.Web.Tests.Infrastructure;

namespace Indgang.Web.Tests.Households;

/// <summary>
/// The household's page marks a task waiting for a home as its work list does: the lease the arrival checklist gave a
/// household with no home yet says »Venter på en bolig«, not »Overskredet«, though its due date has passed (that date is
/// not real until the move-in); a task of the same household that is really late is still marked »Overskredet«. Before,
/// the page marked both overdue.
/// </summary>
public sealed class TaskWaitingForHomeMarkTests(IndgangAppFactory factory) : IClassFixture<IndgangAppFactory>
{
    [Fact]
    public async Task ALeaseWaitingForAHome_IsMarkedWaiting_NotOverdue_ALateTaskBesideItIsMarkedOverdue()
    {
        var household = await factory.RegisterSingleAsync("Ventemærke");
        var past = Arrivals.Today.AddDays(-3);
        await factory.TaskDueAsync(household, TaskType.LeaseContract, past);
        await factory.TaskDueAsync(household, TaskType.StartPackage, past);
        using var coordinator = await Browser.SignedInAsync(factory, "koordinator");

        var page = new HtmlParser().ParseDocument(await coordinator.GetPageAsync($"/Households/{household}"));

        string? Mark(TaskType type, string badge) => page.QuerySelector($"tr[data-task-type='{type}'] td:nth-child(3) span.{badge}")?.TextContent.Trim();
        Assert.Equal("Venter på en bolig", Mark(TaskType.LeaseContract, "badge-info"));
        Assert.Null(Mark(TaskType.LeaseContract, "badge-error"));
        Assert.Equal("Overskredet", Mark(TaskType.StartPackage, "badge-error"));
    }
}

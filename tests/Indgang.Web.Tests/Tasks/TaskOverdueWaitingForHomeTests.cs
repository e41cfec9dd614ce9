using Indgang.Domain.Reception;
using Indgang.Tests.Hosting;
using Indgang.Web.Tests.Infrastructure;

namespace Indgang.Web.Tests.Tasks;

/// <summary>
/// A move-in's lease, keys or house rules that the arrival checklist gave a household with no home yet waits for a home
/// (its card says »Venter på en bolig«): it is not overdue while it waits, so the work list's »Overskredne« view and its
/// count leave it out, and the list shows it with the others. Before, »Overskredne« listed and counted it though its card
/// said it waited (found by the housing coordinator's review).
/// </summary>
public sealed class TaskOverdueWaitingForHomeTests(IndgangAppFactory factory) : IClassFixture<IndgangAppFactory>
{
    [Fact]
    public async Task ALeaseWaitingForAHome_IsNeitherListedNorCountedOverdue_ButStillListed()
    {
        var (department, worker) = await factory.DepartmentAsync("ventebolig");
        var household = await factory.RegisterSingleAsync("Ventebolig-overskredet");
        var due = Arrivals.Today.AddDays(-3);
        await factory.AddTasksAsync(department, household, [("Lejekontrakt uden bolig", due)], type: TaskType.LeaseContract);
        await factory.AddTasksAsync(department, household, [("Startpakke for sent", due)]);

        var (overdue, count) = await DepartmentOfItsOwn.OverdueAsync(worker);
        var all = await DepartmentOfItsOwn.PageAsync(worker, "/Tasks");

        Assert.Equal(["Startpakke for sent"], overdue);
        Assert.Equal("Overskredne (1)", count);
        Assert.Equal(["Lejekontrakt uden bolig", "Startpakke for sent"], DepartmentOfItsOwn.Titles(all).Order(StringComparer.Ordinal));
        Assert.Equal("Alle (2)", all.QuerySelector("label[for=Vis-alle]")?.TextContent.Trim());
    }
}

using Indgang.Tests.Hosting;
using Indgang.Web.Tests.Infrastructure;

namespace Indgang.Web.Tests.Households;

/// <summary>
/// The coordinator, sent by an escalation (»Overskredet: Lejekontrakt (…)«) to the household's tasks, finds the overdue
/// ones marked there as the department's work list marks them; a task closed after its due date is not marked.
/// </summary>
public sealed class OverdueTaskMarkTests(IndgangAppFactory factory) : IClassFixture<IndgangAppFactory>
{
    [Fact]
    public async Task AnOpenTaskPastItsDueDate_IsMarkedOverdueOnTheHouseholdPage_AClosedOneIsNot()
    {
        var lease = await factory.LeaseTaskAsync("Overskredensen");
        await factory.RescheduleAsync(lease.Id, Arrivals.Today.AddDays(-3));
        using var coordinator = await Browser.SignedInAsync(factory, "koordinator");

        Assert.Contains("Overskredet", await LeaseRowAsync(coordinator, lease.HouseholdId), StringComparison.Ordinal);

        await factory.CompleteAsAsync(lease.Id, "sekretariat");
        Assert.DoesNotContain("Overskredet", await LeaseRowAsync(coordinator, lease.HouseholdId), StringComparison.Ordinal);
    }

    private static async Task<string> LeaseRowAsync(Browser browser, Guid household)
    {
        var html = await browser.GetPageAsync($"/Households/{household}");
        var start = html.IndexOf("data-task-type=\"LeaseContract\"", StringComparison.Ordinal);
        Assert.True(start >= 0, "The lease task is not on the household page.");
        return html[start..html.IndexOf("</tr>", start, StringComparison.Ordinal)];
    }
}

using System.Net;
using Indgang.Domain.Reception;
using Indgang.Domain.Tasks;
using Indgang.Tests.Hosting;
using Indgang.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Indgang.Web.Tests.Concurrency;

/// <summary>
/// Two workers of a department act on the same task in the queue at the same moment: one action is saved (the task's
/// version), the other is told in Danish and shown the task as it is now; never an error page, never two closings.
/// </summary>
public sealed class TaskQueueConcurrencyTests(IndgangAppFactory factory) : IClassFixture<IndgangAppFactory>
{
    private const string ChangedByOther = "Opgaven er lige blevet ændret af en anden. Se den nye status nedenfor, og prøv igen.";

    [Theory]
    [InlineData("Complete", "Complete", "Opgavedobbelt")]
    [InlineData("Take", "Complete", "Opgavetagudfør")]
    [InlineData("Take", "Take", "Opgavetagtag")]
    [InlineData("Complete", "NotNeeded", "Opgaveudførlukket")]
    public async Task TwoActOnOneTaskAtOnce_OneIsSaved_TheOtherIsTold(string first, string second, string label)
    {
        var task = await LeaseTaskAsync(label);
        using var a = await Browser.SignedInAsync(factory, "sekretariat");
        using var b = await Browser.SignedInAsync(factory, "sekretariat");
        var formA = await OpenedForm.OpenAsync(a, "/Tasks", $"/Tasks?handler={first}");
        var formB = await OpenedForm.OpenAsync(b, "/Tasks", $"/Tasks?handler={second}");

        var results = await Task.WhenAll(formA.PostAsync(Fields(task)), formB.PostAsync(Fields(task)));

        Assert.All(results, r => Assert.Equal(HttpStatusCode.OK, r.Status));
        Assert.Single(results, r => r.Html.Contains(ChangedByOther, StringComparison.Ordinal));
        var winner = results[0].Html.Contains(ChangedByOther, StringComparison.Ordinal) ? second : first;
        var saved = await factory.QueryAsync(db => db.Tasks.AsNoTracking().SingleAsync(t => t.Id == task.Id));
        Assert.Equal(winner switch { "Take" => CaseTaskStatus.Taken, "Complete" => CaseTaskStatus.Done, _ => CaseTaskStatus.NotNeeded }, saved.Status);
        Assert.Equal(winner == "NotNeeded" ? "Ikke relevant" : null, saved.NotNeededReason);
    }

    private static Dictionary<string, string> Fields(CaseTask task) =>
        new() { ["TaskId"] = task.Id.ToString(), ["Version"] = task.Version.ToString(), ["Reason"] = "Ikke relevant" };

    /// <summary>The lease task (the secretariat's) of a single adult just moved into a room of its own.</summary>
    private async Task<CaseTask> LeaseTaskAsync(string label)
    {
        await factory.AddSingleRoomsAsync(label, 1);
        var household = await factory.RegisterSingleAsync(label);
        await factory.MovedInAsync(await factory.UnitIdAsync($"{label} 1"), household, Arrivals.Today);
        return await factory.QueryAsync(db => db.Tasks.AsNoTracking().SingleAsync(t => t.HouseholdId == household && t.Type == TaskType.LeaseContract));
    }
}

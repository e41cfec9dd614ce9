using System.Net;
using Indgang.Domain.Tasks;
using Indgang.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Indgang.Web.Tests.Concurrency;

/// <summary>
/// The due date of a task is moved by another (a move of the arrival, say) in the very moment a worker takes it,
/// between the page's check and its save: the task is taken all the same, at the new due date.
/// </summary>
public sealed class TaskDueDateMovedConcurrencyTests(SavesMeetAppFactory factory) : IClassFixture<SavesMeetAppFactory>
{
    [Fact]
    public async Task DueDateMovedAtTheMomentOfTaking_TheTaskIsTaken_AtTheNewDueDate()
    {
        var task = await factory.LeaseTaskAsync("Opgavefristsamtidig");
        using var worker = await Browser.SignedInAsync(factory, "sekretariat");
        var form = await OpenedForm.OpenAsync(worker, "/Tasks", "/Tasks?handler=Take");
        var fields = await LeaseTasks.CardFieldsAsync(worker, task.Id);
        var moved = task.DueDate.AddDays(3);
        factory.BeforeNextSave(
            db => db.ChangeTracker.Entries<CaseTask>().Any(e => e.Entity.Id == task.Id && e.State == EntityState.Modified),
            () => factory.RescheduleAsync(task.Id, moved));

        var result = await form.PostAsync(fields);

        Assert.Equal(HttpStatusCode.OK, result.Status);
        Assert.Contains("Opgaven er taget.", result.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("Opgaven er lige blevet", result.Html, StringComparison.Ordinal);
        var saved = await factory.QueryAsync(db => db.Tasks.AsNoTracking().SingleAsync(t => t.Id == task.Id));
        Assert.Equal((CaseTaskStatus.Taken, moved), (saved.Status, saved.DueDate));
    }
}

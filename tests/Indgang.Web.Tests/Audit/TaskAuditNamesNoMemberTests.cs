using System.Net;
using Indgang.Domain.Audit;
using Indgang.Tests.Hosting;
using Indgang.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Indgang.Web.Tests.Audit;

/// <summary>
/// A member's own task has the member's first name in its title, and the audit log can be neither corrected nor erased:
/// its row about the task names the task by its type and id, and the person by the row's subject, never by name.
/// Before, the details were »{type}: {title}«, the first name with them.
/// </summary>
public sealed class TaskAuditNamesNoMemberTests(IndgangAppFactory factory) : IClassFixture<IndgangAppFactory>
{
    [Fact]
    public async Task AMembersTaskTakenInTheQueue_IsAuditedByTypeAndId_WithoutTheMembersFirstName()
    {
        const string FirstName = "Navnløsamira";
        var household = await factory.RegisterSingleAsync("Revisionsspor", firstName: FirstName);
        var (task, worker) = await factory.QueryAsync(async db =>
        {
            var tasks = await db.Tasks.AsNoTracking().Where(t => t.HouseholdId == household && t.PersonId != null).ToListAsync();
            var named = tasks.Where(t => t.Title.Contains(FirstName, StringComparison.Ordinal)).ToList();
            var departments = named.Select(t => t.DepartmentId).ToList();
            var users = await db.Users.AsNoTracking().Where(u => u.DepartmentId != null && departments.Contains(u.DepartmentId.Value)).ToListAsync();
            var withWorker = named.First(t => users.Any(u => u.DepartmentId == t.DepartmentId));
            return (withWorker, users.First(u => u.DepartmentId == withWorker.DepartmentId).UserName!);
        });
        using var browser = await Browser.SignedInAsync(factory, worker);
        var form = await OpenedForm.OpenAsync(browser, "/Tasks", "/Tasks?handler=Take");

        var result = await form.PostAsync(await LeaseTasks.CardFieldsAsync(browser, task.Id));

        Assert.Equal(HttpStatusCode.OK, result.Status);
        var taken = await factory.QueryAsync(db => db.AuditEntries.AsNoTracking()
            .Where(e => e.Action == AuditAction.TaskTaken && e.SubjectPersonId == task.PersonId).Select(e => e.Details).SingleAsync());
        Assert.Equal($"{task.Type}, opgave {task.Id:D}", taken);
        Assert.DoesNotContain(FirstName, taken!, StringComparison.Ordinal);
    }
}

using System.Net;
using Indgang.Domain.Audit;
using Indgang.Domain.Tasks;
using Indgang.Tests.Hosting;
using Indgang.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Indgang.Web.Tests.Tasks;

/// <summary>
/// A taken task is put back with »Læg tilbage« on its card, open and free for the department: by the one who has it
/// (taken by mistake) or by a colleague of the same department (the one who has it is away), audited with who put it
/// back; never by another department, and never over a change another has made since the card was shown.
/// </summary>
public sealed class TaskReleaseTests(IndgangAppFactory factory) : IClassFixture<IndgangAppFactory>
{
    private const string Released = "Opgaven er lagt tilbage og er åben for afdelingen.";

    [Fact]
    public async Task TheWorker_PutsBackTheirTask_ItIsOpenAndAudited_AndAColleagueTakesIt()
    {
        var task = await factory.LeaseTaskAsync("Laegtilbageselv");
        var colleagueId = await factory.CreateDepartmentWorkerAsync("laegtilbageselvkollega", "Ida Laegtilbage", "sekretariatet");
        using var secretariat = await Browser.SignedInAsync(factory, "sekretariat");
        using var colleague = await Browser.SignedInAsync(factory, "laegtilbageselvkollega", "Godt-Kodeord-1");
        using var taken = await secretariat.PostFormAsync("/Tasks?handler=Take", await LeaseTasks.CardFieldsAsync(secretariat, task.Id), formPage: "/Tasks");
        var fields = await LeaseTasks.CardFieldsAsync(secretariat, task.Id);

        var html = await PutBackAsync(secretariat, fields);
        var again = await PutBackAsync(secretariat, fields);

        Assert.Contains(Released, html, StringComparison.Ordinal);
        Assert.Contains(Released, again, StringComparison.Ordinal);
        Assert.Equal((CaseTaskStatus.Open, null), await StatusAsync(task.Id));
        Assert.Equal(1, await factory.QueryAsync(db => db.AuditEntries.CountAsync(e => e.Action == AuditAction.TaskReleased && e.Actor == "sekretariat" && e.Details!.StartsWith($"Husstand {task.HouseholdId:D}"))));

        using var takenByColleague = await colleague.PostFormAsync("/Tasks?handler=Take", await LeaseTasks.CardFieldsAsync(colleague, task.Id), formPage: "/Tasks");
        Assert.Equal((CaseTaskStatus.Taken, colleagueId), await StatusAsync(task.Id));
    }

    [Fact]
    public async Task AColleague_PutsBackATaskTakenByAnother_AuditedAsTheColleague()
    {
        var task = await factory.LeaseTaskAsync("Laegtilbagekollega");
        await factory.CreateDepartmentWorkerAsync("laegtilbagekollega", "Ida Laegtilbagekollega", "sekretariatet");
        await factory.TakeAsAsync(task.Id, "sekretariat");
        using var colleague = await Browser.SignedInAsync(factory, "laegtilbagekollega", "Godt-Kodeord-1");

        var html = await PutBackAsync(colleague, await LeaseTasks.CardFieldsAsync(colleague, task.Id));

        Assert.Contains(Released, html, StringComparison.Ordinal);
        Assert.Equal((CaseTaskStatus.Open, null), await StatusAsync(task.Id));
        Assert.True(await factory.QueryAsync(db => db.AuditEntries.AnyAsync(e => e.Action == AuditAction.TaskReleased && e.Actor == "laegtilbagekollega" && e.Details!.StartsWith($"Husstand {task.HouseholdId:D}"))));
    }

    [Fact]
    public async Task AnotherDepartmentsWorker_CannotPutItBack()
    {
        var task = await factory.LeaseTaskAsync("Laegtilbageskole");
        await factory.TakeAsAsync(task.Id, "sekretariat");
        using var secretariat = await Browser.SignedInAsync(factory, "sekretariat");
        var fields = await LeaseTasks.CardFieldsAsync(secretariat, task.Id);
        using var school = await Browser.SignedInAsync(factory, "skole");

        using var response = await school.PostFormAsync("/Tasks?handler=Release", fields, formPage: "/Tasks");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(CaseTaskStatus.Taken, (await StatusAsync(task.Id)).Status);
        Assert.False(await factory.QueryAsync(db => db.AuditEntries.AnyAsync(e => e.Action == AuditAction.TaskReleased && e.Details!.StartsWith($"Husstand {task.HouseholdId:D}"))));
    }

    [Fact]
    public async Task CompletedByItsHolderSinceTheCardWasShown_ItIsNotPutBack_TheColleagueIsTold()
    {
        var task = await factory.LeaseTaskAsync("Laegtilbageudfoert");
        await factory.CreateDepartmentWorkerAsync("laegtilbageudfoertkollega", "Ida Laegtilbageudfoert", "sekretariatet");
        await factory.TakeAsAsync(task.Id, "sekretariat");
        using var colleague = await Browser.SignedInAsync(factory, "laegtilbageudfoertkollega", "Godt-Kodeord-1");
        var fields = await LeaseTasks.CardFieldsAsync(colleague, task.Id);
        await factory.CompleteAsAsync(task.Id, "sekretariat");

        var html = await PutBackAsync(colleague, fields);

        Assert.Contains("Opgaven er lige blevet markeret som udført af Jens Lund.", html, StringComparison.Ordinal);
        Assert.DoesNotContain(Released, html, StringComparison.Ordinal);
        Assert.Equal(CaseTaskStatus.Done, (await StatusAsync(task.Id)).Status);
    }

    private static async Task<string> PutBackAsync(Browser browser, Dictionary<string, string> fields)
    {
        using var response = await browser.PostFormAsync("/Tasks?handler=Release", fields, formPage: "/Tasks");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
    }

    private async Task<(CaseTaskStatus Status, string? Assignee)> StatusAsync(Guid task)
    {
        var saved = await factory.QueryAsync(db => db.Tasks.AsNoTracking().SingleAsync(t => t.Id == task));
        return (saved.Status, saved.AssigneeUserId);
    }
}

using System.Net;
using System.Text.Json;
using Indgang.Domain.Audit;
using Indgang.Tests.Hosting;
using Indgang.Web.Audit;
using Indgang.Web.Features.Admin.Audit;
using Indgang.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Indgang.Web.Tests.Audit;

/// <summary>
/// A task for the whole household (its lease, its keys, its start package) is for no one member: who took it, completed
/// it or closed it as not needed is recorded about the household, so that each member's insight tells it.
/// </summary>
public sealed class HouseholdTaskAuditTests(IndgangAppFactory factory) : IClassFixture<IndgangAppFactory>
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    [Theory]
    [InlineData("Take", AuditAction.TaskTaken, "Husopgavetag")]
    [InlineData("Complete", AuditAction.TaskCompleted, "Husopgaveudfoer")]
    [InlineData("NotNeeded", AuditAction.TaskClosedAsNotNeeded, "Husopgavelukket")]
    public async Task HouseholdTaskActedOnInTheQueue_IsInTheMembersInsight_AsAboutTheHousehold(string handler, AuditAction action, string label)
    {
        var task = await factory.LeaseTaskAsync(label);
        Assert.Null(task.PersonId);
        var member = await factory.QueryAsync(db => db.Persons.Where(p => p.HouseholdId == task.HouseholdId).Select(p => p.Id).SingleAsync());
        using var worker = await Browser.SignedInAsync(factory, "sekretariat");
        var form = await OpenedForm.OpenAsync(worker, "/Tasks", $"/Tasks?handler={handler}");

        var result = await form.PostAsync(await LeaseTasks.CardFieldsAsync(worker, task.Id));

        Assert.Equal(HttpStatusCode.OK, result.Status);
        var rows = await InsightAsync(member);
        var acted = Assert.Single(rows, r => r.Action == action.ToString());
        Assert.True(acted.ViaHousehold);
        Assert.Equal("sekretariat", acted.Actor);
        Assert.Equal(AuditLog.Household(task.HouseholdId, $": {task.Type}, opgave {task.Id:D}"), acted.Details);
    }

    /// <summary>The citizen's insight as the administrator exports it (JSON).</summary>
    private async Task<List<AuditRow>> InsightAsync(Guid person)
    {
        using var admin = await Browser.SignedInAsync(factory, "admin");
        var json = await admin.GetPageAsync($"/Admin/Audit?handler=Export&personId={person}&format=json");
        return JsonSerializer.Deserialize<List<AuditRow>>(json, Web)!;
    }
}

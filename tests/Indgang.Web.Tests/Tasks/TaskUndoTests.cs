using System.Net;
using System.Text.RegularExpressions;
using Indgang.Domain.Audit;
using Indgang.Domain.Tasks;
using Indgang.Tests.Hosting;
using Indgang.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Indgang.Web.Tests.Tasks;

/// <summary>
/// A task completed or closed as not needed by a click on the wrong card is not lost for good: the message that says it
/// is closed offers »Fortryd«, which opens it again (audited), as long as no one else has changed it since.
/// </summary>
public sealed partial class TaskUndoTests(IndgangAppFactory factory) : IClassFixture<IndgangAppFactory>
{
    [Theory]
    [InlineData("Complete", "Fortrydudfoert", CaseTaskStatus.Taken)]
    [InlineData("NotNeeded", "Fortrydlukket", CaseTaskStatus.Open)]
    public async Task ClosedByMistake_FortrydOpensItAgain(string handler, string label, CaseTaskStatus reopenedAs)
    {
        var task = await factory.LeaseTaskAsync(label);
        using var secretariat = await Browser.SignedInAsync(factory, "sekretariat");
        using var closed = await secretariat.PostFormAsync($"/Tasks?handler={handler}", await LeaseTasks.CardFieldsAsync(secretariat, task.Id), formPage: "/Tasks");
        var undo = UndoFields(await closed.Content.ReadAsStringAsync());

        using var undone = await secretariat.PostFormAsync("/Tasks?handler=Undo", undo, formPage: "/Tasks");
        var html = WebUtility.HtmlDecode(await undone.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, undone.StatusCode);
        Assert.Contains("Opgaven er åben igen.", html, StringComparison.Ordinal);
        Assert.Contains($"data-task-id=\"{task.Id}\"", html, StringComparison.Ordinal);
        var saved = await factory.QueryAsync(db => db.Tasks.AsNoTracking().SingleAsync(t => t.Id == task.Id));
        Assert.Equal((reopenedAs, null, null, null), (saved.Status, saved.ClosedAt, saved.ClosedByUserId, saved.NotNeededReason));
        Assert.True(await factory.QueryAsync(db => db.AuditEntries.AnyAsync(e => e.Action == AuditAction.TaskReopened && e.Actor == "sekretariat" && e.Details!.StartsWith($"Husstand {task.HouseholdId:D}"))));
    }

    [Fact]
    public async Task FortrydByAnother_OrAfterAChange_OpensNothing()
    {
        var task = await factory.LeaseTaskAsync("Fortrydandre");
        await factory.CreateDepartmentWorkerAsync("fortrydkollega", "Ida Fortrydkollega", "sekretariatet");
        using var secretariat = await Browser.SignedInAsync(factory, "sekretariat");
        using var other = await Browser.SignedInAsync(factory, "fortrydkollega", "Godt-Kodeord-1");
        using var closed = await secretariat.PostFormAsync("/Tasks?handler=Complete", await LeaseTasks.CardFieldsAsync(secretariat, task.Id), formPage: "/Tasks");
        var undo = UndoFields(await closed.Content.ReadAsStringAsync());

        using var byOther = await other.PostFormAsync("/Tasks?handler=Undo", undo, formPage: "/Tasks");
        Assert.Contains("Opgaven er ændret, siden du lukkede den, og kan ikke åbnes igen her.", WebUtility.HtmlDecode(await byOther.Content.ReadAsStringAsync()), StringComparison.Ordinal);

        undo["ClosedVersion"] = Guid.NewGuid().ToString();
        using var stale = await secretariat.PostFormAsync("/Tasks?handler=Undo", undo, formPage: "/Tasks");
        Assert.Contains("Opgaven er ændret, siden du lukkede den, og kan ikke åbnes igen her.", WebUtility.HtmlDecode(await stale.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(CaseTaskStatus.Done, (await factory.QueryAsync(db => db.Tasks.AsNoTracking().SingleAsync(t => t.Id == task.Id))).Status);
    }

    /// <summary>The hidden fields of the message's »Fortryd« form.</summary>
    private static Dictionary<string, string> UndoFields(string html)
    {
        var form = UndoForm().Match(html);
        Assert.True(form.Success, "The message offers no »Fortryd«.");
        return HiddenInput().Matches(form.Value)
            .Where(m => m.Groups["name"].Value != "__RequestVerificationToken")
            .ToDictionary(m => m.Groups["name"].Value, m => WebUtility.HtmlDecode(m.Groups["value"].Value));
    }

    [GeneratedRegex("<form[^>]*handler=Undo\"[^>]*>.*?</form>", RegexOptions.Singleline)]
    private static partial Regex UndoForm();

    [GeneratedRegex("<input type=\"hidden\" name=\"(?<name>[^\"]+)\" value=\"(?<value>[^\"]*)\"")]
    private static partial Regex HiddenInput();
}

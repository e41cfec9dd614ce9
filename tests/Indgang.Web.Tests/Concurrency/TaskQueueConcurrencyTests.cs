using System.Globalization;
using System.Net;
using Indgang.Domain.Tasks;
using Indgang.Tests.Hosting;
using Indgang.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Indgang.Web.Tests.Concurrency;

/// <summary>
/// Two workers of a department act on the same task in the queue at the same moment: one action is saved, the other is
/// told in Danish what the other did (taken by whom, completed, closed) and shown the queue as it is now; never an error
/// page, never two closings. A due date moved by another meanwhile does not stop taking or completing the task: the
/// worker is told the new due date instead.
/// </summary>
public sealed class TaskQueueConcurrencyTests(IndgangAppFactory factory) : IClassFixture<IndgangAppFactory>
{
    private const string Jens = "Jens Lund";

    [Theory]
    [InlineData("Complete", "Complete", "Opgavedobbelt")]
    [InlineData("Take", "Complete", "Opgavetagudfør")]
    [InlineData("Take", "Take", "Opgavetagtag")]
    [InlineData("Complete", "NotNeeded", "Opgaveudførlukket")]
    public async Task TwoActOnOneTaskAtOnce_OneIsSaved_TheOtherIsToldWhatTheOtherDid(string first, string second, string label)
    {
        var task = await factory.LeaseTaskAsync(label);
        var colleague = await ColleagueAsync($"{label}kollega");
        using var a = await Browser.SignedInAsync(factory, "sekretariat");
        using var b = await Browser.SignedInAsync(factory, colleague.UserName, "Godt-Kodeord-1");
        var formA = await OpenedForm.OpenAsync(a, "/Tasks", $"/Tasks?handler={first}");
        var formB = await OpenedForm.OpenAsync(b, "/Tasks", $"/Tasks?handler={second}");
        var (fieldsA, fieldsB) = (await LeaseTasks.CardFieldsAsync(a, task.Id), await LeaseTasks.CardFieldsAsync(b, task.Id));

        var results = await Task.WhenAll(formA.PostAsync(fieldsA), formB.PostAsync(fieldsB));

        Assert.All(results, r => Assert.Equal(HttpStatusCode.OK, r.Status));
        var told = Assert.Single(results, r => r.Html.Contains("Opgaven er lige blevet", StringComparison.Ordinal));
        var aLost = told.Html == results[0].Html;
        var (winner, winnerName) = aLost ? (second, colleague.DisplayName) : (first, Jens);
        Assert.Contains(ToldAbout(winner, winnerName), told.Html, StringComparison.Ordinal);
        var saved = await factory.QueryAsync(db => db.Tasks.AsNoTracking().SingleAsync(t => t.Id == task.Id));
        Assert.Equal(winner switch { "Take" => CaseTaskStatus.Taken, "Complete" => CaseTaskStatus.Done, _ => CaseTaskStatus.NotNeeded }, saved.Status);
        Assert.Equal(winner == "NotNeeded" ? "Ikke relevant" : null, saved.NotNeededReason);
    }

    [Fact]
    public async Task TakenByAnotherSinceThePageWasOpened_TheWorkerIsToldByWhom_AndTheTaskStaysTheirs()
    {
        var task = await factory.LeaseTaskAsync("Opgavetagetaf");
        var colleague = await ColleagueAsync("Opgavetagetafkollega");
        using var a = await Browser.SignedInAsync(factory, "sekretariat");
        using var b = await Browser.SignedInAsync(factory, colleague.UserName, "Godt-Kodeord-1");
        var late = await OpenedForm.OpenAsync(a, "/Tasks", "/Tasks?handler=Take");
        var fields = await LeaseTasks.CardFieldsAsync(a, task.Id);
        var first = await (await OpenedForm.OpenAsync(b, "/Tasks", "/Tasks?handler=Take")).PostAsync(await LeaseTasks.CardFieldsAsync(b, task.Id));
        Assert.Contains("Opgaven er taget.", first.Html, StringComparison.Ordinal);

        var result = await late.PostAsync(fields);

        Assert.Equal(HttpStatusCode.OK, result.Status);
        Assert.Contains(ToldAbout("Take", colleague.DisplayName), result.Html, StringComparison.Ordinal);
        var saved = await factory.QueryAsync(db => db.Tasks.AsNoTracking().SingleAsync(t => t.Id == task.Id));
        Assert.Equal((CaseTaskStatus.Taken, colleague.Id), (saved.Status, saved.AssigneeUserId));
    }

    [Fact]
    public async Task ClosingAsNotNeeded_TakenByAnotherMeanwhile_TheTypedReasonIsKeptOnTheOpenedCard()
    {
        var task = await factory.LeaseTaskAsync("Opgavebegrundelse");
        var colleague = await ColleagueAsync("Opgavebegrundelsekollega");
        using var a = await Browser.SignedInAsync(factory, "sekretariat");
        using var b = await Browser.SignedInAsync(factory, colleague.UserName, "Godt-Kodeord-1");
        var late = await OpenedForm.OpenAsync(a, "/Tasks", "/Tasks?handler=NotNeeded");
        var fields = await LeaseTasks.CardFieldsAsync(a, task.Id);
        fields["Reason"] = "Husstanden har selv skaffet en lejekontrakt";
        await (await OpenedForm.OpenAsync(b, "/Tasks", "/Tasks?handler=Take")).PostAsync(await LeaseTasks.CardFieldsAsync(b, task.Id));

        var result = await late.PostAsync(fields);

        Assert.Equal(HttpStatusCode.OK, result.Status);
        Assert.Contains(ToldAbout("Take", colleague.DisplayName), result.Html, StringComparison.Ordinal);
        var card = result.Html[result.Html.IndexOf($"data-task-id=\"{task.Id}\"", StringComparison.Ordinal)..];
        card = card[..card.IndexOf("</article>", StringComparison.Ordinal)];
        Assert.Contains("<details class=\"details\" open=\"open\">", card, StringComparison.Ordinal);
        Assert.Contains("value=\"Husstanden har selv skaffet en lejekontrakt\"", card, StringComparison.Ordinal);
        var saved = await factory.QueryAsync(db => db.Tasks.AsNoTracking().SingleAsync(t => t.Id == task.Id));
        Assert.Equal(CaseTaskStatus.Taken, saved.Status);
    }

    [Theory]
    [InlineData("Take", "Opgaven er taget.", "Opgavefristtag")]
    [InlineData("Complete", "Opgaven er markeret som udført.", "Opgavefristudfør")]
    public async Task DueDateMovedByAnotherSinceThePageWasOpened_TheActionIsSaved_AndTheNewDueDateTold(string handler, string done, string label)
    {
        var task = await factory.LeaseTaskAsync(label);
        using var worker = await Browser.SignedInAsync(factory, "sekretariat");
        var form = await OpenedForm.OpenAsync(worker, "/Tasks", $"/Tasks?handler={handler}");
        var fields = await LeaseTasks.CardFieldsAsync(worker, task.Id);
        var moved = task.DueDate.AddDays(5);
        await factory.RescheduleAsync(task.Id, moved);

        var result = await form.PostAsync(fields);

        Assert.Equal(HttpStatusCode.OK, result.Status);
        Assert.Contains(done, result.Html, StringComparison.Ordinal);
        Assert.Contains($"Fristen er flyttet til {moved.ToString("d. MMMM yyyy", CultureInfo.GetCultureInfo("da-DK"))}, efter du åbnede siden.", result.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("Opgaven er lige blevet", result.Html, StringComparison.Ordinal);
        var saved = await factory.QueryAsync(db => db.Tasks.AsNoTracking().SingleAsync(t => t.Id == task.Id));
        Assert.Equal(handler == "Take" ? CaseTaskStatus.Taken : CaseTaskStatus.Done, saved.Status);
        Assert.Equal(moved, saved.DueDate);
    }

    internal static string ToldAbout(string winner, string name) => winner switch
    {
        "Take" => $"Opgaven er lige blevet taget af {name}. Se den nye status nedenfor.",
        "Complete" => $"Opgaven er lige blevet markeret som udført af {name}.",
        _ => $"Opgaven er lige blevet lukket som ikke nødvendig af {name}.",
    };

    private async Task<(string UserName, string DisplayName, string Id)> ColleagueAsync(string label)
    {
        var userName = label.ToLowerInvariant().Replace("ø", "oe", StringComparison.Ordinal);
        var displayName = $"Ida {label}";
        return (userName, displayName, await factory.CreateDepartmentWorkerAsync(userName, displayName, "sekretariatet"));
    }
}

using System.Net;
using Indgang.Domain.Tasks;
using Indgang.Tests.Hosting;
using Indgang.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Indgang.Web.Tests.Tasks;

/// <summary>
/// A reason for closing a task as not needed longer than its column (PostgreSQL refused to save it, a server error) is
/// refused beside the card's field, with what was typed kept; the task stays open.
/// </summary>
public sealed class NotNeededReasonLengthTests(IndgangAppFactory factory) : IClassFixture<IndgangAppFactory>
{
    [Fact]
    public async Task ReasonTooLong_IsRefusedBesideTheField_ThenTheLongestIsSaved()
    {
        var task = await factory.LeaseTaskAsync("Ikkenødvendig");
        using var secretariat = await Browser.SignedInAsync(factory, "sekretariat");
        var fields = await LeaseTasks.CardFieldsAsync(secretariat, task.Id);
        var reason = new string('r', 1001);
        fields["Reason"] = reason;

        using var refused = await secretariat.PostFormAsync("/Tasks?handler=NotNeeded", fields, formPage: "/Tasks");
        var html = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains($"id=\"Reason-{task.Id}-error\"><span class=\"sr-only\">Fejl: </span>Begrundelsen må højst være 1.000 tegn.</span>", html, StringComparison.Ordinal);
        Assert.Contains($"value=\"{reason}\"", html, StringComparison.Ordinal);
        Assert.Equal(CaseTaskStatus.Open, (await factory.QueryAsync(db => db.Tasks.SingleAsync(t => t.Id == task.Id))).Status);

        var longest = new string('s', 1000);
        fields["Reason"] = $" {longest} ";
        using var closed = await secretariat.PostFormAsync("/Tasks?handler=NotNeeded", fields, formPage: "/Tasks");
        var after = await factory.QueryAsync(db => db.Tasks.SingleAsync(t => t.Id == task.Id));
        Assert.Equal(CaseTaskStatus.NotNeeded, after.Status);
        Assert.Equal(longest, after.NotNeededReason);
    }
}

using System.Net;
using System.Text.RegularExpressions;
using Indgang.Domain.Reception;
using Indgang.Domain.Tasks;
using Indgang.Tests.Hosting;
using Microsoft.EntityFrameworkCore;

namespace Indgang.Web.Tests.Infrastructure;

/// <summary>A task in the secretariat's queue, and the fields a task card posts.</summary>
public static class LeaseTasks
{
    /// <summary>The lease task (the secretariat's) of a single adult just moved into a room of its own.</summary>
    public static async Task<CaseTask> LeaseTaskAsync(this IndgangAppFactory factory, string label)
    {
        await factory.AddSingleRoomsAsync(label, 1);
        var household = await factory.RegisterSingleAsync(label);
        await factory.MovedInAsync(await factory.UnitIdAsync($"{label} 1"), household, Arrivals.Today);
        return await factory.QueryAsync(db => db.Tasks.AsNoTracking().SingleAsync(t => t.HouseholdId == household && t.Type == TaskType.LeaseContract));
    }

    /// <summary>
    /// The hidden fields of the task's card as the queue shows it now (its version and due date as shown, and the
    /// list's filter and page), with a reason for closing it as not needed. The queue is read page by page until the
    /// task is found.
    /// </summary>
    public static async Task<Dictionary<string, string>> CardFieldsAsync(Browser browser, Guid task)
    {
        for (var page = 1; ; page++)
        {
            var html = await browser.GetPageAsync($"/Tasks?Side={page}");
            if (html.Contains($"data-task-id=\"{task}\"", StringComparison.Ordinal))
            {
                return CardFields(html, task);
            }

            Assert.True(html.Contains("rel=\"next\"", StringComparison.Ordinal), "The task is not in the queue.");
        }
    }

    /// <summary>The hidden fields of the task's card on a page of the queue, with a reason for closing it as not needed.</summary>
    public static Dictionary<string, string> CardFields(string html, Guid task)
    {
        var start = html.IndexOf($"data-task-id=\"{task}\"", StringComparison.Ordinal);
        Assert.True(start >= 0, "The task is not on the page.");
        var card = html[start..html.IndexOf("</article>", start, StringComparison.Ordinal)];
        var fields = Regex.Matches(card, "<input type=\"hidden\" name=\"(?<name>[^\"]+)\" value=\"(?<value>[^\"]*)\"")
            .GroupBy(m => m.Groups["name"].Value)
            .ToDictionary(g => g.Key, g => WebUtility.HtmlDecode(g.First().Groups["value"].Value));
        fields["Reason"] = "Ikke relevant";
        return fields;
    }

    /// <summary>The task marked done by a demo user (of the department that owns it), as their task list does.</summary>
    public static Task<int> CompleteAsAsync(this IndgangAppFactory factory, Guid task, string userName) => factory.QueryAsync(async db =>
    {
        var userId = await db.Users.Where(u => u.UserName == userName).Select(u => u.Id).SingleAsync();
        (await db.Tasks.SingleAsync(t => t.Id == task)).Complete(userId, DateTimeOffset.UtcNow);
        return await db.SaveChangesAsync();
    });

    /// <summary>The task taken by a demo user (of the department that owns it), as their task list does.</summary>
    public static Task<int> TakeAsAsync(this IndgangAppFactory factory, Guid task, string userName) => factory.QueryAsync(async db =>
    {
        var userId = await db.Users.Where(u => u.UserName == userName).Select(u => u.Id).SingleAsync();
        (await db.Tasks.SingleAsync(t => t.Id == task)).Take(userId);
        return await db.SaveChangesAsync();
    });

    /// <summary>
    /// The household's one task of the type (as the arrival checklist gave it), moved to <paramref name="dueDate"/>: its id.
    /// </summary>
    public static async Task<Guid> TaskDueAsync(this IndgangAppFactory factory, Guid household, TaskType type, DateOnly dueDate)
    {
        var task = await factory.QueryAsync(db => db.Tasks.Where(t => t.HouseholdId == household && t.Type == type).Select(t => t.Id).SingleAsync());
        await factory.RescheduleAsync(task, dueDate);
        return task;
    }

    /// <summary>Moves the task's due date, as a move of the household's arrival or move-in does.</summary>
    public static Task<int> RescheduleAsync(this IndgangAppFactory factory, Guid task, DateOnly dueDate) => factory.QueryAsync(async db =>
    {
        var saved = await db.Tasks.SingleAsync(t => t.Id == task);
        saved.Reschedule(dueDate);
        return await db.SaveChangesAsync();
    });
}

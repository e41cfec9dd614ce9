using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Indgang.Domain.Reception;
using Indgang.Domain.Tasks;
using Indgang.Tests.Hosting;
using Indgang.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Indgang.Web.Tests.Tasks;

/// <summary>
/// A department of a test's own, with a worker signed in and tasks of the test's making, so that the test knows every
/// task its work list shows; and the list as read.
/// </summary>
internal static class DepartmentOfItsOwn
{
    /// <summary>The department <paramref name="code"/>, made now, and its worker signed in.</summary>
    public static async Task<(Guid Department, Browser Worker)> DepartmentAsync(this IndgangAppFactory factory, string code)
    {
        var department = await factory.QueryAsync(async db =>
        {
            var municipality = await db.Municipalities.Include(m => m.Departments).SingleAsync();
            var added = municipality.AddDepartment($"Afdeling {code}", code);
            await db.SaveChangesAsync();
            return added.Id;
        });
        await factory.CreateDepartmentWorkerAsync(code, $"Medarbejder {code}", code);
        return (department, await Browser.SignedInAsync(factory, code, "Godt-Kodeord-1"));
    }

    /// <summary>
    /// Adds the tasks to the department's list, for the household (or one of its members), of the type (by default a
    /// start package, which waits for nothing); returns the titles.
    /// </summary>
    public static Task<List<string>> AddTasksAsync(
        this IndgangAppFactory factory, Guid department, Guid household, IEnumerable<(string Title, DateOnly Due)> tasks, Guid? person = null, TaskType type = TaskType.StartPackage) =>
        factory.QueryAsync(async db =>
        {
            var added = tasks.Select(t => new CaseTask(household, person, type, department, t.Title, t.Due)).ToList();
            db.Tasks.AddRange(added);
            await db.SaveChangesAsync();
            return added.ConvertAll(t => t.Title);
        });

    public static async Task<IDocument> PageAsync(Browser browser, string url) =>
        new HtmlParser().ParseDocument(await browser.GetPageAsync(url));

    /// <summary>The titles on the worker's »Overskredne« view, in order, and what the view's label counts.</summary>
    public static async Task<(List<string> Titles, string? Count)> OverdueAsync(Browser worker)
    {
        var page = await PageAsync(worker, "/Tasks?Vis=overskredne");
        return (Titles(page), page.QuerySelector("label[for=Vis-overskredne]")?.TextContent.Trim());
    }

    /// <summary>The titles of the task cards on the page, in order.</summary>
    public static List<string> Titles(IDocument page) =>
        [.. page.QuerySelectorAll("article.task-card h2").Select(h => h.TextContent.Trim())];

    /// <summary>What the list says of how many tasks it shows.</summary>
    public static string? Count(IDocument page) => page.QuerySelector("p.queue-count")?.TextContent.Trim();
}

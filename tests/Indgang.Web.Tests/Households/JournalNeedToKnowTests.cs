using System.Net;
using AngleSharp.Html.Parser;
using Indgang.Tests.Hosting;
using Indgang.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Indgang.Web.Tests.Households;

/// <summary>
/// The journal on a household's case (PLAN-6) is need-to-know: what a person told the coordinator in confidence, about
/// health too, is not read by every department with a task for the household. The coordinator sees every note; a
/// department worker, and the housing coordinator, the notes written in their own department, but not the coordinators'
/// notes, which the coordinators alone read (decision 0014).
/// </summary>
public sealed class JournalNeedToKnowTests(IndgangAppFactory factory) : IClassFixture<IndgangAppFactory>
{
    private static readonly HtmlParser Parser = new();

    [Fact]
    public async Task EachReaderSeesTheNotesOfTheirDepartment_TheCoordinatorSeesAll()
    {
        var household = await factory.RegisterSingleAsync("Journalsen");
        using var coordinator = await Browser.SignedInAsync(factory, "koordinator");
        using var secretariat = await Browser.SignedInAsync(factory, "sekretariat");
        using var health = await Browser.SignedInAsync(factory, "sundhed");
        using var housing = await Browser.SignedInAsync(factory, "bolig");
        await WriteAsync(coordinator, household, "Fortalte om søvnbesvær efter flugten");
        await WriteAsync(secretariat, household, "Lejekontrakt underskrevet");
        await WriteAsync(health, household, "Egen læge valgt");
        await WriteAsync(housing, household, "Opskrevet hos boligselskabet");

        Assert.Equal(["Opskrevet hos boligselskabet", "Egen læge valgt", "Lejekontrakt underskrevet", "Fortalte om søvnbesvær efter flugten"], await NotesAsync(coordinator, household));
        Assert.Equal(["Lejekontrakt underskrevet"], await NotesAsync(secretariat, household));
        Assert.Equal(["Egen læge valgt"], await NotesAsync(health, household));
        // The housing coordinator works in the coordinator's department (Jobberiet in the demo) and reads every household,
        // but has no need to know what a person told the coordinator in confidence, about health and flight too: a
        // coordinator's note is the coordinators' alone, not their department's (HEALTH-3). It reads its own notes.
        Assert.Equal(["Opskrevet hos boligselskabet"], await NotesAsync(housing, household));

        // The worker is told that the journal shows only part of the case; the coordinator is not. Both are told, beside the
        // field, who will read what they write.
        var workerPage = Parser.ParseDocument(await secretariat.GetPageAsync($"/Households/{household}"));
        var coordinatorPage = Parser.ParseDocument(await coordinator.GetPageAsync($"/Households/{household}"));
        Assert.NotNull(workerPage.QuerySelector(".journal-scope"));
        Assert.Null(coordinatorPage.QuerySelector(".journal-scope"));
        Assert.All([workerPage, coordinatorPage], page => Assert.Equal("Note_Text-hint", page.QuerySelector("#Note_Text")?.GetAttribute("aria-describedby")));
        Assert.Equal("Notatet kan læses af koordinatorerne og af dine kolleger i din afdeling.", workerPage.QuerySelector("#Note_Text-hint")?.TextContent.Trim());
        Assert.Equal("Notatet kan kun læses af koordinatorerne.", coordinatorPage.QuerySelector("#Note_Text-hint")?.TextContent.Trim());
    }

    [Fact]
    public async Task ANoteOfAnotherDepartment_CannotBeCorrectedByPostingItsId()
    {
        var household = await factory.RegisterSingleAsync("Rettelsesen");
        using var coordinator = await Browser.SignedInAsync(factory, "koordinator");
        await WriteAsync(coordinator, household, "Fortrolig samtale");
        var note = await factory.QueryAsync(db => db.JournalNotes.Where(n => n.HouseholdId == household).Select(n => n.Id).SingleAsync());
        using var secretariat = await Browser.SignedInAsync(factory, "sekretariat");

        using var refused = await secretariat.PostFormAsync($"/Households/{household}?handler=Correction",
            new Dictionary<string, string> { ["Correction.Text"] = "Rettelse", ["Correction.CorrectsNoteId"] = note.ToString() }, formPage: $"/Households/{household}");

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("Noten, der rettes, findes ikke i denne husstand.", WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(1, await factory.QueryAsync(db => db.JournalNotes.CountAsync(n => n.HouseholdId == household)));
    }

    /// <summary>
    /// A note is read in the department it was written in: its author moving to another department takes it neither out
    /// of the old department's sight nor into the new one's (decision 0012).
    /// </summary>
    [Fact]
    public async Task TheAuthorMovesToAnotherDepartment_TheNoteStaysWithTheDepartmentItWasWrittenIn()
    {
        var household = await factory.RegisterSingleAsync("Flyttejournal");
        var author = await factory.CreateDepartmentWorkerAsync("flyttejournal", "Ida Flyttejournal", "sekretariatet");
        using (var writer = await Browser.SignedInAsync(factory, "flyttejournal", "Godt-Kodeord-1"))
        {
            await WriteAsync(writer, household, "Nøgler aftalt til fredag");
        }

        await factory.QueryAsync(async db =>
        {
            var moved = await db.Departments.Where(d => d.Code == "aeldre-sundhed").Select(d => d.Id).SingleAsync();
            return await db.Users.Where(u => u.Id == author).ExecuteUpdateAsync(set => set.SetProperty(u => u.DepartmentId, moved));
        });
        using var secretariat = await Browser.SignedInAsync(factory, "sekretariat");
        using var health = await Browser.SignedInAsync(factory, "sundhed");

        Assert.Equal(["Nøgler aftalt til fredag"], await NotesAsync(secretariat, household));
        Assert.Empty(await NotesAsync(health, household));
    }

    private static async Task WriteAsync(Browser browser, Guid household, string text)
    {
        using var written = await browser.PostFormAsync($"/Households/{household}?handler=Note",
            new Dictionary<string, string> { ["Note.Text"] = text }, formPage: $"/Households/{household}");
        Assert.Equal(HttpStatusCode.Redirect, written.StatusCode);
    }

    /// <summary>The journal's notes as the reader's household page shows them, the newest first.</summary>
    private static async Task<List<string>> NotesAsync(Browser browser, Guid household) =>
        Parser.ParseDocument(await browser.GetPageAsync($"/Households/{household}"))
            .QuerySelectorAll("article.journal-note .journal-text").Select(p => p.TextContent.Trim()).ToList();
}

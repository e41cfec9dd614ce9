using System.Net;
using AngleSharp.Html.Parser;
using Indgang.Tests.Hosting;
using Indgang.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Indgang.Web.Tests.Households;

/// <summary>
/// A correction of a journal note that is refused (too long, empty) stays a correction of that note: the note's
/// correction form opens again with what was typed and the error beside it, the new note's field stays empty, and
/// sending it again, put right, saves a correction of the note, not a new note.
/// </summary>
public sealed class JournalCorrectionRefusedTests(IndgangAppFactory factory) : IClassFixture<IndgangAppFactory>
{
    private static readonly HtmlParser Parser = new();

    [Fact]
    public async Task ATooLongCorrection_IsShownBesideItsNote_ThenSavedAsItsCorrection()
    {
        var household = await factory.RegisterSingleAsync("Rettelsesfejl");
        using var coordinator = await Browser.SignedInAsync(factory, "koordinator");
        var page = $"/Households/{household}";
        using var written = await coordinator.PostFormAsync($"{page}?handler=Note", new Dictionary<string, string> { ["Note.Text"] = "Samtale om skolestart" }, formPage: page);
        Assert.Equal(HttpStatusCode.Redirect, written.StatusCode);
        var note = await factory.QueryAsync(db => db.JournalNotes.Where(n => n.HouseholdId == household).Select(n => n.Id).SingleAsync());
        var tooLong = new string('r', 8_001);

        using var refused = await coordinator.PostFormAsync($"{page}?handler=Correction",
            new Dictionary<string, string> { ["Correction.Text"] = tooLong, ["Correction.CorrectsNoteId"] = note.ToString() }, formPage: page);

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var html = Parser.ParseDocument(await refused.Content.ReadAsStringAsync());
        var form = html.QuerySelector($"#note-{note} details");
        Assert.NotNull(form);
        Assert.True(form.HasAttribute("open"));
        Assert.Equal(tooLong, form.QuerySelector("textarea[name='Correction.Text']")?.TextContent);
        Assert.Equal("Correction_Text", form.QuerySelector("textarea[name='Correction.Text']")?.Id);
        Assert.Equal(note.ToString(), form.QuerySelector("input[name='Correction.CorrectsNoteId']")?.GetAttribute("value"));
        Assert.Equal("Fejl: Rettelsen må højst være 8.000 tegn.", form.QuerySelector("#Correction_Text-error")?.TextContent.Trim());
        Assert.Equal("#Correction_Text", html.QuerySelector(".alert-error a")?.GetAttribute("href"));
        // The new note's field is left as it was: empty and without an error.
        Assert.Equal("", html.QuerySelector("#Note_Text")?.TextContent);
        Assert.Null(html.QuerySelector("#Note_Text-error"));
        Assert.Equal(1, await factory.QueryAsync(db => db.JournalNotes.CountAsync(n => n.HouseholdId == household)));

        using var saved = await coordinator.PostFormAsync($"{page}?handler=Correction",
            new Dictionary<string, string> { ["Correction.Text"] = "Rettelse: samtalen handlede om dagtilbud", ["Correction.CorrectsNoteId"] = note.ToString() }, formPage: page);

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var notes = await factory.QueryAsync(db => db.JournalNotes.Where(n => n.HouseholdId == household).Select(n => new { n.Text, n.CorrectsNoteId }).ToListAsync());
        Assert.Equal(2, notes.Count);
        Assert.Contains(notes, n => n.Text == "Rettelse: samtalen handlede om dagtilbud" && n.CorrectsNoteId == note);
    }

    [Fact]
    public async Task ANewNoteRefused_IsShownOnTheNewNoteForm_NoCorrectionFormOpens()
    {
        var household = await factory.RegisterSingleAsync("Notatfejl");
        using var coordinator = await Browser.SignedInAsync(factory, "koordinator");
        var page = $"/Households/{household}";
        using var written = await coordinator.PostFormAsync($"{page}?handler=Note", new Dictionary<string, string> { ["Note.Text"] = "Første notat" }, formPage: page);
        Assert.Equal(HttpStatusCode.Redirect, written.StatusCode);
        var tooLong = new string('n', 8_001);

        using var refused = await coordinator.PostFormAsync($"{page}?handler=Note", new Dictionary<string, string> { ["Note.Text"] = tooLong }, formPage: page);

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var html = Parser.ParseDocument(await refused.Content.ReadAsStringAsync());
        Assert.Equal(tooLong, html.QuerySelector("#Note_Text")?.TextContent);
        Assert.Equal("Fejl: Notatet må højst være 8.000 tegn.", html.QuerySelector("#Note_Text-error")?.TextContent.Trim());
        Assert.Equal("#Note_Text", html.QuerySelector(".alert-error a")?.GetAttribute("href"));
        Assert.All(html.QuerySelectorAll("article.journal-note details"), d => Assert.False(d.HasAttribute("open")));
        Assert.Null(html.QuerySelector("#Correction_Text"));
        Assert.Equal(1, await factory.QueryAsync(db => db.JournalNotes.CountAsync(n => n.HouseholdId == household)));
    }
}

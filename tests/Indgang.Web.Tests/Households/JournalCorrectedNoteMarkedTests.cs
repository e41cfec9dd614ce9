using System.Net;
using AngleSharp.Html.Parser;
using Indgang.Tests.Hosting;
using Indgang.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Indgang.Web.Tests.Households;

/// <summary>
/// A note that has been corrected says so where it stands, with a link to the correction: the journal keeps the note as
/// first written, and a reader who meets it alone (further down the journal, after other notes) must not take its
/// wrong words for the truth. A note no one corrected says nothing of the kind.
/// </summary>
public sealed class JournalCorrectedNoteMarkedTests(IndgangAppFactory factory) : IClassFixture<IndgangAppFactory>
{
    private static readonly HtmlParser Parser = new();

    [Fact]
    public async Task ACorrectedNote_IsMarkedCorrected_WithALinkToItsCorrection()
    {
        var household = await factory.RegisterSingleAsync("Rettetnotat");
        using var coordinator = await Browser.SignedInAsync(factory, "koordinator");
        var page = $"/Households/{household}";
        using var written = await coordinator.PostFormAsync($"{page}?handler=Note", new Dictionary<string, string> { ["Note.Text"] = "Tolk: arabisk" }, formPage: page);
        Assert.Equal(HttpStatusCode.Redirect, written.StatusCode);
        using var other = await coordinator.PostFormAsync($"{page}?handler=Note", new Dictionary<string, string> { ["Note.Text"] = "Samtale om skolestart" }, formPage: page);
        Assert.Equal(HttpStatusCode.Redirect, other.StatusCode);
        var original = await factory.QueryAsync(db => db.JournalNotes.Where(n => n.HouseholdId == household && n.Text == "Tolk: arabisk").Select(n => n.Id).SingleAsync());

        using var corrected = await coordinator.PostFormAsync($"{page}?handler=Correction",
            new Dictionary<string, string> { ["Correction.Text"] = "Rettelse: tolken skal være på somali", ["Correction.CorrectsNoteId"] = original.ToString() }, formPage: page);

        Assert.Equal(HttpStatusCode.Redirect, corrected.StatusCode);
        var correction = await factory.QueryAsync(db => db.JournalNotes.Where(n => n.CorrectsNoteId == original).Select(n => n.Id).SingleAsync());
        var html = Parser.ParseDocument(await coordinator.GetPageAsync(page));
        var mark = html.QuerySelector($"#note-{original} [data-testid='corrected-by']");
        Assert.NotNull(mark);
        Assert.StartsWith("Notatet er rettet af Mette Holm", mark.TextContent.Trim(), StringComparison.Ordinal);
        Assert.Equal($"#note-{correction}", mark.QuerySelector("a")?.GetAttribute("href"));
        // The note as first written is still there, and neither the correction nor the note no one corrected is marked.
        Assert.Equal("Tolk: arabisk", html.QuerySelector($"#note-{original} .journal-text")?.TextContent);
        Assert.Single(html.QuerySelectorAll("[data-testid='corrected-by']"));
    }
}

using System.Net;
using AngleSharp.Html.Parser;
using Indgang.Tests.Hosting;
using Indgang.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Indgang.Web.Tests.Households;

/// <summary>
/// A journal note about someone who is not a member of the household, or about a value that is no person, is refused
/// beside »Notatet handler om«, with the note's text kept; the message stood only in the error summary, whose link led
/// to a field that said nothing (found by exploratory review).
/// </summary>
public sealed class JournalNoteAboutRefusedTests(IndgangAppFactory factory) : IClassFixture<IndgangAppFactory>
{
    private static readonly HtmlParser Parser = new();

    [Theory]
    [InlineData(true, "Vælg et medlem af husstanden.")]
    [InlineData(false, "Værdien 'ikke-en-person' er ikke gyldig.")]
    public async Task NoteAboutSomeoneOutsideTheHousehold_IsRefusedBesideTheChoice_TextKept(bool otherHouseholdsMember, string message)
    {
        var household = await factory.RegisterSingleAsync(otherHouseholdsMember ? "Notatandenhusstand" : "Notatingenperson");
        var other = await factory.RegisterSingleAsync(otherHouseholdsMember ? "Notatfremmed" : "Notatfremmedto");
        var stranger = await factory.QueryAsync(db => db.Persons.Where(p => p.HouseholdId == other).Select(p => p.Id).SingleAsync());
        using var coordinator = await Browser.SignedInAsync(factory, "koordinator");

        using var refused = await coordinator.PostFormAsync($"/Households/{household}?handler=Note", new Dictionary<string, string>
        {
            ["Note.Text"] = "Talte om skolestart",
            ["Note.PersonId"] = otherHouseholdsMember ? stranger.ToString() : "ikke-en-person",
        }, formPage: $"/Households/{household}");

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var page = Parser.ParseDocument(await refused.Content.ReadAsStringAsync());
        Assert.Equal($"Fejl: {message}", page.GetElementById("Note_PersonId-error")?.TextContent);
        Assert.Equal("Note_PersonId-error", page.GetElementById("Note_PersonId")?.GetAttribute("aria-describedby"));
        Assert.Equal("Talte om skolestart", page.GetElementById("Note_Text")?.TextContent);
        Assert.False(await factory.QueryAsync(db => db.JournalNotes.AnyAsync(n => n.HouseholdId == household)));
    }
}

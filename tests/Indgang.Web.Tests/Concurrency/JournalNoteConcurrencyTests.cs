using System.Net;
using Indgang.Domain.Audit;
using Indgang.Tests.Hosting;
using Indgang.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Indgang.Web.Tests.Concurrency;

/// <summary>Notes are only ever added: several written to one household at the same moment all land, each logged.</summary>
public sealed class JournalNoteConcurrencyTests(IndgangAppFactory factory) : IClassFixture<IndgangAppFactory>
{
    [Fact]
    public async Task NotesWrittenAtOnce_AllAreSavedAndLogged()
    {
        var (household, _) = await factory.AdultAsync("Notatsamtidig");
        var browsers = new List<Browser>();
        var forms = new List<OpenedForm>();
        for (var i = 0; i < 4; i++)
        {
            browsers.Add(await Browser.SignedInAsync(factory, "koordinator"));
            forms.Add(await OpenedForm.OpenAsync(browsers[i], $"/Households/{household}", $"/Households/{household}?handler=Note"));
        }

        try
        {
            var results = await Task.WhenAll(forms.Select((f, i) => f.PostAsync(new Dictionary<string, string> { ["Note.Text"] = $"Samtidigt notat {i}" })));

            Assert.All(results, r => Assert.Equal(HttpStatusCode.Redirect, r.Status));
            var texts = await factory.QueryAsync(db => db.JournalNotes.Where(n => n.HouseholdId == household).OrderBy(n => n.Text).Select(n => n.Text).ToListAsync());
            Assert.Equal(Enumerable.Range(0, 4).Select(i => $"Samtidigt notat {i}"), texts);
            Assert.Equal(4, await factory.QueryAsync(db => db.AuditEntries.CountAsync(e => e.Action == AuditAction.JournalNoteWritten && e.Details!.Contains(household.ToString()))));
        }
        finally
        {
            browsers.ForEach(b => b.Dispose());
        }
    }
}

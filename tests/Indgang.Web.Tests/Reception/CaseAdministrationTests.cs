using System.Net;
using Indgang.Domain.Audit;
using Indgang.Domain.Deadlines;
using Indgang.Domain.Reception;
using Indgang.Tests.Hosting;
using Indgang.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Indgang.Web.Tests.Reception;

public sealed class CaseAdministrationTests(IndgangAppFactory factory) : IClassFixture<IndgangAppFactory>
{
    [Fact]
    public async Task Day0Override_NeedsReason_ThenMovesTheDeadlines()
    {
        var (household, tesfay) = await MemberAsync("Tesfay");
        using var coordinator = await Browser.SignedInAsync(factory, "koordinator");
        var url = $"/Households/{household}/Day0?personId={tesfay}";
        var date = Arrivals.Today.AddDays(-3);

        using var missing = await coordinator.PostFormAsync(url, new Dictionary<string, string> { ["PersonId"] = tesfay.ToString(), ["Date"] = Arrivals.Iso(date), ["Reason"] = "" }, formPage: url);
        Assert.Contains("Skriv begrundelsen", WebUtility.HtmlDecode(await missing.Content.ReadAsStringAsync()), StringComparison.Ordinal);

        var version = HiddenFields.Value(await coordinator.GetPageAsync(url), "Version");
        using var saved = await coordinator.PostFormAsync(url, new Dictionary<string, string> { ["PersonId"] = tesfay.ToString(), ["Date"] = Arrivals.Iso(date), ["Reason"] = "Tidligere overtagelse efter samtykke", ["Version"] = version }, formPage: url);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var page = WebUtility.HtmlDecode(await coordinator.GetPageAsync($"/Households/{household}"));
        Assert.Contains("ændret", page, StringComparison.Ordinal);
        var contractDue = date.AddMonths(1).ToString("d. MMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("da-DK"));
        Assert.Contains(contractDue, page, StringComparison.Ordinal);
        Assert.Equal(1, await factory.AuditCountAsync(AuditAction.Day0Overridden, tesfay));
    }

    [Fact]
    public async Task JournalNote_EmptyRejected_TextSavedWithAuthor_CorrectionReferencesOriginal()
    {
        var (household, _) = await MemberAsync("Olena");
        using var coordinator = await Browser.SignedInAsync(factory, "koordinator");
        var url = $"/Households/{household}?handler=Note";

        using var empty = await coordinator.PostFormAsync(url, new Dictionary<string, string> { ["Note.Text"] = "" }, formPage: $"/Households/{household}");
        Assert.Contains("Skriv notatet.", WebUtility.HtmlDecode(await empty.Content.ReadAsStringAsync()), StringComparison.Ordinal);

        using var written = await coordinator.PostFormAsync(url, new Dictionary<string, string> { ["Note.Text"] = "Samtale om skolestart" }, formPage: $"/Households/{household}");
        var note = await factory.QueryAsync(db => db.JournalNotes.SingleAsync(n => n.HouseholdId == household));
        using var correction = await coordinator.PostFormAsync($"/Households/{household}?handler=Correction", new Dictionary<string, string> { ["Correction.Text"] = "Rettelse: samtalen handlede om dagtilbud", ["Correction.CorrectsNoteId"] = note.Id.ToString() }, formPage: $"/Households/{household}");

        Assert.Equal(HttpStatusCode.Redirect, written.StatusCode);
        Assert.Equal("Mette Holm", note.AuthorName);
        Assert.True(await factory.QueryAsync(db => db.JournalNotes.AnyAsync(n => n.CorrectsNoteId == note.Id)));
        Assert.Equal("Samtale om skolestart", (await factory.QueryAsync(db => db.JournalNotes.SingleAsync(n => n.Id == note.Id))).Text);
        Assert.Equal(2, await factory.QueryAsync(db => db.AuditEntries.CountAsync(e => e.Action == AuditAction.JournalNoteWritten && e.Details!.Contains(household.ToString()))));
    }

    [Fact]
    public async Task Reassign_ToAnotherCoordinator_IsLoggedAndShown()
    {
        var household = await factory.QueryAsync(db => db.Households.Where(h => h.Name == "Familien Kovalenko").Select(h => h.Id).SingleAsync());
        var other = await factory.CreateCoordinatorAsync("koordinator2", "Kirsten Kofoed");
        using var coordinator = await Browser.SignedInAsync(factory, "koordinator");

        using var bad = await coordinator.PostFormAsync($"/Households/{household}/Reassign", new Dictionary<string, string> { ["CoordinatorUserId"] = "nobody" });
        Assert.Contains("Vælg en koordinator fra listen.", WebUtility.HtmlDecode(await bad.Content.ReadAsStringAsync()), StringComparison.Ordinal);

        var version = HiddenFields.Value(await coordinator.GetPageAsync($"/Households/{household}/Reassign"), "Version");
        using var moved = await coordinator.PostFormAsync($"/Households/{household}/Reassign", new Dictionary<string, string> { ["CoordinatorUserId"] = other, ["Version"] = version });
        Assert.Equal(HttpStatusCode.Redirect, moved.StatusCode);
        Assert.Equal(other, await factory.QueryAsync(db => db.Households.Where(h => h.Id == household).Select(h => h.CoordinatorUserId).SingleAsync()));
        Assert.True(await factory.QueryAsync(db => db.AuditEntries.AnyAsync(e => e.Action == AuditAction.CoordinatorReassigned && e.Details!.Contains(household.ToString()))));
        var page = WebUtility.HtmlDecode(await coordinator.GetPageAsync($"/Households/{household}"));
        Assert.Contains("Kirsten Kofoed", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddMember_FamilyReunifiedChild_JoinsWithOwnTasks()
    {
        var (household, _) = await MemberAsync("Ahmad");
        using var coordinator = await Browser.SignedInAsync(factory, "koordinator");
        var birth = Arrivals.Today.AddYears(-7);

        using var bad = await coordinator.PostFormAsync($"/Households/{household}/AddMember", new Dictionary<string, string>
        {
            ["Input.Members[0].FirstName"] = "Sara",
            ["Input.Members[0].LastName"] = "",
            ["Input.Members[0].BirthDate"] = Arrivals.Iso(birth),
            ["Input.Members[0].Basis"] = "FamilyReunified",
        });
        Assert.Contains("Angiv efternavn.", WebUtility.HtmlDecode(await bad.Content.ReadAsStringAsync()), StringComparison.Ordinal);

        using var added = await coordinator.PostFormAsync($"/Households/{household}/AddMember", new Dictionary<string, string>
        {
            ["Input.Members[0].FirstName"] = "Sara",
            ["Input.Members[0].LastName"] = "Haddad",
            ["Input.Members[0].BirthDate"] = Arrivals.Iso(birth),
            ["Input.Members[0].Basis"] = "FamilyReunified",
            ["Input.Members[0].RelationToFirst"] = "Child",
            ["JoinedOn"] = Arrivals.Iso(Arrivals.Today),
            ["CprRegisteredOn"] = Arrivals.Iso(Arrivals.Today),
        });

        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var sara = await factory.PersonIdAsync("Sara");
        Assert.Equal(household, await factory.QueryAsync(db => db.Persons.Where(p => p.Id == sara).Select(p => p.HouseholdId).SingleAsync()));
        Assert.True(await factory.QueryAsync(db => db.Tasks.AnyAsync(t => t.PersonId == sara && t.Type == TaskType.SchoolOrDaycareOffer)));
        Assert.Equal(1, await factory.AuditCountAsync(AuditAction.MemberAdded, sara));
    }

    [Fact]
    public async Task LocalTarget_AddedByAdmin_IsVersionedAuditedAndShownBesideTheLegalDate()
    {
        using var admin = await Browser.SignedInAsync(factory, "admin");

        using var looser = await admin.PostFormAsync("/Admin/RuleSets", Target("DanishEducationStart", weeks: "9"));
        Assert.Contains("Et lokalt mål skal være strammere end loven", WebUtility.HtmlDecode(await looser.Content.ReadAsStringAsync()), StringComparison.Ordinal);

        using var saved = await admin.PostFormAsync("/Admin/RuleSets", Target("DanishEducationStart", weeks: "4"));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        using var changed = await admin.PostFormAsync("/Admin/RuleSets", Target("DanishEducationStart", weeks: "3"));
        var versions = await factory.QueryAsync(db => db.LocalTargets.Where(e => e.Kind == DeadlineKind.DanishEducationStart).OrderBy(e => e.VersionNumber).ToListAsync());
        Assert.Equal([1, 2], versions.Select(v => v.VersionNumber));
        Assert.Equal(3, versions[^1].Weeks);
        Assert.Equal(2, await factory.QueryAsync(db => db.AuditEntries.CountAsync(e => e.Action == AuditAction.LocalTargetChanged && e.Details!.StartsWith("DanishEducationStart"))));

        var (household, ahmad) = await MemberAsync("Ahmad");
        using var coordinator = await Browser.SignedInAsync(factory, "koordinator");
        var page = WebUtility.HtmlDecode(await coordinator.GetPageAsync($"/Households/{household}"));
        var section = page[page.IndexOf("<h3>Ahmad Haddad</h3>", StringComparison.Ordinal)..];
        var row = section[section.IndexOf("data-deadline=\"DanishEducationStart\"", StringComparison.Ordinal)..];
        row = row[..row.IndexOf("</tr>", StringComparison.Ordinal)];
        Assert.Contains("kommunens mål", row, StringComparison.Ordinal);
        _ = ahmad;
    }

    [Fact]
    public async Task RuleSetsPage_NotAdmin_Returns403()
    {
        using var coordinator = await Browser.SignedInAsync(factory, "koordinator");
        using var response = await coordinator.GetAsync("/Admin/RuleSets");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    private static Dictionary<string, string> Target(string kind, string weeks) => new()
    {
        ["Input.Kind"] = kind,
        ["Input.Weeks"] = weeks,
        ["Input.EffectiveFrom"] = "2024-01-01",
        ["Input.Source"] = "Byrådets beslutning",
    };

    private async Task<(Guid Household, Guid Person)> MemberAsync(string firstName)
    {
        var person = await factory.PersonIdAsync(firstName);
        var household = await factory.QueryAsync(db => db.Persons.Where(p => p.Id == person).Select(p => p.HouseholdId!.Value).SingleAsync());
        return (household, person);
    }
}

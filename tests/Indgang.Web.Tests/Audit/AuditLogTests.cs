using System.Net;
using System.Text.Json;
using Indgang.Domain.Audit;
using Indgang.Tests.Hosting;
using Indgang.Web.Audit;
using Indgang.Web.Data;
using Indgang.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Indgang.Web.Tests.Audit;

public sealed class AuditLogTests(IndgangAppFactory factory) : IClassFixture<IndgangAppFactory>
{
    [Fact]
    public async Task ViewingPerson_WritesExactlyOneReadRowWithActorAndPurpose()
    {
        var ahmad = await factory.PersonIdAsync("Ahmad");
        var before = await factory.AuditCountAsync(AuditAction.PersonRead, ahmad);
        using var browser = await Browser.SignedInAsync(factory, "koordinator");

        var html = WebUtility.HtmlDecode(await browser.GetPageAsync($"/People/{ahmad}"));

        Assert.Contains("Ahmad Haddad", html, StringComparison.Ordinal);
        Assert.Contains("120384-xxxx", html, StringComparison.Ordinal);
        Assert.DoesNotContain("120384-1235", html, StringComparison.Ordinal);
        Assert.Equal(before + 1, await factory.AuditCountAsync(AuditAction.PersonRead, ahmad));
        var row = await factory.QueryAsync(db => db.AuditEntries.Where(e => e.SubjectPersonId == ahmad && e.Action == AuditAction.PersonRead)
            .OrderByDescending(e => e.Sequence).FirstAsync());
        Assert.Equal("koordinator", row.Actor);
        Assert.False(string.IsNullOrWhiteSpace(row.Purpose));
    }

    [Fact]
    public async Task RevealingCpr_ShowsWholeNumberAndLogsIt()
    {
        var ahmad = await factory.PersonIdAsync("Ahmad");
        using var browser = await Browser.SignedInAsync(factory, "koordinator");

        using var response = await browser.PostFormAsync($"/People/{ahmad}?handler=RevealCpr", new Dictionary<string, string>());
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("120384-1235", html, StringComparison.Ordinal);
        Assert.Equal(1, await factory.AuditCountAsync(AuditAction.CprRevealed, ahmad));
    }

    [Fact]
    public async Task ApiPersonLookup_IsAuditedAndMasksCpr()
    {
        var rania = await factory.PersonIdAsync("Rania");
        using var browser = await Browser.SignedInAsync(factory, "koordinator");

        var json = await browser.GetPageAsync($"/api/v1/people/{rania}");
        using var document = JsonDocument.Parse(json);

        Assert.Equal("050787-xxxx", document.RootElement.GetProperty("cprMasked").GetString());
        Assert.Equal(1, await factory.AuditCountAsync(AuditAction.PersonRead, rania));
    }

    [Fact]
    public async Task EditingAnAuditRow_VerificationReportsThatRow()
    {
        var lina = await factory.PersonIdAsync("Lina");
        using var browser = await Browser.SignedInAsync(factory, "koordinator");
        await browser.GetPageAsync($"/People/{lina}");
        await browser.GetPageAsync($"/People/{lina}");
        var target = await factory.QueryAsync(db => db.AuditEntries.Where(e => e.SubjectPersonId == lina).OrderBy(e => e.Sequence).Select(e => e.Sequence).FirstAsync());
        Assert.True((await VerifyAsync()).IsIntact);

        await factory.QueryAsync(db => db.Database.ExecuteSqlInterpolatedAsync(
            $"UPDATE \"AuditEntries\" SET \"Actor\" = 'someone-else' WHERE \"Sequence\" = {target}"));

        var result = await VerifyAsync();
        Assert.False(result.IsIntact);
        Assert.Equal(target, result.FirstBreak!.Sequence);
        Assert.Equal(AuditChainBreakReason.ContentChanged, result.FirstBreak.Reason);
        using var admin = await Browser.SignedInAsync(factory, "admin");
        var page = await admin.GetPageAsync("/Admin/Audit/Verify");
        Assert.Contains($"data-broken-sequence=\"{target}\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AuditRows_CannotBeChangedThroughTheApplication()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IndgangDbContext>();
        var entry = await db.AuditEntries.OrderBy(e => e.Sequence).FirstAsync();
        db.AuditEntries.Remove(entry);

        await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
    }

    [Fact]
    public async Task ExportOfAnIdThatIsNoId_ExportsNothing_LogsNoExport_AndLeadsToTheSearchSayingSo()
    {
        using var admin = await Browser.SignedInAsync(factory, "admin");

        using var export = await admin.GetAsync("/Admin/Audit?handler=Export&personId=abc&format=csv");

        Assert.Equal(HttpStatusCode.Redirect, export.StatusCode);
        Assert.Equal("/Admin/Audit?PersonId=abc", export.Headers.Location?.OriginalString);
        Assert.Contains("Angiv borgerens id som det står i sagen", WebUtility.HtmlDecode(await admin.GetPageAsync(export.Headers.Location!.OriginalString)), StringComparison.Ordinal);
        Assert.Equal(0, await factory.QueryAsync(db => db.AuditEntries.CountAsync(e => e.Action == AuditAction.AuditLogExported && (e.SubjectPersonId == null || e.SubjectPersonId == Guid.Empty))));
    }

    [Fact]
    public async Task AdminSearchAndExport_PerPerson_ContainsTheLookUps()
    {
        var omar = await factory.PersonIdAsync("Omar");
        using (var coordinator = await Browser.SignedInAsync(factory, "koordinator"))
        {
            await coordinator.GetPageAsync($"/People/{omar}");
        }

        using var admin = await Browser.SignedInAsync(factory, "admin");
        var search = WebUtility.HtmlDecode(await admin.GetPageAsync($"/Admin/Audit?PersonId={omar}"));
        using var csv = await admin.GetAsync($"/Admin/Audit?handler=Export&personId={omar}&format=csv");
        var csvBytes = await csv.Content.ReadAsByteArrayAsync();
        var csvText = System.Text.Encoding.UTF8.GetString(csvBytes);
        var json = await admin.GetPageAsync($"/Admin/Audit?handler=Export&personId={omar}&format=json");
        using var document = JsonDocument.Parse(json);

        Assert.Contains("koordinator", search, StringComparison.Ordinal);
        // The action by its name in the reader's language; the export keeps the code's stable name for programs.
        Assert.Contains("2000 Borger set", search, StringComparison.Ordinal);
        Assert.DoesNotContain("PersonRead", search, StringComparison.Ordinal);
        Assert.Contains("<td>Sagsbehandling: visning af borger</td>", search, StringComparison.Ordinal);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType!.MediaType);
        Assert.Equal([0xEF, 0xBB, 0xBF], csvBytes[..3]); // a BOM, so Excel opens Danish letters correctly
        Assert.Contains("sequence,occurred_at_utc,actor,action_code", csvText, StringComparison.Ordinal);
        Assert.Contains(",\"koordinator\",2000,PersonRead,\"Sagsbehandling: visning af borger\",", csvText, StringComparison.Ordinal);
        Assert.Contains(document.RootElement.EnumerateArray(), r => r.GetProperty("actionCode").GetInt32() == 2000);
        Assert.True(await factory.AuditCountAsync(AuditAction.AuditLogExported, omar) >= 2);
        using var englishAdmin = await Browser.SignedInEnglishAsync(factory, "admin");
        var inEnglish = WebUtility.HtmlDecode(await englishAdmin.GetPageAsync($"/Admin/Audit?PersonId={omar}"));
        Assert.Contains("2000 Citizen viewed", inEnglish, StringComparison.Ordinal);
        // The purpose, too, in the reader's language; stored and exported as recorded, in Danish (above).
        Assert.Contains("<td>Casework: citizen viewed</td>", inEnglish, StringComparison.Ordinal);
        Assert.DoesNotContain("Sagsbehandling", inEnglish, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AdminSearch_BadPersonId_ShowsErrorBesideField()
    {
        using var admin = await Browser.SignedInAsync(factory, "admin");
        var html = WebUtility.HtmlDecode(await admin.GetPageAsync("/Admin/Audit?PersonId=ikke-et-id"));

        Assert.Contains("id=\"Citizen-error\"", html, StringComparison.Ordinal);
        Assert.Contains("value=\"ikke-et-id\"", html, StringComparison.Ordinal);
    }

    private async Task<AuditVerification> VerifyAsync()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AuditChainVerifier>().VerifyAsync();
    }
}

using System.Globalization;
using System.Text.Json;
using CsvHelper;
using CsvHelper.Configuration;
using Indgang.Domain.Audit;
using Indgang.Domain.People;
using Indgang.Web.Audit;
using Indgang.Web.Data;
using Indgang.Web.Platform;
using Indgang.Web.Platform.Paging;
using Microsoft.EntityFrameworkCore;

namespace Indgang.Web.Features.Admin.Audit;

/// <summary>
/// One entry of a data subject's audit log; <see cref="ViaHousehold"/> when it names the person's household, not the person
/// (its page, or a list of households, shows the members).
/// </summary>
public sealed record AuditRow(long Sequence, DateTimeOffset OccurredAt, string Actor, int ActionCode, string Action, string Purpose, string? IpAddress, string? Details, bool ViaHousehold = false);

/// <summary>One page of a data subject's audit log (<see cref="AuditSearch.PageForPersonAsync"/>), and which page of how many rows.</summary>
public sealed record AuditPage(IReadOnlyList<AuditRow> Rows, Pagination Pages);

/// <summary>The audit log of one data subject, for the citizen's right to see who looked them up.</summary>
public sealed class AuditSearch(IndgangDbContext db)
{
    /// <summary>
    /// Every entry about the person (<see cref="EntriesAboutAsync"/>), oldest first: the whole insight, as the export
    /// gives it.
    /// </summary>
    public async Task<List<AuditRow>> ForPersonAsync(Guid personId, CancellationToken cancellationToken = default)
    {
        var entries = await EntriesAboutAsync(personId, cancellationToken);
        var all = await entries.OrderBy(e => e.Sequence).ToListAsync(cancellationToken);
        return [.. all.Select(Row)];
    }

    /// <summary>
    /// One page of the entries about the person, oldest first, as the audit page shows them: counted and cut in the
    /// database, so a log of thousands of entries is not read whole to show a hundred. The page asked for as it came in
    /// the address (<see cref="Pagination.Of"/> reads it: one that does not exist is the nearest that does).
    /// </summary>
    public async Task<AuditPage> PageForPersonAsync(Guid personId, string? requestedPage, int pageSize, CancellationToken cancellationToken = default)
    {
        var entries = await EntriesAboutAsync(personId, cancellationToken);
        var pages = Pagination.Of(requestedPage, pageSize, await entries.CountAsync(cancellationToken));
        var shown = await entries.OrderBy(e => e.Sequence).Skip(pages.RowsBefore).Take(pages.PageSize).ToListAsync(cancellationToken);
        return new AuditPage([.. shown.Select(Row)], pages);
    }

    /// <summary>
    /// Every entry about the person, and every entry about their household (<see cref="AuditLog.Household"/>: its page,
    /// the housing lists, its changes) from the moment the person belongs to it: from the person's first entry, and the
    /// household's creation when the person was registered with it (all of them for a person with no entry of their
    /// own). Entries about another member are not theirs. One query (the two kinds joined by UNION ALL, each found
    /// through its own index), to count, order and cut in the database.
    /// </summary>
    private async Task<IQueryable<AuditEntry>> EntriesAboutAsync(Guid personId, CancellationToken cancellationToken)
    {
        var own = db.AuditEntries.AsNoTracking().Where(e => e.SubjectPersonId == personId);
        var householdId = await db.Persons.AsNoTracking().Where(p => p.Id == personId).Select(p => p.HouseholdId).FirstOrDefaultAsync(cancellationToken);
        if (householdId is not { } id)
        {
            return own;
        }

        // With no entry of their own (nothing marks when they joined), all of the household's.
        var first = await own.OrderBy(e => e.Sequence).Select(e => new { e.Sequence, e.Action }).FirstOrDefaultAsync(cancellationToken);
        var from = first?.Sequence ?? long.MinValue;
        var registeredWithIt = first is null || first.Action == AuditAction.PersonCreated;
        return own.Concat(AboutHousehold(id)
            .Where(e => e.Sequence > from || (registeredWithIt && e.Action == AuditAction.HouseholdCreated)));
    }

    /// <summary>The people with this CPR number (one, as a rule): how an insight request names the citizen.</summary>
    public Task<List<Guid>> PersonsWithCprAsync(CprNumber cpr, CancellationToken cancellationToken = default) =>
        db.Persons.AsNoTracking().Where(p => p.Cpr == cpr).Select(p => p.Id).ToListAsync(cancellationToken);

    /// <summary>
    /// The entries about a household (<see cref="AuditLog.Household"/>): without a subject, their details starting with
    /// "Husstand {id}" (a full id, so no other household's start so). Found through the index on that start, as written
    /// here: a query written otherwise scans the whole log (AuditHouseholdIndexTests).
    /// </summary>
    internal IQueryable<AuditEntry> AboutHousehold(Guid householdId)
    {
        var named = AuditLog.Household(householdId);
        return db.AuditEntries.AsNoTracking()
            .Where(e => e.SubjectPersonId == null && e.Details!.Substring(0, AuditLog.HouseholdNameLength) == named);
    }

    // An entry without a subject is about the household (the person's own name them).
    private static AuditRow Row(AuditEntry e) =>
        new(e.Sequence, e.OccurredAt, e.Actor, (int)e.Action, e.Action.ToString(), e.Purpose, e.IpAddress, e.Details, ViaHousehold: e.SubjectPersonId is null);

    /// <summary>
    /// The rows as CSV (RFC 4180, written by CsvHelper): commas, CRLF, the text columns always quoted, and text a
    /// spreadsheet would run as a formula guarded by <see cref="CsvFormula"/>, as the stock export is.
    /// </summary>
    public static string ToCsv(IEnumerable<AuditRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var configuration = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            NewLine = "\r\n",
            ShouldQuote = field => field.Field is { Length: > 0 } && field.Row.Row > 1 && TextColumns.Contains(field.Row.Index),
        };
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        using (var csv = new CsvWriter(text, configuration))
        {
            foreach (var column in Columns)
            {
                csv.WriteField(column);
            }

            csv.NextRecord();
            foreach (var r in rows)
            {
                csv.WriteField(r.Sequence.ToString(CultureInfo.InvariantCulture));
                csv.WriteField(r.OccurredAt.UtcDateTime.ToString("O", CultureInfo.InvariantCulture));
                csv.WriteField(Text(r.Actor));
                csv.WriteField(r.ActionCode.ToString(CultureInfo.InvariantCulture));
                csv.WriteField(r.Action);
                csv.WriteField(Text(r.Purpose));
                csv.WriteField(Text(r.IpAddress));
                csv.WriteField(Text(r.Details));
                csv.WriteField(r.ViaHousehold ? "true" : "false");
                csv.NextRecord();
            }
        }

        return text.ToString();
    }

    // via_household last: added after the others, so a reader by position still finds them where they were.
    private static readonly string[] Columns = ["sequence", "occurred_at_utc", "actor", "action_code", "action", "purpose", "ip_address", "details", "via_household"];

    // Actor, purpose, IP address and details: quoted (an empty one stays empty).
    private static readonly int[] TextColumns = [2, 5, 6, 7];

    private static string Text(string? value) => string.IsNullOrEmpty(value) ? "" : CsvFormula.Neutralise(value);

    public static string ToJson(IEnumerable<AuditRow> rows) => JsonSerializer.Serialize(rows, JsonOptions);

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web) { WriteIndented = true };
}

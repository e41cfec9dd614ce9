using System.Globalization;
using System.Text.Json;
using CsvHelper;
using CsvHelper.Configuration;
using Indgang.Web.Data;
using Indgang.Web.Platform;
using Microsoft.EntityFrameworkCore;

namespace Indgang.Web.Features.Admin.Audit;

public sealed record AuditRow(long Sequence, DateTimeOffset OccurredAt, string Actor, int ActionCode, string Action, string Purpose, string? IpAddress, string? Details);

/// <summary>The audit log of one data subject, for the citizen's right to see who looked them up.</summary>
public sealed class AuditSearch(IndgangDbContext db)
{
    public async Task<List<AuditRow>> ForPersonAsync(Guid personId, CancellationToken cancellationToken = default) =>
        (await db.AuditEntries.AsNoTracking()
            .Where(e => e.SubjectPersonId == personId)
            .OrderBy(e => e.Sequence)
            .ToListAsync(cancellationToken))
        .Select(e => new AuditRow(e.Sequence, e.OccurredAt, e.Actor, (int)e.Action, e.Action.ToString(), e.Purpose, e.IpAddress, e.Details))
        .ToList();

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
                csv.NextRecord();
            }
        }

        return text.ToString();
    }

    private static readonly string[] Columns = ["sequence", "occurred_at_utc", "actor", "action_code", "action", "purpose", "ip_address", "details"];

    // Actor, purpose, IP address and details: quoted (an empty one stays empty).
    private static readonly int[] TextColumns = [2, 5, 6, 7];

    private static string Text(string? value) => string.IsNullOrEmpty(value) ? "" : CsvFormula.Neutralise(value);

    public static string ToJson(IEnumerable<AuditRow> rows) => JsonSerializer.Serialize(rows, JsonOptions);

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web) { WriteIndented = true };
}

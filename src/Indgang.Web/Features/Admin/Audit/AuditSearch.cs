using System.Globalization;
using System.Text;
using System.Text.Json;
using Indgang.Web.Data;
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

    public static string ToCsv(IEnumerable<AuditRow> rows)
    {
        var csv = new StringBuilder("sequence,occurred_at_utc,actor,action_code,action,purpose,ip_address,details\r\n");
        foreach (var r in rows)
        {
            csv.Append(CultureInfo.InvariantCulture, $"{r.Sequence},{r.OccurredAt.UtcDateTime.ToString("O", CultureInfo.InvariantCulture)},{Quote(r.Actor)},{r.ActionCode},{r.Action},{Quote(r.Purpose)},{Quote(r.IpAddress)},{Quote(r.Details)}\r\n");
        }

        return csv.ToString();
    }

    public static string ToJson(IEnumerable<AuditRow> rows) => JsonSerializer.Serialize(rows, JsonOptions);

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    // RFC 4180 quoting, and a leading quote-safe guard against spreadsheet formula injection.
    private static string Quote(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "";
        }

        if (value[0] is '=' or '+' or '-' or '@')
        {
            value = "'" + value;
        }

        return "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }
}

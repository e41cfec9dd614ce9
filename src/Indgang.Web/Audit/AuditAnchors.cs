using System.Globalization;
using Indgang.Domain.Audit;
using Indgang.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Indgang.Web.Audit;

/// <summary>
/// The anchors of the audit chain outside the database: <see cref="FileName"/> in Indgang:Audit:AnchorDirectory (the
/// data folder unless set), one line per anchor ("time sequence hash"), only ever appended to, and each anchor also
/// written to the log. The verifier holds the table to every anchor: rows deleted at the end, or the whole table
/// emptied, show as rows the anchors name and the table lacks. Back the file up apart from the database.
/// </summary>
public sealed partial class AuditAnchors(IConfiguration configuration, IHostEnvironment environment, TimeProvider clock, ILogger<AuditAnchors> logger)
{
    public const string FileName = "audit-anchors.log";
    public const string DirectoryKey = "Indgang:Audit:AnchorDirectory";

    private static readonly Lock FileLock = new();
    private AuditAnchor? _lastWritten;

    /// <summary>
    /// The file's path. Its folder is made at each write, not when the service is made at start: a folder that cannot be
    /// made (a read-only content root on PostgreSQL, where nothing else needs the data folder; a path under a file) fails
    /// that write, which is logged and reported by /health/ready, not the start, and a later write once it can be made.
    /// </summary>
    public string FilePath { get; } = Path.Combine(DirectoryPath(configuration, environment), FileName);

    /// <summary>Every anchor in the file; a line that does not read (one cut short by a crash) is passed over.</summary>
    public IReadOnlyList<AuditAnchor> Read()
    {
        if (!File.Exists(FilePath))
        {
            return [];
        }

        var anchors = new List<AuditAnchor>();
        foreach (var line in File.ReadLines(FilePath))
        {
            var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length == 3 && long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var sequence) && parts[2].Length == 64)
            {
                anchors.Add(new AuditAnchor(sequence, parts[2]));
            }
        }

        return anchors;
    }

    /// <summary>The newest anchor: the one naming the latest row, which the table's end is held to.</summary>
    public static AuditAnchor? Latest(IReadOnlyList<AuditAnchor> anchors)
    {
        ArgumentNullException.ThrowIfNull(anchors);
        return anchors.Count == 0 ? null : anchors.MaxBy(a => a.Sequence);
    }

    /// <summary>
    /// The table's end held to the newest anchor in the file, as the check holds it (<see cref="AuditChainWalker"/>), at
    /// the cost of two rows read: <see cref="AuditChainBreakReason.MissingAfterAnchor"/> when the table ends before the
    /// anchored row (restored from an older backup with the anchor file left in place, or rows cut from the end), and
    /// <see cref="AuditChainBreakReason.AnchorMismatch"/> when the row there has another hash; null when it holds, or
    /// without an anchor. The file is read before the table, so an anchor another server writes meanwhile names a row
    /// the table already has.
    /// </summary>
    public async Task<AuditChainBreak?> HoldTableToLatestAsync(IndgangDbContext db, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (Latest(Read()) is not { } latest)
        {
            return null;
        }

        var last = await db.AuditEntries.AsNoTracking().MaxAsync(e => (long?)e.Sequence, cancellationToken) ?? 0;
        if (last < latest.Sequence)
        {
            return new AuditChainBreak(last, AuditChainBreakReason.MissingAfterAnchor, latest.Sequence);
        }

        var hash = await db.AuditEntries.AsNoTracking().Where(e => e.Sequence == latest.Sequence).Select(e => e.Hash).SingleOrDefaultAsync(cancellationToken);
        return string.Equals(hash, latest.Hash, StringComparison.Ordinal) ? null : new AuditChainBreak(latest.Sequence, AuditChainBreakReason.AnchorMismatch);
    }

    /// <summary>Anchors the chain's last row, unless this process anchored that row already or the table is empty.</summary>
    public async Task<AuditAnchor?> WriteLatestAsync(IndgangDbContext db, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var last = await db.AuditEntries.AsNoTracking()
            .OrderByDescending(e => e.Sequence)
            .Select(e => new AuditAnchor(e.Sequence, e.Hash))
            .FirstOrDefaultAsync(cancellationToken);
        if (last is null || last == _lastWritten)
        {
            return null;
        }

        var line = string.Create(CultureInfo.InvariantCulture, $"{clock.GetUtcNow():yyyy'-'MM'-'dd'T'HH':'mm':'ss'Z'} {last.Sequence} {last.Hash}\n");
        lock (FileLock)
        {
            DataServiceExtensions.CreatePrivateDirectory(Path.GetDirectoryName(FilePath)!, DirectoryKey);
            File.AppendAllText(FilePath, line);
        }

        _lastWritten = last;
        LogAnchored(logger, last.Sequence, last.Hash, FilePath);
        return last;
    }

    private static string DirectoryPath(IConfiguration configuration, IHostEnvironment environment)
    {
        var configured = configuration[DirectoryKey];
        return string.IsNullOrWhiteSpace(configured)
            ? DataServiceExtensions.DataDirectoryPath(configuration, environment)
            : Path.GetFullPath(configured, environment.ContentRootPath);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Audit anchor: sequence {Sequence}, hash {Hash} (appended to {Path}).")]
    private static partial void LogAnchored(ILogger logger, long sequence, string hash, string path);
}

using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Indgang.Domain.Audit;

/// <summary>The hash chain over audit entries, and its verification.</summary>
public static class AuditChain
{
    /// <summary>The "previous hash" of the first entry.</summary>
    public const string GenesisHash = "0000000000000000000000000000000000000000000000000000000000000000";

    /// <summary>
    /// UTC, truncated to whole milliseconds: PostgreSQL keeps microseconds and the SQLite mapping
    /// 0.1 ms, and the hash must survive the round trip through either database.
    /// </summary>
    public static DateTimeOffset Normalise(DateTimeOffset value)
    {
        var utc = value.ToUniversalTime();
        return new DateTimeOffset(utc.Ticks - (utc.Ticks % TimeSpan.TicksPerMillisecond), TimeSpan.Zero);
    }

    /// <summary>Whether the entry's stored hash is the one its content makes with <paramref name="key"/> (<see cref="ComputeHash"/>).</summary>
    public static bool HashHolds(AuditEntry entry, AuditChainKey? key)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return string.Equals(ComputeHash(entry, key), entry.Hash, StringComparison.Ordinal);
    }

    /// <summary>
    /// The entry's hash as its <see cref="AuditEntry.ChainScheme"/> makes it: HMAC-SHA256 with <paramref name="key"/>, or
    /// plain SHA-256 for a row written before the chain was keyed (no key needed).
    /// </summary>
    public static string ComputeHash(AuditEntry entry, AuditChainKey? key)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var canonical = Encoding.UTF8.GetBytes(string.Join(
            '\u001f',
            entry.Sequence.ToString(CultureInfo.InvariantCulture),
            Normalise(entry.OccurredAt).UtcTicks.ToString(CultureInfo.InvariantCulture),
            entry.Actor,
            ((int)entry.Action).ToString(CultureInfo.InvariantCulture),
            entry.SubjectPersonId?.ToString("D") ?? "",
            entry.Purpose,
            entry.IpAddress ?? "",
            entry.Details ?? "",
            entry.PreviousHash));
        var hash = entry.ChainScheme switch
        {
            AuditChainScheme.Sha256 => SHA256.HashData(canonical),
            AuditChainScheme.HmacSha256 => (key ?? throw new ArgumentNullException(nameof(key), "A keyed entry's hash needs the key.")).Sign(canonical),
            _ => throw new ArgumentOutOfRangeException(nameof(entry), entry.ChainScheme, "Unknown audit chain scheme."),
        };
        return Convert.ToHexStringLower(hash);
    }

    /// <summary>Walks entries in sequence order and returns the first broken link, or null when the chain holds.</summary>
    public static AuditChainBreak? FindFirstBreak(IEnumerable<AuditEntry> entriesInSequence, AuditChainKey key, IEnumerable<AuditAnchor>? anchors = null)
    {
        ArgumentNullException.ThrowIfNull(entriesInSequence);
        var walker = new AuditChainWalker(key, anchors);
        foreach (var entry in entriesInSequence)
        {
            if (walker.Accept(entry) is { } broken)
            {
                return broken;
            }
        }

        return walker.Finish();
    }
}

/// <summary>
/// Checks one entry at a time, so a long log can be streamed. A row is broken when its own hash does not match its
/// content, when it does not point at the previous row's hash, when a sequence number is missing (a deleted row), when
/// it has a plain hash after a keyed one, or when an anchor kept outside the database names another hash for it.
/// <see cref="Finish"/> then finds rows missing at the end: an anchor names a row the table no longer has.
/// </summary>
public sealed class AuditChainWalker
{
    private readonly AuditChainKey _key;
    private readonly ILookup<long, string> _anchors;
    private readonly long _lastAnchored;
    private string _previousHash = AuditChain.GenesisHash;
    private long _expectedSequence = 1;
    private bool _keyedSeen;

    public AuditChainWalker(AuditChainKey key, IEnumerable<AuditAnchor>? anchors = null)
    {
        ArgumentNullException.ThrowIfNull(key);
        _key = key;
        var known = (anchors ?? []).ToList();
        _anchors = known.ToLookup(a => a.Sequence, a => a.Hash);
        _lastAnchored = known.Count == 0 ? 0 : known.Max(a => a.Sequence);
    }

    public long Checked { get; private set; }

    /// <summary>Rows checked with a plain hash, written before the chain was keyed.</summary>
    public long Plain { get; private set; }

    /// <summary>Rows checked with a keyed hash.</summary>
    public long Keyed { get; private set; }

    public AuditChainBreak? Accept(AuditEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (entry.Sequence != _expectedSequence)
        {
            return new AuditChainBreak(_expectedSequence, AuditChainBreakReason.MissingRow);
        }

        if (!string.Equals(entry.PreviousHash, _previousHash, StringComparison.Ordinal))
        {
            return new AuditChainBreak(entry.Sequence, AuditChainBreakReason.LinkBroken);
        }

        if (_keyedSeen && entry.ChainScheme != AuditChainScheme.HmacSha256)
        {
            return new AuditChainBreak(entry.Sequence, AuditChainBreakReason.PlainAfterKeyed);
        }

        if (entry.ChainScheme is not (AuditChainScheme.Sha256 or AuditChainScheme.HmacSha256)
            || !AuditChain.HashHolds(entry, _key))
        {
            return new AuditChainBreak(entry.Sequence, AuditChainBreakReason.ContentChanged);
        }

        if (_anchors[entry.Sequence].Any(h => !string.Equals(h, entry.Hash, StringComparison.Ordinal)))
        {
            return new AuditChainBreak(entry.Sequence, AuditChainBreakReason.AnchorMismatch);
        }

        _keyedSeen |= entry.ChainScheme == AuditChainScheme.HmacSha256;
        if (_keyedSeen)
        {
            Keyed++;
        }
        else
        {
            Plain++;
        }

        _previousHash = entry.Hash;
        _expectedSequence++;
        Checked++;
        return null;
    }

    /// <summary>After the last row: a break when an anchor names a later row than the table has (rows deleted at the end).</summary>
    public AuditChainBreak? Finish() =>
        _lastAnchored >= _expectedSequence
            ? new AuditChainBreak(_expectedSequence - 1, AuditChainBreakReason.MissingAfterAnchor, _lastAnchored)
            : null;
}

/// <summary>A row's sequence and hash, written outside the database; the row must still be there with that hash.</summary>
public sealed record AuditAnchor(long Sequence, string Hash);

public enum AuditChainBreakReason
{
    ContentChanged = 1,
    LinkBroken = 2,
    MissingRow = 3,

    /// <summary>A row with a plain hash after a keyed one: a keyed row rewritten by someone without the key.</summary>
    PlainAfterKeyed = 4,

    /// <summary>The row's hash is not the one an anchor outside the database recorded for it.</summary>
    AnchorMismatch = 5,

    /// <summary>The table ends before the last anchored row: rows deleted at the end (<see cref="AuditChainBreak.Sequence"/> is the last row left).</summary>
    MissingAfterAnchor = 6,
}

/// <summary>Where the chain breaks, and why; for rows missing at the end, also the last sequence an anchor recorded.</summary>
public sealed record AuditChainBreak(long Sequence, AuditChainBreakReason Reason, long? AnchoredSequence = null);

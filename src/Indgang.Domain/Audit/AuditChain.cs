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

    public static string ComputeHash(AuditEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var canonical = string.Join(
            '\u001f',
            entry.Sequence.ToString(CultureInfo.InvariantCulture),
            Normalise(entry.OccurredAt).UtcTicks.ToString(CultureInfo.InvariantCulture),
            entry.Actor,
            ((int)entry.Action).ToString(CultureInfo.InvariantCulture),
            entry.SubjectPersonId?.ToString("D") ?? "",
            entry.Purpose,
            entry.IpAddress ?? "",
            entry.Details ?? "",
            entry.PreviousHash);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
    }

    /// <summary>Walks entries in sequence order and returns the first broken link, or null when the chain holds.</summary>
    public static AuditChainBreak? FindFirstBreak(IEnumerable<AuditEntry> entriesInSequence)
    {
        ArgumentNullException.ThrowIfNull(entriesInSequence);
        var walker = new AuditChainWalker();
        foreach (var entry in entriesInSequence)
        {
            if (walker.Accept(entry) is { } broken)
            {
                return broken;
            }
        }

        return null;
    }
}

/// <summary>
/// Checks one entry at a time, so a long log can be streamed. A row is broken when its own hash
/// does not match its content, when it does not point at the previous row's hash, or when a
/// sequence number is missing (a deleted row).
/// </summary>
public sealed class AuditChainWalker
{
    private string _previousHash = AuditChain.GenesisHash;
    private long _expectedSequence = 1;

    public long Checked { get; private set; }

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

        if (!string.Equals(AuditChain.ComputeHash(entry), entry.Hash, StringComparison.Ordinal))
        {
            return new AuditChainBreak(entry.Sequence, AuditChainBreakReason.ContentChanged);
        }

        _previousHash = entry.Hash;
        _expectedSequence++;
        Checked++;
        return null;
    }
}

public enum AuditChainBreakReason
{
    ContentChanged = 1,
    LinkBroken = 2,
    MissingRow = 3,
}

public sealed record AuditChainBreak(long Sequence, AuditChainBreakReason Reason);

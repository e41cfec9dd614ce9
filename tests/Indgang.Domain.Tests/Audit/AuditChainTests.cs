using Indgang.Domain.Audit;

namespace Indgang.Domain.Tests.Audit;

/// <summary>
/// The keyed chain against someone who can write the database but has not the key: each way of changing the log is
/// found, with the row and the reason, and the chain as it should be (plain rows from before the key, keyed rows after
/// them) holds.
/// </summary>
public sealed class AuditChainTests
{
    private static readonly AuditChainKey Key = AuditChainKey.Generate();

    public enum Tampering
    {
        None,
        TailDeleted,
        TailDeletedWithoutAnchor,
        Emptied,
        EmptiedWithoutAnchor,
        RowRewrittenPlainOnward,
        RowRewrittenPlainButMarkedKeyed,
        RowRewrittenWithAnotherKey,
        KeyedRowsDowngradedUnchanged,
        AllKeyedRowsDowngradedUnchanged,
        WholeChainRewrittenPlain,
    }

    /// <summary>Six rows: 1–3 plain (before the key), 4–6 keyed; the anchor names row 6 unless the case says none.</summary>
    [Theory]
    [InlineData(Tampering.None, null, null, 6, 3, 3)]
    [InlineData(Tampering.TailDeleted, AuditChainBreakReason.MissingAfterAnchor, 4L, 4, 3, 1)]
    [InlineData(Tampering.TailDeletedWithoutAnchor, null, null, 4, 3, 1)] // why the anchor is needed
    [InlineData(Tampering.Emptied, AuditChainBreakReason.MissingAfterAnchor, 0L, 0, 0, 0)]
    [InlineData(Tampering.EmptiedWithoutAnchor, null, null, 0, 0, 0)] // why the anchor is needed
    [InlineData(Tampering.RowRewrittenPlainOnward, AuditChainBreakReason.PlainAfterKeyed, 5L, 4, 3, 1)]
    [InlineData(Tampering.RowRewrittenPlainButMarkedKeyed, AuditChainBreakReason.ContentChanged, 5L, 4, 3, 1)]
    [InlineData(Tampering.RowRewrittenWithAnotherKey, AuditChainBreakReason.ContentChanged, 5L, 4, 3, 1)]
    [InlineData(Tampering.KeyedRowsDowngradedUnchanged, AuditChainBreakReason.PlainAfterKeyed, 5L, 4, 3, 1)]
    [InlineData(Tampering.AllKeyedRowsDowngradedUnchanged, AuditChainBreakReason.AnchorMismatch, 6L, 5, 5, 0)]
    [InlineData(Tampering.WholeChainRewrittenPlain, AuditChainBreakReason.AnchorMismatch, 6L, 5, 5, 0)]
    public void Walk_FindsTheTampering(Tampering tampering, AuditChainBreakReason? reason, long? sequence, long checkedRows, long plain, long keyed)
    {
        var chain = Chain([null, null, null, Key, Key, Key]);
        AuditAnchor[] anchors = [new(6, chain[5].Hash)];
        (chain, anchors) = tampering switch
        {
            Tampering.None => (chain, anchors),
            Tampering.TailDeleted => (chain[..4], anchors),
            Tampering.TailDeletedWithoutAnchor => (chain[..4], []),
            Tampering.Emptied => ([], anchors),
            Tampering.EmptiedWithoutAnchor => ([], []),
            Tampering.RowRewrittenPlainOnward => (Rewrite(chain, 5, null, "someone-else"), anchors),
            Tampering.RowRewrittenPlainButMarkedKeyed => (MarkKeyed(Rewrite(chain, 5, null, "someone-else")), anchors),
            Tampering.RowRewrittenWithAnotherKey => (Rewrite(chain, 5, AuditChainKey.Generate(), "someone-else"), anchors),
            Tampering.KeyedRowsDowngradedUnchanged => (Rewrite(chain, 5, null, null), anchors),
            Tampering.AllKeyedRowsDowngradedUnchanged => (Rewrite(chain, 4, null, null), anchors),
            Tampering.WholeChainRewrittenPlain => (Rewrite(chain, 1, null, "someone-else"), anchors),
            _ => throw new ArgumentOutOfRangeException(nameof(tampering)),
        };

        var walker = new AuditChainWalker(Key, anchors);
        var found = chain.Select(walker.Accept).FirstOrDefault(b => b is not null) ?? walker.Finish();

        Assert.Equal(reason, found?.Reason);
        Assert.Equal(sequence, found?.Sequence);
        Assert.Equal((checkedRows, plain, keyed), (walker.Checked, walker.Plain, walker.Keyed));
        Assert.Equal(found, AuditChain.FindFirstBreak(chain, Key, anchors));
    }

    [Fact]
    public void TailDeleted_TheBreakNamesTheAnchoredSequence()
    {
        var chain = Chain([Key, Key, Key]);

        var found = AuditChain.FindFirstBreak(chain[..1], Key, [new(2, chain[1].Hash), new(3, chain[2].Hash)]);

        Assert.Equal(new AuditChainBreak(1, AuditChainBreakReason.MissingAfterAnchor, 3), found);
    }

    [Theory]
    [InlineData(null, AuditChainScheme.Sha256)]
    [InlineData("key", AuditChainScheme.HmacSha256)]
    public void NewEntry_IsKeyedExactlyWhenGivenAKey(string? keyed, AuditChainScheme scheme)
    {
        var entry = Chain([keyed is null ? null : Key])[0];

        Assert.Equal(scheme, entry.ChainScheme);
        Assert.Equal(AuditChain.ComputeHash(entry, Key), entry.Hash);
        Assert.Equal(scheme == AuditChainScheme.HmacSha256, entry.Hash != AuditChain.ComputeHash(WithScheme(entry, AuditChainScheme.Sha256), null));
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("c2hvcnQ=", "too short")]
    [InlineData("!!!!", "not base64")]
    public void Key_FromConfiguration_MustBeBase64OfAtLeast32Bytes(string configured, string why)
    {
        Assert.NotEmpty(why);
        Assert.Throws<FormatException>(() => AuditChainKey.FromBase64(configured));
    }

    [Fact]
    public void Key_RoundTripsThroughBase64()
    {
        var copy = AuditChainKey.FromBase64(Key.ToBase64());
        var entry = Chain([Key])[0];

        Assert.Equal(entry.Hash, AuditChain.ComputeHash(entry, copy));
    }

    private static AuditEntry[] Chain(AuditChainKey?[] keys)
    {
        var entries = new AuditEntry[keys.Length];
        var previous = AuditChain.GenesisHash;
        for (var i = 0; i < keys.Length; i++)
        {
            entries[i] = Entry(i + 1, "koordinator", previous, keys[i]);
            previous = entries[i].Hash;
        }

        return entries;
    }

    /// <summary>What someone with write access does: changes row <paramref name="from"/> (the actor, if given) and recomputes every hash from it on.</summary>
    private static AuditEntry[] Rewrite(AuditEntry[] chain, long from, AuditChainKey? attackersKey, string? actor)
    {
        var rewritten = chain.ToArray();
        var previous = from == 1 ? AuditChain.GenesisHash : chain[from - 2].Hash;
        for (var i = (int)from - 1; i < chain.Length; i++)
        {
            rewritten[i] = Entry(chain[i].Sequence, i == from - 1 && actor is not null ? actor : chain[i].Actor, previous, attackersKey);
            previous = rewritten[i].Hash;
        }

        return rewritten;
    }

    private static AuditEntry[] MarkKeyed(AuditEntry[] chain) =>
        [.. chain.Select(e => e.ChainScheme == AuditChainScheme.Sha256 && e.Sequence >= 4 ? WithScheme(e, AuditChainScheme.HmacSha256) : e)];

    /// <summary>The row with its scheme column changed and nothing else, as an UPDATE would leave it.</summary>
    private static AuditEntry WithScheme(AuditEntry entry, AuditChainScheme scheme)
    {
        var copy = Entry(entry.Sequence, entry.Actor, entry.PreviousHash, null);
        typeof(AuditEntry).GetProperty(nameof(AuditEntry.Hash))!.SetValue(copy, entry.Hash);
        typeof(AuditEntry).GetProperty(nameof(AuditEntry.ChainScheme))!.SetValue(copy, scheme);
        return copy;
    }

    private static AuditEntry Entry(long sequence, string actor, string previousHash, AuditChainKey? key) =>
        new(sequence, new DateTimeOffset(2026, 12, 3, 12, 0, 0, TimeSpan.Zero).AddMinutes(sequence), actor, AuditAction.PersonRead,
            Guid.Parse("3f1c2a8e-0000-4000-8000-000000000001"), "Sagsbehandling", "10.0.0.1", null, previousHash, key);
}

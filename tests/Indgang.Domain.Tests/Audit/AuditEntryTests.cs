using Indgang.Domain.Audit;

namespace Indgang.Domain.Tests.Audit;

public sealed class AuditEntryTests
{
    [Theory]
    [InlineData(0, 0)]
    [InlineData(1999, 1999)]
    [InlineData(2000, 2000)]
    [InlineData(2001, 2000)]
    [InlineData(5000, 2000)]
    public void Details_LongerThanTheColumn_AreCutWithAnEllipsis_AndTheHashCoversWhatIsKept(int typed, int kept)
    {
        var entry = Entry(new string('x', typed));

        Assert.Equal(kept, entry.Details!.Length);
        Assert.Equal(typed > AuditEntry.DetailsLength, entry.Details.EndsWith('…'));
        Assert.Equal(AuditChain.ComputeHash(entry, Key), entry.Hash);
    }

    [Fact]
    public void Details_None_StayNone() => Assert.Null(Entry(null).Details);

    private static readonly AuditChainKey Key = AuditChainKey.Generate();

    private static AuditEntry Entry(string? details) =>
        new(1, new DateTimeOffset(2026, 11, 30, 12, 0, 0, TimeSpan.Zero), "system", AuditAction.SignInFailed, null, "Log ind", null, details, AuditChain.GenesisHash, Key);
}

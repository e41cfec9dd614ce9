using Indgang.Domain.Audit;
using Indgang.Tests.Hosting;
using Indgang.Web.Audit;
using Indgang.Web.Data;
using Indgang.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Indgang.Web.Tests.Audit;

/// <summary>
/// Someone who can write the database but has not the chain's key, nor the anchor file: what they do to the audit log is
/// reported by the check. Each test tampers with a log of its own (an app of its own), since a tampered log stays so.
/// </summary>
public sealed class AuditTamperingTests
{
    [Fact]
    public async Task TailDeleted_IsReportedAsEntriesMissingAfterTheLastRowLeft()
    {
        await using var factory = new IndgangAppFactory();
        await AppendAsync(factory, 5);
        var anchored = (await AnchorAsync(factory))!.Sequence;

        await SqlAsync(factory, $"DELETE FROM \"AuditEntries\" WHERE \"Sequence\" > {anchored - 3}");

        var result = await VerifyAsync(factory);
        Assert.Equal(new AuditChainBreak(anchored - 3, AuditChainBreakReason.MissingAfterAnchor, anchored), result.FirstBreak);
        using var admin = await Browser.SignedInAsync(factory, "admin");
        var page = await admin.GetPageAsync("/Admin/Audit/Verify");
        Assert.Contains("id=\"audit-verification\"", page, StringComparison.Ordinal);
        Assert.Contains($"data-anchored-sequence=\"{anchored}\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EmptiedTable_WithAnAnchor_IsReportedAsTampered()
    {
        await using var factory = new IndgangAppFactory();
        await AppendAsync(factory, 2);
        var anchored = (await AnchorAsync(factory))!.Sequence;

        await SqlAsync(factory, "DELETE FROM \"AuditEntries\"");

        var result = await VerifyAsync(factory);
        Assert.False(result.IsIntact);
        Assert.Equal(0, result.RowsChecked);
        Assert.Equal(new AuditChainBreak(0, AuditChainBreakReason.MissingAfterAnchor, anchored), result.FirstBreak);
    }

    /// <summary>
    /// Someone without the key changes a keyed row and recomputes plain SHA-256 hashes from it to the end, as they could
    /// before the chain was keyed: marked plain it is a plain row after keyed ones, marked keyed its hash is wrong.
    /// </summary>
    [Theory]
    [InlineData(AuditChainScheme.Sha256, AuditChainBreakReason.PlainAfterKeyed)]
    [InlineData(AuditChainScheme.HmacSha256, AuditChainBreakReason.ContentChanged)]
    public async Task RowRewritten_WithPlainHashesRecomputedOnward_IsReported(AuditChainScheme markedAs, AuditChainBreakReason reason)
    {
        await using var factory = new IndgangAppFactory();
        await AppendAsync(factory, 4);
        var rows = await factory.QueryAsync(db => db.AuditEntries.AsNoTracking().OrderByDescending(e => e.Sequence).Take(3).ToListAsync());
        rows.Reverse();
        Assert.True((await VerifyAsync(factory)).IsIntact);

        var previous = rows[0].PreviousHash;
        foreach (var row in rows)
        {
            var actor = row == rows[0] ? "someone-else" : row.Actor;
            var forged = new AuditEntry(row.Sequence, row.OccurredAt, actor, row.Action, row.SubjectPersonId, row.Purpose, row.IpAddress, row.Details, previous, key: null);
            await factory.QueryAsync(db => db.Database.ExecuteSqlInterpolatedAsync(
                $"UPDATE \"AuditEntries\" SET \"Actor\" = {actor}, \"PreviousHash\" = {previous}, \"Hash\" = {forged.Hash}, \"ChainScheme\" = {(int)markedAs} WHERE \"Sequence\" = {row.Sequence}"));
            previous = forged.Hash;
        }

        var result = await VerifyAsync(factory);
        Assert.Equal(new AuditChainBreak(rows[0].Sequence, reason), result.FirstBreak);
    }

    /// <summary>An installed log: rows hashed before the key (plain), then the app's keyed rows; all of it holds, each kind counted.</summary>
    [Fact]
    public async Task ChainOfPlainRowsFromBeforeTheKeyThenKeyedRows_IsIntact()
    {
        await using var factory = new IndgangAppFactory();
        await SqlAsync(factory, "DELETE FROM \"AuditEntries\"");
        File.Delete(Anchors(factory).FilePath);
        await factory.QueryAsync(db =>
        {
            var previous = AuditChain.GenesisHash;
            for (var sequence = 1; sequence <= 3; sequence++)
            {
                var old = new AuditEntry(sequence, DateTimeOffset.UtcNow.AddDays(-10 + sequence), "koordinator", AuditAction.PersonRead, Guid.NewGuid(), "Sagsbehandling", null, null, previous, key: null);
                db.AuditEntries.Add(old);
                previous = old.Hash;
            }

            return db.SaveChangesAsync();
        });
        await AppendAsync(factory, 2);
        await AnchorAsync(factory);

        var result = await VerifyAsync(factory);
        Assert.True(result.IsIntact, result.FirstBreak?.ToString());
        Assert.Equal((5L, 3L, 2L), (result.RowsChecked, result.PlainRows, result.KeyedRows));
        using var admin = await Browser.SignedInAsync(factory, "admin");
        var page = await admin.GetPageAsync("/Admin/Audit/Verify");
        Assert.Contains("alert alert-success", page, StringComparison.Ordinal);
        Assert.Contains("data-plain-rows=\"3\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Production_WithoutTheChainKey_RefusesToStart()
    {
        await using var factory = new KeylessProductionFactory();

        var refused = Record.Exception(() => factory.CreateClient());

        Assert.NotNull(refused);
        Assert.Contains("Indgang:Audit:ChainKey is not set", refused.ToString(), StringComparison.Ordinal);
    }

    /// <summary>Production as it would start with the key forgotten.</summary>
    private sealed class KeylessProductionFactory : IndgangAppFactory
    {
        protected override string EnvironmentName => "Production";

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Indgang:Audit:ChainKey", "");
        }
    }

    private static async Task AppendAsync(IndgangAppFactory factory, int entries)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var audit = scope.ServiceProvider.GetRequiredService<AuditLog>();
        for (var i = 0; i < entries; i++)
        {
            await audit.RecordAsAsync("koordinator", AuditAction.PersonRead, Guid.NewGuid(), AuditPurpose.PersonCase);
        }
    }

    private static AuditAnchors Anchors(IndgangAppFactory factory) => factory.Services.GetRequiredService<AuditAnchors>();

    private static async Task<AuditAnchor?> AnchorAsync(IndgangAppFactory factory)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await Anchors(factory).WriteLatestAsync(scope.ServiceProvider.GetRequiredService<IndgangDbContext>());
    }

    private static Task<int> SqlAsync(IndgangAppFactory factory, string sql) =>
        factory.QueryAsync(db => db.Database.ExecuteSqlRawAsync(sql));

    private static async Task<AuditVerification> VerifyAsync(IndgangAppFactory factory)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AuditChainVerifier>().VerifyAsync();
    }
}

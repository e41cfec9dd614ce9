using Indgang.Domain.Audit;
using Indgang.Tests.Hosting;
using Indgang.Web.Audit;
using Indgang.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Indgang.Web.Tests.Audit;

/// <summary>
/// A server started with another audit chain key than the log was written with (<see cref="AuditChainKeyCheck"/>): it
/// does not start, says why, and writes nothing; before, it started, chained its rows with its own key, and the check then
/// reported the log "BROKEN … ContentChanged". Each test starts a second server on the first's database, as an operator
/// restarts one with a changed setting.
/// </summary>
public sealed class AuditChainKeyChangedTests
{
    private const string Refusal = "The configured audit chain key differs from the one the audit log was written with";

    [Fact]
    public async Task Production_AnotherChainKey_RefusesToStart_WithoutWritingARow_AndTheRightKeyStillStarts()
    {
        await using var first = new ProductionServer();
        await AppendAsync(first, 3);
        var rowsBefore = await first.QueryAsync(db => db.AuditEntries.MaxAsync(e => e.Sequence));

        await using var changed = new ProductionServer(first, AuditChainKey.Generate().ToBase64());
        var refused = Record.Exception(() => changed.Services);

        Assert.NotNull(refused);
        Assert.Contains(Refusal, refused.ToString(), StringComparison.Ordinal);
        Assert.Contains("Indgang:Audit:ChainKey", refused.ToString(), StringComparison.Ordinal);
        Assert.Equal(rowsBefore, await first.QueryAsync(db => db.AuditEntries.MaxAsync(e => e.Sequence)));
        Assert.True((await VerifyAsync(first)).IsIntact);

        await using var same = new ProductionServer(first);
        await AppendAsync(same, 1);
        Assert.True((await VerifyAsync(same)).IsIntact);
    }

    /// <summary>Outside Production the key is the file in the data folder: a file with another key is refused the same way.</summary>
    [Fact]
    public async Task AnotherKeyFile_RefusesToStart()
    {
        await using var first = new IndgangAppFactory();
        await AppendAsync(first, 1);
        await using var changed = new SecondServer(first);
        Directory.CreateDirectory(changed.DataDirectory);
        await File.WriteAllTextAsync(Path.Combine(changed.DataDirectory, AuditChainKeySource.DevelopmentKeyFile), AuditChainKey.Generate().ToBase64());

        var refused = Record.Exception(() => changed.Services);

        Assert.NotNull(refused);
        Assert.Contains(Refusal, refused.ToString(), StringComparison.Ordinal);
    }

    /// <summary>A log with only rows from before the key (plain hashes) says nothing of the key: a server starts on it.</summary>
    [Fact]
    public async Task OnlyPlainRowsFromBeforeTheKey_AnotherKeyStarts()
    {
        await using var first = new ProductionServer();
        await first.QueryAsync(db => db.Database.ExecuteSqlRawAsync("DELETE FROM \"AuditEntries\""));
        var anchors = first.Services.GetRequiredService<AuditAnchors>().FilePath;
        if (File.Exists(anchors))
        {
            File.Delete(anchors);
        }

        await first.QueryAsync(db =>
        {
            db.AuditEntries.Add(new AuditEntry(1, DateTimeOffset.UtcNow.AddDays(-1), "koordinator", AuditAction.PersonRead, Guid.NewGuid(), "Sagsbehandling", null, null, AuditChain.GenesisHash, key: null));
            return db.SaveChangesAsync();
        });

        await using var other = new ProductionServer(first, AuditChainKey.Generate().ToBase64());
        await AppendAsync(other, 1);

        Assert.Equal(2, await other.QueryAsync(db => db.AuditEntries.CountAsync()));
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

    private static async Task<AuditVerification> VerifyAsync(IndgangAppFactory factory)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AuditChainVerifier>().VerifyAsync();
    }

    /// <summary>A second server on the first's database, in the first's environment (the test suite's).</summary>
    private sealed class SecondServer(IndgangAppFactory firstServer) : IndgangAppFactory(firstServer);

    /// <summary>A Production server; a second one on the first's database has the first's key unless given another.</summary>
    private sealed class ProductionServer : IndgangAppFactory
    {
        private readonly string? _chainKey;

        public ProductionServer()
        {
        }

        public ProductionServer(ProductionServer firstServer, string? chainKey = null)
            : base(firstServer)
        {
            _chainKey = chainKey;
        }

        protected override string EnvironmentName => "Production";

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            if (_chainKey is not null)
            {
                builder.UseSetting(AuditChainKeySource.ConfigurationKey, _chainKey);
            }
        }
    }
}

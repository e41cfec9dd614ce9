using Indgang.Domain.Audit;
using Indgang.Web.Audit;
using Indgang.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Indgang.Web.Tests.Audit;

/// <summary>
/// The audit chain's end is anchored every few minutes (Indgang:Audit:AnchorMinutes, 5 unless set), not every hour: the
/// interval is how many of the newest rows could be cut from the end unseen. A pass that finds nothing written since the
/// last anchor writes none, so an idle server does not fill the anchor file.
/// </summary>
public sealed class AuditAnchorIntervalTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "indgang-anchors", Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task NoIntervalSet_AnchorsEveryFiveMinutes()
    {
        await using var server = new AnchoredServer(_directory);

        Assert.Equal(TimeSpan.FromMinutes(5), AnchorService(server).Interval);
    }

    [Fact]
    public async Task TheIntervalSet_IsTheOneAnchoredBy()
    {
        await using var server = new IntervalServer(_directory, "7");

        Assert.Equal(TimeSpan.FromMinutes(7), AnchorService(server).Interval);
    }

    [Fact]
    public async Task APassWithNothingWrittenSinceTheLastAnchor_WritesNone_AndOneAfterARow_WritesOne()
    {
        await using var server = new AnchoredServer(_directory);
        await server.AnchorNowAsync();
        var before = await File.ReadAllLinesAsync(server.AnchorFile);

        await server.AnchorNowAsync();
        await server.AnchorNowAsync();

        Assert.Equal(before, await File.ReadAllLinesAsync(server.AnchorFile));

        await using (var scope = server.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<AuditLog>().RecordAsAsync("koordinator", AuditAction.PersonRead, Guid.NewGuid(), AuditPurpose.PersonCase);
        }

        await server.AnchorNowAsync();

        Assert.Equal(before.Length + 1, (await File.ReadAllLinesAsync(server.AnchorFile)).Length);
    }

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    private static AuditAnchorService AnchorService(AnchoredServer server) =>
        server.Services.GetServices<IHostedService>().OfType<AuditAnchorService>().Single();

    private sealed class IntervalServer(string anchorDirectory, string minutes) : AnchoredServer(anchorDirectory)
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting(AuditAnchorOptions.MinutesKey, minutes);
        }
    }
}

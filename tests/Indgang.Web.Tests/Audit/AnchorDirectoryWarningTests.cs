using Indgang.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;

namespace Indgang.Web.Tests.Audit;

/// <summary>
/// A Production installation without Indgang:Audit:AnchorDirectory says at start where its audit anchors go and that the
/// setting should name a folder apart: they went into the data folder (on PostgreSQL inside the application's folder,
/// which a new release replaces) without a word (found by the operator's review). With the setting, nothing is said.
/// </summary>
public sealed class AnchorDirectoryWarningTests
{
    private const string NotSet = "The audit anchors are written to ";

    [Fact]
    public async Task Production_WithoutTheAnchorFolderSet_WarnsAtStart_NamingTheSetting()
    {
        await using var server = new ProductionServer();
        _ = server.Services;

        var warning = Assert.Single(server.Log.At(LogLevel.Warning), m => m.StartsWith(NotSet, StringComparison.Ordinal));
        Assert.Contains("as Indgang:Audit:AnchorDirectory is not set", warning, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithTheAnchorFolderSet_NothingIsSaid()
    {
        var anchors = Path.Combine(Path.GetTempPath(), "indgang-tests", "anchors-" + Guid.NewGuid().ToString("N"));
        await using var server = new ProductionServer(anchors);
        _ = server.Services;

        Assert.DoesNotContain(server.Log.At(LogLevel.Warning), m => m.StartsWith(NotSet, StringComparison.Ordinal));
        if (Directory.Exists(anchors))
        {
            Directory.Delete(anchors, recursive: true);
        }
    }

    private sealed class ProductionServer(string? anchorDirectory = null) : LoggedAppFactory
    {
        protected override string EnvironmentName => "Production";

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            if (anchorDirectory is not null)
            {
                builder.UseSetting("Indgang:Audit:AnchorDirectory", anchorDirectory);
            }
        }
    }
}

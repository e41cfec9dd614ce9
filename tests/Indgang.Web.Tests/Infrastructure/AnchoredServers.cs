using System.Net;
using Indgang.Web.Audit;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Indgang.Web.Tests.Infrastructure;

/// <summary>
/// A server whose audit anchors are in a folder the test names (Indgang:Audit:AnchorDirectory), its log kept; a second
/// one on the first's database, given the same folder, finds the first's anchors on either database.
/// </summary>
public class AnchoredServer : LoggedAppFactory
{
    private readonly string _anchorDirectory;

    public AnchoredServer(string anchorDirectory) => _anchorDirectory = anchorDirectory;

    public AnchoredServer(AnchoredServer firstServer, string anchorDirectory)
        : base(firstServer) => _anchorDirectory = anchorDirectory;

    public string AnchorFile => Path.Combine(_anchorDirectory, AuditAnchors.FileName);

    /// <summary>What /health/ready answers: its status code and its text.</summary>
    public async Task<(HttpStatusCode Status, string Text)> ReadyAsync()
    {
        using var browser = Browser.For(this);
        using var response = await browser.GetAsync("/health/ready");
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    /// <summary>An anchor pass now, as the app makes one every Indgang:Audit:AnchorMinutes.</summary>
    public Task AnchorNowAsync() =>
        Services.GetServices<IHostedService>().OfType<AuditAnchorService>().Single().AnchorAsync(CancellationToken.None);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting(AuditAnchors.DirectoryKey, _anchorDirectory);
    }
}

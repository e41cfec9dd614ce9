using System.Net;
using Indgang.Web.Audit;
using Indgang.Web.Tests.Infrastructure;
using Microsoft.Extensions.Logging;

namespace Indgang.Web.Tests.Audit;

/// <summary>
/// An anchor folder the app cannot write to: before, anchoring stopped with one error in the log while /health/ready
/// said Healthy. Now /health/ready answers Degraded with a short reason until a later anchor write succeeds; the path
/// and the error are in the log, not on that anonymous address. The folder is a
/// path under a regular file, which no one can make: the tests run as root, whom permission bits do not stop.
/// </summary>
public sealed class AnchorFolderNotWritableTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("indgang-anchors-").FullName;

    [Fact]
    public async Task ReadyIsDegradedWithTheReason_UntilAnAnchorIsWritten()
    {
        var file = Path.Combine(_folder, "a-file");
        await File.WriteAllTextAsync(file, "not a folder");
        await using var server = new AnchoredServer(Path.Combine(file, "anchors"));

        var ready = await server.ReadyAsync();

        Assert.Equal(HttpStatusCode.OK, ready.Status);
        Assert.StartsWith("Degraded", ready.Text, StringComparison.Ordinal);
        Assert.Contains($"{AuditAnchorHealth.Name}: The last audit anchor write, at ", ready.Text, StringComparison.Ordinal);
        Assert.Contains("failed; the application's log says why.", ready.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(_folder, ready.Text, StringComparison.Ordinal);
        Assert.Contains(server.Log.At(LogLevel.Error), m => m.StartsWith($"Could not write the audit anchor to {server.AnchorFile}", StringComparison.Ordinal));

        File.Delete(file);
        await server.AnchorNowAsync();

        Assert.Equal((HttpStatusCode.OK, "Healthy"), await server.ReadyAsync());
        Assert.True(File.Exists(server.AnchorFile));
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}

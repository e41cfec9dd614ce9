using Indgang.Web.Platform;
using Indgang.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Indgang.Web.Tests.Audit;

/// <summary>
/// <c>--verify-audit</c> with the anchor file gone: it said »intact« and exited 0, so entries deleted at the end after the
/// file was moved aside passed (found by operator review). Now a keyed log with no anchor is not confirmed: exit 2.
/// </summary>
public sealed class VerifyAuditWithoutAnchorTests : IDisposable
{
    private readonly string _anchors = Directory.CreateTempSubdirectory("indgang-anchors-").FullName;

    [Fact]
    public async Task TheAnchorFileMovedAside_ExitsTwo_AndSaysTheEndIsNotConfirmed_ThenBackInPlace_ExitsZero()
    {
        await using var server = new AnchoredServer(_anchors);
        await server.AnchorNowAsync();
        File.Move(server.AnchorFile, server.AnchorFile + ".aside");

        var (withoutAnchor, said) = await VerifyAsync(server);

        Assert.Equal(CommandLine.EndNotConfirmed, withoutAnchor);
        Assert.Contains($"End of the audit log NOT confirmed: no anchor in {server.AnchorFile}", said, StringComparison.Ordinal);

        File.Move(server.AnchorFile + ".aside", server.AnchorFile);
        var (withAnchor, heldSaid) = await VerifyAsync(server);
        Assert.Equal(0, withAnchor);
        Assert.Contains($"Held against the anchors in {server.AnchorFile}", heldSaid, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_anchors, recursive: true);

    private static async Task<(int Exit, string Said)> VerifyAsync(AnchoredServer server)
    {
        await using var scope = server.Services.CreateAsyncScope();
        var output = new StringWriter();
        var exit = await CommandLine.VerifyAuditAsync(scope.ServiceProvider, output);
        return (exit, output.ToString());
    }
}

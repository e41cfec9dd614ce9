using Indgang.Web.Audit;

namespace Indgang.Web.Platform;

/// <summary>
/// Operator commands that run instead of the web server:
/// `dotnet run --project src/Indgang.Web -- --verify-audit` checks the audit hash chain with its key and against the
/// anchors outside the database, and exits 0 (intact) or 1.
/// </summary>
internal static class CommandLine
{
    public static async Task<bool> TryRunAsync(string[] args)
    {
        if (!args.Contains("--verify-audit", StringComparer.Ordinal))
        {
            return false;
        }

        var builder = WebApplication.CreateBuilder(args.Where(a => a != "--verify-audit").ToArray());
        builder.AddIndgang();
        await using var app = builder.Build();
        await using var scope = app.Services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<AuditChainVerifier>().VerifyAsync();
        await Console.Out.WriteLineAsync(AuditChainReport.Describe(result));
        await Console.Out.WriteLineAsync(result.LastAnchor is { } anchor
            ? $"Held against the anchors in {scope.ServiceProvider.GetRequiredService<AuditAnchors>().FilePath} (latest: sequence {anchor.Sequence})."
            : $"No anchor in {scope.ServiceProvider.GetRequiredService<AuditAnchors>().FilePath}: entries deleted at the end cannot be seen.");
        Environment.ExitCode = result.IsIntact ? 0 : 1;
        return true;
    }
}

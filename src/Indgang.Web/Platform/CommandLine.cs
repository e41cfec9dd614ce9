using Indgang.Web.Audit;
using Indgang.Web.Identity;

namespace Indgang.Web.Platform;

/// <summary>
/// Operator commands that run instead of the web server:
/// `dotnet run --project src/Indgang.Web -- --verify-audit` checks the audit hash chain with its key and against the
/// anchors outside the database, and exits 0 (intact) or 1; `--reset-password &lt;user name&gt;` sets a user's password
/// (<see cref="PasswordResetCommand"/>).
/// </summary>
internal static class CommandLine
{
    public static async Task<bool> TryRunAsync(string[] args)
    {
        var reset = Array.IndexOf(args, PasswordResetCommand.Option);
        if (reset >= 0)
        {
            var userName = reset + 1 < args.Length ? args[reset + 1] : null;
            var password = Environment.GetEnvironmentVariable(PasswordResetCommand.PasswordVariable) ?? await Console.In.ReadLineAsync();
            var resetBuilder = WebApplication.CreateBuilder(args.Where((_, i) => i != reset && i != reset + 1).ToArray());
            resetBuilder.AddIndgang();
            await using var resetApp = resetBuilder.Build();
            await using var resetScope = resetApp.Services.CreateAsyncScope();
            Environment.ExitCode = await PasswordResetCommand.RunAsync(resetScope.ServiceProvider, userName, password, Console.Out);
            return true;
        }

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

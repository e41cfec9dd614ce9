using Indgang.Web.Audit;
using Indgang.Web.Identity;

namespace Indgang.Web.Platform;

/// <summary>
/// Operator commands that run instead of the web server:
/// `dotnet run --project src/Indgang.Web -- --verify-audit` checks the audit hash chain with its key and against the
/// anchors outside the database, and exits 0 (intact), 1 (broken) or 2 (no anchor confirms the end of a keyed log); `--reset-password &lt;user name&gt;` sets a user's password
/// (<see cref="PasswordResetCommand"/>).
/// </summary>
internal static class CommandLine
{
    /// <summary>Exit code when the chain holds but no anchor file confirms its end: rows cut from the end could not be seen.</summary>
    public const int EndNotConfirmed = 2;

    public static async Task<bool> TryRunAsync(string[] args)
    {
        var reset = Array.IndexOf(args, PasswordResetCommand.Option);
        if (reset >= 0)
        {
            var userName = reset + 1 < args.Length ? args[reset + 1] : null;
            var password = Environment.GetEnvironmentVariable(PasswordResetCommand.PasswordVariable)
                ?? (userName is null || userName.StartsWith("--", StringComparison.Ordinal) ? null : await HiddenPasswordInput.ReadAsync(userName));
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
        Environment.ExitCode = await VerifyAuditAsync(scope.ServiceProvider, Console.Out);
        return true;
    }

    /// <summary>
    /// <c>--verify-audit</c>: 0 when the chain holds and its end to the newest anchor; 1 when broken; <see cref="EndNotConfirmed"/>
    /// when keyed rows are there and no anchor is: before, a lost or moved anchor file passed with exit 0, and so did
    /// entries deleted at the end after it was moved aside (found by operator review).
    /// </summary>
    public static async Task<int> VerifyAuditAsync(IServiceProvider services, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(output);
        var result = await services.GetRequiredService<AuditChainVerifier>().VerifyAsync();
        var anchorFile = services.GetRequiredService<AuditAnchors>().FilePath;
        await output.WriteLineAsync(AuditChainReport.Describe(result));
        if (result.LastAnchor is { } anchor)
        {
            await output.WriteLineAsync($"Held against the anchors in {anchorFile} (latest: sequence {anchor.Sequence}).");
            return result.IsIntact ? 0 : 1;
        }

        if (result.IsIntact && result.KeyedRows > 0)
        {
            await output.WriteLineAsync($"End of the audit log NOT confirmed: no anchor in {anchorFile}, so entries deleted at the end cannot be seen. " +
                $"Give --verify-audit the server's {AuditAnchors.DirectoryKey}; if the anchor file is lost, restore it from its backup.");
            return EndNotConfirmed;
        }

        await output.WriteLineAsync($"No anchor in {anchorFile}: entries deleted at the end cannot be seen.");
        return result.IsIntact ? 0 : 1;
    }
}

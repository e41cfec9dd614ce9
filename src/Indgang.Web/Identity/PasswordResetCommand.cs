using Indgang.Domain.Audit;
using Indgang.Web.Audit;
using Indgang.Web.Features.Admin.Users;
using Microsoft.AspNetCore.Identity;

namespace Indgang.Web.Identity;

/// <summary>
/// The operator's way in for a sole administrator who forgot the password (the bootstrap setting creates no one while an
/// administrator exists): <c>dotnet Indgang.Web.dll --reset-password &lt;user name&gt;</c>, the new password read from the
/// environment variable <see cref="PasswordVariable"/> or from stdin, never from the command line (where <c>ps</c> shows
/// it). The password is held to the same rules as on the admin page (Identity's validators); as there, the account's
/// lock-out ends (a disabled account stays disabled), its security stamp changes so its sessions end, and the audit log
/// records it, by the system.
/// </summary>
internal static class PasswordResetCommand
{
    public const string Option = "--reset-password";
    public const string PasswordVariable = "INDGANG_NEW_PASSWORD";

    /// <summary>0 when the password is set; 1 with the reason said when the user is not there or the password is refused.</summary>
    public static async Task<int> RunAsync(IServiceProvider services, string? userName, string? password, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(output);
        if (string.IsNullOrWhiteSpace(userName) || userName.StartsWith("--", StringComparison.Ordinal))
        {
            await output.WriteLineAsync($"{Option}: give the user name after it ({Option} <user name>); the new password in {PasswordVariable} or on stdin.");
            return 1;
        }

        if (string.IsNullOrEmpty(password))
        {
            await output.WriteLineAsync($"{Option}: no new password: set {PasswordVariable} or write it on stdin. Nothing was changed.");
            return 1;
        }

        var users = services.GetRequiredService<UserManager<IndgangUser>>();
        var user = await users.FindByNameAsync(userName);
        if (user is null)
        {
            await output.WriteLineAsync($"{Option}: there is no user named {userName}. Nothing was changed.");
            return 1;
        }

        // A new password is a new security stamp (ResetPasswordAsync): the user's sessions end at their next check.
        var result = await users.ResetPasswordAsync(user, await users.GeneratePasswordResetTokenAsync(user), password);
        if (!result.Succeeded)
        {
            await output.WriteLineAsync($"{Option}: the password was refused: {string.Join(" ", result.Errors.Select(e => e.Description))} Nothing was changed.");
            return 1;
        }

        var disabled = user.LockoutEnd >= EditModel.DisabledUntil;
        if (!disabled)
        {
            await users.SetLockoutEndDateAsync(user, null);
        }

        await users.ResetAccessFailedCountAsync(user);
        await services.GetRequiredService<AuditLog>().RecordAsAsync(AuditLog.SystemActor, AuditAction.PasswordReset, null, AuditPurpose.UserAdministration, $"{user.UserName} ({Option})");
        await output.WriteLineAsync(disabled
            ? $"The password of {user.UserName} is set, and their sessions end. The account is still disabled: an administrator enables it under Brugere."
            : $"The password of {user.UserName} is set, the account is unlocked, and their sessions end.");
        return 0;
    }
}

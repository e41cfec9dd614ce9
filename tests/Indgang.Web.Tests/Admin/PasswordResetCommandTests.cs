using Indgang.Domain.Audit;
using Indgang.Tests.Hosting;
using Indgang.Web.Audit;
using Indgang.Web.Identity;
using Indgang.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Indgang.Web.Tests.Admin;

/// <summary>
/// The operator's <c>--reset-password &lt;user name&gt;</c>: a sole administrator who forgot the password is let in again
/// without a hand edit of the database, which was all the README offered (found by operator review). Run here as the
/// command line runs it, on the app's services.
/// </summary>
public sealed class PasswordResetCommandTests(IndgangAppFactory factory) : IClassFixture<IndgangAppFactory>
{
    private const string NewPassword = "Glemt-og-Fundet-2026";

    [Fact]
    public async Task ALockedOutUser_GetsTheNewPassword_IsUnlocked_LosesTheirSessions_AndTheAuditLogSaysSo()
    {
        var before = await WithUserAsync("skole", async (users, user) =>
        {
            await users.SetLockoutEndDateAsync(user, DateTimeOffset.UtcNow.AddHours(1));
            await users.AccessFailedAsync(user);
            return user.SecurityStamp;
        });
        var output = new StringWriter();

        var exit = await RunAsync("skole", NewPassword, output);

        Assert.Equal(0, exit);
        Assert.Contains("The password of skole is set, the account is unlocked", output.ToString(), StringComparison.Ordinal);
        await WithUserAsync("skole", async (users, user) =>
        {
            Assert.True(await users.CheckPasswordAsync(user, NewPassword));
            Assert.False(await users.IsLockedOutAsync(user));
            Assert.Equal(0, user.AccessFailedCount);
            Assert.NotEqual(before, user.SecurityStamp);
            return 0;
        });
        using var signedIn = await Browser.SignedInAsync(factory, "skole", NewPassword);
        var entry = await factory.QueryAsync(db => db.AuditEntries.AsNoTracking()
            .Where(e => e.Action == AuditAction.PasswordReset && e.Details == "skole (--reset-password)")
            .Select(e => new { e.Actor, e.Purpose }).SingleAsync());
        Assert.Equal(AuditLog.SystemActor, entry.Actor);
        Assert.Equal(AuditPurpose.UserAdministration.Text, entry.Purpose);
    }

    [Fact]
    public async Task APasswordThePageWouldRefuse_IsRefused_WithIdentitysReason_AndNothingChanges()
    {
        var output = new StringWriter();

        var exit = await RunAsync("frivillig", "kort", output);

        Assert.Equal(1, exit);
        Assert.Contains("the password was refused", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("Nothing was changed.", output.ToString(), StringComparison.Ordinal);
        await WithUserAsync("frivillig", async (users, user) =>
        {
            Assert.True(await users.CheckPasswordAsync(user, "Demo-1234"));
            return 0;
        });
        Assert.False(await factory.QueryAsync(db => db.AuditEntries.AnyAsync(e => e.Action == AuditAction.PasswordReset && e.Details == "frivillig (--reset-password)")));
    }

    [Fact]
    public async Task AUserWhoIsNotThere_IsSaid_AndTheExitCodeIsNotZero()
    {
        var output = new StringWriter();

        Assert.Equal(1, await RunAsync("ingen-saadan", NewPassword, output));
        Assert.Contains("there is no user named ingen-saadan", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task NoPassword_IsSaid_AndTheExitCodeIsNotZero()
    {
        var output = new StringWriter();

        Assert.Equal(1, await RunAsync("leder", null, output));
        Assert.Contains(PasswordResetCommand.PasswordVariable, output.ToString(), StringComparison.Ordinal);
    }

    private async Task<int> RunAsync(string userName, string? password, StringWriter output)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await PasswordResetCommand.RunAsync(scope.ServiceProvider, userName, password, output);
    }

    private async Task<T> WithUserAsync<T>(string userName, Func<UserManager<IndgangUser>, IndgangUser, Task<T>> act)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<IndgangUser>>();
        return await act(users, (await users.FindByNameAsync(userName))!);
    }
}

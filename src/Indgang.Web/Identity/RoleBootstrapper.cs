using Indgang.Domain.Audit;
using Indgang.Web.Audit;
using Indgang.Web.Data;
using Microsoft.AspNetCore.Identity;

namespace Indgang.Web.Identity;

/// <summary>
/// Makes sure every role exists and, on a new installation, creates the first administrator from
/// configuration (Indgang:BootstrapAdmin:UserName and :Password) so IT can sign in and create the rest. The creation is
/// in the audit log as a user created by the system, as the admin page's creations are by their administrator.
/// </summary>
internal sealed partial class RoleBootstrapper(
    RoleManager<IdentityRole> roles,
    UserManager<IndgangUser> users,
    IConfiguration configuration,
    AuditLog audit,
    IndgangDbContext db,
    ILogger<RoleBootstrapper> logger)
{
    public async Task EnsureAsync()
    {
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                await roles.CreateAsync(new IdentityRole(role));
            }
        }

        var userName = configuration["Indgang:BootstrapAdmin:UserName"];
        var password = configuration["Indgang:BootstrapAdmin:Password"];
        if (string.IsNullOrWhiteSpace(userName) || string.IsNullOrWhiteSpace(password))
        {
            return;
        }

        if ((await users.GetUsersInRoleAsync(Roles.Administrator)).Count > 0)
        {
            // Said, not passed over in silence: an operator who set it to get in again (a forgotten password) learns why
            // nothing happened, and one who left the password in configuration after the first start is reminded.
            LogAdministratorExists(logger);
            return;
        }

        if (await users.FindByNameAsync(userName) is not null)
        {
            // No administrator, and the name is taken by an account without the role: it is not given the role from
            // configuration (its password is its owner's); another name creates a new administrator.
            LogNameTaken(logger, userName);
            return;
        }

        // The user, the role and the audit row are one transaction: before, a start that failed after the first save left an
        // account without the role, whose name the next start refused to use (found by operator review).
        await using var transaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync() : null;
        var admin = new IndgangUser { UserName = userName, DisplayName = "Administrator" };
        var created = await users.CreateAsync(admin, password);
        if (created.Succeeded)
        {
            created = await users.AddToRoleAsync(admin, Roles.Administrator);
        }

        if (!created.Succeeded)
        {
            throw new InvalidOperationException("Bootstrap administrator: " + string.Join("; ", created.Errors.Select(e => e.Description)));
        }

        await audit.RecordAsAsync(AuditLog.SystemActor, AuditAction.UserCreated, null, AuditPurpose.UserAdministration, $"{userName}: {Roles.Administrator} (Indgang:BootstrapAdmin)");
        if (transaction is not null)
        {
            await transaction.CommitAsync();
        }

        LogCreated(logger, userName);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Created the bootstrap administrator {UserName}; remove the password from configuration.")]
    private static partial void LogCreated(ILogger logger, string userName);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Indgang:BootstrapAdmin is set, but the installation has an administrator already: no user was created from it. Remove the password from configuration. An administrator unlocks a user, or sets a new password, under Brugere.")]
    private static partial void LogAdministratorExists(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "No user has the Administrator role, and the bootstrap user name {UserName} is taken by another account; set another name in Indgang:BootstrapAdmin:UserName to create an administrator.")]
    private static partial void LogNameTaken(ILogger logger, string userName);
}

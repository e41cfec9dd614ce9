using System.Net;
using Indgang.Tests.Hosting;
using Indgang.Web.Audit;
using Indgang.Web.Features.Admin.Users;
using Indgang.Web.Identity;
using Indgang.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Indgang.Web.Tests.Admin;

/// <summary>
/// No one shuts the municipality out of its own administration: an administrator who took the role from themselves (the
/// only administrator, say) left no one who could give it back, and a restart with the bootstrap settings still in place
/// then failed on the taken name.
/// </summary>
public sealed class LastAdministratorTests(IndgangAppFactory factory) : IClassFixture<IndgangAppFactory>
{
    [Fact]
    public async Task AnAdministrator_CannotTakeTheAdministratorRoleFromThemselves_ToldBesideTheRoles()
    {
        var adminId = await factory.QueryAsync(db => db.Users.Where(u => u.UserName == "admin").Select(u => u.Id).SingleAsync());
        using var admin = await Browser.SignedInAsync(factory, "admin");
        var url = $"/Admin/Users/Edit/{adminId}";

        using var refused = await admin.PostFormAsync(url, new Dictionary<string, string>
        {
            ["Input.DisplayName"] = "Admin",
            ["Input.Roles"] = Roles.Manager,
            ["Version"] = HiddenFields.Value(await admin.GetPageAsync(url), "Version"),
        });

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains(EditModel.OwnAdministratorRole, WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/Admin/Users")).StatusCode);
        Assert.True(await InRoleAsync("admin", Roles.Administrator));
    }

    [Fact]
    public async Task AnAdministrator_MayTakeTheRoleFromAnother()
    {
        var other = await factory.QueryAsync(db => db.Users.Where(u => u.UserName == "leder").Select(u => u.Id).SingleAsync());
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<IndgangUser>>();
            Assert.True((await users.AddToRoleAsync((await users.FindByIdAsync(other))!, Roles.Administrator)).Succeeded);
        }

        using var admin = await Browser.SignedInAsync(factory, "admin");
        var url = $"/Admin/Users/Edit/{other}";
        var version = HiddenFields.Value(await admin.GetPageAsync(url), "Version");
        using var saved = await admin.PostFormAsync(url, new Dictionary<string, string>
        {
            ["Input.DisplayName"] = "Leder", ["Input.Roles"] = Roles.Manager, ["Version"] = version,
        });

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.False(await InRoleAsync("leder", Roles.Administrator));
    }

    /// <summary>
    /// Two administrators take the role from each other (the second still signed in with it, as sessions are checked once
    /// a minute): the second save would leave no one, and is refused.
    /// </summary>
    [Fact]
    public async Task TwoAdministratorsTakingTheRoleFromEachOther_TheSecondIsRefused()
    {
        var ids = await factory.QueryAsync(db => db.Users.Where(u => u.UserName == "admin" || u.UserName == "sundhed").ToDictionaryAsync(u => u.UserName!, u => u.Id));
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<IndgangUser>>();
            Assert.True((await users.AddToRoleAsync((await users.FindByIdAsync(ids["sundhed"]))!, Roles.Administrator)).Succeeded);
        }

        using var first = await Browser.SignedInAsync(factory, "admin");
        using var second = await Browser.SignedInAsync(factory, "sundhed");
        async Task<HttpResponseMessage> TakeRoleAsync(Browser by, string userId, string name)
        {
            var url = $"/Admin/Users/Edit/{userId}";
            return await by.PostFormAsync(url, new Dictionary<string, string>
            {
                ["Input.DisplayName"] = name, ["Input.Roles"] = Roles.Manager, ["Version"] = HiddenFields.Value(await by.GetPageAsync(url), "Version"),
            });
        }

        using var secondOpened = await second.GetAsync($"/Admin/Users/Edit/{ids["admin"]}");
        Assert.Equal(HttpStatusCode.OK, secondOpened.StatusCode);
        using (var taken = await TakeRoleAsync(first, ids["sundhed"], "Sundhed"))
        {
            Assert.Equal(HttpStatusCode.Redirect, taken.StatusCode);
        }

        using var refused = await TakeRoleAsync(second, ids["admin"], "Admin");

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains(EditModel.NoAdministratorLeft, WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.True(await InRoleAsync("admin", Roles.Administrator));
    }

    /// <summary>With no administrator left and the bootstrap name taken by an account without the role, the app still starts.</summary>
    [Fact]
    public async Task Bootstrap_NoAdministrator_AndTheNameTaken_DoesNotThrow_NorGivesTheRole()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<IndgangUser>>();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Indgang:BootstrapAdmin:UserName"] = "teknik",
            ["Indgang:BootstrapAdmin:Password"] = "Bootstrap-2026-x",
        }).Build();
        var bootstrapper = new RoleBootstrapper(scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>(), users, configuration, scope.ServiceProvider.GetRequiredService<AuditLog>(), scope.ServiceProvider.GetRequiredService<Data.IndgangDbContext>(), NullLogger<RoleBootstrapper>.Instance);
        var db = scope.ServiceProvider.GetRequiredService<Data.IndgangDbContext>();
        await using var transaction = await db.Database.BeginTransactionAsync();
        foreach (var administrator in await users.GetUsersInRoleAsync(Roles.Administrator))
        {
            Assert.True((await users.RemoveFromRoleAsync(administrator, Roles.Administrator)).Succeeded);
        }

        await bootstrapper.EnsureAsync();

        Assert.Empty(await users.GetUsersInRoleAsync(Roles.Administrator));
        Assert.False(await users.CheckPasswordAsync((await users.FindByNameAsync("teknik"))!, "Bootstrap-2026-x"));
        await transaction.RollbackAsync();
    }

    /// <summary>
    /// With an administrator there, the bootstrap settings create no one, and the log says so: before, nothing was said,
    /// and an operator who set them to get in again did not learn why nothing happened (found by operator review).
    /// </summary>
    [Fact]
    public async Task Bootstrap_AnAdministratorThere_CreatesNoOne_AndSaysSo()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<IndgangUser>>();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Indgang:BootstrapAdmin:UserName"] = "nyadmin",
            ["Indgang:BootstrapAdmin:Password"] = "Bootstrap-2026-x",
        }).Build();
        var log = new LogCapture();
        using var loggers = LoggerFactory.Create(b => b.AddProvider(log));
        var bootstrapper = new RoleBootstrapper(scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>(), users, configuration, scope.ServiceProvider.GetRequiredService<AuditLog>(), scope.ServiceProvider.GetRequiredService<Data.IndgangDbContext>(), new Logger<RoleBootstrapper>(loggers));

        await bootstrapper.EnsureAsync();

        Assert.Null(await users.FindByNameAsync("nyadmin"));
        Assert.Single(log.At(LogLevel.Warning), m => m.StartsWith("Indgang:BootstrapAdmin is set, but the installation has an administrator already", StringComparison.Ordinal));
    }

    private Task<bool> InRoleAsync(string userName, string role) => factory.QueryAsync(async db =>
    {
        var roleId = await db.Roles.Where(r => r.Name == role).Select(r => r.Id).SingleAsync();
        return await db.UserRoles.AnyAsync(ur => ur.RoleId == roleId && db.Users.Any(u => u.Id == ur.UserId && u.UserName == userName));
    });
}

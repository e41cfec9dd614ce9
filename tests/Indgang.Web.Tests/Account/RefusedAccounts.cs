using Indgang.Tests.Hosting;
using Indgang.Web.Identity;
using Indgang.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Indgang.Web.Tests.Account;

/// <summary>Accounts a sign-in is refused for whatever the password: one an administrator disabled, one locked for 15 minutes.</summary>
internal static class RefusedAccounts
{
    public static async Task CreateAsync(IndgangAppFactory factory, string disabled, string locked)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<IndgangUser>>();
        foreach (var (name, until) in new[] { (disabled, Features.Admin.Users.EditModel.DisabledUntil), (locked, DateTimeOffset.UtcNow.AddMinutes(15)) })
        {
            var user = new IndgangUser { UserName = name, DisplayName = "Test" };
            Assert.True((await users.CreateAsync(user, Browser.DemoPassword)).Succeeded);
            await users.SetLockoutEndDateAsync(user, until);
        }
    }
}

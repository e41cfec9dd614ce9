using System.Net;
using Indgang.Tests.Hosting;
using Indgang.Web.Identity;
using Indgang.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Indgang.Web.Tests.Account;

/// <summary>
/// Every refused sign-in costs one password check, whether the name is a user's or not and whether the account is open,
/// locked or disabled: before, only an open account's password was checked (tens of milliseconds; the others a few), so
/// the time of the answer told which user names exist. Counted, not timed: the app's password hasher counts its checks.
/// </summary>
public sealed class PasswordCheckedOnEverySignInTests(PasswordCheckedOnEverySignInTests.CountingFactory factory) : IClassFixture<PasswordCheckedOnEverySignInTests.CountingFactory>
{
    [Fact]
    public async Task RefusedSignIns_UnknownName_WrongPassword_Locked_Disabled_EachCheckOnePassword()
    {
        await RefusedAccounts.CreateAsync(factory, "taelles-deaktiveret", "taelles-laast");

        var checks = new Dictionary<string, int>();
        foreach (var name in new[] { "taelles-findesikke", "koordinator", "taelles-deaktiveret", "taelles-laast" })
        {
            using var browser = Browser.For(factory);
            var before = factory.PasswordChecks;
            using var refused = await browser.SignInAsync(name, "Gæt-1234x");
            Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
            checks[name] = factory.PasswordChecks - before;
        }

        Assert.All(checks, c => Assert.True(c.Value == 1, $"{c.Key}: {c.Value} password checks"));
    }

    [Fact]
    public async Task RightPassword_SignsIn_WithOneCheck()
    {
        using var browser = Browser.For(factory);
        var before = factory.PasswordChecks;
        using var signedIn = await browser.SignInAsync("sundhed", Browser.DemoPassword);

        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Equal(1, factory.PasswordChecks - before);
    }

    public sealed class CountingFactory : IndgangAppFactory
    {
        private int _checks;

        public int PasswordChecks => Volatile.Read(ref _checks);

        protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(s => s.AddScoped<IPasswordHasher<IndgangUser>>(sp =>
                new CountingHasher(new PasswordHasher<IndgangUser>(sp.GetRequiredService<IOptions<PasswordHasherOptions>>()), () => Interlocked.Increment(ref _checks))));
        }
    }

    private sealed class CountingHasher(IPasswordHasher<IndgangUser> hasher, Action counted) : IPasswordHasher<IndgangUser>
    {
        public string HashPassword(IndgangUser user, string password) => hasher.HashPassword(user, password);

        public PasswordVerificationResult VerifyHashedPassword(IndgangUser user, string hashedPassword, string providedPassword)
        {
            counted();
            return hasher.VerifyHashedPassword(user, hashedPassword, providedPassword);
        }
    }
}

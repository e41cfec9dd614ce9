using System.Net;
using Indgang.Domain.Audit;
using Indgang.Tests.Hosting;
using Indgang.Web.Identity;
using Indgang.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Indgang.Web.Tests.Account;

public sealed class LoginTests(IndgangAppFactory factory) : IClassFixture<IndgangAppFactory>
{
    [Theory]
    [InlineData("koordinator")]
    [InlineData("sekretariat")]
    [InlineData("skole")]
    [InlineData("boernefamilie")]
    [InlineData("sundhed")]
    [InlineData("teknik")]
    [InlineData("bolig")]
    [InlineData("frivillig")]
    [InlineData("leder")]
    [InlineData("admin")]
    public async Task SignIn_DemoUser_ReachesStartPage(string userName)
    {
        using var browser = Browser.For(factory);
        using var signIn = await browser.SignInAsync(userName, Browser.DemoPassword);

        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.Equal("/", signIn.Headers.Location!.OriginalString);
        var start = WebUtility.HtmlDecode(await browser.GetPageAsync("/"));
        Assert.Contains("Velkommen", start, StringComparison.Ordinal);
        Assert.Contains("Log af", start, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignIn_WrongPassword_ShowsDanishErrorAndKeepsUserName()
    {
        using var browser = Browser.For(factory);
        using var response = await browser.SignInAsync("koordinator", "Forkert-9999");
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Brugernavn eller adgangskode er forkert.", html, StringComparison.Ordinal);
        Assert.Contains("class=\"alert alert-error\"", html, StringComparison.Ordinal);
        Assert.Contains("value=\"koordinator\"", html, StringComparison.Ordinal);
    }

    /// <summary>A failed sign-in with a name no user has is audited without the name; a very long one is never a server error.</summary>
    [Fact]
    public async Task SignIn_UserNameOf5000Characters_IsRefusedAsWrong_AndAuditedWithoutTheName()
    {
        var typed = new string('å', 5000);
        using var browser = Browser.For(factory);
        using var response = await browser.SignInAsync(typed, new string('x', 5000));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Brugernavn eller adgangskode er forkert.", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(Web.Features.Account.LoginModel.UnknownUserName, await LastFailedSignInAsync());
    }

    /// <summary>
    /// A password typed into the user-name field is not kept in the audit log, which keeps everything for ever: a name
    /// no user has is recorded as unknown; an existing user's name is recorded, as the user's.
    /// </summary>
    [Theory]
    [InlineData("Hemmelig-Kode-4711", null)]
    [InlineData("TEKNIK", "teknik")]
    public async Task SignIn_Failed_RecordsTheUserNameOnlyWhenTheUserExists(string typed, string? recorded)
    {
        using var browser = Browser.For(factory);
        using var response = await browser.SignInAsync(typed, "Forkert-9999");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(recorded is null ? Web.Features.Account.LoginModel.UnknownUserName : $"Brugernavn: {recorded}", await LastFailedSignInAsync());
        Assert.False(await factory.QueryAsync(db => db.AuditEntries.AnyAsync(e => e.Details!.Contains("Hemmelig-Kode-4711"))));
    }

    [Fact]
    public async Task SignIn_EmptyFields_ShowsErrorsBesideEachField()
    {
        using var browser = Browser.For(factory);
        using var response = await browser.SignInAsync("", "");
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("id=\"Input_UserName-error\"", html, StringComparison.Ordinal);
        Assert.Contains("Indtast dit brugernavn.", html, StringComparison.Ordinal);
        Assert.Contains("id=\"Input_Password-error\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"#Input_UserName\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignIn_FiveWrongPasswords_LocksAccountEvenForTheRightPassword()
    {
        const string userName = "lockout-subject";
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<IndgangUser>>();
            var user = new IndgangUser { UserName = userName, DisplayName = "Test" };
            Assert.True((await users.CreateAsync(user, Browser.DemoPassword)).Succeeded);
            await users.AddToRoleAsync(user, Roles.Coordinator);
        }

        using var browser = Browser.For(factory);
        for (var attempt = 0; attempt < 5; attempt++)
        {
            using var wrong = await browser.SignInAsync(userName, "Forkert-9999");
            Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        }

        using var right = await browser.SignInAsync(userName, Browser.DemoPassword);
        var html = WebUtility.HtmlDecode(await right.Content.ReadAsStringAsync());

        // Locked: even the right password is refused, with the one answer every refusal gets (a locked account was told
        // apart before, which showed anyone that the user name exists).
        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.Contains(Features.Account.LoginModel.Refused, html, StringComparison.Ordinal);
    }

    /// <summary>
    /// An unknown name, a disabled account and a locked one, each tried with any password, get the same page: before, the
    /// disabled and the locked were told so without the password, so the page told anyone which user names exist.
    /// </summary>
    [Fact]
    public async Task UnknownDisabledAndLocked_GetTheSameAnswer_WithoutThePassword()
    {
        await RefusedAccounts.CreateAsync(factory, "deaktiveretx", "laastx");

        var answers = new List<string>();
        foreach (var name in new[] { "findesikkex", "deaktiveretx", "laastx" })
        {
            using var browser = Browser.For(factory);
            using var refused = await browser.SignInAsync(name, "Gæt-1234");
            Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
            var page = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await refused.Content.ReadAsStringAsync());
            answers.Add(page.QuerySelector(".alert-error")?.TextContent.Trim() ?? "");
        }

        Assert.Contains(Features.Account.LoginModel.Refused, answers[0], StringComparison.Ordinal);
        Assert.Equal(answers[0], answers[1]);
        Assert.Equal(answers[0], answers[2]);
    }

    [Fact]
    public async Task SignOut_EndsTheSession()
    {
        using var browser = await Browser.SignedInAsync(factory, "koordinator");
        using var signOut = await browser.PostFormAsync("/Account/Logout", new Dictionary<string, string>(), formPage: "/");
        using var after = await browser.GetAsync("/");

        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.StartsWith("/Account/Login", after.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LanguageSwitch_English_TranslatesTheLoginPage()
    {
        using var browser = Browser.For(factory);
        using var switched = await browser.PostFormAsync("/Culture", new Dictionary<string, string> { ["culture"] = "en-GB", ["returnUrl"] = "/Account/Login" }, formPage: "/Account/Login");
        var html = await browser.GetPageAsync("/Account/Login");

        Assert.Equal(HttpStatusCode.Redirect, switched.StatusCode);
        Assert.Contains("<html lang=\"en\">", html, StringComparison.Ordinal);
        Assert.Contains("<h1>Sign in</h1>", html, StringComparison.Ordinal);
    }

    private Task<string?> LastFailedSignInAsync() =>
        factory.QueryAsync(db => db.AuditEntries.Where(e => e.Action == AuditAction.SignInFailed)
            .OrderByDescending(e => e.Sequence).Select(e => e.Details).FirstAsync());
}

/// <summary>The per-address limit on sign-in attempts, with the production default.</summary>
public sealed class LoginRateLimitTests : IClassFixture<LoginRateLimitTests.LimitedFactory>
{
    private readonly LimitedFactory _factory;

    public LoginRateLimitTests(LimitedFactory factory) => _factory = factory;

    [Fact]
    public async Task SignIn_TooManyAttemptsFromOneAddress_Returns429()
    {
        using var browser = Browser.For(_factory);
        var statuses = new List<HttpStatusCode>();
        for (var attempt = 0; attempt < 4; attempt++)
        {
            using var response = await browser.SignInAsync("nobody", "Forkert-9999");
            statuses.Add(response.StatusCode);
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
    }

    public sealed class LimitedFactory : IndgangAppFactory
    {
        protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Indgang:LoginAttemptsPerMinute", "3");
        }
    }
}

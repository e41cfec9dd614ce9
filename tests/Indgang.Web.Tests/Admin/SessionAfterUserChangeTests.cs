using System.Net;
using Indgang.Domain.Audit;
using Indgang.Web.Identity;
using Indgang.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Indgang.Web.Tests.Admin;

/// <summary>
/// What the administrator changes about a user reaches the user's sessions: other roles, another department or a new
/// password end the sessions already signed in (a new security stamp, checked once a minute), so that a role taken away
/// is not kept for the rest of the working day. A new name alone leaves the user signed in.
/// </summary>
public sealed class SessionAfterUserChangeTests(SignInCheckedEachRequestAppFactory factory) : IClassFixture<SignInCheckedEachRequestAppFactory>
{
    [Fact]
    public void TheApplication_ChecksSignedInUsersEveryMinute()
    {
        Assert.Equal(TimeSpan.FromMinutes(1), factory.AppCheckInterval);
    }

    [Theory]
    [InlineData("rolle")]
    [InlineData("afdeling")]
    [InlineData("kodeord")]
    public async Task TheAdministratorChangesTheUser_TheirSignedInCookieIsSignedOut(string change)
    {
        var userName = $"session{change}";
        var userId = await factory.CreateDepartmentWorkerAsync(userName, $"Ida Session {change}", "sekretariatet");
        using var worker = await Browser.SignedInAsync(factory, userName, "Godt-Kodeord-1");
        using (var before = await worker.GetAsync("/Tasks"))
        {
            Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        }

        using var admin = await Browser.SignedInAsync(factory, "admin");
        using var changed = change switch
        {
            "rolle" => await EditAsync(admin, userId, Roles.HousingCoordinator, department: null),
            "afdeling" => await EditAsync(admin, userId, Roles.DepartmentWorker, await DepartmentAsync("teknik-drift")),
            _ => await admin.PostFormAsync($"/Admin/Users/Edit/{userId}?handler=ResetPassword",
                new Dictionary<string, string> { ["Reset.NewPassword"] = "Nyt-Kodeord-2" }, formPage: $"/Admin/Users/Edit/{userId}"),
        };
        Assert.True(changed.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.OK, $"{changed.StatusCode}");

        using var after = await worker.GetAsync("/Tasks");
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.Equal("/Account/Login", after.Headers.Location?.AbsolutePath);
    }

    [Fact]
    public async Task TheAdministratorRenamesTheUser_TheyStaySignedIn()
    {
        var userId = await factory.CreateDepartmentWorkerAsync("sessionnavn", "Ida Sessionnavn", "sekretariatet");
        using var worker = await Browser.SignedInAsync(factory, "sessionnavn", "Godt-Kodeord-1");
        using var admin = await Browser.SignedInAsync(factory, "admin");

        using var renamed = await EditAsync(admin, userId, Roles.DepartmentWorker, await DepartmentAsync("sekretariatet"), "Ida Omdøbt");

        Assert.Equal(HttpStatusCode.Redirect, renamed.StatusCode);
        using var after = await worker.GetAsync("/Tasks");
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
    }

    /// <summary>
    /// A disabled account is signed out and cannot sign in, also with a new password, until enabled again; the
    /// administrator cannot disable their own.
    /// </summary>
    [Fact]
    public async Task TheAdministratorDisablesTheAccount_TheUserIsSignedOutAndCannotSignIn_UntilEnabledAgain()
    {
        var userId = await factory.CreateDepartmentWorkerAsync("sessionslukket", "Ida Sessionslukket", "sekretariatet");
        using var worker = await Browser.SignedInAsync(factory, "sessionslukket", "Godt-Kodeord-1");
        using var admin = await Browser.SignedInAsync(factory, "admin");
        var edit = $"/Admin/Users/Edit/{userId}";

        using var disabled = await admin.PostFormAsync($"{edit}?handler=Disable", [], formPage: edit);

        Assert.Equal(HttpStatusCode.OK, disabled.StatusCode);
        Assert.Contains("Kontoen er deaktiveret.", WebUtility.HtmlDecode(await disabled.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        // The list tells a disabled account from one locked for a while after wrong passwords.
        var listed = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await admin.GetPageAsync("/Admin/Users")).QuerySelectorAll("tr")
            .Single(r => r.TextContent.Contains("sessionslukket", StringComparison.Ordinal));
        Assert.Contains("Deaktiveret", listed.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("Låst", listed.TextContent, StringComparison.Ordinal);
        using (var after = await worker.GetAsync("/Tasks"))
        {
            Assert.Equal("/Account/Login", after.Headers.Location?.AbsolutePath);
        }

        using var reset = await admin.PostFormAsync($"{edit}?handler=ResetPassword", new Dictionary<string, string> { ["Reset.NewPassword"] = "Nyt-Kodeord-2" }, formPage: edit);
        Assert.Contains("Kontoen er stadig deaktiveret.", WebUtility.HtmlDecode(await reset.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        using (var refused = Browser.For(factory))
        {
            using var signIn = await refused.SignInAsync("sessionslukket", "Nyt-Kodeord-2");
            Assert.Equal(HttpStatusCode.OK, signIn.StatusCode);
            // Told as every refused sign-in is, so that the page shows no one which accounts exist (it said "deaktiveret").
            Assert.Contains(Features.Account.LoginModel.Refused, WebUtility.HtmlDecode(await signIn.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        }

        using var enabled = await admin.PostFormAsync($"{edit}?handler=Enable", [], formPage: edit);
        Assert.Contains("Kontoen er aktiveret igen.", WebUtility.HtmlDecode(await enabled.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        using var again = await Browser.SignedInAsync(factory, "sessionslukket", "Nyt-Kodeord-2");
        var actions = await factory.QueryAsync(db => db.AuditEntries.Where(e => e.Details == "sessionslukket").Select(e => e.Action).ToListAsync());
        Assert.Contains(AuditAction.UserDisabled, actions);
        Assert.Contains(AuditAction.UserEnabled, actions);

        var adminId = await factory.QueryAsync(db => db.Users.Where(u => u.UserName == "admin").Select(u => u.Id).SingleAsync());
        var own = WebUtility.HtmlDecode(await admin.GetPageAsync($"/Admin/Users/Edit/{adminId}"));
        Assert.DoesNotContain("data-disable-user", own, StringComparison.Ordinal);
        using var ownRefused = await admin.PostFormAsync($"/Admin/Users/Edit/{adminId}?handler=Disable", [], formPage: $"/Admin/Users/Edit/{adminId}");
        Assert.Contains("Du kan ikke deaktivere din egen konto.", WebUtility.HtmlDecode(await ownRefused.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Null(await factory.QueryAsync(db => db.Users.Where(u => u.Id == adminId).Select(u => u.LockoutEnd).SingleAsync()));
    }

    private static async Task<HttpResponseMessage> EditAsync(Browser admin, string userId, string role, Guid? department, string displayName = "Ida Session")
    {
        var version = HiddenFields.Value(await admin.GetPageAsync($"/Admin/Users/Edit/{userId}"), "Version");
        return await admin.PostFormAsync($"/Admin/Users/Edit/{userId}", new Dictionary<string, string>
        {
            ["Input.DisplayName"] = displayName,
            ["Input.Roles"] = role,
            ["Input.DepartmentId"] = department?.ToString() ?? "",
            ["Version"] = version,
        });
    }

    private Task<Guid> DepartmentAsync(string code) =>
        factory.QueryAsync(db => db.Departments.Where(d => d.Code == code).Select(d => d.Id).SingleAsync());
}

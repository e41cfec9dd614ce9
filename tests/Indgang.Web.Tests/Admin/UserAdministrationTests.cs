using System.Net;
using Indgang.Domain.Audit;
using Indgang.Tests.Hosting;
using Indgang.Web.Identity;
using Indgang.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Indgang.Web.Tests.Admin;

public sealed class UserAdministrationTests(IndgangAppFactory factory) : IClassFixture<IndgangAppFactory>
{
    [Fact]
    public async Task CreateUser_BadInput_ShowsDanishErrorsAndKeepsWhatWasTyped()
    {
        using var admin = await Browser.SignedInAsync(factory, "admin");
        using var response = await admin.PostFormAsync("/Admin/Users/Create", new Dictionary<string, string>
        {
            ["Input.UserName"] = "",
            ["Input.DisplayName"] = "Birgitte Skov",
            ["Input.Password"] = "kort",
            ["Input.Roles"] = Roles.DepartmentWorker,
            ["Input.DepartmentId"] = "",
        });
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Indtast et brugernavn.", html, StringComparison.Ordinal);
        Assert.Contains("En fagmedarbejder skal høre til en afdeling.", html, StringComparison.Ordinal);
        Assert.Contains("value=\"Birgitte Skov\"", html, StringComparison.Ordinal);
        Assert.Contains($"value=\"{Roles.DepartmentWorker}\" class=\"form-checkbox\" checked=\"checked\"", html, StringComparison.Ordinal);
        Assert.Equal(0, await factory.QueryAsync(db => db.Users.CountAsync(u => u.DisplayName == "Birgitte Skov")));
    }

    [Fact]
    public async Task CreateUser_WeakPassword_ShowsPolicyBesidePasswordField()
    {
        using var admin = await Browser.SignedInAsync(factory, "admin");
        using var response = await admin.PostFormAsync("/Admin/Users/Create", new Dictionary<string, string>
        {
            ["Input.UserName"] = "svag",
            ["Input.DisplayName"] = "Svag Kode",
            ["Input.Password"] = "abcdefghij",
            ["Input.Roles"] = Roles.Coordinator,
        });
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("id=\"Input_Password-error\"", html, StringComparison.Ordinal);
        Assert.Contains("mindst ét tal", html, StringComparison.Ordinal);
        Assert.Contains("value=\"svag\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateUser_UnknownDepartment_IsRejected()
    {
        using var admin = await Browser.SignedInAsync(factory, "admin");
        using var response = await admin.PostFormAsync("/Admin/Users/Create", new Dictionary<string, string>
        {
            ["Input.UserName"] = "ukendt",
            ["Input.DisplayName"] = "Ukendt Afdeling",
            ["Input.Password"] = "Godt-Kodeord-1",
            ["Input.Roles"] = Roles.DepartmentWorker,
            ["Input.DepartmentId"] = Guid.NewGuid().ToString(),
        });
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Afdelingen findes ikke.", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateUser_ValidInput_UserCanSignInWithRoleAndDepartment()
    {
        var school = await factory.QueryAsync(db => db.Departments.Where(d => d.Code == "skole-dagtilbud").Select(d => d.Id).SingleAsync());
        using var admin = await Browser.SignedInAsync(factory, "admin");
        using var response = await admin.PostFormAsync("/Admin/Users/Create", new Dictionary<string, string>
        {
            ["Input.UserName"] = "ny-skole",
            ["Input.DisplayName"] = "Nina Skov",
            ["Input.Password"] = "Godt-Kodeord-1",
            ["Input.Roles"] = Roles.DepartmentWorker,
            ["Input.DepartmentId"] = school.ToString(),
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        using var newUser = await Browser.SignedInAsync(factory, "ny-skole", "Godt-Kodeord-1");
        var start = WebUtility.HtmlDecode(await newUser.GetPageAsync("/"));
        Assert.Contains("Skole- og dagtilbud", start, StringComparison.Ordinal);
        Assert.Contains("Nina Skov", start, StringComparison.Ordinal);
        Assert.True(await factory.QueryAsync(db => db.AuditEntries.AnyAsync(e => e.Action == AuditAction.UserCreated && e.Details!.Contains("ny-skole"))));
    }

    [Fact]
    public async Task EditUser_ChangeRolesAndResetPassword_TakesEffect()
    {
        var userId = await factory.QueryAsync(db => db.Users.Where(u => u.UserName == "teknik").Select(u => u.Id).SingleAsync());
        using var admin = await Browser.SignedInAsync(factory, "admin");

        var stamp = HiddenFields.Value(await admin.GetPageAsync($"/Admin/Users/Edit/{userId}"), "Version");
        using var edit = await admin.PostFormAsync($"/Admin/Users/Edit/{userId}", new Dictionary<string, string>
        {
            ["Input.DisplayName"] = "Peter Dahl",
            ["Input.Roles"] = Roles.HousingCoordinator,
            ["Version"] = stamp,
        });
        using var reset = await admin.PostFormAsync($"/Admin/Users/Edit/{userId}?handler=ResetPassword", new Dictionary<string, string>
        {
            ["Reset.NewPassword"] = "Nyt-Kodeord-2",
        }, formPage: $"/Admin/Users/Edit/{userId}");

        Assert.True(edit.StatusCode == HttpStatusCode.Redirect, await edit.Content.ReadAsStringAsync());
        var resetHtml = WebUtility.HtmlDecode(await reset.Content.ReadAsStringAsync());
        Assert.True(resetHtml.Contains("Adgangskoden er nulstillet", StringComparison.Ordinal), resetHtml[resetHtml.IndexOf("<main", StringComparison.Ordinal)..]);
        using var teknik = await Browser.SignedInAsync(factory, "teknik", "Nyt-Kodeord-2");
        var start = WebUtility.HtmlDecode(await teknik.GetPageAsync("/"));
        Assert.Contains("Boligkoordinator", start, StringComparison.Ordinal);
    }

    /// <summary>A user with no role signs in to »Ingen adgang« and nothing else: the form asks for a role instead.</summary>
    [Fact]
    public async Task CreateOrEditUser_NoRole_IsRefusedBesideTheRoles_AndNothingIsSaved()
    {
        const string Refusal = "Vælg mindst én rolle. Uden en rolle kan brugeren logge ind, men ikke se noget.";
        using var admin = await Browser.SignedInAsync(factory, "admin");
        using var created = await admin.PostFormAsync("/Admin/Users/Create", new Dictionary<string, string>
        {
            ["Input.UserName"] = "uden-rolle",
            ["Input.DisplayName"] = "Uden Rolle",
            ["Input.Password"] = "Godt-Kodeord-1",
        });

        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        Assert.Contains($"id=\"Input_Roles-error\"><span class=\"sr-only\">Fejl: </span>{Refusal}", WebUtility.HtmlDecode(await created.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.False(await factory.QueryAsync(db => db.Users.AnyAsync(u => u.UserName == "uden-rolle")));

        var userId = await factory.QueryAsync(db => db.Users.Where(u => u.UserName == "skole").Select(u => u.Id).SingleAsync());
        var url = $"/Admin/Users/Edit/{userId}";
        using var edited = await admin.PostFormAsync(url, new Dictionary<string, string>
        {
            ["Input.DisplayName"] = "Anne Berg",
            ["Version"] = HiddenFields.Value(await admin.GetPageAsync(url), "Version"),
        });

        Assert.Equal(HttpStatusCode.OK, edited.StatusCode);
        Assert.Contains(Refusal, WebUtility.HtmlDecode(await edited.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.True(await factory.QueryAsync(db => db.UserRoles.AnyAsync(r => r.UserId == userId)));
    }

    [Fact]
    public async Task UserList_ShowsDemoUsersWithRoles()
    {
        using var admin = await Browser.SignedInAsync(factory, "admin");
        var html = WebUtility.HtmlDecode(await admin.GetPageAsync("/Admin/Users"));

        Assert.Contains("koordinator", html, StringComparison.Ordinal);
        Assert.Contains("Sekretariatet", html, StringComparison.Ordinal);
        Assert.Contains("Fagmedarbejder", html, StringComparison.Ordinal);
    }
}

using System.Net;
using Indgang.Domain.Audit;
using Indgang.Tests.Hosting;
using Indgang.Web.Identity;
using Indgang.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Indgang.Web.Tests.Concurrency;

/// <summary>
/// Two administrators change one user's roles and department: the one who saves second, from a form opened before the
/// other saved, is not silently saved over the other (Identity's concurrency stamp), but shown what is saved now beside
/// their choices, and saves theirs by pressing Gem again; saving at the same moment saves one and shows it to the other.
/// </summary>
public sealed class UserEditConcurrencyTests(IndgangAppFactory factory) : IClassFixture<IndgangAppFactory>
{
    private const string Message = "Brugeren er ændret af en anden, mens du rettede den. Det, der er gemt nu, står ved de felter, hvor det er anderledes end det, du har valgt. Tryk »Gem« igen for at gemme dine valg i stedet.";

    [Fact]
    public async Task ChangedByAnotherWhileEditing_TheirChoicesShownBesideMine_SavingAgainSavesMine()
    {
        var user = await CreateUserAsync("samtidig-rettet");
        var school = await DepartmentAsync("skole-dagtilbud");
        using var a = await Browser.SignedInAsync(factory, "admin");
        using var b = await Browser.SignedInAsync(factory, "admin");
        var formA = await OpenedForm.OpenAsync(a, Url(user));
        var bSaved = await (await OpenedForm.OpenAsync(b, Url(user))).PostAsync(Typed("Bent Bolig", [Roles.Coordinator, Roles.HousingCoordinator], null));
        Assert.Equal(HttpStatusCode.Redirect, bSaved.Status);

        var conflict = await formA.PostAsync(Typed("Anna Afdeling", [Roles.DepartmentWorker], school));

        Assert.Equal(HttpStatusCode.OK, conflict.Status);
        Assert.Contains($"<li>{Message}</li>", conflict.Html, StringComparison.Ordinal);
        Assert.Contains("id=\"Input_DisplayName-saved\">Gemt af en anden: Bent Bolig</span>", conflict.Html, StringComparison.Ordinal);
        Assert.Contains("id=\"Input_Roles-saved\">Gemt af en anden: Koordinator, Boligkoordinator</span>", conflict.Html, StringComparison.Ordinal);
        Assert.Contains("id=\"Input_DepartmentId-saved\">Gemt af en anden: Ingen afdeling</span>", conflict.Html, StringComparison.Ordinal);
        Assert.Contains($"value=\"{Roles.DepartmentWorker}\" class=\"form-checkbox\" checked=\"checked\"", conflict.Html, StringComparison.Ordinal);
        Assert.Equal(["Coordinator", "HousingCoordinator"], await RolesAsync(user));
        Assert.Equal("Bent Bolig", await factory.QueryAsync(db => db.Users.Where(u => u.Id == user).Select(u => u.DisplayName).SingleAsync()));

        var again = await OpenedForm.Of(a, Url(user), conflict.Html).PostAsync(Typed("Anna Afdeling", [Roles.DepartmentWorker], school));

        Assert.Equal(HttpStatusCode.Redirect, again.Status);
        Assert.Equal(["DepartmentWorker"], await RolesAsync(user));
        Assert.Equal(school, await factory.QueryAsync(db => db.Users.Where(u => u.Id == user).Select(u => u.DepartmentId).SingleAsync()));
    }

    [Fact]
    public async Task TwoSaveAtOnce_OneIsSaved_TheOtherIsShownIt()
    {
        var user = await CreateUserAsync("samtidig-gemt");
        using var a = await Browser.SignedInAsync(factory, "admin");
        using var b = await Browser.SignedInAsync(factory, "admin");
        var formA = await OpenedForm.OpenAsync(a, Url(user));
        var formB = await OpenedForm.OpenAsync(b, Url(user));

        var results = await Task.WhenAll(
            formA.PostAsync(Typed("Samtidig A", [Roles.Coordinator, Roles.Manager], null)),
            formB.PostAsync(Typed("Samtidig B", [Roles.HousingCoordinator, Roles.Manager], null)));

        Assert.All(results, r => Assert.NotEqual(HttpStatusCode.InternalServerError, r.Status));
        var winner = Array.FindIndex(results, r => r.Status == HttpStatusCode.Redirect);
        Assert.Single(results, r => r.Status == HttpStatusCode.Redirect);
        var loser = Assert.Single(results, r => r.Status == HttpStatusCode.OK);
        Assert.Contains($"<li>{Message}</li>", loser.Html, StringComparison.Ordinal);
        Assert.Equal(winner == 0 ? ["Coordinator", "Manager"] : ["HousingCoordinator", "Manager"], await RolesAsync(user));
        Assert.Equal(winner == 0 ? "Samtidig A" : "Samtidig B", await factory.QueryAsync(db => db.Users.Where(u => u.Id == user).Select(u => u.DisplayName).SingleAsync()));
        Assert.Equal(1, await factory.QueryAsync(db => db.AuditEntries.CountAsync(e => e.Action == AuditAction.RolesChanged && e.Details!.StartsWith("samtidig-gemt:"))));
    }

    [Fact]
    public async Task PasswordResetByAnotherWhileEditing_TheChoicesAreSaved_WithoutAConflict_AndTheNewPasswordKept()
    {
        var user = await CreateUserAsync("nulstillet-imens");
        var school = await DepartmentAsync("skole-dagtilbud");
        using var a = await Browser.SignedInAsync(factory, "admin");
        using var b = await Browser.SignedInAsync(factory, "admin");
        var form = await OpenedForm.OpenAsync(a, Url(user));
        var reset = await (await OpenedForm.OpenAsync(b, Url(user), $"{Url(user)}?handler=ResetPassword")).PostAsync([new("Reset.NewPassword", "Nyt-Kodeord-2")]);
        Assert.Contains("Adgangskoden er nulstillet", reset.Html, StringComparison.Ordinal);

        var saved = await form.PostAsync(Typed("Ny Skolemedarbejder", [Roles.DepartmentWorker], school));

        Assert.True(saved.Status == HttpStatusCode.Redirect, saved.Html);
        Assert.Equal(["DepartmentWorker"], await RolesAsync(user));
        Assert.Equal("Ny Skolemedarbejder", await factory.QueryAsync(db => db.Users.Where(u => u.Id == user).Select(u => u.DisplayName).SingleAsync()));
        Assert.Equal(school, await factory.QueryAsync(db => db.Users.Where(u => u.Id == user).Select(u => u.DepartmentId).SingleAsync()));
        Assert.Equal(1, await RolesChangedLoggedAsync("nulstillet-imens"));
        Assert.Equal(1, await factory.QueryAsync(db => db.AuditEntries.CountAsync(e => e.Action == AuditAction.PasswordReset && e.Details == "nulstillet-imens")));
        using var signedIn = Browser.For(factory);
        Assert.Equal(HttpStatusCode.Redirect, (await signedIn.SignInAsync("nulstillet-imens", "Nyt-Kodeord-2")).StatusCode);
    }

    [Fact]
    public async Task AccountLockedByFailedSignInsWhileEditing_TheChoicesAreSaved_AndTheAccountStaysLocked()
    {
        var user = await CreateUserAsync("laast-imens");
        using var a = await Browser.SignedInAsync(factory, "admin");
        var form = await OpenedForm.OpenAsync(a, Url(user));
        using (var guesser = Browser.For(factory))
        {
            for (var i = 0; i < 5; i++)
            {
                using var refused = await guesser.SignInAsync("laast-imens", "Forkert-Kodeord-9");
            }
        }

        Assert.True(await LockedOutAsync(user));

        var saved = await form.PostAsync(Typed("Låst Men Rettet", [Roles.Coordinator, Roles.Manager], null));

        Assert.True(saved.Status == HttpStatusCode.Redirect, saved.Html);
        Assert.Equal(["Coordinator", "Manager"], await RolesAsync(user));
        Assert.Equal(1, await RolesChangedLoggedAsync("laast-imens"));
        Assert.True(await LockedOutAsync(user));
    }

    [Fact]
    public async Task PasswordResetOnThePageItself_ThenGem_SavesTheChoices()
    {
        var user = await CreateUserAsync("nulstillet-selv");
        using var a = await Browser.SignedInAsync(factory, "admin");
        var reset = await (await OpenedForm.OpenAsync(a, Url(user), $"{Url(user)}?handler=ResetPassword")).PostAsync([new("Reset.NewPassword", "Nyt-Kodeord-3")]);
        Assert.Contains("Adgangskoden er nulstillet", reset.Html, StringComparison.Ordinal);

        var saved = await OpenedForm.Of(a, Url(user), reset.Html).PostAsync(Typed("Selv Nulstillet", [Roles.HousingCoordinator], null));

        Assert.True(saved.Status == HttpStatusCode.Redirect, saved.Html);
        Assert.Equal(["HousingCoordinator"], await RolesAsync(user));
    }

    [Fact]
    public async Task NameChangedByAnotherAfterAPasswordReset_StillAConflict_TheirNameShown()
    {
        var user = await CreateUserAsync("nulstillet-og-rettet");
        using var a = await Browser.SignedInAsync(factory, "admin");
        using var b = await Browser.SignedInAsync(factory, "admin");
        var form = await OpenedForm.OpenAsync(a, Url(user));
        await (await OpenedForm.OpenAsync(b, Url(user), $"{Url(user)}?handler=ResetPassword")).PostAsync([new("Reset.NewPassword", "Nyt-Kodeord-4")]);
        Assert.Equal(HttpStatusCode.Redirect, (await (await OpenedForm.OpenAsync(b, Url(user))).PostAsync(Typed("Bents Navn", [Roles.Coordinator], null))).Status);

        var conflict = await form.PostAsync(Typed("Annas Navn", [Roles.Coordinator], null));

        Assert.Equal(HttpStatusCode.OK, conflict.Status);
        Assert.Contains($"<li>{Message}</li>", conflict.Html, StringComparison.Ordinal);
        Assert.Contains("id=\"Input_DisplayName-saved\">Gemt af en anden: Bents Navn</span>", conflict.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("Input_Roles-saved", conflict.Html, StringComparison.Ordinal);
        Assert.Equal("Bents Navn", await factory.QueryAsync(db => db.Users.Where(u => u.Id == user).Select(u => u.DisplayName).SingleAsync()));
    }

    private static string Url(string user) => $"/Admin/Users/Edit/{user}";

    private static List<KeyValuePair<string, string>> Typed(string name, string[] roles, Guid? department) =>
    [
        new("Input.DisplayName", name),
        .. roles.Select(r => new KeyValuePair<string, string>("Input.Roles", r)),
        new("Input.DepartmentId", department?.ToString() ?? ""),
    ];

    private async Task<string> CreateUserAsync(string userName)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<IndgangUser>>();
        var user = new IndgangUser { UserName = userName, DisplayName = "Før Ændring" };
        Assert.True((await users.CreateAsync(user, "Godt-Kodeord-1")).Succeeded);
        Assert.True((await users.AddToRoleAsync(user, Roles.Coordinator)).Succeeded);
        return user.Id;
    }

    private Task<int> RolesChangedLoggedAsync(string userName) =>
        factory.QueryAsync(db => db.AuditEntries.CountAsync(e => e.Action == AuditAction.RolesChanged && e.Details!.StartsWith(userName + ":")));

    private Task<bool> LockedOutAsync(string user) =>
        factory.QueryAsync(async db => (await db.Users.Where(u => u.Id == user).Select(u => u.LockoutEnd).SingleAsync()) > DateTimeOffset.UtcNow);

    private Task<Guid> DepartmentAsync(string code) => factory.QueryAsync(db => db.Departments.Where(d => d.Code == code).Select(d => d.Id).SingleAsync());

    private Task<List<string>> RolesAsync(string user) => factory.QueryAsync(db =>
        (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id where ur.UserId == user orderby r.Name select r.Name!).ToListAsync());
}

using System.Net;
using Indgang.Tests.Hosting;
using Indgang.Web.Identity;
using Indgang.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Indgang.Web.Tests.Admin;

/// <summary>
/// A user created under *Brugere* is created with their roles and the audit row, or not at all. The database is made to
/// refuse the audit row of one user name (a trigger), as a full disk or a lost connection would at that moment: before,
/// the account was there, with its roles and able to sign in, and the audit log did not have it (found by operator review).
/// </summary>
public sealed class UserCreationIsOneTransactionTests(IndgangAppFactory factory) : IClassFixture<IndgangAppFactory>
{
    private const string UserName = "uden-spor";

    [Fact]
    public async Task AnAuditRowRefused_LeavesNoAccountBehind()
    {
        await RefuseAuditRowsNamingAsync(UserName);
        using var admin = await Browser.SignedInAsync(factory, "admin");

        using var response = await admin.PostFormAsync("/Admin/Users/Create", new Dictionary<string, string>
        {
            ["Input.UserName"] = UserName,
            ["Input.DisplayName"] = "Uden Spor",
            ["Input.Password"] = "Uden-Spor-2026",
            ["Input.Roles"] = Roles.Coordinator,
        });

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal(0, await factory.QueryAsync(db => db.Users.CountAsync(u => u.UserName == UserName)));
    }

    [Fact]
    public async Task WithTheAuditRowWritten_TheAccountIsThere_WithItsRole()
    {
        using var admin = await Browser.SignedInAsync(factory, "admin");

        using var response = await admin.PostFormAsync("/Admin/Users/Create", new Dictionary<string, string>
        {
            ["Input.UserName"] = "med-spor",
            ["Input.DisplayName"] = "Med Spor",
            ["Input.Password"] = "Med-Spor-2026",
            ["Input.Roles"] = Roles.Coordinator,
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var roles = await factory.QueryAsync(db => (from u in db.Users
                                                   join ur in db.UserRoles on u.Id equals ur.UserId
                                                   join r in db.Roles on ur.RoleId equals r.Id
                                                   where u.UserName == "med-spor"
                                                   select r.Name).ToListAsync());
        Assert.Equal([Roles.Coordinator], roles);
        Assert.Equal(1, await factory.QueryAsync(db => db.AuditEntries.CountAsync(e => e.Details != null && e.Details.StartsWith("med-spor:"))));
    }

    private Task<int> RefuseAuditRowsNamingAsync(string userName) => factory.QueryAsync(db => db.Database.ExecuteSqlRawAsync(factory.UsesPostgres
        ? $"""
           CREATE FUNCTION refuse_audit_row() RETURNS trigger AS $$
           BEGIN
             IF NEW."Details" LIKE '{userName}:%' THEN RAISE EXCEPTION 'audit row refused by the test'; END IF;
             RETURN NEW;
           END $$ LANGUAGE plpgsql;
           CREATE TRIGGER refuse_audit_row BEFORE INSERT ON "AuditEntries" FOR EACH ROW EXECUTE FUNCTION refuse_audit_row();
           """
        : $"""
           CREATE TRIGGER refuse_audit_row BEFORE INSERT ON "AuditEntries"
           WHEN NEW."Details" LIKE '{userName}:%'
           BEGIN SELECT RAISE(ABORT, 'audit row refused by the test'); END;
           """));
}

using System.Net;
using Indgang.Domain.Municipalities;
using Indgang.Web.Features.Admin.Organisation;
using Indgang.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Indgang.Web.Tests.Concurrency;

/// <summary>
/// A department's or town's name taken by another at the same moment as this administrator saves it: the page's own check
/// cannot see it, the database's unique index (without regard to case) refuses the second, and that administrator is told
/// beside the name, as had the other saved first, with what was typed kept; never an error page, never two rows.
/// </summary>
public sealed class OrganisationNameConcurrencyTests(SavesMeetAppFactory factory) : IClassFixture<SavesMeetAppFactory>
{
    private const string Page = "/Admin/Organisation";

    [Fact]
    public async Task SameDepartmentNameCreatedByTwoAtOnce_OneSaved_TheOtherToldBesideTheName()
    {
        using var a = await Browser.SignedInAsync(factory, "admin");
        using var b = await Browser.SignedInAsync(factory, "admin");
        var formA = await OpenedForm.OpenAsync(a, $"{Page}/Department");
        var formB = await OpenedForm.OpenAsync(b, $"{Page}/Department");
        // Both forms are checked against the departments saved before either is saved.
        factory.HoldSaves(2, db => db.ChangeTracker.Entries<Department>().Any(e => e.State == EntityState.Added));

        var results = await Task.WhenAll(
            formA.PostAsync(new Dictionary<string, string> { ["Name"] = "Samtidig afdeling", ["Code"] = "samtidig-a" }),
            formB.PostAsync(new Dictionary<string, string> { ["Name"] = "Samtidig afdeling", ["Code"] = "samtidig-b" }));

        Assert.Single(results, r => r.Status == HttpStatusCode.Redirect);
        var loser = Assert.Single(results, r => r.Status == HttpStatusCode.OK);
        AssertRefusedBesideName(loser.Html, DepartmentModel.NameTaken, "Samtidig afdeling");
        Assert.Single(await factory.QueryAsync(db => db.Departments.Where(d => d.Name == "Samtidig afdeling").ToListAsync()));
    }

    [Fact]
    public async Task DepartmentRenamed_AnotherCreatesTheNameInOtherCaseJustBefore_RefusedBesideTheName()
    {
        var id = await factory.QueryAsync(db => db.Departments.Where(d => d.Code == "teknik-drift").Select(d => d.Id).SingleAsync());
        using var admin = await Browser.SignedInAsync(factory, "admin");
        var form = await OpenedForm.OpenAsync(admin, $"{Page}/Department/{id}");
        factory.BeforeNextSave(SavesA<Department>, () => AddDepartmentAsync("Vej og park", "vej-park"));

        var (status, html) = await form.PostAsync(new Dictionary<string, string> { ["Name"] = "VEJ OG PARK" });

        Assert.Equal(HttpStatusCode.OK, status);
        AssertRefusedBesideName(html, DepartmentModel.NameTaken, "VEJ OG PARK");
        Assert.Equal("Teknik og drift", await factory.QueryAsync(db => db.Departments.Where(d => d.Id == id).Select(d => d.Name).SingleAsync()));
    }

    [Fact]
    public async Task TownCreated_AnotherCreatesTheNameInOtherCaseJustBefore_RefusedBesideTheName()
    {
        using var admin = await Browser.SignedInAsync(factory, "admin");
        var form = await OpenedForm.OpenAsync(admin, $"{Page}/Town");
        factory.BeforeNextSave(SavesA<Town>, () => AddTownAsync("Samtidig By"));

        var (status, html) = await form.PostAsync(new Dictionary<string, string> { ["Name"] = "SAMTIDIG BY", ["Population"] = "700" });

        Assert.Equal(HttpStatusCode.OK, status);
        AssertRefusedBesideName(html, TownModel.NameTaken, "SAMTIDIG BY");
        Assert.Contains("value=\"700\"", html, StringComparison.Ordinal);
        var names = await factory.QueryAsync(db => db.Towns.Select(t => t.Name).ToListAsync());
        Assert.Equal(["Samtidig By"], names.Where(n => string.Equals(n, "Samtidig By", StringComparison.OrdinalIgnoreCase)));
    }

    [Fact]
    public async Task TownsWithTheSameNameCreatedByTwoAtOnce_OneSaved_TheOtherToldBesideTheName()
    {
        using var a = await Browser.SignedInAsync(factory, "admin");
        using var b = await Browser.SignedInAsync(factory, "admin");
        var formA = await OpenedForm.OpenAsync(a, $"{Page}/Town");
        var formB = await OpenedForm.OpenAsync(b, $"{Page}/Town");
        factory.HoldSaves(2, db => db.ChangeTracker.Entries<Town>().Any(e => e.State == EntityState.Added));

        var results = await Task.WhenAll(
            formA.PostAsync(new Dictionary<string, string> { ["Name"] = "Kapløbsby", ["Population"] = "10" }),
            formB.PostAsync(new Dictionary<string, string> { ["Name"] = "Kapløbsby", ["Population"] = "20" }));

        Assert.Single(results, r => r.Status == HttpStatusCode.Redirect);
        var loser = Assert.Single(results, r => r.Status == HttpStatusCode.OK);
        AssertRefusedBesideName(loser.Html, TownModel.NameTaken, "Kapløbsby");
        Assert.Equal(1, await factory.QueryAsync(db => db.Towns.CountAsync(t => t.Name == "Kapløbsby")));
    }

    private static bool SavesA<T>(DbContext db) where T : class =>
        db.ChangeTracker.Entries<T>().Any(e => e.State is EntityState.Added or EntityState.Modified);

    private static void AssertRefusedBesideName(string html, string message, string typed)
    {
        Assert.Contains($"id=\"Name-error\"><span class=\"sr-only\">Fejl: </span>{message}</span>", html, StringComparison.Ordinal);
        Assert.Contains("href=\"#Name\"", html, StringComparison.Ordinal);
        Assert.Contains($"value=\"{typed}\"", html, StringComparison.Ordinal);
    }

    private Task<int> AddDepartmentAsync(string name, string code) => factory.QueryAsync(async db =>
    {
        (await db.Municipalities.Include(m => m.Departments).SingleAsync()).AddDepartment(name, code);
        return await db.SaveChangesAsync();
    });

    private Task<int> AddTownAsync(string name) => factory.QueryAsync(async db =>
    {
        (await db.Municipalities.Include(m => m.Towns).SingleAsync()).AddTown(name, 100);
        return await db.SaveChangesAsync();
    });
}

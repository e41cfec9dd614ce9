using System.Net;
using Indgang.Domain.Municipalities;
using Indgang.Web.Data;
using Indgang.Web.Features.Admin.Organisation;
using Indgang.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;

namespace Indgang.Web.Tests.Concurrency;

/// <summary>
/// A new installation's municipality created by two administrators at the same moment: the database keeps one (a unique
/// column every row holds as 1), the other administrator is shown what was saved beside the fields, as for a municipality
/// saved since the form was opened, and can save over it; never an error page, never a second row.
/// </summary>
public sealed class MunicipalityCreatedTwiceTests(MunicipalityCreatedTwiceTests.NewInstallationFactory factory)
    : IClassFixture<MunicipalityCreatedTwiceTests.NewInstallationFactory>
{
    private const string AdminName = "it-admin";
    private const string Password = "Førstegang-2026";
    private const string Url = "/Admin/Organisation/Municipality";

    [Fact]
    public async Task TwoAdministratorsCreateTheMunicipalityAtOnce_OneRowSaved_TheOtherShownItBesideTheFields()
    {
        using var a = await Browser.SignedInAsync(factory, AdminName, Password);
        using var b = await Browser.SignedInAsync(factory, AdminName, Password);
        var formA = await OpenedForm.OpenAsync(a, Url);
        var formB = await OpenedForm.OpenAsync(b, Url);
        Assert.Equal(0, await factory.QueryAsync(db => db.Municipalities.CountAsync()));
        factory.HoldSaves(2, db => db.ChangeTracker.Entries<Municipality>().Any(e => e.State == EntityState.Added));

        var results = await Task.WhenAll(
            formA.PostAsync(new Dictionary<string, string> { ["Name"] = "Testrup Kommune", ["Code"] = "998" }),
            formB.PostAsync(new Dictionary<string, string> { ["Name"] = "Testrup Kommune", ["Code"] = "999" }));

        Assert.Single(results, r => r.Status == HttpStatusCode.Redirect);
        var loser = Assert.Single(results, r => r.Status == HttpStatusCode.OK);
        var saved = Assert.Single(await factory.QueryAsync(db => db.Municipalities.AsNoTracking().ToListAsync()));
        var (lost, loserBrowser) = loser == results[0] ? ("998", a) : ("999", b);
        Assert.Contains(MunicipalityModel.SavedByOtherMessage, loser.Html, StringComparison.Ordinal);
        Assert.Contains($"Gemt af en anden: {saved.Code}", loser.Html, StringComparison.Ordinal);
        Assert.Contains($"value=\"{lost}\"", loser.Html, StringComparison.Ordinal);
        Assert.Contains("Ret kommunen", loser.Html, StringComparison.Ordinal);

        // Gem again saves the loser's values over the one saved.
        var again = await OpenedForm.Of(loserBrowser, Url, loser.Html)
            .PostAsync(new Dictionary<string, string> { ["Name"] = "Testrup Kommune", ["Code"] = lost });
        Assert.Equal(HttpStatusCode.Redirect, again.Status);
        Assert.Equal(lost, await factory.QueryAsync(db => db.Municipalities.Select(m => m.Code).SingleAsync()));

        // And the database refuses a second row saved past the page.
        var second = await Record.ExceptionAsync(() => factory.QueryAsync(db =>
        {
            db.Municipalities.Add(new Municipality("Anden Kommune", "997"));
            return db.SaveChangesAsync();
        }));
        Assert.True(second is DbUpdateException refused && UniqueViolation.Is(refused), second?.ToString());
    }

    /// <summary>A new installation in Production (no demo data, no municipality), with the gate before its saves.</summary>
    public sealed class NewInstallationFactory : SavesMeetAppFactory
    {
        protected override string EnvironmentName => "Production";

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Indgang:BootstrapAdmin:UserName", AdminName);
            builder.UseSetting("Indgang:BootstrapAdmin:Password", Password);
        }
    }
}

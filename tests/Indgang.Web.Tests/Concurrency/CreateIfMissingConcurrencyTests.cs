using System.Net;
using Indgang.Domain.Deadlines;
using Indgang.Tests.Hosting;
using Indgang.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Indgang.Web.Tests.Concurrency;

/// <summary>
/// Records created when missing, by two at the same moment: a year's quota is saved once and the other is shown it as
/// saved by another, a new local target version is saved once and the other administrator is told to look again; never
/// an error page.
/// </summary>
public sealed class CreateIfMissingConcurrencyTests(IndgangAppFactory factory) : IClassFixture<IndgangAppFactory>
{
    [Fact]
    public async Task QuotaForANewYearSetByTwoAtOnce_OneSaved_TheOtherShownItAsSavedByAnother()
    {
        var year = DateTime.Now.Year + 4;
        using var a = await Browser.SignedInAsync(factory, "bolig");
        using var b = await Browser.SignedInAsync(factory, "bolig");
        var formA = await OpenedForm.OpenAsync(a, ForecastQuotas.Page, ForecastQuotas.Post);
        var formB = await OpenedForm.OpenAsync(b, ForecastQuotas.Page, ForecastQuotas.Post);

        var results = await Task.WhenAll(formA.PostAsync(ForecastQuotas.Fields(year, 410)), formB.PostAsync(ForecastQuotas.Fields(year, 420)));

        var stored = Assert.Single(await factory.QueryAsync(db => db.Quotas.Where(q => q.Year == year).Select(q => q.Persons).ToListAsync()));
        Assert.True(stored is 410 or 420, $"Stored: {stored}");
        Assert.Equal(HttpStatusCode.Redirect, results[stored == 410 ? 0 : 1].Status);
        var refused = results[stored == 410 ? 1 : 0];
        Assert.Equal(HttpStatusCode.OK, refused.Status);
        Assert.Contains(Indgang.Web.Features.Housing.ForecastModel.SavedByOtherMessage, refused.Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LocalTargetAddedByTwoAtOnce_OneVersionSaved_TheOtherToldToLookAgain()
    {
        using var a = await Browser.SignedInAsync(factory, "admin");
        using var b = await Browser.SignedInAsync(factory, "admin");
        var formA = await OpenedForm.OpenAsync(a, "/Admin/RuleSets");
        var formB = await OpenedForm.OpenAsync(b, "/Admin/RuleSets");

        var results = await Task.WhenAll(formA.PostAsync(Target("3")), formB.PostAsync(Target("4")));

        Assert.All(results, r => Assert.NotEqual(HttpStatusCode.InternalServerError, r.Status));
        var versions = await factory.QueryAsync(db => db.LocalTargets.Where(e => e.Kind == DeadlineKind.DanishEducationStart).Select(e => e.VersionNumber).ToListAsync());
        Assert.Equal(versions.Count, results.Count(r => r.Status == HttpStatusCode.Redirect));
        Assert.Equal(versions.Count, versions.Distinct().Count());
        Assert.All(results.Where(r => r.Status == HttpStatusCode.OK), r =>
            Assert.Contains("Et lokalt mål for samme frist er lige blevet gemt af en anden. Se historikken, og gem igen, hvis dit mål stadig skal gælde.", r.Html, StringComparison.Ordinal));
    }

    private static Dictionary<string, string> Target(string weeks) => new()
    {
        ["Input.Kind"] = nameof(DeadlineKind.DanishEducationStart), ["Input.Weeks"] = weeks, ["Input.EffectiveFrom"] = "2024-01-01", ["Input.Source"] = "Byrådets beslutning",
    };
}

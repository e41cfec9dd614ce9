using System.Net;
using AngleSharp.Html.Parser;
using Indgang.Domain.Audit;
using Indgang.Tests.Hosting;
using Indgang.Web.Features.Housing;
using Indgang.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Indgang.Web.Tests.Housing;

/// <summary>
/// A year's quota set on the forecast page (HOUSE-4) is audited with what it was and became; one saved by someone else
/// since the page was opened is not overwritten unseen, but shown beside the field, and saved over when sent again.
/// </summary>
public sealed class ForecastQuotaEditTests(IndgangAppFactory factory) : IClassFixture<IndgangAppFactory>
{
    private static readonly HtmlParser Parser = new();

    [Fact]
    public async Task AQuota_SetThenChanged_EachChangeIsAudited()
    {
        var year = Arrivals.Today.Year + 3;
        using var housing = await Browser.SignedInAsync(factory, "bolig");

        Assert.Equal(HttpStatusCode.Redirect, (await housing.SetQuotaAsync(year, 300)).Status);
        Assert.Equal(HttpStatusCode.Redirect, (await housing.SetQuotaAsync(year, 350)).Status);
        // The same again changes nothing, so nothing more is audited.
        Assert.Equal(HttpStatusCode.Redirect, (await housing.SetQuotaAsync(year, 350)).Status);

        var audited = await factory.QueryAsync(db => db.AuditEntries.AsNoTracking()
            .Where(e => e.Action == AuditAction.QuotaChanged && e.Details!.StartsWith($"{year}:")).OrderBy(e => e.Sequence).Select(e => e.Details).ToListAsync());
        Assert.Equal([$"{year}: 300", $"{year}: 300 → 350"], audited);
        Assert.Equal(350, await factory.QueryAsync(db => db.Quotas.Where(q => q.Year == year).Select(q => q.Persons).SingleAsync()));
    }

    [Fact]
    public async Task AQuotaSavedByAnother_SinceThePageWasOpened_IsShownBesideTheField_AndSavedOverOnlyWhenSentAgain()
    {
        var year = Arrivals.Today.Year + 2;
        using var mine = await Browser.SignedInAsync(factory, "bolig");
        using var other = await Browser.SignedInAsync(factory, "bolig");
        var form = await OpenedForm.OpenAsync(mine, ForecastQuotas.Page, ForecastQuotas.Post);
        Assert.Equal(HttpStatusCode.Redirect, (await other.SetQuotaAsync(year, 500)).Status);

        var (status, html) = await form.PostAsync(ForecastQuotas.Fields(year, 600));

        Assert.Equal(HttpStatusCode.OK, status);
        var page = Parser.ParseDocument(html);
        Assert.Contains(ForecastModel.SavedByOtherMessage, page.QuerySelector(".alert-error")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Gemt af en anden: 500", page.QuerySelector("#QuotaPersons-saved")!.TextContent.Trim());
        // What was typed stays in the form.
        Assert.Equal("600", page.QuerySelector("#QuotaPersons")!.GetAttribute("value"));
        Assert.Equal(500, await QuotaAsync(year));
        Assert.Single(await AuditedAsync(year));

        // Sent again from the form shown, knowing the other's quota: saved over it, and audited.
        var (again, _) = await OpenedForm.Of(mine, ForecastQuotas.Post, html).PostAsync(ForecastQuotas.Fields(year, 600));

        Assert.Equal(HttpStatusCode.Redirect, again);
        Assert.Equal(600, await QuotaAsync(year));
        Assert.Equal([$"{year}: 500", $"{year}: 500 → 600"], await AuditedAsync(year));
    }

    [Fact]
    public async Task AYearOutOfReach_IsRefusedBesideTheField_InTheUsersLanguage()
    {
        var year = Arrivals.Today.Year;
        using var danish = await Browser.SignedInAsync(factory, "bolig");
        using var english = await Browser.SignedInEnglishAsync(factory, "bolig");

        var (status, html) = await danish.SetQuotaAsync(year + 6, 100);
        var (_, htmlInEnglish) = await english.SetQuotaAsync(year - 2, 100);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal($"Fejl: Angiv et år fra {year - 1} til {year + 5}.", Parser.ParseDocument(html).QuerySelector("#QuotaYear-error")!.TextContent.Trim());
        Assert.Equal($"Error: Enter a year from {year - 1} to {year + 5}.", Parser.ParseDocument(htmlInEnglish).QuerySelector("#QuotaYear-error")!.TextContent.Trim());
        Assert.Equal("100", Parser.ParseDocument(htmlInEnglish).QuerySelector("#QuotaPersons")!.GetAttribute("value"));
        Assert.False(await factory.QueryAsync(db => db.Quotas.AnyAsync(q => q.Year == year + 6 || q.Year == year - 2)));
    }

    private Task<int> QuotaAsync(int year) => factory.QueryAsync(db => db.Quotas.Where(q => q.Year == year).Select(q => q.Persons).SingleAsync());

    private Task<List<string?>> AuditedAsync(int year) => factory.QueryAsync(db => db.AuditEntries.AsNoTracking()
        .Where(e => e.Action == AuditAction.QuotaChanged && e.Details!.StartsWith($"{year}:")).OrderBy(e => e.Sequence).Select(e => e.Details).ToListAsync());
}

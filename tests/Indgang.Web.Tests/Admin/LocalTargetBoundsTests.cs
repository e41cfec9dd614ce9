using System.Net;
using Indgang.Tests.Hosting;
using Indgang.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Indgang.Web.Tests.Admin;

/// <summary>
/// A local target is refused beside the field, with what was typed kept and nothing saved, when its period or its
/// start could not be counted with (200.000 months, the year 9999: a server error at once, or on every case's deadlines
/// once saved), when it is looser than the law, also when it starts before the first national rule set (the law was
/// not looked at then), or when its source is longer than the column (PostgreSQL refused to save it).
/// </summary>
public sealed class LocalTargetBoundsTests(IndgangAppFactory factory) : IClassFixture<IndgangAppFactory>
{
    [Fact]
    public async Task HugeMonthsAndLongSource_AreRefusedBesideTheFields()
    {
        var source = new string('K', 301);

        var html = await RefusedAsync(new() { ["Input.Months"] = "200000", ["Input.EffectiveFrom"] = "2023-06-01", ["Input.Source"] = source });

        Assert.Contains(FieldErrors.Beside("Input_Months", "Et lokalt mål kan højst være 120 måneder."), html, StringComparison.Ordinal);
        Assert.Contains(FieldErrors.Beside("Input_Source", "Kilden må højst være 300 tegn."), html, StringComparison.Ordinal);
        Assert.Contains("value=\"200000\"", html, StringComparison.Ordinal);
        Assert.Contains("value=\"2023-06-01\"", html, StringComparison.Ordinal);
        Assert.Contains($"value=\"{source}\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HugeWeeksAndDaysAndAStartInTheYear9999_AreRefusedBesideTheFields()
    {
        var html = await RefusedAsync(new() { ["Input.Weeks"] = "521", ["Input.Days"] = "2147483647", ["Input.EffectiveFrom"] = "9999-12-31", ["Input.Source"] = "Byrådet" });

        Assert.Contains(FieldErrors.Beside("Input_Weeks", "Et lokalt mål kan højst være 520 uger."), html, StringComparison.Ordinal);
        Assert.Contains(FieldErrors.Beside("Input_Days", "Et lokalt mål kan højst være 3.650 dage."), html, StringComparison.Ordinal);
        Assert.Contains(FieldErrors.Beside("Input_EffectiveFrom", "Datoen kan højst ligge 2 år frem. Tjek årstallet."), html, StringComparison.Ordinal);
        Assert.Contains("value=\"2147483647\"", html, StringComparison.Ordinal);
        Assert.Contains("value=\"9999-12-31\"", html, StringComparison.Ordinal);
    }

    /// <summary>A target in force from the year 1 (every other date field refuses a day before 1999) is refused too.</summary>
    [Fact]
    public async Task StartInTheYearOne_IsRefusedBesideTheField()
    {
        var html = await RefusedAsync(new() { ["Input.Days"] = "1", ["Input.EffectiveFrom"] = "0001-01-01", ["Input.Source"] = "Byrådet" });

        Assert.Contains(FieldErrors.Beside("Input_EffectiveFrom", Platform.PlanningHorizon.TooFarBack), html, StringComparison.Ordinal);
        Assert.Contains("value=\"0001-01-01\"", html, StringComparison.Ordinal);
    }

    /// <summary>
    /// A target from before the first national rule set (a strategy older than the law) is held up against the first rule
    /// set, whose cases it applies to: one looser than the law is refused, as from any later day.
    /// </summary>
    [Fact]
    public async Task StartBeforeTheFirstRuleSet_LooserThanTheLaw_IsRefused()
    {
        var html = await RefusedAsync(new() { ["Input.Weeks"] = "9", ["Input.EffectiveFrom"] = "2023-06-01", ["Input.Source"] = "Strategi 2023" });

        Assert.Contains("id=\"Input_Months-error\"><span class=\"sr-only\">Fejl: </span>Et lokalt mål skal være strammere end loven (", html, StringComparison.Ordinal);
        Assert.Contains("value=\"2023-06-01\"", html, StringComparison.Ordinal);
    }

    /// <summary>The same refusal to an administrator who has chosen English (PLAT-5): in English, with the law's period.</summary>
    [Fact]
    public async Task LooserThanTheLaw_EnglishChosen_IsRefusedInEnglish()
    {
        var html = await RefusedAsync(new() { ["Input.Weeks"] = "9", ["Input.EffectiveFrom"] = "2023-06-01", ["Input.Source"] = "Strategi 2023" }, english: true);

        Assert.Contains("id=\"Input_Months-error\"><span class=\"sr-only\">Error: </span>A local target must be stricter than the law (1 month).", html, StringComparison.Ordinal);
        Assert.DoesNotContain("strammere end loven", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NegativeHugeMonths_IsRefusedAsNegative_NotAServerError()
    {
        var html = await RefusedAsync(new() { ["Input.Months"] = "-2147483648", ["Input.EffectiveFrom"] = "2024-01-01", ["Input.Source"] = "Byrådet" });

        Assert.Contains(FieldErrors.Beside("Input_Months", "Angiv en periode på mindst én dag (måneder, uger og dage kan ikke være negative)."), html, StringComparison.Ordinal);
    }

    /// <summary>
    /// The decision on the adult programme is due the day before the 18th birthday, counted back: no period after its start
    /// is stricter than that, and the page said a target of any length was looser than the law (»-1 dag«). The deadline is
    /// not offered, and one posted is refused saying why.
    /// </summary>
    [Fact]
    public async Task ADeadlineCountedBack_IsNotOffered_AndRefusedSayingWhy()
    {
        using var admin = await Browser.SignedInAsync(factory, "admin");
        var offered = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await admin.GetPageAsync("/Admin/RuleSets"))
            .QuerySelectorAll("#Input_Kind option").Select(o => o.GetAttribute("value")).ToList();
        Assert.Contains("DanishEducationStart", offered);
        Assert.DoesNotContain("AdultProgrammeDecision", offered);

        var html = await RefusedAsync(new() { ["Input.Kind"] = "AdultProgrammeDecision", ["Input.Months"] = "3", ["Input.EffectiveFrom"] = "2025-01-01", ["Input.Source"] = "Byrådet" });

        Assert.Contains(FieldErrors.Beside("Input_Kind", "Fristen »Afgørelse om voksenprogram (før 18 år)« regnes baglæns, så kommunen kan ikke sætte et lokalt mål for den her. Vælg en anden frist."), html, StringComparison.Ordinal);
        Assert.DoesNotContain("strammere end loven", html, StringComparison.Ordinal);
    }

    private async Task<string> RefusedAsync(Dictionary<string, string> fields, bool english = false)
    {
        using var admin = english ? await Browser.SignedInEnglishAsync(factory, "admin") : await Browser.SignedInAsync(factory, "admin");
        var before = await factory.QueryAsync(db => db.LocalTargets.CountAsync());
        fields.TryAdd("Input.Kind", "DanishEducationStart");

        using var response = await admin.PostFormAsync("/Admin/RuleSets", fields);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(before, await factory.QueryAsync(db => db.LocalTargets.CountAsync()));
        return html;
    }
}

using System.Globalization;
using System.Net;
using Indgang.Domain.Deadlines;
using Indgang.Domain.People;
using Indgang.Domain.Reception;
using Indgang.Tests.Hosting;
using Indgang.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Indgang.Web.Tests.Admin;

/// <summary>
/// A local target's versions are dated: a change from a later date leaves the target in force before it to the people
/// whose day 0 falls then (saving one from next month took Allerød's 3-month health check from everyone), and a target
/// ends from the date the administrator gives (ophører fra, today unless changed), not for people whose day 0 fell while it
/// was in force. The rule set page shows each version's time in force.
/// </summary>
public sealed class LocalTargetHistoryTests(IndgangAppFactory factory) : IClassFixture<IndgangAppFactory>
{
    private static readonly CultureInfo Danish = CultureInfo.GetCultureInfo("da-DK");
    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.Now);

    [Fact]
    public async Task ChangeFromNextMonth_EarlierDay0KeepsTheTargetInForceThen_LaterDay0GetsTheChange()
    {
        var (coordinator, browser) = await factory.SignedInCoordinatorAsync("koordlokalmaal");
        var earlier = await AddQuotaAdultAsync(coordinator, "Tidligere", Today.AddMonths(-2));
        var later = await AddQuotaAdultAsync(coordinator, "Senere", Today.AddMonths(2));
        using var admin = await Browser.SignedInAsync(factory, "admin");
        var from = Today.AddMonths(1);

        // Allerød's health check within 3 months from 2023 is in the demo data (version 1): 2 months from next month.
        using var saved = await admin.PostFormAsync("/Admin/RuleSets", new Dictionary<string, string>
        {
            ["Input.Kind"] = nameof(DeadlineKind.HealthAssessmentOffer), ["Input.Months"] = "2", ["Input.EffectiveFrom"] = Iso(from), ["Input.Source"] = "Byrådets beslutning",
        });

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Contains($"{D(Today.AddMonths(-2).AddMonths(3))} <span class=\"form-hint\">(kommunens mål)</span>", await HealthRowAsync(browser, earlier), StringComparison.Ordinal);
        Assert.Contains($"{D(Today.AddMonths(2).AddMonths(2))} <span class=\"form-hint\">(kommunens mål)</span>", await HealthRowAsync(browser, later), StringComparison.Ordinal);
        var rulesPage = WebUtility.HtmlDecode(await admin.GetPageAsync("/Admin/RuleSets"));
        Assert.Contains($"<td>{D(new DateOnly(2023, 1, 1))} – {D(from.AddDays(-1))}</td>", rulesPage, StringComparison.Ordinal);
        Assert.Contains($"<td>fra {D(from)}</td>", rulesPage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EndedFromToday_Day0BeforeKeepsTheTarget_Day0AfterHasNone()
    {
        var (coordinator, browser) = await factory.SignedInCoordinatorAsync("koordophoer");
        var before = await AddQuotaAdultAsync(coordinator, "Foer", Today.AddDays(-20));
        var after = await AddQuotaAdultAsync(coordinator, "Efter", Today.AddDays(5));
        using var admin = await Browser.SignedInAsync(factory, "admin");
        using var saved = await admin.PostFormAsync("/Admin/RuleSets", new Dictionary<string, string>
        {
            ["Input.Kind"] = nameof(DeadlineKind.FirstCompanyOffer), ["Input.Days"] = "10", ["Input.EffectiveFrom"] = "2024-01-01", ["Input.Source"] = "Byrådets beslutning",
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Contains("(kommunens mål)", await RowAsync(browser, after, DeadlineKind.FirstCompanyOffer), StringComparison.Ordinal);

        // The removal form offers today as the day the target ends.
        var form = WebUtility.HtmlDecode(await admin.GetPageAsync($"/Admin/RuleSets?ophoer={DeadlineKind.FirstCompanyOffer}"));
        Assert.Contains($"name=\"Removal.EndsFrom\" type=\"date\" value=\"{Iso(Today)}\"", form, StringComparison.Ordinal);
        using var removed = await admin.PostFormAsync("/Admin/RuleSets?handler=Remove", new Dictionary<string, string>
        {
            ["Removal.Kind"] = nameof(DeadlineKind.FirstCompanyOffer), ["Removal.EndsFrom"] = Iso(Today),
        });

        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        Assert.Contains($"{D(Today.AddDays(-10))} <span class=\"form-hint\">(kommunens mål)</span>", await RowAsync(browser, before, DeadlineKind.FirstCompanyOffer), StringComparison.Ordinal);
        var afterRow = await RowAsync(browser, after, DeadlineKind.FirstCompanyOffer);
        Assert.DoesNotContain("(kommunens mål)", afterRow, StringComparison.Ordinal);
        Assert.Contains($"{D(Today.AddDays(5 + 14))} <span class=\"form-hint\">(nationalt mål)</span>", afterRow, StringComparison.Ordinal);
        var rulesPage = WebUtility.HtmlDecode(await admin.GetPageAsync("/Admin/RuleSets"));
        Assert.Contains($"<td>{D(new DateOnly(2024, 1, 1))} – {D(Today.AddDays(-1))}</td>", rulesPage, StringComparison.Ordinal);
        Assert.Contains($"<td>ophører fra {D(Today)}</td>", rulesPage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Removal_WithoutADateOrWhenNoTargetIsInForce_IsRefusedBesideTheField()
    {
        using var admin = await Browser.SignedInAsync(factory, "admin");
        var count = await factory.QueryAsync(db => db.LocalTargets.CountAsync());

        using var noDate = await admin.PostFormAsync("/Admin/RuleSets?handler=Remove", new Dictionary<string, string>
        {
            ["Removal.Kind"] = nameof(DeadlineKind.HealthAssessmentOffer), ["Removal.EndsFrom"] = "",
        });
        // Allerød's health target is in force from 2023: not before.
        using var beforeAny = await admin.PostFormAsync("/Admin/RuleSets?handler=Remove", new Dictionary<string, string>
        {
            ["Removal.Kind"] = nameof(DeadlineKind.HealthAssessmentOffer), ["Removal.EndsFrom"] = "2022-06-01",
        });

        Assert.Equal(HttpStatusCode.OK, noDate.StatusCode);
        Assert.Contains(FieldErrors.Beside("Removal_EndsFrom", "Angiv fra hvilken dato målet ophører."), WebUtility.HtmlDecode(await noDate.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        var refused = WebUtility.HtmlDecode(await beforeAny.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, beforeAny.StatusCode);
        Assert.Contains(FieldErrors.Beside("Removal_EndsFrom", "Der er intet lokalt mål for fristen på den dato, så der er intet at lade ophøre. Se historikken."), refused, StringComparison.Ordinal);
        Assert.Contains("value=\"2022-06-01\"", refused, StringComparison.Ordinal);
        Assert.Equal(count, await factory.QueryAsync(db => db.LocalTargets.CountAsync()));
    }

    /// <summary>A household of the coordinator's with one adult quota refugee, CPR-registered (day 0) on the date given.</summary>
    private async Task<(Guid Household, string Name)> AddQuotaAdultAsync(string coordinator, string lastName, DateOnly day0)
    {
        var household = new Household($"Familien {lastName}", coordinator) { RegisteredAt = DateTimeOffset.UtcNow };
        household.SetArrival(day0, day0 <= Today ? day0 : null);
        household.AddMember(new Person("Lokal", lastName, new DateOnly(1990, 1, 1), Gender.Female) { Basis = ResidenceBasis.QuotaRefugee, CprRegisteredOn = day0 });
        await factory.QueryAsync(db =>
        {
            db.Households.Add(household);
            return db.SaveChangesAsync();
        });
        return (household.Id, $"Lokal {lastName}");
    }

    private static Task<string> HealthRowAsync(Browser browser, (Guid Household, string Name) member) => RowAsync(browser, member, DeadlineKind.HealthAssessmentOffer);

    private static async Task<string> RowAsync(Browser browser, (Guid Household, string Name) member, DeadlineKind kind)
    {
        var page = WebUtility.HtmlDecode(await browser.GetPageAsync($"/Households/{member.Household}"));
        var section = page[page.IndexOf($"<h3>{member.Name}</h3>", StringComparison.Ordinal)..];
        var row = section[section.IndexOf($"data-deadline=\"{kind}\"", StringComparison.Ordinal)..];
        return row[..row.IndexOf("</tr>", StringComparison.Ordinal)];
    }

    private static string D(DateOnly date) => date.ToString("d. MMM yyyy", Danish);

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}

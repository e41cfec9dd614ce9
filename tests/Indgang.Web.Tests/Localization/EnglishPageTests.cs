using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;
using Indgang.Tests.Hosting;
using Indgang.Web.Features.Notifications;
using Indgang.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Indgang.Web.Tests.Localization;

/// <summary>The housing pages and the page frame with English chosen in the language switch (the culture cookie).</summary>
public sealed class EnglishPageTests(IndgangAppFactory factory) : IClassFixture<IndgangAppFactory>
{
    private static readonly HtmlParser Parser = new();

    [Theory]
    [InlineData("/Housing", "Housing", "Boliger")]
    [InlineData("/Housing/Forecast", "Capacity forecast for temporary housing", "Kapacitetsprognose for midlertidige boliger")]
    [InlineData("/Housing/Pipeline", "Path to permanent housing", "Vejen til permanent bolig")]
    [InlineData("/Housing/Placement", "Housing placement", "Boligplacering")]
    [InlineData("/Housing/Units/Edit", "Create housing", "Opret bolig")]
    [InlineData("/Housing/Units/Import", "Import housing from CSV", "Importér boliger fra CSV")]
    [InlineData("/Housing/Sites/Create", "Create housing site", "Opret boligsted")]
    public async Task HousingPage_EnglishChosen_HeadingIsEnglish(string url, string english, string danish)
    {
        using var housing = await EnglishHousingCoordinatorAsync(url);

        var html = WebUtility.HtmlDecode(await housing.GetPageAsync(url));

        Assert.Contains("<html lang=\"en\">", html, StringComparison.Ordinal);
        Assert.Contains($"<h1>{english}</h1>", html, StringComparison.Ordinal);
        Assert.DoesNotContain($"<h1>{danish}</h1>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HousingList_EnglishChosen_TextsAndAmountsAreEnglish()
    {
        using var housing = await EnglishHousingCoordinatorAsync("/Housing");

        var html = WebUtility.HtmlDecode(await housing.GetPageAsync("/Housing"));

        Assert.Contains("<title>Housing – Indgang</title>", html, StringComparison.Ordinal);
        Assert.Contains("Free beds:", html, StringComparison.Ordinal);
        Assert.Contains("Vulnerable area – must not be used", html, StringComparison.Ordinal);
        Assert.Matches(@">DKK \d{1,3}(,\d{3})*(\.\d{2})?</td>", html);
        Assert.DoesNotContain("Ledige senge", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Udsat område", html, StringComparison.Ordinal);
        Assert.DoesNotContain(" kr.</td>", html, StringComparison.Ordinal);
        Assert.DoesNotContain(" DKK</td>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HousingList_NoLanguageChosen_StaysDanish()
    {
        using var housing = await Browser.SignedInAsync(factory, "bolig");

        var html = WebUtility.HtmlDecode(await housing.GetPageAsync("/Housing"));

        Assert.Contains("<html lang=\"da\">", html, StringComparison.Ordinal);
        Assert.Contains("<h1>Boliger</h1>", html, StringComparison.Ordinal);
        // The page's own title in the browser tab (WCAG 2.4.2), set with T["…"]: it was "Indgang" on every page.
        Assert.Contains("<title>Boliger – Indgang</title>", html, StringComparison.Ordinal);
        Assert.Contains(" kr.</td>", html, StringComparison.Ordinal);
    }

    /// <summary>The menu's count of recent notifications is a format key; the role beside the user's name is the role's Danish name as key.</summary>
    [Fact]
    public async Task PageFrame_EnglishChosen_NotificationCountAndRoleAreEnglish()
    {
        await RaiseNotificationsAsync();
        using var coordinator = await Browser.SignedInEnglishAsync(factory, "koordinator");

        var html = WebUtility.HtmlDecode(await coordinator.GetPageAsync("/"));

        Assert.Matches(new Regex(@"<span>Notifications \(\d+\)</span>"), html);
        Assert.Contains("<p class=\"user\">Mette Holm, Coordinator</p>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Notifikationer", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Koordinator", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PageFrame_NoLanguageChosen_NotificationCountAndRoleStayDanish()
    {
        await RaiseNotificationsAsync();
        using var coordinator = await Browser.SignedInAsync(factory, "koordinator");

        var html = WebUtility.HtmlDecode(await coordinator.GetPageAsync("/"));

        Assert.Matches(new Regex(@"<span>Notifikationer \(\d+\)</span>"), html);
        Assert.Contains("<p class=\"user\">Mette Holm, Koordinator</p>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<span>Notifications", html, StringComparison.Ordinal);
    }

    /// <summary>The administrator's list of users names each user's roles in the language chosen (they stood in Danish: found by review).</summary>
    [Fact]
    public async Task UserList_EnglishChosen_RolesAreEnglish()
    {
        using var admin = await Browser.SignedInEnglishAsync(factory, "admin");

        var html = Parser.ParseDocument(await admin.GetPageAsync("/Admin/Users"));
        var roles = html.QuerySelectorAll("tbody tr").ToDictionary(r => r.QuerySelector("td")!.TextContent.Trim(), r => r.QuerySelectorAll("td")[2].TextContent.Trim());

        Assert.Equal("Coordinator", roles["koordinator"]);
        Assert.Equal("Housing coordinator", roles["bolig"]);
        Assert.DoesNotContain(roles.Values, r => r.Contains("koordinator", StringComparison.OrdinalIgnoreCase) || r.Contains("Fagmedarbejder", StringComparison.Ordinal));
    }

    /// <summary>Runs the deadline watch once: the demo household Haddad's overdue tasks notify its coordinator.</summary>
    private async Task RaiseNotificationsAsync()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DeadlineWatch>().RunOnceAsync();
    }

    /// <summary>The demo housing coordinator, signed in, who has chosen English with the switch on a page.</summary>
    private async Task<Browser> EnglishHousingCoordinatorAsync(string returnUrl)
    {
        var housing = await Browser.SignedInAsync(factory, "bolig");
        using var chosen = await housing.PostFormAsync("/Culture", new Dictionary<string, string> { ["culture"] = "en-GB", ["returnUrl"] = returnUrl }, formPage: "/");
        Assert.Equal(HttpStatusCode.Redirect, chosen.StatusCode);
        Assert.Equal(returnUrl, chosen.Headers.Location?.OriginalString);
        return housing;
    }
}

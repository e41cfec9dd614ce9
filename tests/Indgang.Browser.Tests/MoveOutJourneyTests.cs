using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Indgang.Browser.Tests;

/// <summary>
/// A move out as the housing coordinator and the departments click through it (HOUSE-2): she registers on the unit's
/// page that the demo's resident couple leaves the municipality in two weeks; Sekretariatet finds the end of the lease
/// and the keys to take back in its work list, and Teknik og drift the inspection, due that day; her start page lists
/// the move out with what is not done; when the move falls through and she undoes it, the tasks leave the work lists. Every page on the way is checked with axe-core.
/// </summary>
public sealed class MoveOutJourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private const string Sharifi = "Familien Sharifi";
    private const string Unit = "Lejlighed 3";
    private static readonly CultureInfo Danish = CultureInfo.GetCultureInfo("da-DK");

    [Fact]
    public Task MoveOutJourney_RegisteredOnTheUnit_DepartmentsGetLeaseKeysAndInspection_UndoneTheyGo() =>
        browser.RunWithUsersAsync(async users =>
        {
            var day = DateOnly.FromDateTime(DateTime.Now).AddDays(14);
            var written = day.ToString("d. MMMM yyyy", Danish);

            var housing = await users.NewPageAsync();
            await SignInPage.SignInAsync(housing, "bolig");
            await MainMenu(housing).GetByRole(AriaRole.Link, new() { Name = "Boliger", Exact = true }).ClickAsync();
            await housing.GetByRole(AriaRole.Link, new() { Name = Unit, Exact = true }).ClickAsync();
            await Expect(housing.GetByRole(AriaRole.Heading, new() { NameRegex = new Regex($"^{Unit}, "), Level = 1 })).ToBeVisibleAsync();
            await housing.GetByLabel("Fraflytningsdato", new() { Exact = true }).FillAsync(day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            await housing.GetByLabel("Fraflyttet kommunen", new() { Exact = true }).CheckAsync();
            await housing.GetByRole(AriaRole.Button, new() { Name = $"Registrér fraflytning – {Sharifi}", Exact = true }).ClickAsync();
            await Expect(housing.GetByText($"Fraflytning registreret: {written}, ud af kommunen", new() { Exact = true })).ToBeVisibleAsync();
            await Axe.AssertNoViolationsAsync(housing);

            var secretariat = await users.NewPageAsync();
            await OpenTasksAsync(secretariat, "sekretariat", "Opgaver for Sekretariatet");
            foreach (var title in new[] { $"Afslutning af lejekontrakt – {Unit}", $"Aflevering af nøgler – {Unit}" })
            {
                await Expect(TaskCard(secretariat, title)).ToContainTextAsync($"Frist: {written}");
            }

            await Axe.AssertNoViolationsAsync(secretariat);
            var technical = await users.NewPageAsync();
            await OpenTasksAsync(technical, "teknik", "Opgaver for Teknik og drift");
            await Expect(TaskCard(technical, $"Fraflytningssyn – {Unit}")).ToContainTextAsync($"Frist: {written}");

            // Her start page lists the move out with what is not done yet, and leads back to the unit.
            await MainMenu(housing).GetByRole(AriaRole.Link, new() { Name = "Forside", Exact = true }).ClickAsync();
            var moveOuts = housing.GetByRole(AriaRole.Region, new() { Name = "Fraflytninger", Exact = true });
            var row = moveOuts.GetByRole(AriaRole.Row).Filter(new() { HasText = Sharifi });
            await Expect(row).ToContainTextAsync("Afslutning af lejekontrakt, Aflevering af nøgler, Fraflytningssyn");
            await Expect(row).ToContainTextAsync(written);
            await Axe.AssertNoViolationsAsync(housing);
            await row.GetByRole(AriaRole.Link, new() { Name = Unit, Exact = true }).ClickAsync();

            // The move falls through: she undoes it, and the departments' work lists no longer hold it.
            await housing.GetByRole(AriaRole.Button, new() { Name = $"Fortryd fraflytning – {Sharifi}", Exact = true }).ClickAsync();
            await Expect(housing.GetByRole(AriaRole.Button, new() { Name = $"Registrér fraflytning – {Sharifi}", Exact = true })).ToBeVisibleAsync();
            await Expect(housing.GetByText("Fraflytning registreret", new() { Exact = false })).ToHaveCountAsync(0);
            await secretariat.ReloadAsync();
            await Expect(TaskCard(secretariat, $"Afslutning af lejekontrakt – {Unit}")).ToHaveCountAsync(0);
            await Expect(TaskCard(secretariat, $"Aflevering af nøgler – {Unit}")).ToHaveCountAsync(0);
            await technical.ReloadAsync();
            await Expect(TaskCard(technical, $"Fraflytningssyn – {Unit}")).ToHaveCountAsync(0);
            await Axe.AssertNoViolationsAsync(technical);
        });

    private static async Task OpenTasksAsync(IPage page, string user, string heading)
    {
        await SignInPage.SignInAsync(page, user);
        await MainMenu(page).GetByRole(AriaRole.Link, new() { Name = "Opgaver", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = heading, Level = 1 })).ToBeVisibleAsync();
    }

    private static ILocator MainMenu(IPage page) => page.GetByRole(AriaRole.Navigation, new() { Name = "Hovedmenu", Exact = true });

    private static ILocator TaskCard(IPage page, string title) =>
        page.GetByRole(AriaRole.Article)
            .Filter(new() { Has = page.GetByRole(AriaRole.Link, new() { Name = Sharifi, Exact = true }) })
            .Filter(new() { Has = page.GetByRole(AriaRole.Heading, new() { Name = title, Exact = true }) });
}

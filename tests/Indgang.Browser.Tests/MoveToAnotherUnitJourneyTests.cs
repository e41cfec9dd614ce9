using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Indgang.Browser.Tests;

/// <summary>
/// A household moved from one of our temporary units straight into another, in one step, as the housing coordinator
/// clicks through it (HOUSE-2): on the unit's page she chooses the demo's resident couple's new home under »Ny bolig«,
/// first without a day (refused beside the day, what she chose kept), then with today; the old unit names the new home
/// and leads to it, where the couple lives now; Sekretariatet has the new home's lease. Every page on the way is
/// checked with axe-core.
/// </summary>
public sealed class MoveToAnotherUnitJourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private const string Sharifi = "Familien Sharifi";
    private const string From = "Lejlighed 3";
    private const string To = "Pavillon B";

    [Fact]
    public Task MoveToAnotherUnit_ChosenOnTheOldUnit_OneStep_TheNewHomeNamedAndItsLeaseATask() =>
        browser.RunWithUsersAsync(async users =>
        {
            var housing = await users.NewPageAsync();
            await SignInPage.SignInAsync(housing, "bolig");
            await MainMenu(housing).GetByRole(AriaRole.Link, new() { Name = "Boliger", Exact = true }).ClickAsync();
            await housing.GetByRole(AriaRole.Link, new() { Name = From, Exact = true }).ClickAsync();
            await Expect(housing.GetByRole(AriaRole.Heading, new() { NameRegex = new Regex($"^{From}, "), Level = 1 })).ToBeVisibleAsync();

            var newHome = housing.GetByLabel($"Ny bolig – {Sharifi}", new() { Exact = true });
            await newHome.SelectOptionAsync(new SelectOptionValue { Label = $"{To}, Pavillonerne ved Lillerød Idrætscenter (Lillerød)" });
            await housing.GetByLabel("Fraflytningsdato", new() { Exact = true }).FillAsync("");
            await housing.GetByRole(AriaRole.Button, new() { Name = $"Registrér fraflytning – {Sharifi}", Exact = true }).ClickAsync();
            await Expect(housing.GetByText("Angiv fraflytningsdatoen.", new() { Exact = false }).First).ToBeVisibleAsync();
            await Expect(housing.GetByLabel($"Ny bolig – {Sharifi}", new() { Exact = true }).Locator("option:checked")).ToHaveTextAsync(new Regex($"^{To}, "));
            await Axe.AssertNoViolationsAsync(housing);

            var today = DateOnly.FromDateTime(DateTime.Now);
            await housing.GetByLabel("Fraflytningsdato", new() { Exact = true }).FillAsync(today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            await housing.GetByRole(AriaRole.Button, new() { Name = $"Registrér fraflytning – {Sharifi}", Exact = true }).ClickAsync();
            var former = housing.GetByRole(AriaRole.Heading, new() { Name = "Seneste fraflytning", Exact = true });
            await Expect(former).ToBeVisibleAsync();
            await Expect(housing.GetByText("Ingen bor i boligen.", new() { Exact = true })).ToBeVisibleAsync();
            await Axe.AssertNoViolationsAsync(housing);

            await housing.GetByRole(AriaRole.Link, new() { Name = To, Exact = true }).ClickAsync();
            await Expect(housing.GetByRole(AriaRole.Heading, new() { NameRegex = new Regex($"^{To}, "), Level = 1 })).ToBeVisibleAsync();
            await Expect(housing.GetByRole(AriaRole.Link, new() { Name = Sharifi, Exact = true })).ToBeVisibleAsync();
            await Axe.AssertNoViolationsAsync(housing);

            var secretariat = await users.NewPageAsync();
            await SignInPage.SignInAsync(secretariat, "sekretariat");
            await MainMenu(secretariat).GetByRole(AriaRole.Link, new() { Name = "Opgaver", Exact = true }).ClickAsync();
            await Expect(secretariat.GetByRole(AriaRole.Article)
                .Filter(new() { Has = secretariat.GetByRole(AriaRole.Link, new() { Name = Sharifi, Exact = true }) })
                .Filter(new() { Has = secretariat.GetByRole(AriaRole.Heading, new() { Name = $"Lejekontrakt – {To}", Exact = true }) })).ToHaveCountAsync(1);
        });

    private static ILocator MainMenu(IPage page) => page.GetByRole(AriaRole.Navigation, new() { Name = "Hovedmenu", Exact = true });
}

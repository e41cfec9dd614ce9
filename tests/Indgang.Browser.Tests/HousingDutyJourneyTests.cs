using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Indgang.Browser.Tests;

/// <summary>
/// integrationsloven § 12 as the coordinator and the housing coordinator meet it: a wife and son come by family
/// reunification to live with the husband in his own flat. Ticked on the arrival form, the box is refused while a member
/// is registered as a refugee, and accepted once both are family-reunified; the household then does not wait for a home.
/// When the coordinator learns that the flat is too small after all, she unticks it on the case, and the housing
/// coordinator finds the household waiting on the placement page. axe-core checks each form, also with its errors.
/// </summary>
public sealed class HousingDutyJourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private const string Household = "Familien Nuur";

    [Fact]
    public Task HousingDuty_RegisteredAsLivingWithTheResident_NotWaiting_UntilTheCoordinatorSaysOtherwise() =>
        browser.RunWithUsersAsync(async users =>
        {
            var coordinator = await users.NewPageAsync();
            await SignInPage.SignInAsync(coordinator, "koordinator");
            await MainMenu(coordinator).GetByRole(AriaRole.Link, new() { Name = "Registrér ankomst", Exact = true }).ClickAsync();
            await coordinator.GetByLabel("Husstandens navn (valgfrit)", new() { Exact = true }).FillAsync(Household);
            await coordinator.GetByLabel("Forventet ankomst", new() { Exact = true }).FillAsync(Iso(DateTime.Today.AddDays(21)));
            await FillMemberAsync(coordinator, 1, "Hodan", "1993-06-11", "Kvinde", "Flygtning (visiteret)");
            await FillMemberAsync(coordinator, 2, "Abdi", "2018-02-20", "Mand", "Familiesammenført");
            await coordinator.GetByRole(AriaRole.Group, new() { Name = "Medlem 2", Exact = true }).GetByLabel("Relation til medlem 1", new() { Exact = true })
                .SelectOptionAsync(new SelectOptionValue { Label = "Barn" });
            var livesWith = coordinator.GetByLabel("Husstanden skal bo hos den herboende, den er familiesammenført til", new() { Exact = true });
            await livesWith.CheckAsync();
            await RegisterButton(coordinator).ClickAsync();

            // Hodan is down as a refugee: the summary leads to the box, which stays ticked, and the names stay typed.
            var summary = coordinator.GetByRole(AriaRole.Alert).Filter(new() { HasText = "Der er problemer" });
            await Expect(summary).ToContainTextAsync("Kun en husstand, hvor alle er familiesammenførte");
            await Expect(livesWith).ToBeCheckedAsync();
            await Expect(coordinator.GetByRole(AriaRole.Group, new() { Name = "Medlem 1", Exact = true }).GetByLabel("Fornavn", new() { Exact = true })).ToHaveValueAsync("Hodan");
            await Axe.AssertNoViolationsAsync(coordinator);
            await summary.GetByRole(AriaRole.Link).Filter(new() { HasText = "Kun en husstand" }).ClickAsync();
            await Expect(livesWith).ToBeFocusedAsync();

            await coordinator.GetByRole(AriaRole.Group, new() { Name = "Medlem 1", Exact = true }).GetByLabel("Opholdsgrundlag", new() { Exact = true })
                .SelectOptionAsync(new SelectOptionValue { Label = "Familiesammenført" });
            await RegisterButton(coordinator).ClickAsync();
            await Expect(coordinator.GetByRole(AriaRole.Heading, new() { Name = Household, Level = 1, Exact = true })).ToBeVisibleAsync();
            await Expect(coordinator.GetByTestId("current-home")).ToHaveTextAsync("Bor hos den herboende (ingen bolig fra kommunen)");

            var housing = await users.NewPageAsync();
            await SignInPage.SignInAsync(housing, "bolig");
            await housing.GotoAsync("/Housing/Placement");
            var waiting = housing.GetByRole(AriaRole.Group, new() { Name = "Husstande, der venter på en bolig", Exact = true });
            await Expect(waiting.GetByRole(AriaRole.Checkbox).First).ToBeVisibleAsync();
            await Expect(WaitingCheckbox(waiting)).ToHaveCountAsync(0);

            // The flat is too small after all: the municipality is to find them a home.
            await coordinator.GetByRole(AriaRole.Link, new() { Name = "Bolig fra kommunen", Exact = true }).ClickAsync();
            await Expect(coordinator.GetByRole(AriaRole.Heading, new() { Name = $"Bolig fra kommunen: {Household}", Level = 1, Exact = true })).ToBeVisibleAsync();
            await Axe.AssertNoViolationsAsync(coordinator);
            await coordinator.GetByLabel("Husstanden skal bo hos den herboende, den er familiesammenført til", new() { Exact = true }).UncheckAsync();
            await coordinator.GetByRole(AriaRole.Button, new() { Name = "Gem", Exact = true }).ClickAsync();
            await Expect(coordinator.GetByTestId("current-home")).ToHaveTextAsync("Ingen bolig endnu");

            await housing.ReloadAsync();
            await Expect(WaitingCheckbox(waiting)).ToBeVisibleAsync();
        });

    /// <summary>
    /// Seed 004: Tesfay (demo) has applied for family reunification with his wife and two children. The coordinator
    /// corrects the number on his case (one out of range is refused beside the field, with what was typed kept), and
    /// the housing coordinator sees it where homes are found: on the placement page and on the way to a permanent home.
    /// </summary>
    [Fact]
    public Task FamilyToJoin_RecordedOnTheCase_IsSeenWhereHomesAreFound() =>
        browser.RunWithUsersAsync(async users =>
        {
            var coordinator = await users.NewPageAsync();
            await SignInPage.SignInAsync(coordinator, "koordinator");
            await coordinator.GetByRole(AriaRole.Region, new() { Name = "Mine husstande", Exact = true })
                .GetByRole(AriaRole.Link, new() { Name = "Tesfay Gebremedhin", Exact = true }).ClickAsync();
            await Expect(coordinator.GetByTestId("family-to-join")).ToHaveTextAsync("3 familiemedlemmer ventes");
            await coordinator.GetByRole(AriaRole.Link, new() { Name = "Ret – Familiesammenføring søgt", Exact = true }).ClickAsync();
            var persons = coordinator.GetByLabel("Antal familiemedlemmer, der er søgt familiesammenføring til", new() { Exact = true });
            await Expect(persons).ToHaveValueAsync("3");
            await Axe.AssertNoViolationsAsync(coordinator);

            await persons.FillAsync("25");
            await coordinator.GetByRole(AriaRole.Button, new() { Name = "Gem", Exact = true }).ClickAsync();
            await Expect(coordinator.GetByRole(AriaRole.Alert).Filter(new() { HasText = "Der er problemer" })).ToContainTextAsync("Antal familiemedlemmer, der ventes ved familiesammenføring, skal være et helt tal fra 0 til 20.");
            await Expect(persons).ToHaveValueAsync("25");
            await Expect(persons).ToHaveAttributeAsync("aria-invalid", "true");
            await Axe.AssertNoViolationsAsync(coordinator);

            await persons.FillAsync("2");
            await coordinator.GetByRole(AriaRole.Button, new() { Name = "Gem", Exact = true }).ClickAsync();
            await Expect(coordinator.GetByTestId("family-to-join")).ToHaveTextAsync("2 familiemedlemmer ventes");

            var housing = await users.NewPageAsync();
            await SignInPage.SignInAsync(housing, "bolig");
            await housing.GotoAsync("/Housing/Placement");
            await Expect(housing.GetByRole(AriaRole.Checkbox, new() { NameRegex = new Regex("^Tesfay Gebremedhin \\(1 pers\\.\\).*, 2 flere ventes ved familiesammenføring$") }))
                .ToBeVisibleAsync();
            await housing.GotoAsync("/Housing/Pipeline");
            await Expect(housing.Locator("tr[data-household='Tesfay Gebremedhin']").GetByTestId("family-to-join"))
                .ToHaveTextAsync("2 flere ventes ved familiesammenføring: en bolig til 3 personer");
            await Axe.AssertNoViolationsAsync(housing);
        });

    private static async Task FillMemberAsync(IPage page, int number, string firstName, string birthDate, string gender, string basis)
    {
        var fieldset = page.GetByRole(AriaRole.Group, new() { Name = $"Medlem {number}", Exact = true });
        await fieldset.GetByLabel("Fornavn", new() { Exact = true }).FillAsync(firstName);
        await fieldset.GetByLabel("Efternavn", new() { Exact = true }).FillAsync("Nuur");
        await fieldset.GetByLabel("Fødselsdato", new() { Exact = true }).FillAsync(birthDate);
        await fieldset.GetByLabel("Køn", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = gender });
        await fieldset.GetByLabel("Opholdsgrundlag", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = basis });
    }

    private static ILocator WaitingCheckbox(ILocator form) =>
        form.GetByRole(AriaRole.Checkbox, new() { NameRegex = new Regex($@"^{Regex.Escape(Household)} \(\d+ pers\.\)") });

    private static ILocator MainMenu(IPage page) => page.GetByRole(AriaRole.Navigation, new() { Name = "Hovedmenu", Exact = true });

    private static ILocator RegisterButton(IPage page) => page.GetByRole(AriaRole.Button, new() { Name = "Registrér ankomst", Exact = true });

    private static string Iso(DateTime day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}

using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Indgang.Browser.Tests;

/// <summary>
/// A move-in still ahead undone, as the housing coordinator clicks it (HOUSE-2): she moves the demo's announced single
/// man into Pavillon B from a day after his arrival; the unit shows him as moving in, with "Fortryd indflytning"; she
/// undoes it when his arrival falls through, and he is back among the households to move in. axe-core checks the page
/// with the move-in ahead and after it is undone.
/// </summary>
public sealed class MoveInCallOffJourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private const string Household = "Tesfay Gebremedhin";
    private static readonly CultureInfo Danish = CultureInfo.GetCultureInfo("da-DK");

    [Fact]
    public Task MoveInAhead_Undone_TheUnitIsFreeAndTheHouseholdWaitsAgain() =>
        browser.RunAsync(async page =>
        {
            var day = DateOnly.FromDateTime(DateTime.Now).AddDays(12);
            await SignInPage.SignInAsync(page, "bolig");
            await page.GetByRole(AriaRole.Navigation, new() { Name = "Hovedmenu", Exact = true }).GetByRole(AriaRole.Link, new() { Name = "Boliger", Exact = true }).ClickAsync();
            await page.GetByRole(AriaRole.Link, new() { Name = "Pavillon B", Exact = true }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Heading, new() { NameRegex = new Regex("^Pavillon B, "), Level = 1 })).ToBeVisibleAsync();
            var household = page.GetByLabel("Husstand", new() { Exact = true });
            await household.SelectOptionAsync(new SelectOptionValue { Label = $"{Household} (1 pers.)" });
            await page.GetByLabel("Indflytningsdato", new() { Exact = true }).FillAsync(day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            await page.GetByRole(AriaRole.Button, new() { Name = "Flyt ind", Exact = true }).ClickAsync();

            await Expect(page.GetByText($"– flytter ind {day.ToString("d. MMMM yyyy", Danish)}", new() { Exact = false })).ToBeVisibleAsync();
            var undo = page.GetByRole(AriaRole.Button, new() { Name = $"Fortryd indflytning – {Household}", Exact = true });
            await Expect(undo).ToBeVisibleAsync();
            await Axe.AssertNoViolationsAsync(page);

            await undo.ClickAsync();
            await Expect(page.GetByText("Ingen bor i boligen.", new() { Exact = true })).ToBeVisibleAsync();
            await Expect(household.Locator("option", new() { HasText = $"{Household} (1 pers.)" })).ToHaveCountAsync(1);
            await Axe.AssertNoViolationsAsync(page);
        });

    /// <summary>
    /// In a permanent unit, the household's first permanent home from the municipality, its move out offers no move to
    /// another of our units, and says why beside the question (the duty covers the first permanent home only).
    /// </summary>
    [Fact]
    public Task PermanentUnit_MoveOutForm_OffersAHomeOfItsOwnOrAnotherMunicipality_AndSaysWhy() =>
        browser.RunAsync(async page =>
        {
            const string family = "Familien Haddad";
            var day = DateOnly.FromDateTime(DateTime.Now).AddDays(20);
            await SignInPage.SignInAsync(page, "bolig");
            await page.GetByRole(AriaRole.Navigation, new() { Name = "Hovedmenu", Exact = true }).GetByRole(AriaRole.Link, new() { Name = "Boliger", Exact = true }).ClickAsync();
            await page.GetByRole(AriaRole.Link, new() { Name = "Nr. 7, 2. th.", Exact = true }).ClickAsync();
            await page.GetByLabel("Husstand", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = $"{family} (4 pers.)" });
            await page.GetByLabel("Indflytningsdato", new() { Exact = true }).FillAsync(day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            await page.GetByRole(AriaRole.Button, new() { Name = "Flyt ind", Exact = true }).ClickAsync();

            var whereTo = page.GetByRole(AriaRole.Group, new() { Name = $"Hvorhen flytter husstanden? – {family}", Exact = true });
            await Expect(whereTo.GetByRole(AriaRole.Radio)).ToHaveCountAsync(2);
            await Expect(whereTo.GetByRole(AriaRole.Radio, new() { Name = "Til egen bolig (fx en almen bolig eller en privat lejebolig)", Exact = true })).ToBeVisibleAsync();
            await Expect(whereTo.GetByRole(AriaRole.Radio, new() { Name = "Fraflyttet kommunen", Exact = true })).ToBeVisibleAsync();
            await Expect(whereTo).ToHaveAccessibleDescriptionAsync(new Regex("Dermed er boligpligten opfyldt"));
            await Axe.AssertNoViolationsAsync(page);

            await page.GetByRole(AriaRole.Button, new() { Name = $"Fortryd indflytning – {family}", Exact = true }).ClickAsync();
            await Expect(page.GetByText("Ingen bor i boligen.", new() { Exact = true })).ToBeVisibleAsync();
        });
}

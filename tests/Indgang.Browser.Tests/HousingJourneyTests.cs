using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Indgang.Browser.Tests;

/// <summary>
/// Housing placement as the housing coordinator clicks through it: she runs the optimizer for two of
/// the three waiting demo households, reads the explained suggestions and the comparison with the
/// baseline, accepts one suggestion and overrides the other with a reason (after first forgetting the
/// reason), and finds the run again among the earlier runs; Sekretariatet then finds the lease tasks the move-ins scheduled. Every page on the way is
/// checked with axe-core (WCAG 2.0/2.1 A and AA).
/// </summary>
public sealed class HousingJourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private const string Haddad = "Familien Haddad";
    private const string Tesfay = "Tesfay Gebremedhin";
    private const string Kovalenko = "Familien Kovalenko";
    private const string MissingReason = "Skriv begrundelsen for at tilsidesætte forslaget.";
    private const string OverrideReason = "Tesfay har selv bedt om at bo tæt på sin bror; aftalt med ham ved samtalen.";

    /// <summary>Units for a single man, in the order the coordinator would try them when overriding.</summary>
    private static readonly string[] PreferredOverrides =
    [
        "Værelse 1, Delebolig Lynge (Lynge)",
        "Pavillon B, Pavillonerne ved Lillerød Idrætscenter (Lillerød)",
    ];

    private static readonly CultureInfo Danish = CultureInfo.GetCultureInfo("da-DK");

    [Fact]
    public Task HousingJourney_TwoHouseholds_CoordinatorAcceptsAndOverridesAndSecretariatGetsLeaseTasks() =>
        browser.RunWithUsersAsync(async users =>
        {
            var today = DateOnly.FromDateTime(DateTime.Now);

            var coordinator = await users.NewPageAsync();
            var suggested = await RunOptimizerAsync(coordinator, today);
            await AcceptAsync(coordinator, Haddad);
            await OverrideAsync(coordinator, Tesfay, avoid: [suggested[Tesfay], suggested[Haddad]]);
            await FindTheRunAgainAsync(coordinator);

            var secretariat = await users.NewPageAsync();
            await SeeLeaseTasksAsync(secretariat, today);
        });

    /// <summary>
    /// Step 1: Hanne opens Boliger → Boligplacering, leaves Kovalenko out and runs the optimizer; every
    /// household gets an explained suggestion, compared with the baseline. Returns the suggested unit per household.
    /// </summary>
    private static async Task<Dictionary<string, string>> RunOptimizerAsync(IPage page, DateOnly today)
    {
        await SignInPage.SignInAsync(page, "bolig");
        await MainMenu(page).GetByRole(AriaRole.Link, new() { Name = "Boliger", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Boliger", Level = 1, Exact = true })).ToBeVisibleAsync();
        await Axe.AssertNoViolationsAsync(page);

        await page.GetByRole(AriaRole.Link, new() { Name = "Boligplacering", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Boligplacering", Level = 1, Exact = true })).ToBeVisibleAsync();
        var waiting = page.GetByRole(AriaRole.Group, new() { Name = "Husstande, der venter på en bolig", Exact = true });
        // Everyone waiting is ticked to begin with, and the plan is for today.
        await Expect(waiting.GetByRole(AriaRole.Checkbox)).ToHaveCountAsync(3);
        foreach (var household in new[] { Haddad, Tesfay, Kovalenko })
        {
            await Expect(WaitingCheckbox(waiting, household)).ToBeCheckedAsync();
        }

        await Expect(page.GetByLabel("Planlægningsdato", new() { Exact = true })).ToHaveValueAsync(Iso(today));
        await Axe.AssertNoViolationsAsync(page);

        await WaitingCheckbox(waiting, Kovalenko).UncheckAsync();
        // First without leaving the page: while a run is under way the button says so, and a second click sends nothing.
        Assert.Equal(1, await BusyForm.SubmissionsOfTwoClicksAsync(page, "Find de bedste boliger", "Finder de bedste boliger …"));
        await page.ReloadAsync();

        await WaitingCheckbox(waiting, Kovalenko).UncheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Find de bedste boliger", Exact = true }).ClickAsync();

        await Expect(RunHeading(page)).ToBeVisibleAsync();
        Assert.Matches("^/Housing/Placement/[0-9a-f-]{36}$", SignInPage.CurrentPath(page));
        await Expect(page.GetByText(new Regex(@"^Til sammenligning: første ledige bolig der passer, i ankomstrækkefølge: -?\d+\s+\([+-]?[\d.,]+ %\)$"))).ToBeVisibleAsync();
        await Expect(page.GetByText(new Regex(@"^Husstande med bolig: 2 \(grundlinje: \d\)$"))).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Uden forslag", Exact = true })).ToHaveCountAsync(0);

        await Expect(page.GetByRole(AriaRole.Article)).ToHaveCountAsync(2);
        await Expect(Suggestion(page, Kovalenko)).ToHaveCountAsync(0);
        var suggested = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var household in new[] { Haddad, Tesfay })
        {
            var suggestion = Suggestion(page, household);
            await Expect(suggestion).ToHaveCountAsync(1);
            // Each suggestion is explained term by term ("Tæt på skole: +12"), and the terms add up to the total shown.
            var terms = suggestion.GetByRole(AriaRole.Listitem);
            var texts = await terms.AllInnerTextsAsync();
            Assert.NotEmpty(texts);
            var points = 0L;
            foreach (var text in texts)
            {
                var match = Regex.Match(text, @"^\S.*: ([+-]\d+)$");
                Assert.True(match.Success, $"Not an explanation term: \"{text}\"");
                points += long.Parse(match.Groups[1].Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
            }

            await Expect(suggestion.GetByText($"I alt: {points}", new() { Exact = true })).ToBeVisibleAsync();
            await Expect(AcceptCheckbox(suggestion, household)).Not.ToBeCheckedAsync();
            var heading = await suggestion.GetByRole(AriaRole.Heading).InnerTextAsync();
            suggested[household] = heading[(heading.IndexOf(" → ", StringComparison.Ordinal) + 3)..].Trim();
        }

        Assert.NotEqual(suggested[Haddad], suggested[Tesfay]);
        await Axe.AssertNoViolationsAsync(page);
        return suggested;
    }

    /// <summary>Step 2: she ticks Haddad's suggestion and approves it; the page marks it approved and offers no more choices for it.</summary>
    private static async Task AcceptAsync(IPage page, string household)
    {
        var runPath = SignInPage.CurrentPath(page);
        await AcceptCheckbox(Suggestion(page, household), household).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Godkend valgte forslag", Exact = true }).ClickAsync();

        await Expect(Suggestion(page, household).GetByText("Godkendt", new() { Exact = true })).ToBeVisibleAsync();
        Assert.Equal(runPath, SignInPage.CurrentPath(page));
        await Expect(AcceptCheckbox(Suggestion(page, household), household)).ToHaveCountAsync(0);
        await Expect(OverrideButton(page, household)).ToHaveCountAsync(0);
        // The other suggestion is still open for a decision.
        await Expect(AcceptCheckbox(Suggestion(page, Tesfay), Tesfay)).ToBeVisibleAsync();
        await Expect(Suggestion(page, Tesfay).GetByText("Godkendt", new() { Exact = true })).ToHaveCountAsync(0);
        await Axe.AssertNoViolationsAsync(page);
    }

    /// <summary>
    /// Step 3: she overrides Tesfay's suggestion with another unit for a single man: first without a
    /// reason (the error shows in the summary and beside the field), then with one. A unit the household
    /// does not fit is refused beside the field, and she picks the next.
    /// </summary>
    private static async Task OverrideAsync(IPage page, string household, IReadOnlyCollection<string> avoid)
    {
        var panel = OverridePanel(page, household);
        await panel.Locator("summary").ClickAsync();
        // The form, with the units to choose among, is drawn when asked for: the page comes back with it open, at the unit.
        await panel.GetByRole(AriaRole.Link, new() { Name = $"Vælg en anden bolig – {household}", Exact = true }).ClickAsync();
        var unit = panel.GetByLabel("Anden bolig", new() { Exact = true });
        var reason = panel.GetByLabel("Begrundelse", new() { Exact = true });
        await Expect(unit).ToBeVisibleAsync();
        await Axe.AssertNoViolationsAsync(page);

        var options = (await unit.Locator("option").AllInnerTextsAsync()).Select(o => o.Trim()).Where(o => o != "Vælg").ToList();
        var candidates = PreferredOverrides.Concat(options).Distinct(StringComparer.Ordinal)
            .Where(options.Contains).Where(o => !avoid.Contains(o)).ToList();
        Assert.NotEmpty(candidates);

        await unit.SelectOptionAsync(new SelectOptionValue { Label = candidates[0] });
        await OverrideButton(page, household).ClickAsync();

        var summary = page.GetByRole(AriaRole.Alert).Filter(new() { HasText = "Der er problemer" });
        await Expect(summary).ToBeVisibleAsync();
        await Expect(summary.GetByRole(AriaRole.Link, new() { Name = MissingReason, Exact = true })).ToBeVisibleAsync();
        // Beside the field too: the form comes back open, tells the field is wrong and keeps the unit chosen.
        await Expect(panel.GetByText(MissingReason)).ToBeVisibleAsync();
        await Expect(reason).ToHaveAccessibleDescriptionAsync($"Fejl: {MissingReason}");
        await Expect(reason).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(unit.Locator("option:checked")).ToHaveTextAsync(candidates[0]);
        await Expect(Suggestion(page, household).GetByText("Tilsidesat", new() { Exact = true })).ToHaveCountAsync(0);
        await Axe.AssertNoViolationsAsync(page);
        await summary.GetByRole(AriaRole.Link, new() { Name = MissingReason, Exact = true }).ClickAsync();
        await Expect(reason).ToBeFocusedAsync();

        var overridden = Suggestion(page, household).GetByText("Tilsidesat", new() { Exact = true });
        var refusal = panel.Locator(".form-error-message");
        var refusals = new List<string>();
        foreach (var candidate in candidates)
        {
            await unit.SelectOptionAsync(new SelectOptionValue { Label = candidate });
            await reason.FillAsync(OverrideReason);
            await SubmitAndWaitForNewPageAsync(page, OverrideButton(page, household));
            await Expect(overridden.Or(refusal)).ToBeVisibleAsync();
            if (await overridden.IsVisibleAsync())
            {
                break;
            }

            // Refused (the household does not fit there): the reason beside the field says why; try the next unit.
            refusals.Add($"{candidate}: {await refusal.InnerTextAsync()}");
            await Expect(unit).ToHaveAccessibleDescriptionAsync(new Regex($"^Fejl: {Regex.Escape(household)}: "));
        }

        Assert.True(await overridden.IsVisibleAsync(), "Every unit was refused:\n" + string.Join('\n', refusals));
        await Expect(Suggestion(page, household)).ToContainTextAsync(OverrideReason);
        await Expect(OverrideButton(page, household)).ToHaveCountAsync(0);
        await Expect(page.GetByRole(AriaRole.Alert)).ToHaveCountAsync(0);
        // Both households are placed; the approval stands.
        await Expect(Suggestion(page, Haddad).GetByText("Godkendt", new() { Exact = true })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Checkbox)).ToHaveCountAsync(0);
        await Axe.AssertNoViolationsAsync(page);
    }

    /// <summary>
    /// Step 4: back on Boligplacering, the run heads "Tidligere kørsler" with her name and its decisions counted
    /// (one approved, one overridden, none left); its link opens the run again, decisions and all.
    /// </summary>
    private static async Task FindTheRunAgainAsync(IPage page)
    {
        var runPath = SignInPage.CurrentPath(page);
        await page.GetByRole(AriaRole.Link, new() { Name = "Boligplacering", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Boligplacering", Level = 1, Exact = true })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Tidligere kørsler", Level = 2, Exact = true })).ToBeVisibleAsync();
        var runs = page.GetByRole(AriaRole.Table, new() { Name = "Tidligere kørsler", Exact = true });
        var rows = runs.Locator("tbody").GetByRole(AriaRole.Row);
        await Expect(rows).ToHaveCountAsync(1);
        var cells = rows.GetByRole(AriaRole.Cell);
        await Expect(cells.Nth(1)).ToHaveTextAsync("Hanne Friis");
        await Expect(cells.Nth(3)).ToHaveTextAsync("2");
        await Expect(cells.Nth(5)).ToHaveTextAsync("1");
        await Expect(cells.Nth(6)).ToHaveTextAsync("1");
        await Expect(cells.Nth(7)).ToHaveTextAsync("0");
        await Axe.AssertNoViolationsAsync(page);

        await rows.GetByRole(AriaRole.Link).ClickAsync();
        await Expect(RunHeading(page)).ToBeVisibleAsync();
        Assert.Equal(runPath, SignInPage.CurrentPath(page));
        await Expect(Suggestion(page, Haddad).GetByText(new Regex("Besluttet af Hanne Friis, "))).ToBeVisibleAsync();
    }

    /// <summary>
    /// Step 5: Sekretariatet finds the lease task of each household in its work list, now due on the
    /// move-in date (registration made it due on arrival; the move-in rescheduled it): the planning date for a
    /// household that is here, the expected arrival for one that is announced.
    /// </summary>
    private static async Task SeeLeaseTasksAsync(IPage page, DateOnly today)
    {
        await SignInPage.SignInAsync(page, "sekretariat");
        await MainMenu(page).GetByRole(AriaRole.Link, new() { Name = "Opgaver", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Opgaver for Sekretariatet", Level = 1 })).ToBeVisibleAsync();

        // Haddad is here and moves in on the planning date; Tesfay is announced for ten days from now (demo data) and
        // moves in when he arrives.
        foreach (var (household, moveIn) in new[] { (Haddad, today), (Tesfay, today.AddDays(10)) })
        {
            // Named with the unit it moves into, which the optimizer chose.
            var lease = TaskCard(page, household, new Regex("^Lejekontrakt – ."));
            await Expect(lease).ToHaveCountAsync(1);
            await Expect(lease).ToContainTextAsync($"Frist: {moveIn.ToString("d. MMMM yyyy", Danish)}");
            await Expect(lease.GetByText("Overskredet", new() { Exact = true })).ToHaveCountAsync(0);
        }

        await Axe.AssertNoViolationsAsync(page);
    }

    private static ILocator MainMenu(IPage page) => page.GetByRole(AriaRole.Navigation, new() { Name = "Hovedmenu", Exact = true });

    private static ILocator RunHeading(IPage page) =>
        page.GetByRole(AriaRole.Heading, new() { Name = "Forslag til boligplacering", Level = 1, Exact = true });

    /// <summary>A household's checkbox on the placement form; its label goes on with the size and arrival ("Familien Haddad (4 pers.), …").</summary>
    private static ILocator WaitingCheckbox(ILocator form, string household) =>
        form.GetByRole(AriaRole.Checkbox, new() { NameRegex = new Regex($@"^{Regex.Escape(household)} \(\d+ pers\.\)") });

    /// <summary>The run page's suggestion for a household: an article named by its heading "household → unit".</summary>
    private static ILocator Suggestion(IPage page, string household) =>
        page.GetByRole(AriaRole.Article, new() { NameRegex = new Regex($"^{Regex.Escape(household)} → ") });

    /// <summary>The checkbox's name carries the household (hidden text), so a screen reader knows which suggestion.</summary>
    private static ILocator AcceptCheckbox(ILocator suggestion, string household) =>
        suggestion.GetByRole(AriaRole.Checkbox, new() { Name = $"Godkend dette forslag – {household}", Exact = true });

    /// <summary>The household's "Lås, udeluk eller tilsidesæt" disclosure, found by its summary.</summary>
    private static ILocator OverridePanel(IPage page, string household) =>
        page.Locator("details").Filter(new() { Has = page.Locator("summary", new() { HasTextRegex = new Regex($"^{Regex.Escape(household)}$") }) });

    private static ILocator OverrideButton(IPage page, string household) =>
        page.GetByRole(AriaRole.Button, new() { Name = $"Tilsidesæt og placér – {household}", Exact = true });

    /// <summary>
    /// Presses a submit button and waits until the browser shows the page that answers it. Needed where
    /// the old page and the answer can look alike (an error beside the field before and after).
    /// </summary>
    private static async Task SubmitAndWaitForNewPageAsync(IPage page, ILocator button)
    {
        await page.EvaluateAsync("() => { window.indgangOldPage = true; }");
        await button.ClickAsync();
        await page.WaitForFunctionAsync("() => window.indgangOldPage === undefined && document.readyState === 'complete'");
    }

    private static ILocator TaskCard(IPage page, string household, Regex title) =>
        page.GetByRole(AriaRole.Article)
            .Filter(new() { Has = page.GetByRole(AriaRole.Link, new() { Name = household, Exact = true }) })
            .Filter(new() { Has = page.GetByRole(AriaRole.Heading, new() { NameRegex = title }) });

    /// <summary>The value a date input takes, whatever the browser shows.</summary>
    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}

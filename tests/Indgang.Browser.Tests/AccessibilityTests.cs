using Microsoft.Playwright;

namespace Indgang.Browser.Tests;

/// <summary>axe-core finds no WCAG 2.0/2.1 level A or AA violations on the pages a user meets first.</summary>
public sealed class AccessibilityTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    /// <summary>The check itself can fail: a page that breaks rules of the element and of the page is reported, by rule.</summary>
    [Fact]
    public Task Check_APageBreakingTheRules_FailsNamingEachRule() =>
        browser.RunAsync(async page =>
        {
            await page.SetContentAsync("<html><head></head><body><main><h1>Prøve</h1><img src=\"x.png\"><input type=\"text\"></main></body></html>");

            var failed = await Assert.ThrowsAsync<Xunit.Sdk.TrueException>(() => Axe.AssertNoViolationsAsync(page));

            Assert.Contains("- image-alt [critical]", failed.Message, StringComparison.Ordinal);
            Assert.Contains("- label [critical]", failed.Message, StringComparison.Ordinal);
            Assert.Contains("- html-has-lang [serious]", failed.Message, StringComparison.Ordinal);
            Assert.Contains("- document-title [serious]", failed.Message, StringComparison.Ordinal);
        });

    [Fact]
    public Task LoginPage_Anonymous_HasNoWcagViolations() =>
        browser.RunAsync(async page =>
        {
            await page.GotoAsync(SignInPage.Path);
            await Assertions.Expect(SignInPage.Heading(page)).ToBeVisibleAsync();

            await Axe.AssertNoViolationsAsync(page);
        });

    [Fact]
    public Task LoginPage_WithErrorSummary_HasNoWcagViolations() =>
        browser.RunAsync(async page =>
        {
            await SignInPage.FailSignInAsync(page, "leder");

            await Axe.AssertNoViolationsAsync(page);
        });

    [Fact]
    public Task StartPage_Coordinator_HasNoWcagViolations() =>
        browser.RunAsync(async page =>
        {
            await SignInPage.SignInAsync(page, "koordinator");
            await Assertions.Expect(page.GetByRole(AriaRole.Region, new() { Name = "Mine husstande", Exact = true })).ToBeVisibleAsync();

            await Axe.AssertNoViolationsAsync(page);
        });

    [Fact]
    public Task StartPage_HousingCoordinator_HasNoWcagViolations() =>
        browser.RunAsync(async page =>
        {
            await SignInPage.SignInAsync(page, "bolig");
            await Assertions.Expect(page.GetByRole(AriaRole.Region, new() { Name = "Husstande, der venter på en bolig", Exact = true })
                .GetByRole(AriaRole.Row)).Not.ToHaveCountAsync(0);
            await Assertions.Expect(page.GetByRole(AriaRole.Region, new() { Name = "Boligsituationen", Exact = true })).ToBeVisibleAsync();

            await Axe.AssertNoViolationsAsync(page);
        });

    [Fact]
    public Task ArrivalPage_WithAnError_HasNoWcagViolations() =>
        browser.RunAsync(async page =>
        {
            await SignInPage.SignInAsync(page, "koordinator");
            await page.GetByRole(AriaRole.Region, new() { Name = "Mine husstande", Exact = true }).GetByRole(AriaRole.Link).First.ClickAsync();
            await page.GetByRole(AriaRole.Link, new() { Name = "Ret ankomst", Exact = true }).ClickAsync();
            Assert.Matches("^/Households/[0-9a-f-]{36}/Arrival$", SignInPage.CurrentPath(page));
            await Axe.AssertNoViolationsAsync(page);

            var arrivedOn = page.GetByLabel("Ankommet den", new() { Exact = true });
            await arrivedOn.FillAsync("2099-01-01");
            await page.GetByRole(AriaRole.Button, new() { Name = "Gem", Exact = true }).ClickAsync();

            await Assertions.Expect(page.GetByRole(AriaRole.Alert).Filter(new() { HasText = "Der er problemer" })).ToContainTextAsync("Ankomstdatoen kan ikke ligge i fremtiden.");
            await Assertions.Expect(arrivedOn).ToHaveAttributeAsync("aria-invalid", "true");
            await Assertions.Expect(arrivedOn).ToHaveValueAsync("2099-01-01");
            await Axe.AssertNoViolationsAsync(page);
        });

    [Fact]
    public Task ArrivalPage_WithAConflict_HasNoWcagViolations() =>
        browser.RunAsync(async page =>
        {
            await SignInPage.SignInAsync(page, "koordinator");
            await page.GetByRole(AriaRole.Region, new() { Name = "Mine husstande", Exact = true }).GetByRole(AriaRole.Link, new() { Name = "Tesfay Gebremedhin", Exact = true }).ClickAsync();
            await page.GetByRole(AriaRole.Link, new() { Name = "Ret ankomst", Exact = true }).ClickAsync();
            var expected = page.GetByLabel("Forventet ankomst", new() { Exact = true });
            await Assertions.Expect(expected).ToBeVisibleAsync();

            // Meanwhile another coordinator (here in another tab) moves the arrival.
            var other = await page.Context.NewPageAsync();
            await other.GotoAsync(page.Url);
            await other.GetByLabel("Forventet ankomst", new() { Exact = true }).FillAsync(Iso(30));
            await other.GetByRole(AriaRole.Button, new() { Name = "Gem", Exact = true }).ClickAsync();
            await Assertions.Expect(other.GetByRole(AriaRole.Link, new() { Name = "Ret ankomst", Exact = true })).ToBeVisibleAsync();
            await other.CloseAsync();

            await expected.FillAsync(Iso(35));
            await page.GetByRole(AriaRole.Button, new() { Name = "Gem", Exact = true }).ClickAsync();

            await Assertions.Expect(page.GetByRole(AriaRole.Alert).Filter(new() { HasText = "Der er problemer" })).ToContainTextAsync("Husstanden er ændret af en anden");
            await Assertions.Expect(expected).ToHaveValueAsync(Iso(35));
            await Assertions.Expect(expected).ToHaveAccessibleDescriptionAsync(new System.Text.RegularExpressions.Regex("^Gemt af en anden: "));
            await Axe.AssertNoViolationsAsync(page);
        });

    [Fact]
    public Task HouseholdPage_WithItsHousing_HasNoWcagViolations() =>
        browser.RunAsync(async page =>
        {
            // The demo's resident couple lives in Lejlighed 3 and is on Engholm Boligselskab's waiting list.
            await SignInPage.SignInAsync(page, "koordinator");
            await page.GetByRole(AriaRole.Region, new() { Name = "Mine husstande", Exact = true }).GetByRole(AriaRole.Link, new() { Name = "Familien Sharifi", Exact = true }).ClickAsync();

            var housing = page.GetByRole(AriaRole.Region, new() { Name = "Bolig", Exact = true });
            await Assertions.Expect(housing.GetByRole(AriaRole.Row).Filter(new() { HasText = "Lejlighed 3" })).ToContainTextAsync("Midlertidig");
            await Assertions.Expect(housing.GetByRole(AriaRole.Row).Filter(new() { HasText = "Engholm Boligselskab" })).ToBeVisibleAsync();

            await Axe.AssertNoViolationsAsync(page);
        });

    [Fact]
    public Task RentCapsPage_RefusedInput_HasNoWcagViolations_AndTheSummaryLeadsToTheField() =>
        browser.RunAsync(async page =>
        {
            await SignInPage.SignInAsync(page, "admin");
            await page.GetByRole(AriaRole.Navigation, new() { Name = "Hovedmenu", Exact = true }).GetByRole(AriaRole.Link, new() { Name = "Huslejelofter", Exact = true }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Huslejelofter for midlertidige boliger", Level = 1 })).ToBeVisibleAsync();
            await Axe.AssertNoViolationsAsync(page);

            await page.GetByLabel("År", new() { Exact = true }).FillAsync("2026");
            await page.GetByLabel("Enlig (med eller uden børn)", new() { Exact = true }).FillAsync("to tusind");
            await page.GetByRole(AriaRole.Button, new() { Name = "Gem lofterne", Exact = true }).ClickAsync();

            var summary = page.GetByRole(AriaRole.Alert).Filter(new() { HasText = "Der er problemer" });
            await Assertions.Expect(summary).ToBeVisibleAsync();
            var single = page.GetByLabel("Enlig (med eller uden børn)", new() { Exact = true });
            await Assertions.Expect(single).ToHaveValueAsync("to tusind");
            await Assertions.Expect(single).ToHaveAttributeAsync("aria-invalid", "true");
            await Axe.AssertNoViolationsAsync(page);
            // The summary says what to type, naming the field; its link leads there.
            await summary.GetByRole(AriaRole.Link).Filter(new() { HasText = "Skriv loftet for enlige i kroner" }).ClickAsync();
            await Assertions.Expect(single).ToBeFocusedAsync();
        });

    [Fact]
    public Task OrganisationPages_AndARefusedTown_HaveNoWcagViolations() =>
        browser.RunAsync(async page =>
        {
            await SignInPage.SignInAsync(page, "admin");
            await page.GetByRole(AriaRole.Navigation, new() { Name = "Hovedmenu", Exact = true }).GetByRole(AriaRole.Link, new() { Name = "Organisation", Exact = true }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Organisation", Level = 1 })).ToBeVisibleAsync();
            await Axe.AssertNoViolationsAsync(page);

            await page.GetByRole(AriaRole.Link, new() { Name = "Opret by", Exact = true }).ClickAsync();
            await page.GetByLabel("Byens eller bydelens navn", new() { Exact = true }).FillAsync("Lillerød");
            var population = page.GetByLabel("Indbyggere", new() { Exact = true });
            await population.FillAsync("-5");
            await page.GetByRole(AriaRole.Button, new() { Name = "Gem byen", Exact = true }).ClickAsync();

            await Assertions.Expect(page.GetByRole(AriaRole.Alert).Filter(new() { HasText = "Der er problemer" })).ToContainTextAsync("Der findes allerede en by med det navn.");
            await Assertions.Expect(population).ToHaveValueAsync("-5");
            await Assertions.Expect(population).ToHaveAttributeAsync("aria-invalid", "true");
            await Axe.AssertNoViolationsAsync(page);
        });

    [Fact]
    public Task RelationsPage_AndARefusedRelation_HaveNoWcagViolations() =>
        browser.RunAsync(async page =>
        {
            // The demo's resident couple: the wife is recorded as her husband's spouse at registration.
            await SignInPage.SignInAsync(page, "koordinator");
            await page.GetByRole(AriaRole.Region, new() { Name = "Mine husstande", Exact = true }).GetByRole(AriaRole.Link, new() { Name = "Familien Sharifi", Exact = true }).ClickAsync();
            await page.GetByRole(AriaRole.Link, new() { Name = "Ret relationer", Exact = true }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Table, new() { Name = "Relationer i husstanden", Exact = true })).ToContainTextAsync("er ægtefælle til");
            await Axe.AssertNoViolationsAsync(page);

            var member = page.GetByLabel("Medlem", new() { Exact = true });
            await member.SelectOptionAsync(new SelectOptionValue { Index = 1 });
            await page.GetByLabel("Relation", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "er søskende til" });
            await page.GetByLabel("Til medlem", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Index = 1 });
            await page.GetByRole(AriaRole.Button, new() { Name = "Tilføj relation", Exact = true }).ClickAsync();

            await Assertions.Expect(page.GetByRole(AriaRole.Alert).Filter(new() { HasText = "Der er problemer" })).ToContainTextAsync("Vælg to forskellige medlemmer.");
            await Assertions.Expect(page.GetByLabel("Til medlem", new() { Exact = true })).ToHaveAttributeAsync("aria-invalid", "true");
            await Assertions.Expect(page.GetByLabel("Relation", new() { Exact = true })).ToHaveValueAsync("Sibling");
            await Axe.AssertNoViolationsAsync(page);
        });

    [Fact]
    public Task CprPage_AndARefusedNumber_HaveNoWcagViolations() =>
        browser.RunAsync(async page =>
        {
            await SignInPage.SignInAsync(page, "koordinator");
            await page.GetByRole(AriaRole.Region, new() { Name = "Mine husstande", Exact = true }).GetByRole(AriaRole.Link, new() { Name = "Familien Sharifi", Exact = true }).ClickAsync();
            await page.GetByRole(AriaRole.Link, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Ret CPR-nummer og registreringsdato for ") }).First.ClickAsync();
            Assert.Matches("^/Households/[0-9a-f-]{36}/Cpr$", SignInPage.CurrentPath(page));
            await Axe.AssertNoViolationsAsync(page);

            var cpr = page.GetByLabel("CPR-nummer", new() { Exact = true });
            await cpr.FillAsync("12345");
            await page.GetByRole(AriaRole.Button, new() { Name = "Gem", Exact = true }).ClickAsync();

            await Assertions.Expect(page.GetByRole(AriaRole.Alert).Filter(new() { HasText = "Der er problemer" })).ToContainTextAsync("Et CPR-nummer har 10 cifre (DDMMÅÅ-NNNN).");
            await Assertions.Expect(cpr).ToHaveAttributeAsync("aria-invalid", "true");
            await Assertions.Expect(cpr).ToHaveValueAsync("12345");
            await Axe.AssertNoViolationsAsync(page);
        });

    /// <summary>The notices, new ones marked, and a person's page with the health needs the coordinator may know of.</summary>
    [Fact]
    public Task NotificationsAndPersonPage_Coordinator_HaveNoWcagViolations() =>
        browser.RunAsync(async page =>
        {
            await SignInPage.SignInAsync(page, "koordinator");
            await page.GotoAsync("/Notifications");
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Notifikationer", Exact = true })).ToBeVisibleAsync();
            await Axe.AssertNoViolationsAsync(page);

            await page.GotoAsync("/");
            await page.GetByRole(AriaRole.Region, new() { Name = "Mine husstande", Exact = true }).GetByRole(AriaRole.Link).First.ClickAsync();
            await page.Locator("a[href^='/People/']").First.ClickAsync();
            await Assertions.Expect(page.GetByText("Særlige helbredsmæssige behov", new() { Exact = true })).ToBeVisibleAsync();
            await Axe.AssertNoViolationsAsync(page);
        });

    /// <summary>The coordinator's birth date correction (»Ret fødselsdato«), opened from the person page, and with a date refused.</summary>
    [Fact]
    public Task BirthDatePage_WithAnError_HasNoWcagViolations() =>
        browser.RunAsync(async page =>
        {
            await SignInPage.SignInAsync(page, "koordinator");
            await page.GetByRole(AriaRole.Region, new() { Name = "Mine husstande", Exact = true }).GetByRole(AriaRole.Link, new() { Name = "Tesfay Gebremedhin", Exact = true }).ClickAsync();
            await page.Locator("a[href^='/People/']").First.ClickAsync();
            await page.GetByRole(AriaRole.Link, new() { Name = "Ret fødselsdato", Exact = true }).ClickAsync();
            Assert.Matches("^/People/[0-9a-f-]{36}/BirthDate$", SignInPage.CurrentPath(page));
            await Axe.AssertNoViolationsAsync(page);

            var birthDate = page.GetByLabel("Fødselsdato", new() { Exact = true });
            await birthDate.FillAsync("2099-01-01");
            await page.GetByRole(AriaRole.Button, new() { Name = "Gem", Exact = true }).ClickAsync();

            await Assertions.Expect(page.GetByRole(AriaRole.Alert).Filter(new() { HasText = "Der er problemer" })).ToContainTextAsync("Fødselsdatoen kan ikke ligge i fremtiden.");
            await Assertions.Expect(birthDate).ToHaveAttributeAsync("aria-invalid", "true");
            await Assertions.Expect(birthDate).ToHaveValueAsync("2099-01-01");
            await Axe.AssertNoViolationsAsync(page);
        });

    /// <summary>
    /// The health flag's own correction (»Ret særlige helbredsmæssige behov«), opened from the person page, and with the
    /// value another saved meanwhile shown beside the box.
    /// </summary>
    [Fact]
    public Task HealthFlagPage_AndAConflict_HaveNoWcagViolations() =>
        browser.RunAsync(async page =>
        {
            await SignInPage.SignInAsync(page, "koordinator");
            await page.GetByRole(AriaRole.Region, new() { Name = "Mine husstande", Exact = true }).GetByRole(AriaRole.Link, new() { Name = "Tesfay Gebremedhin", Exact = true }).ClickAsync();
            await page.Locator("a[href^='/People/']").First.ClickAsync();
            await page.GetByRole(AriaRole.Link, new() { Name = "Ret særlige helbredsmæssige behov", Exact = true }).ClickAsync();
            Assert.Matches("^/People/[0-9a-f-]{36}/HealthFlag$", SignInPage.CurrentPath(page));
            var box = page.GetByLabel("Har særlige helbredsmæssige behov (uden detaljer her)", new() { Exact = true });
            await Assertions.Expect(box).ToBeVisibleAsync();
            await Axe.AssertNoViolationsAsync(page);

            // Meanwhile another (here in another tab) turns the flag over.
            var other = await page.Context.NewPageAsync();
            await other.GotoAsync(page.Url);
            await other.GetByLabel("Har særlige helbredsmæssige behov (uden detaljer her)", new() { Exact = true }).ClickAsync();
            await other.GetByRole(AriaRole.Button, new() { Name = "Gem", Exact = true }).ClickAsync();
            await Assertions.Expect(other.GetByRole(AriaRole.Link, new() { Name = "Ret særlige helbredsmæssige behov", Exact = true })).ToBeVisibleAsync();
            await other.CloseAsync();

            await page.GetByRole(AriaRole.Button, new() { Name = "Gem", Exact = true }).ClickAsync();

            await Assertions.Expect(page.GetByRole(AriaRole.Alert).Filter(new() { HasText = "Der er problemer" })).ToContainTextAsync("er ændret af en anden");
            await Assertions.Expect(box).ToHaveAccessibleDescriptionAsync(new System.Text.RegularExpressions.Regex("^Gemt af en anden: "));
            await Axe.AssertNoViolationsAsync(page);
        });

    /// <summary>The coordinator's residence basis correction (»Ret opholdsgrundlag«), opened from the person page, and with a basis refused.</summary>
    [Fact]
    public Task BasisPage_WithAnError_HasNoWcagViolations() =>
        browser.RunAsync(async page =>
        {
            await SignInPage.SignInAsync(page, "koordinator");
            await page.GetByRole(AriaRole.Region, new() { Name = "Mine husstande", Exact = true }).GetByRole(AriaRole.Link, new() { Name = "Tesfay Gebremedhin", Exact = true }).ClickAsync();
            await page.Locator("a[href^='/People/']").First.ClickAsync();
            await page.GetByRole(AriaRole.Link, new() { Name = "Ret opholdsgrundlag", Exact = true }).ClickAsync();
            Assert.Matches("^/People/[0-9a-f-]{36}/Basis$", SignInPage.CurrentPath(page));
            await Axe.AssertNoViolationsAsync(page);

            // An adult is no unaccompanied minor: refused beside the choice, which is kept.
            var basis = page.GetByLabel("Opholdsgrundlag", new() { Exact = true });
            await basis.SelectOptionAsync("UnaccompaniedMinor");
            await page.GetByRole(AriaRole.Button, new() { Name = "Gem", Exact = true }).ClickAsync();

            await Assertions.Expect(page.GetByRole(AriaRole.Alert).Filter(new() { HasText = "Der er problemer" })).ToContainTextAsync("Et uledsaget mindreårigt barn skal være under 18 år.");
            await Assertions.Expect(basis).ToHaveAttributeAsync("aria-invalid", "true");
            await Assertions.Expect(basis).ToHaveValueAsync("UnaccompaniedMinor");
            await Axe.AssertNoViolationsAsync(page);
        });

    /// <summary>The coordinator's correction of the visitation decision, opened from the household page, and with a date refused.</summary>
    [Fact]
    public Task VisitationPage_WithAnError_HasNoWcagViolations() =>
        browser.RunAsync(async page =>
        {
            await SignInPage.SignInAsync(page, "koordinator");
            await page.GetByRole(AriaRole.Region, new() { Name = "Mine husstande", Exact = true }).GetByRole(AriaRole.Link, new() { Name = "Tesfay Gebremedhin", Exact = true }).ClickAsync();
            await page.GetByRole(AriaRole.Link, new() { Name = "Ret visitationsafgørelse", Exact = true }).ClickAsync();
            Assert.Matches("^/Households/[0-9a-f-]{36}/Visitation$", SignInPage.CurrentPath(page));
            await Axe.AssertNoViolationsAsync(page);

            var decided = page.GetByLabel("Dato for visitationsafgørelse", new() { Exact = true });
            await decided.FillAsync("2099-01-01");
            await page.GetByRole(AriaRole.Button, new() { Name = "Gem", Exact = true }).ClickAsync();

            await Assertions.Expect(page.GetByRole(AriaRole.Alert).Filter(new() { HasText = "Der er problemer" })).ToContainTextAsync("Visitationsafgørelsen kan ikke ligge i fremtiden.");
            await Assertions.Expect(decided).ToHaveAttributeAsync("aria-invalid", "true");
            await Assertions.Expect(decided).ToHaveValueAsync("2099-01-01");
            await Axe.AssertNoViolationsAsync(page);
        });

    private static string Iso(int daysFromToday) => DateTime.Today.AddDays(daysFromToday).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}

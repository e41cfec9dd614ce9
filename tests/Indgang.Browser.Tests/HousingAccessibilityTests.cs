using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Indgang.Browser.Tests;

/// <summary>
/// axe-core finds no WCAG 2.0/2.1 level A or AA violations on the housing pages the journey does not
/// visit (see <see cref="HousingJourneyTests"/> for the placement pages), each reached from "Boliger"
/// the way the housing coordinator reaches it.
/// </summary>
public sealed class HousingAccessibilityTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public Task StockList_FilteredAndWithAnError_HasNoWcagViolations() =>
        browser.RunAsync(async page =>
        {
            await SignInPage.SignInAsync(page, "bolig");
            await page.GetByRole(AriaRole.Navigation, new() { Name = "Hovedmenu", Exact = true })
                .GetByRole(AriaRole.Link, new() { Name = "Boliger", Exact = true }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Boliger", Level = 1, Exact = true })).ToBeVisibleAsync();
            await Axe.AssertNoViolationsAsync(page);

            // Step-free units free from a later day: Nr. 7 in Engholm, not Pavillon C (steps).
            var status = page.GetByLabel("Status", new() { Exact = true });
            await status.SelectOptionAsync(new SelectOptionValue { Label = "Ledig senere" });
            await page.GetByLabel("Kun niveaufri boliger", new() { Exact = true }).CheckAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Filtrér", Exact = true }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Nr. 7, 2. th.", Exact = true })).ToBeVisibleAsync();
            await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Pavillon C", Exact = true })).ToHaveCountAsync(0);
            await Expect(page.Locator(".unit-count")).ToContainTextAsync("Viser 1 af");
            await Axe.AssertNoViolationsAsync(page);

            // "Hent som CSV" downloads what the filter shows, in the import's columns.
            var download = await page.RunAndWaitForDownloadAsync(() =>
                page.GetByRole(AriaRole.Link, new() { Name = "Hent som CSV", Exact = true }).ClickAsync());
            Assert.Matches(@"^boliger-\d{4}-\d{2}-\d{2}\.csv$", download.SuggestedFilename);
            var lines = File.ReadAllText(await download.PathAsync(), System.Text.Encoding.UTF8).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
            Assert.StartsWith("site;label;permanent;", lines[0], StringComparison.Ordinal);
            Assert.StartsWith("Engholm Boligselskab;Nr. 7, 2. th.;ja;", Assert.Single(lines[1..]), StringComparison.Ordinal);

            // A number out of range: beside the field and in the summary, typed value and the other choices kept.
            var beds = page.GetByLabel("Mindst antal ledige senge", new() { Exact = true });
            await beds.FillAsync("31");
            await page.GetByRole(AriaRole.Button, new() { Name = "Filtrér", Exact = true }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Alert).Filter(new() { HasText = "Der er problemer" }))
                .ToContainTextAsync("Angiv antal ledige senge som et helt tal fra 0 til 30.");
            await Expect(beds).ToHaveAttributeAsync("aria-invalid", "true");
            await Expect(beds).ToHaveValueAsync("31");
            await Expect(status).ToHaveValueAsync("AvailableLater");
            await Axe.AssertNoViolationsAsync(page);

            // Nulstil: the whole list again, with nothing to narrow it that no one asked for.
            await page.GetByRole(AriaRole.Link, new() { Name = "Nulstil", Exact = true }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Pavillon C", Exact = true })).ToBeVisibleAsync();
            await Expect(status).ToHaveValueAsync("");
        });

    [Fact]
    public Task Forecast_HousingCoordinator_HasNoWcagViolations() =>
        browser.RunAsync(async page =>
        {
            await OpenFromHousingAsync(page, "Kapacitetsprognose", "Kapacitetsprognose for midlertidige boliger");
            await Expect(page.GetByRole(AriaRole.Img, new() { Name = "Ledige senge ved månedens udgang" })).ToBeVisibleAsync();
            await Expect(page.GetByRole(AriaRole.Table, new() { Name = "Prognose pr. måned", Exact = true }).GetByRole(AriaRole.Row)).ToHaveCountAsync(1 + 12);

            await Axe.AssertNoViolationsAsync(page);
        });

    [Fact]
    public Task Pipeline_HousingCoordinator_HasNoWcagViolations() =>
        browser.RunAsync(async page =>
        {
            await OpenFromHousingAsync(page, "Vejen til permanent bolig", "Vejen til permanent bolig");
            await Axe.AssertNoViolationsAsync(page);

            // The household found by a member's name; a new offer is entered from its row: both forms open, naming it.
            await page.GetByLabel("Søg efter husstand", new() { Exact = true }).FillAsync("kovalenko");
            await page.GetByRole(AriaRole.Button, new() { Name = "Søg", Exact = true }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Table).First.Locator("tr[data-household]")).ToHaveCountAsync(1);
            await page.GetByRole(AriaRole.Link, new() { Name = "Nyt tilbud – Familien Kovalenko", Exact = true }).ClickAsync();
            await Expect(page.GetByTestId("chosen-household")).ToHaveTextAsync(["Familien Kovalenko", "Familien Kovalenko"]);
            await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Gem opskrivning", Exact = true })).ToBeVisibleAsync();
            await Axe.AssertNoViolationsAsync(page);

            // A registration saved without its fields: refused beside them, the form open for the same household, what was typed kept.
            await page.GetByLabel("Ventelistenummer (valgfrit)", new() { Exact = true }).FillAsync("KB-17");
            await page.GetByRole(AriaRole.Button, new() { Name = "Gem opskrivning", Exact = true }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Alert).Filter(new() { HasText = "Der er problemer" })).ToBeVisibleAsync();
            await Expect(page.GetByTestId("chosen-household")).ToHaveTextAsync(["Familien Kovalenko"]);
            await Expect(page.GetByLabel("Ventelistenummer (valgfrit)", new() { Exact = true })).ToHaveValueAsync("KB-17");
            await Axe.AssertNoViolationsAsync(page);
            await page.GetByRole(AriaRole.Link, new() { Name = "Nyt tilbud – Familien Kovalenko", Exact = true }).ClickAsync();

            // An offer accepted for a day ahead, whose new day is then typed wrong: the change form with its error.
            var today = DateOnly.FromDateTime(DateTime.Now);
            await page.GetByLabel("Adresse", new() { Exact = true }).FillAsync("Kirkevej 3, 1. tv.");
            await page.GetByLabel("Tilbudt den", new() { Exact = true }).FillAsync(Iso(today));
            await page.GetByRole(AriaRole.Button, new() { Name = "Gem tilbud", Exact = true }).ClickAsync();
            await page.GetByLabel("Flyttedato – Kirkevej 3, 1. tv.", new() { Exact = true }).FillAsync(Iso(today.AddDays(20)));
            await page.GetByRole(AriaRole.Button, new() { Name = "Accepteret – Kirkevej 3, 1. tv.", Exact = true }).ClickAsync();
            var newDay = page.GetByLabel("Ny flyttedato – Kirkevej 3, 1. tv.", new() { Exact = true });
            await newDay.FillAsync(Iso(today.AddDays(-1)));
            await page.GetByRole(AriaRole.Button, new() { Name = "Ret flyttedato – Kirkevej 3, 1. tv.", Exact = true }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Alert).Filter(new() { HasText = "Der er problemer" })).ToContainTextAsync("Angiv den nye flyttedato (tidligst i dag).");
            await Expect(newDay).ToHaveValueAsync(Iso(today.AddDays(-1)));
            await Axe.AssertNoViolationsAsync(page);

            // The home falls through: the offer can be answered again.
            await page.GetByRole(AriaRole.Button, new() { Name = "Fortryd accept – Kirkevej 3, 1. tv.", Exact = true }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Accepteret – Kirkevej 3, 1. tv.", Exact = true })).ToBeVisibleAsync();

            // The household's name leads to its case page, the offer in its Bolig section.
            await page.GetByRole(AriaRole.Table).GetByRole(AriaRole.Link, new() { Name = "Familien Kovalenko", Exact = true }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Familien Kovalenko", Level = 1, Exact = true })).ToBeVisibleAsync();
            Assert.Matches("^/Households/[0-9a-f-]{36}$", SignInPage.CurrentPath(page));
            await Expect(page.GetByText("Kirkevej 3, 1. tv.", new() { Exact = true }).First).ToBeVisibleAsync();
        });

    /// <summary>
    /// The Sharifis' waiting-list number was typed wrong: corrected from the pipeline, with a mistake on the way, and the
    /// pipeline shows the right one; then their pending offer's correction page, with an error.
    /// </summary>
    [Fact]
    public Task RegistrationAndOfferCorrection_WithErrors_HasNoWcagViolations() =>
        browser.RunAsync(async page =>
        {
            await OpenFromHousingAsync(page, "Vejen til permanent bolig", "Vejen til permanent bolig");
            await page.GetByRole(AriaRole.Link, new() { Name = "Ret – opskrivning hos Engholm Boligselskab", Exact = true }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Ret opskrivning: Familien Sharifi", Level = 1, Exact = true })).ToBeVisibleAsync();
            var number = page.GetByLabel("Ventelistenummer (valgfrit)", new() { Exact = true });
            await Expect(number).ToHaveValueAsync("EB-2231");
            await Axe.AssertNoViolationsAsync(page);

            await page.GetByLabel("Boligselskab", new() { Exact = true }).FillAsync(" ");
            await number.FillAsync("EB-2213");
            await page.GetByRole(AriaRole.Button, new() { Name = "Gem opskrivning", Exact = true }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Alert).Filter(new() { HasText = "Der er problemer" })).ToContainTextAsync("Angiv boligselskabet.");
            await Expect(number).ToHaveValueAsync("EB-2213");
            await Axe.AssertNoViolationsAsync(page);

            await page.GetByLabel("Boligselskab", new() { Exact = true }).FillAsync("Engholm Boligselskab");
            await page.GetByRole(AriaRole.Button, new() { Name = "Gem opskrivning", Exact = true }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Vejen til permanent bolig", Level = 1, Exact = true })).ToBeVisibleAsync();
            await Expect(page.Locator("tr[data-household='Familien Sharifi']")).ToContainTextAsync("nr. EB-2213");

            // Their pending offer's correction page, with an error.
            await page.Locator("tr[data-household='Familien Sharifi']").GetByRole(AriaRole.Link).Filter(new() { HasTextRegex = new System.Text.RegularExpressions.Regex("^Ret – tilbud på ") }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Ret tilbud: Familien Sharifi", Level = 1, Exact = true })).ToBeVisibleAsync();
            await Axe.AssertNoViolationsAsync(page);
            await page.GetByLabel("Adresse", new() { Exact = true }).FillAsync(" ");
            await page.GetByRole(AriaRole.Button, new() { Name = "Gem tilbud", Exact = true }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Alert).Filter(new() { HasText = "Der er problemer" })).ToContainTextAsync("Angiv adressen på den tilbudte bolig.");
            await Axe.AssertNoViolationsAsync(page);
        });

    [Fact]
    public Task UnitImport_BlockReasonTooLong_HasNoWcagViolations() =>
        browser.RunAsync(async page =>
        {
            await OpenFromHousingAsync(page, "Importér boliger", "Importér boliger fra CSV");
            await Expect(page.GetByText("Kolonnen blocked_reason kan udelades.", new() { Exact = false })).ToBeVisibleAsync();
            await Axe.AssertNoViolationsAsync(page);

            var csv = "site;label;permanent;rooms;beds;shared_room;monthly_rent;step_free;ground_floor;lift;transport_m;school_m;daycare_m;shops_m;vulnerable_area;available_from;blocked_reason\r\n" +
                $"Delebolig Lynge;Værelse 40;nej;1;2;ja;2000;ja;ja;nej;1500;1200;1300;600;nej;2026-12-01;{new string('x', 501)}\r\n";
            var file = new FilePayload { Name = "boliger.csv", MimeType = "text/csv", Buffer = System.Text.Encoding.UTF8.GetBytes(csv) };
            await page.GetByLabel("CSV-fil", new() { Exact = true }).SetInputFilesAsync(file);

            // A second click while the file is read sends nothing: a file registered all or nothing, sent twice, would be
            // imported twice.
            Assert.Equal(1, await BusyForm.SubmissionsOfTwoClicksAsync(page, "Indlæs filen", "Indlæser filen …"));
            await page.ReloadAsync();

            await page.GetByLabel("CSV-fil", new() { Exact = true }).SetInputFilesAsync(file);
            await page.GetByRole(AriaRole.Button, new() { Name = "Indlæs filen", Exact = true }).ClickAsync();

            await Expect(page.GetByRole(AriaRole.Alert).Filter(new() { HasText = "Der er problemer" })).ToContainTextAsync("Filen har 1 fejl. Intet er gemt.");
            await Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Årsagen til spærringen må højst være 500 tegn." })).ToContainTextAsync("2");
            await Axe.AssertNoViolationsAsync(page);
        });

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public Task UnitDetails_OneUnit_HasNoWcagViolations() =>
        browser.RunAsync(async page =>
        {
            await OpenFromHousingAsync(page, "Pavillon A", "Pavillon A, Pavillonerne ved Lillerød Idrætscenter");
            Assert.Matches("^/Housing/Units/[0-9a-f-]{36}$", SignInPage.CurrentPath(page));
            await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Flyt ind", Exact = true })).ToBeVisibleAsync();

            await Axe.AssertNoViolationsAsync(page);
        });

    [Fact]
    public Task UnitDetails_ResidentWithAMoveOutAhead_ChangeFormWithError_HasNoWcagViolations() =>
        browser.RunAsync(async page =>
        {
            var today = DateOnly.FromDateTime(DateTime.Now);
            await OpenFromHousingAsync(page, "Pavillon B", "Pavillon B, Pavillonerne ved Lillerød Idrætscenter");
            await page.GetByLabel("Husstand", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Tesfay Gebremedhin (1 pers.)" });
            await page.GetByRole(AriaRole.Button, new() { Name = "Flyt ind", Exact = true }).ClickAsync();
            await page.GetByLabel("Fraflytningsdato", new() { Exact = true }).FillAsync(Iso(today.AddDays(30)));
            var moveOut = page.GetByRole(AriaRole.Button, new() { Name = "Registrér fraflytning – Tesfay Gebremedhin", Exact = true });
            await moveOut.ClickAsync();

            // Where to must be said: beside the choices, the date typed kept.
            var destinations = page.GetByRole(AriaRole.Group, new() { Name = "Hvorhen flytter husstanden? – Tesfay Gebremedhin", Exact = true });
            await Expect(page.GetByRole(AriaRole.Alert).Filter(new() { HasText = "Der er problemer" })).ToContainTextAsync("Vælg, hvorhen husstanden flytter.");
            await Expect(destinations).ToHaveAccessibleDescriptionAsync("Fejl: Vælg, hvorhen husstanden flytter.");
            await Expect(page.GetByLabel("Fraflytningsdato", new() { Exact = true })).ToHaveValueAsync(Iso(today.AddDays(30)));
            await Axe.AssertNoViolationsAsync(page);
            await destinations.GetByLabel("Til egen bolig (fx en almen bolig eller en privat lejebolig)", new() { Exact = true }).CheckAsync();
            await moveOut.ClickAsync();
            await Expect(page.GetByText(new System.Text.RegularExpressions.Regex("^Fraflytning registreret: .*, til egen bolig$"))).ToBeVisibleAsync();

            var newDay = page.GetByLabel("Ny fraflytningsdato – Tesfay Gebremedhin", new() { Exact = true });
            await newDay.FillAsync(Iso(today.AddDays(-1)));
            await page.GetByRole(AriaRole.Button, new() { Name = "Ret fraflytningsdato – Tesfay Gebremedhin", Exact = true }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Alert).Filter(new() { HasText = "Der er problemer" })).ToContainTextAsync("Den nye fraflytningsdato kan ikke ligge før i dag");
            await Expect(newDay).ToHaveAttributeAsync("aria-invalid", "true");
            await Axe.AssertNoViolationsAsync(page);

            await page.GetByRole(AriaRole.Button, new() { Name = "Fortryd fraflytning – Tesfay Gebremedhin", Exact = true }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Registrér fraflytning – Tesfay Gebremedhin", Exact = true })).ToBeVisibleAsync();
        });

    [Fact]
    public Task UnitCreate_EmptyAndWithErrors_HasNoWcagViolations() =>
        browser.RunAsync(async page =>
        {
            await OpenFromHousingAsync(page, "Opret bolig", "Opret bolig");
            Assert.Equal("/Housing/Units/Edit", SignInPage.CurrentPath(page));
            await Axe.AssertNoViolationsAsync(page);

            await page.GetByRole(AriaRole.Button, new() { Name = "Gem bolig", Exact = true }).ClickAsync();

            var summary = page.GetByRole(AriaRole.Alert).Filter(new() { HasText = "Der er problemer" });
            await Expect(summary).ToBeVisibleAsync();
            await Expect(summary).ToContainTextAsync("Vælg et boligsted fra listen.");
            await Expect(summary).ToContainTextAsync("Angiv boligens betegnelse");
            await Expect(page.GetByLabel("Betegnelse", new() { Exact = true })).ToHaveAttributeAsync("aria-invalid", "true");
            await Axe.AssertNoViolationsAsync(page);
        });

    [Fact]
    public Task SiteCreate_HousingCoordinator_HasNoWcagViolations() =>
        browser.RunAsync(async page =>
        {
            await OpenFromHousingAsync(page, "Opret boligsted", "Opret boligsted");
            await Expect(page.GetByLabel("Navn", new() { Exact = true })).ToBeVisibleAsync();

            await Axe.AssertNoViolationsAsync(page);
        });

    [Fact]
    public Task SiteEdit_WithAnErrorAndAConflict_HasNoWcagViolations() =>
        browser.RunAsync(async page =>
        {
            await OpenFromHousingAsync(page, "Ret Delebolig Lynge", "Ret boligsted");
            Assert.Matches("^/Housing/Sites/[0-9a-f-]{36}/Edit$", SignInPage.CurrentPath(page));
            var name = page.GetByLabel("Navn", new() { Exact = true });
            await Expect(name).ToHaveValueAsync("Delebolig Lynge");
            await Axe.AssertNoViolationsAsync(page);

            await name.FillAsync(" ");
            await page.GetByRole(AriaRole.Button, new() { Name = "Gem boligsted", Exact = true }).ClickAsync();

            await Expect(page.GetByRole(AriaRole.Alert).Filter(new() { HasText = "Der er problemer" })).ToContainTextAsync("Angiv stedets navn.");
            await Expect(name).ToHaveAttributeAsync("aria-invalid", "true");
            await Axe.AssertNoViolationsAsync(page);

            // Meanwhile someone else saves the site (here in another tab): their address is shown beside the field.
            var other = await page.Context.NewPageAsync();
            await other.GotoAsync(page.Url);
            await other.GetByLabel("Adresse (valgfri)", new() { Exact = true }).FillAsync("Lyngevej 99");
            await other.GetByRole(AriaRole.Button, new() { Name = "Gem boligsted", Exact = true }).ClickAsync();
            await Expect(other.GetByRole(AriaRole.Heading, new() { Name = "Boliger", Level = 1, Exact = true })).ToBeVisibleAsync();
            await other.CloseAsync();

            await name.FillAsync("Delebolig Lynge");
            await page.GetByRole(AriaRole.Button, new() { Name = "Gem boligsted", Exact = true }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Alert).Filter(new() { HasText = "Der er problemer" })).ToContainTextAsync("Boligstedet er ændret af en anden");
            await Expect(page.GetByLabel("Adresse (valgfri)", new() { Exact = true })).ToHaveAccessibleDescriptionAsync("Gemt af en anden: Lyngevej 99");
            await Axe.AssertNoViolationsAsync(page);

            // Gem again saves over it, deliberately: the address as this user left it.
            await page.GetByRole(AriaRole.Button, new() { Name = "Gem boligsted", Exact = true }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Boliger", Level = 1, Exact = true })).ToBeVisibleAsync();
        });

    /// <summary>Signs in as the housing coordinator, opens "Boliger" in the main menu and follows a link from there.</summary>
    private static async Task OpenFromHousingAsync(IPage page, string link, string heading)
    {
        await SignInPage.SignInAsync(page, "bolig");
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Hovedmenu", Exact = true })
            .GetByRole(AriaRole.Link, new() { Name = "Boliger", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Boliger", Level = 1, Exact = true })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = link, Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = heading, Level = 1, Exact = true })).ToBeVisibleAsync();
    }
}

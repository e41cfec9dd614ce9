using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Indgang.Browser.Tests;

/// <summary>
/// One family's way through the app, as the people who receive it click through it: the coordinator
/// registers the arrival, Sekretariatet and Skole- og dagtilbud find their tasks, the coordinator sees
/// what was done, signs the adults' integration contracts and writes and prints the first adult's plan.
/// Every page on the way is checked with axe-core (WCAG 2.0/2.1 A and AA).
/// </summary>
public sealed class ReceptionJourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private static readonly CultureInfo Danish = CultureInfo.GetCultureInfo("da-DK");

    [Fact]
    public Task ReceptionJourney_FamilyOfFour_DepartmentsGetTasksAndCoordinatorSignsContractsAndPrintsPlan() =>
        browser.RunWithUsersAsync(async users =>
        {
            var family = Family.New(DateOnly.FromDateTime(DateTime.Now));

            var coordinator = await users.NewPageAsync();
            await RegisterArrivalAsync(coordinator, family);

            var secretariat = await users.NewPageAsync();
            await CompleteLeaseTaskAsync(secretariat, family);

            var school = await users.NewPageAsync();
            await SeeSchoolOffersAsync(school, family);

            var coordinatorLater = await users.NewPageAsync();
            await SeeLeaseDoneAndSignContractsAsync(coordinatorLater, family);
            await WriteAndPrintPlanAsync(coordinatorLater, family);
        });

    /// <summary>Step 1: the coordinator registers the family (after first sending the form empty) and lands on the case.</summary>
    private static async Task RegisterArrivalAsync(IPage page, Family family)
    {
        await SignInPage.SignInAsync(page, "koordinator");
        await MainMenu(page).GetByRole(AriaRole.Link, new() { Name = "Registrér ankomst", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Registrér forventet ankomst", Level = 1 })).ToBeVisibleAsync();
        await Axe.AssertNoViolationsAsync(page);

        await RegisterButton(page).ClickAsync();
        var summary = page.GetByRole(AriaRole.Alert).Filter(new() { HasText = "Der er problemer" });
        await Expect(summary).ToBeVisibleAsync();
        await Expect(summary).ToContainTextAsync("Angiv forventet ankomstdato.");
        await Expect(summary).ToContainTextAsync("Angiv mindst ét medlem af husstanden.");
        await Axe.AssertNoViolationsAsync(page);
        // Each message in the summary takes the user to the field to fix.
        await summary.GetByRole(AriaRole.Link, new() { Name = "Angiv mindst ét medlem af husstanden.", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Group, new() { Name = "Medlem 1", Exact = true }).GetByLabel("Fornavn", new() { Exact = true })).ToBeFocusedAsync();
        await summary.GetByRole(AriaRole.Link, new() { Name = "Angiv forventet ankomstdato.", Exact = true }).ClickAsync();
        await Expect(page.GetByLabel("Forventet ankomst", new() { Exact = true })).ToBeFocusedAsync();

        await page.GetByLabel("Dato for visitationsafgørelse", new() { Exact = true }).FillAsync(Iso(family.VisitationDecision));
        await page.GetByLabel("Forventet ankomst", new() { Exact = true }).FillAsync(Iso(family.ExpectedArrival));
        for (var i = 0; i < family.Members.Count; i++)
        {
            await FillMemberAsync(page, i + 1, family.Members[i]);
        }

        await RegisterButton(page).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = family.HouseholdName, Level = 1, Exact = true })).ToBeVisibleAsync();
        Assert.StartsWith("/Households/", SignInPage.CurrentPath(page), StringComparison.Ordinal);
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Husstanden er registreret, og tjeklistens opgaver er sendt til afdelingerne.");
        foreach (var member in family.Members)
        {
            await Expect(page.GetByRole(AriaRole.Link, new() { Name = member.FullName, Exact = true })).ToBeVisibleAsync();
        }

        await Expect(TaskRows(page, "LeaseContract")).ToHaveCountAsync(1);
        await Expect(TaskRows(page, "LeaseContract")).ToContainTextAsync("Lejekontrakt");
        await Expect(TaskRows(page, "LeaseContract")).ToContainTextAsync("Sekretariatet");
        var offers = TaskRows(page, "SchoolOrDaycareOffer");
        await Expect(offers).ToHaveCountAsync(2);
        foreach (var child in family.Children)
        {
            await Expect(offers.Filter(new() { HasText = SchoolOfferTitle(child) })).ToContainTextAsync("Skole- og dagtilbud");
        }

        await Axe.AssertNoViolationsAsync(page);
    }

    private static async Task FillMemberAsync(IPage page, int number, Member member)
    {
        var fieldset = page.GetByRole(AriaRole.Group, new() { Name = $"Medlem {number}", Exact = true });
        await fieldset.GetByLabel("Fornavn", new() { Exact = true }).FillAsync(member.FirstName);
        await fieldset.GetByLabel("Efternavn", new() { Exact = true }).FillAsync(member.LastName);
        await fieldset.GetByLabel("Fødselsdato", new() { Exact = true }).FillAsync(Iso(member.BirthDate));
        await fieldset.GetByLabel("Køn", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = member.Gender });
        await fieldset.GetByLabel("Opholdsgrundlag", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Flygtning (visiteret)" });
        if (member.Relation is not null)
        {
            await fieldset.GetByLabel("Relation til medlem 1", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = member.Relation });
        }

        await fieldset.GetByLabel("Statsborgerskab", new() { Exact = true }).FillAsync("Syrien");
        await fieldset.GetByLabel("Sprog", new() { Exact = true }).FillAsync("arabisk");
        if (member.IsAdult)
        {
            await fieldset.GetByLabel("Har brug for tolk", new() { Exact = true }).CheckAsync();
        }
    }

    /// <summary>Step 2: Sekretariatet finds the family's lease task in its work list and completes it.</summary>
    private static async Task CompleteLeaseTaskAsync(IPage page, Family family)
    {
        await SignInPage.SignInAsync(page, "sekretariat");
        await Axe.AssertNoViolationsAsync(page);
        await MainMenu(page).GetByRole(AriaRole.Link, new() { Name = "Opgaver", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Opgaver for Sekretariatet", Level = 1 })).ToBeVisibleAsync();

        var card = TaskCard(page, family, "Lejekontrakt");
        await Expect(card).ToHaveCountAsync(1);
        await Axe.AssertNoViolationsAsync(page);

        // The button's name carries the task's title (hidden text after a colon), so a screen reader knows which task.
        await card.GetByRole(AriaRole.Button, new() { NameRegex = new Regex(@"^Markér som udført\s*: Lejekontrakt$") }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Opgaven er markeret som udført.");
        await Expect(card).ToHaveCountAsync(0);
        // The family's other tasks for Sekretariatet are still there: only the one was completed.
        await Expect(TaskCard(page, family, "Nøgleoverdragelse")).ToHaveCountAsync(1);
        await Axe.AssertNoViolationsAsync(page);
    }

    /// <summary>Step 3: Skole- og dagtilbud sees one school or daycare offer per child.</summary>
    private static async Task SeeSchoolOffersAsync(IPage page, Family family)
    {
        await SignInPage.SignInAsync(page, "skole");
        await MainMenu(page).GetByRole(AriaRole.Link, new() { Name = "Opgaver", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Opgaver for Skole- og dagtilbud", Level = 1 })).ToBeVisibleAsync();

        await Expect(FamilyCards(page, family)).ToHaveCountAsync(2);
        foreach (var child in family.Children)
        {
            var card = TaskCard(page, family, SchoolOfferTitle(child));
            await Expect(card).ToHaveCountAsync(1);
            await Expect(card).ToContainTextAsync(child.FullName);
        }

        await Axe.AssertNoViolationsAsync(page);
    }

    /// <summary>Step 4: the coordinator sees the lease done on the start page and signs both adults' contracts.</summary>
    private static async Task SeeLeaseDoneAndSignContractsAsync(IPage page, Family family)
    {
        await SignInPage.SignInAsync(page, "koordinator");
        var recent = page.GetByRole(AriaRole.Region, new() { Name = "Seneste hændelser", Exact = true });
        var leaseDone = recent.GetByRole(AriaRole.Listitem)
            .Filter(new() { Has = page.GetByRole(AriaRole.Link, new() { Name = family.HouseholdName, Exact = true }) })
            .Filter(new() { HasText = "Lejekontrakt" });
        await Expect(leaseDone).ToHaveCountAsync(1);
        await Expect(leaseDone).ToContainTextAsync("Sekretariatet");
        await Expect(leaseDone).ToContainTextAsync("udført");
        await Axe.AssertNoViolationsAsync(page);

        await page.GetByRole(AriaRole.Region, new() { Name = "Mine husstande", Exact = true })
            .GetByRole(AriaRole.Link, new() { Name = family.HouseholdName, Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = family.HouseholdName, Level = 1, Exact = true })).ToBeVisibleAsync();

        var today = Iso(family.Today);
        var first = true;
        foreach (var adult in family.Adults)
        {
            await ContractLink(page, adult).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = $"Integrationskontrakt og erklæring: {adult.FullName}", Level = 1 })).ToBeVisibleAsync();
            await page.GetByLabel("Integrationskontrakten er underskrevet den", new() { Exact = true }).FillAsync(today);
            await page.GetByLabel("Erklæringen om integration og aktivt medborgerskab er underskrevet den", new() { Exact = true }).FillAsync(today);
            if (first)
            {
                await Axe.AssertNoViolationsAsync(page);
                first = false;
            }

            await page.GetByRole(AriaRole.Button, new() { Name = "Gem underskrifter", Exact = true }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = family.HouseholdName, Level = 1, Exact = true })).ToBeVisibleAsync();
        }

        foreach (var adult in family.Adults)
        {
            var row = page.GetByRole(AriaRole.Row).Filter(new() { Has = ContractLink(page, adult) });
            await Expect(row).ToHaveCountAsync(1);
            await Expect(row.GetByText("Overholdt", new() { Exact = true }).First).ToBeVisibleAsync();
            await Expect(row).Not.ToContainTextAsync("Opfyldt for sent");
            await Expect(row).ToContainTextAsync(family.Today.ToString("d. MMM yyyy", Danish));
        }

        await Axe.AssertNoViolationsAsync(page);
    }

    /// <summary>Step 5: the coordinator writes the first adult's plan, saves it and opens the printout.</summary>
    private static async Task WriteAndPrintPlanAsync(IPage page, Family family)
    {
        var adult = family.Adults[0];
        await page.GetByRole(AriaRole.Link, new() { Name = adult.FullName, Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = adult.FullName, Level = 1, Exact = true })).ToBeVisibleAsync();
        await Axe.AssertNoViolationsAsync(page);

        await page.GetByRole(AriaRole.Link, new() { Name = "Min plan", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = $"Min plan: {adult.FullName}", Level = 1 })).ToBeVisibleAsync();
        await Axe.AssertNoViolationsAsync(page);

        const string goal = "Få arbejde i detailhandlen inden for et år";
        await page.GetByRole(AriaRole.Group, new() { Name = "Mål 1", Exact = true }).GetByLabel("Mål", new() { Exact = true }).FillAsync(goal);
        var activities = new[]
        {
            new Activity("Danskuddannelse", "Danskuddannelse 2, modul 1", family.Today.AddDays(14), family.Today.AddDays(300)),
            new Activity("Virksomhedspraktik", "Praktik i en dagligvarebutik i Lillerød", family.Today.AddDays(60), family.Today.AddDays(150)),
        };
        for (var i = 0; i < activities.Length; i++)
        {
            var fieldset = page.GetByRole(AriaRole.Group, new() { Name = $"Aktivitet {i + 1}", Exact = true });
            await fieldset.GetByLabel("Type", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = activities[i].Kind });
            await fieldset.GetByLabel("Beskrivelse", new() { Exact = true }).FillAsync(activities[i].Description);
            await fieldset.GetByLabel("Ansvarlig afdeling", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Borgerservice – Jobberiet" });
            await fieldset.GetByLabel("Start", new() { Exact = true }).FillAsync(Iso(activities[i].Start));
            await fieldset.GetByLabel("Slut", new() { Exact = true }).FillAsync(Iso(activities[i].End));
        }

        await page.GetByRole(AriaRole.Button, new() { Name = "Gem planen", Exact = true }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Planen er gemt.");
        await Expect(page.GetByRole(AriaRole.Group, new() { Name = "Mål 1", Exact = true }).GetByLabel("Mål", new() { Exact = true })).ToHaveValueAsync(goal);
        await Axe.AssertNoViolationsAsync(page);

        await page.GetByRole(AriaRole.Link, new() { Name = "Udskriv planen", Exact = true }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Min plan", Level = 1, Exact = true })).ToBeVisibleAsync();
        Assert.EndsWith("/Plan/Print", SignInPage.CurrentPath(page), StringComparison.Ordinal);
        await Expect(page.GetByText(adult.FullName)).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Mine mål", Level = 2, Exact = true })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Listitem).Filter(new() { HasText = goal })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Mine aktiviteter", Level = 2, Exact = true })).ToBeVisibleAsync();
        foreach (var activity in activities)
        {
            var row = page.GetByRole(AriaRole.Row).Filter(new() { HasText = activity.Description });
            await Expect(row).ToHaveCountAsync(1);
            await Expect(row).ToContainTextAsync(activity.Kind);
            await Expect(row).ToContainTextAsync("Borgerservice – Jobberiet");
            await Expect(row).ToContainTextAsync(activity.Start.ToString("d. MMM yyyy", Danish));
        }

        await Expect(page.Locator("nav")).ToHaveCountAsync(0);
        await Expect(page.GetByRole(AriaRole.Navigation)).ToHaveCountAsync(0);
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Log af", Exact = true })).ToHaveCountAsync(0);
        await Axe.AssertNoViolationsAsync(page);
    }

    private static ILocator MainMenu(IPage page) => page.GetByRole(AriaRole.Navigation, new() { Name = "Hovedmenu", Exact = true });

    private static ILocator RegisterButton(IPage page) => page.GetByRole(AriaRole.Button, new() { Name = "Registrér ankomst", Exact = true });

    /// <summary>The household page's task table rows of one task type (the table marks each row with its type).</summary>
    private static ILocator TaskRows(IPage page, string taskType) =>
        page.GetByRole(AriaRole.Row).And(page.Locator($"[data-task-type='{taskType}']"));

    /// <summary>The work list's cards that belong to the family: each links to its household.</summary>
    private static ILocator FamilyCards(IPage page, Family family) =>
        page.GetByRole(AriaRole.Article).Filter(new() { Has = page.GetByRole(AriaRole.Link, new() { Name = family.HouseholdName, Exact = true }) });

    private static ILocator TaskCard(IPage page, Family family, string title) =>
        FamilyCards(page, family).Filter(new() { Has = page.GetByRole(AriaRole.Heading, new() { Name = title, Exact = true }) });

    private static ILocator ContractLink(IPage page, Member adult) =>
        page.GetByRole(AriaRole.Link, new() { Name = $"Kontrakt og erklæring – {adult.FullName}", Exact = true });

    private static string SchoolOfferTitle(Member child) => $"Tilbud om skole eller dagtilbud – {child.FirstName}";

    /// <summary>The value a date input takes, whatever the browser shows.</summary>
    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private sealed record Member(string FirstName, string LastName, DateOnly BirthDate, string Gender, string? Relation, bool IsAdult)
    {
        public string FullName => $"{FirstName} {LastName}";
    }

    private sealed record Activity(string Kind, string Description, DateOnly Start, DateOnly End);

    private sealed record Family(DateOnly Today, DateOnly VisitationDecision, DateOnly ExpectedArrival, IReadOnlyList<Member> Members)
    {
        public string HouseholdName => $"Familien {Members[0].LastName}";

        public IReadOnlyList<Member> Adults => [.. Members.Where(m => m.IsAdult)];

        public IReadOnlyList<Member> Children => [.. Members.Where(m => !m.IsAdult)];

        /// <summary>Two adults and children of 4 and 9, with a last name of their own so reruns never meet earlier families.</summary>
        public static Family New(DateOnly today)
        {
            // Letters only, so the name reads like a name: "Nasser-Qfkzwbte".
            var suffix = string.Concat(Guid.NewGuid().ToByteArray()[..7].Select(b => (char)('a' + (b % 26))));
            var lastName = "Nasser-Q" + suffix;
            // A month and a half past a birthday, so the ages hold on the arrival date 10 days ago too.
            DateOnly Born(int years) => today.AddYears(-years).AddDays(-45);
            return new Family(today, today.AddDays(-40), today.AddDays(-10),
            [
                new Member("Farid", lastName, Born(38), "Mand", null, IsAdult: true),
                new Member("Leila", lastName, Born(35), "Kvinde", "Ægtefælle", IsAdult: true),
                new Member("Sami", lastName, Born(9), "Mand", "Barn", IsAdult: false),
                new Member("Nour", lastName, Born(4), "Kvinde", "Barn", IsAdult: false),
            ]);
        }
    }
}

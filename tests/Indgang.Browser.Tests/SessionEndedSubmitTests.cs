using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Indgang.Browser.Tests;

/// <summary>
/// What the user typed stays in the form when the session has ended (README, Sessions): a POST form sent after the page's
/// count of its session's end is stopped, the text stays, and the page says why and how to go on; signed in again in
/// another tab, the same button sends it. Signed out in another tab of the same browser, the page is told, and its next
/// submit is asked about the same way; signed in there as another user (after a sign-out, or over the session), the page
/// says so. The page's clock is
/// Playwright's, moved on by the test; the server's is real, and learns the session has ended as a browser tells it, by
/// the sign-in cookie being gone.
/// </summary>
public sealed class SessionEndedSubmitTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    // One note a test: the tests share the app's database, and each finds its own note saved in the same household's journal.
    private const string Note = "Ringede til familien om tolk til mødet på torsdag.";
    private const string NoteAfterSignOut = "Aftalte hjemmebesøg med familien på fredag.";
    private const string NoteAfterOtherUser = "Sendte ansøgning om enkeltydelse til borgerservice.";
    private const string NoteAfterTakeOver = "Bestilte tolk til samtalen i jobcentret på mandag.";
    private const string SignInAsYourself = "Det, du har skrevet, står her stadig. Log ind igen som dig selv i en ny fane, og tryk derefter på knappen igen.";
    private const string LogInInANewTab = "Det, du har skrevet, står her stadig. Log ind i en ny fane, og tryk derefter på knappen igen.";

    [Fact]
    public Task ANoteSentAfterTheIdleLimit_StaysInTheForm_AndIsSavedAfterSigningInAgainInAnotherTab() =>
        browser.RunAsync(async page =>
        {
            await page.Clock.InstallAsync();
            var (household, text, save) = await NoteTypedAsync(page);

            await page.Clock.FastForwardAsync("31:00");
            await page.Context.ClearCookiesAsync(new() { Name = "indgang.auth" });
            await save.ClickAsync();

            var alert = await TextKeptAsync(page, household, text, Note,
                "Du er blevet logget ud, fordi du ikke har brugt Indgang i 30 minutter.", LogInInANewTab);
            var signIn = alert.GetByRole(AriaRole.Link, new() { Name = "Log ind i en ny fane", Exact = true });
            await Expect(signIn).ToHaveAttributeAsync("href", SignInPage.Path);
            await Expect(signIn).ToHaveAttributeAsync("target", "_blank");
            await Expect(signIn).ToHaveAttributeAsync("rel", "noopener");
            await Axe.AssertNoViolationsAsync(page);

            // The old page's antiforgery token holds for the same user's new sign-in: the note is saved, not refused.
            var tab = await page.Context.NewPageAsync();
            await SavedAfterSigningInAgainAsync(page, tab, household, save, Note);
        });

    [Fact]
    public Task ANoteSentAfterSigningOutInAnotherTab_StaysInTheForm_AndIsSavedAfterSigningInAgain() =>
        browser.RunAsync(async page =>
        {
            var (household, text, save) = await NoteTypedAsync(page, NoteAfterSignOut);
            var tab = await page.Context.NewPageAsync();
            await SignOutAsync(tab);

            await page.BringToFrontAsync();
            await save.ClickAsync();

            await TextKeptAsync(page, household, text, NoteAfterSignOut, "Du er blevet logget ud i en anden fane.", LogInInANewTab);
            await Axe.AssertNoViolationsAsync(page);

            await SavedAfterSigningInAgainAsync(page, tab, household, save, NoteAfterSignOut);
        });

    [Fact]
    public Task ANoteSentAfterAnotherUserSignedInInAnotherTab_StaysInTheForm_AndThePageSaysWhy() =>
        browser.RunAsync(async page =>
        {
            var (household, text, save) = await NoteTypedAsync(page, NoteAfterOtherUser);
            var tab = await page.Context.NewPageAsync();
            await SignOutAsync(tab);
            await SignInPage.SignInAsync(tab, "bolig");

            await page.BringToFrontAsync();
            await save.ClickAsync();

            // The old page's antiforgery token is refused for another user; the page asks which user the session is.
            await TextKeptAsync(page, household, text, NoteAfterOtherUser, "Du er logget ind som en anden bruger i en anden fane.", SignInAsYourself);
            await Axe.AssertNoViolationsAsync(page);

            await SavedAfterSigningInAgainAsync(page, tab, household, save, NoteAfterOtherUser, signOutFirst: true);
        });

    /// <summary>
    /// Another user signs in in another tab over the coordinator's session, without signing out first (a colleague at the
    /// same PC, say): the new user's page tells the browser's other pages whose session it is now, and the coordinator's
    /// note is held as after a sign-out. Before, nothing told the page: its submit was refused (the token is the
    /// coordinator's) and the note was lost.
    /// </summary>
    [Fact]
    public Task ANoteSentAfterAnotherUserSignedInOverTheSessionInAnotherTab_StaysInTheForm_AndThePageSaysWhy() =>
        browser.RunAsync(async page =>
        {
            var (household, text, save) = await NoteTypedAsync(page, NoteAfterTakeOver);
            var tab = await page.Context.NewPageAsync();
            await SignInPage.SignInAsync(tab, "bolig");

            await page.BringToFrontAsync();
            await save.ClickAsync();

            await TextKeptAsync(page, household, text, NoteAfterTakeOver, "Du er logget ind som en anden bruger i en anden fane.", SignInAsYourself);

            await SavedAfterSigningInAgainAsync(page, tab, household, save, NoteAfterTakeOver, signOutFirst: true);
        });

    /// <summary>Signs in as the coordinator, opens one of their households and types the note, not yet saved.</summary>
    private static async Task<(string Household, ILocator Text, ILocator Save)> NoteTypedAsync(IPage page, string note = Note)
    {
        await SignInPage.SignInAsync(page, "koordinator");
        var households = page.GetByRole(AriaRole.Region, new() { Name = "Mine husstande", Exact = true });
        await households.GetByRole(AriaRole.Table).GetByRole(AriaRole.Link).First.ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Journal", Level = 2, Exact = true })).ToBeVisibleAsync();
        await PageLoad.CompleteAsync(page);
        var text = page.GetByLabel("Nyt notat", new() { Exact = true });
        await text.FillAsync(note);
        return (SignInPage.CurrentPath(page), text, page.GetByRole(AriaRole.Button, new() { Name = "Gem notat", Exact = true }));
    }

    /// <summary>
    /// The submit was held: the page's alert says why and how to go on, and has the focus; the page is the same, and the
    /// note is still in the form.
    /// </summary>
    private static async Task<ILocator> TextKeptAsync(IPage page, string household, ILocator text, string note, string why, string howOn)
    {
        var alert = page.Locator("#session-end[aria-live=polite]").GetByTestId("session-ended-alert");
        await Expect(alert).ToBeVisibleAsync();
        await Expect(alert).ToContainTextAsync(why);
        await Expect(alert).ToContainTextAsync(howOn);
        await Expect(alert).ToBeFocusedAsync();
        Assert.Equal(household, SignInPage.CurrentPath(page));
        await Expect(text).ToHaveValueAsync(note);
        return alert;
    }

    /// <summary>
    /// Signs in again as the coordinator in the other tab (signing out whoever is signed in there first, when
    /// <paramref name="signOutFirst"/>), and presses the same button on the page: the note is saved, on the same page, and
    /// no alert is left.
    /// </summary>
    private static async Task SavedAfterSigningInAgainAsync(IPage page, IPage tab, string household, ILocator save, string note, bool signOutFirst = false)
    {
        if (signOutFirst)
        {
            await SignOutAsync(tab);
        }

        await SignInPage.SignInAsync(tab, "koordinator");
        await page.BringToFrontAsync();
        await save.ClickAsync();

        await Expect(page.Locator(".journal-note .journal-text").Filter(new() { HasTextString = note })).ToBeVisibleAsync();
        Assert.Equal(household, SignInPage.CurrentPath(page));
        await Expect(page.GetByTestId("session-ended-alert")).ToHaveCountAsync(0);
    }

    /// <summary>Presses »Log af« on the start page of a tab in the same browser, and waits for the sign-in page.</summary>
    private static async Task SignOutAsync(IPage tab)
    {
        await tab.GotoAsync("/");
        await tab.GetByRole(AriaRole.Button, new() { Name = "Log af", Exact = true }).ClickAsync();
        await Expect(SignInPage.Heading(tab)).ToBeVisibleAsync();
    }
}

using Microsoft.Playwright;

namespace Indgang.Browser.Tests;

/// <summary>The steps on the login page that several tests share, found the way a user finds them: by label and name.</summary>
internal static class SignInPage
{
    public const string Path = "/Account/Login";
    public const string DemoPassword = "Demo-1234";

    public static ILocator Heading(IPage page) =>
        page.GetByRole(AriaRole.Heading, new() { Name = "Log ind", Level = 1, Exact = true });

    public static ILocator UserName(IPage page) => page.GetByLabel("Brugernavn", new() { Exact = true });

    public static ILocator Password(IPage page) => page.GetByLabel("Adgangskode", new() { Exact = true });

    public static ILocator ErrorSummary(IPage page) => page.Locator(".alert-error");

    /// <summary>Opens the login page, types the user name and password and presses "Log ind".</summary>
    public static async Task SubmitAsync(IPage page, string userName, string password)
    {
        await page.GotoAsync(Path);
        await UserName(page).FillAsync(userName);
        await Password(page).FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Log ind", Exact = true }).ClickAsync();
    }

    /// <summary>
    /// Signs in and waits for the start page's welcome heading, and for its style sheets: until they apply, the narrow
    /// screens' menu drawer is not hidden, and "Hovedmenu" would name two menus (a test seen to fail so under load).
    /// </summary>
    public static async Task SignInAsync(IPage page, string userName)
    {
        await SubmitAsync(page, userName, DemoPassword);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Velkommen");
        await PageLoad.CompleteAsync(page);
    }

    /// <summary>Submits a wrong password and waits for the error summary.</summary>
    public static async Task FailSignInAsync(IPage page, string userName)
    {
        await SubmitAsync(page, userName, "Forkert-9876");
        await Assertions.Expect(ErrorSummary(page)).ToBeVisibleAsync();
    }

    /// <summary>The path of the page the browser is on now, without the query string.</summary>
    public static string CurrentPath(IPage page) => new Uri(page.Url).AbsolutePath;
}

using System.Net;
using AngleSharp.Html.Parser;
using Indgang.Web.Tests.Infrastructure;
using Microsoft.Extensions.Logging;

namespace Indgang.Web.Tests.Operations;

/// <summary>
/// With the database down, the error page still shows, with its words, its reference and the security headers: its
/// frame read the municipality's name from the database, failed itself, and the user got an empty 500 (found by the
/// operator review). The frame shows the neutral name instead and says so in one warning line.
/// </summary>
public sealed class ErrorPageWithoutDatabaseTests
{
    [Fact]
    public async Task TheDatabaseUnreadable_TheErrorPageShows_WithItsReference()
    {
        await using var factory = new LoggedFactory();
        using var browser = Browser.For(factory);
        Assert.Contains("Log ind", await browser.GetPageAsync("/Account/Login"), StringComparison.Ordinal);
        if (factory.UsesPostgres)
        {
            // The SQLite file is what this test spoils; on PostgreSQL the same catch is reached by the provider's DbException.
            return;
        }

        await DatabaseDown.SpoilSqliteAsync(factory);

        // Signing in reads the users: the request fails, and the error page is re-executed on the database that is down.
        using var response = await browser.SignInAsync("koordinator", Browser.DemoPassword);

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.NotEqual("", html);
        var page = await new HtmlParser().ParseDocumentAsync(html);
        Assert.Equal("Der opstod en fejl", page.QuerySelector("h1")!.TextContent.Trim());
        Assert.Matches("^Fejlreference: [0-9a-f]{32}$", page.QuerySelector(".error-reference")!.TextContent.Trim());
        Assert.True(response.Headers.Contains("X-Content-Type-Options"), "The error page lacks the security headers.");
        // One warning line a page (the sign-in form, then the error page), without a stack trace.
        var warnings = factory.Log.Entries.Where(e => e.Category == "Indgang.Web.Platform.ShellInfo").ToList();
        Assert.Equal(2, warnings.Count);
        Assert.All(warnings, w =>
        {
            Assert.Equal(LogLevel.Warning, w.Level);
            Assert.Null(w.Exception);
            Assert.Equal("The page frame shows no municipality's name, nor the user's name or unread notifications: the database could not be read (SqliteException: SQLite Error 26: 'file is not a database'.)", w.Message);
        });
    }

    /// <summary>
    /// A signed-in user's frame also read their name and their unread notifications from the database: the error page was
    /// empty for them (found by the operator review). It shows their user name, the menu without the count, and the
    /// reference. SQLite only, as the test above: the file is what the test spoils, and the catch is the same for
    /// PostgreSQL's DbException.
    /// </summary>
    [Fact]
    public async Task TheDatabaseUnreadable_ASignedInUsersErrorPageShows_WithItsReference()
    {
        await using var factory = new LoggedFactory();
        using var browser = await Browser.SignedInAsync(factory, "koordinator");
        Assert.Contains("Forside", await browser.GetPageAsync("/"), StringComparison.Ordinal);
        if (factory.UsesPostgres)
        {
            return;
        }

        await DatabaseDown.SpoilSqliteAsync(factory);

        // The front page reads the coordinator's households: the request fails, and the error page is shown in her frame.
        using var response = await browser.GetAsync("/");

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.NotEqual("", html);
        var page = await new HtmlParser().ParseDocumentAsync(html);
        Assert.Equal("Der opstod en fejl", page.QuerySelector("h1")!.TextContent.Trim());
        Assert.Matches("^Fejlreference: [0-9a-f]{32}$", page.QuerySelector(".error-reference")!.TextContent.Trim());
        Assert.Contains("koordinator", page.QuerySelector("p.user")!.TextContent, StringComparison.Ordinal);
        Assert.Contains(page.QuerySelectorAll("a"), a => a.GetAttribute("href") == "/Notifications" && a.TextContent.Trim() == "Notifikationer");
        var warning = Assert.Single(factory.Log.Entries, e => e.Category == "Indgang.Web.Platform.ShellInfo");
        Assert.Equal(LogLevel.Warning, warning.Level);
        Assert.Null(warning.Exception);
    }

    private sealed class LoggedFactory : LoggedAppFactory;
}

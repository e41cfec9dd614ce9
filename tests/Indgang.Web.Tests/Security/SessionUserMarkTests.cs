using System.Net;
using System.Text.RegularExpressions;
using Indgang.Tests.Hosting;
using Indgang.Web.Tests.Infrastructure;

namespace Indgang.Web.Tests.Security;

/// <summary>
/// A page whose antiforgery token is refused at the keep-alive (another user signed in in another tab of the browser)
/// asks the keep-alive which user the session is: the answer is the user mark the page holds (#session-end's data-user),
/// an opaque value, the same on every page of one user and another for another user, with nothing personal in it. Before,
/// the page could not tell another user's session from an ended one, and said the session had ended.
/// </summary>
public sealed partial class SessionUserMarkTests
{
    private const string Page = "/Notifications";
    private const string Asked = "/Account/KeepAlive?handler=User";

    [Fact]
    public async Task TheKeepAlive_AnswersWithTheUserMarkThePageHolds_AnotherForAnotherUser()
    {
        await using var factory = new IndgangAppFactory();
        using var coordinator = await Browser.SignedInAsync(factory, "koordinator");
        using var housing = await Browser.SignedInAsync(factory, "bolig");

        var coordinatorMark = MarkOf(await coordinator.GetPageAsync(Page));
        var housingMark = MarkOf(await housing.GetPageAsync(Page));

        Assert.Equal(coordinatorMark, await AskedAsync(coordinator));
        Assert.Equal(coordinatorMark, MarkOf(await coordinator.GetPageAsync("/")));
        Assert.Equal(housingMark, await AskedAsync(housing));
        Assert.NotEqual(coordinatorMark, housingMark);
        Assert.DoesNotContain("koordinator", coordinatorMark, StringComparison.OrdinalIgnoreCase);
        Assert.Matches("^[A-Za-z0-9_-]{22}$", coordinatorMark);
    }

    private static async Task<string> AskedAsync(Browser browser)
    {
        using var response = await browser.GetAsync(Asked);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Headers.CacheControl?.NoStore, "The answer is the session's, never a cache's.");
        return await response.Content.ReadAsStringAsync();
    }

    private static string MarkOf(string page) => MarkAttribute().Match(page) is { Success: true } match
        ? match.Groups[1].Value
        : throw new Xunit.Sdk.XunitException("The page holds no user mark (#session-end's data-user).");

    [GeneratedRegex("id=\"session-end\"[^>]*data-user=\"([^\"]*)\"")]
    private static partial Regex MarkAttribute();
}

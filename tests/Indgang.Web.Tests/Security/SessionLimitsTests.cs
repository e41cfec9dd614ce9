using System.Net;
using Indgang.Web.Tests.Infrastructure;

namespace Indgang.Web.Tests.Security;

/// <summary>
/// A session ends after Indgang:Session:IdleMinutes (30 unless set) without a request, and Indgang:Session:MaxHours (8
/// unless set) after the sign-in however active the user is; the sign-in page then brings the user back. Before, the
/// cookie slid for 8 hours: a PC left unlocked kept every citizen's data open all day, renewed by any click.
/// </summary>
public sealed class SessionLimitsTests
{
    private const string Page = "/Notifications";

    [Fact]
    public async Task NoRequestForLongerThanTheIdleLimit_SignsTheUserOut_AndTheSignInPageBringsThemBack()
    {
        await using var factory = new ClockedAppFactory<ShiftedClock>();
        using var browser = await Browser.SignedInAsync(factory, "koordinator");
        await AssertSignedInAsync(browser);

        factory.Clock.Advance(TimeSpan.FromMinutes(31));

        await AssertSignedOutAsync(browser);
    }

    [Fact]
    public async Task RequestsWithinTheIdleLimit_KeepTheSession_PastTheIdleLimitInAll()
    {
        await using var factory = new ClockedAppFactory<ShiftedClock>();
        using var browser = await Browser.SignedInAsync(factory, "koordinator");

        for (var step = 0; step < 5; step++)
        {
            factory.Clock.Advance(TimeSpan.FromMinutes(20));
            await AssertSignedInAsync(browser);
        }
    }

    [Fact]
    public async Task TheIdleLimitSet_IsTheOneSessionsEndAfter()
    {
        await using var factory = new ClockedAppFactory<ShiftedClock>(("Indgang:Session:IdleMinutes", "10"));
        using var browser = await Browser.SignedInAsync(factory, "koordinator");
        factory.Clock.Advance(TimeSpan.FromMinutes(8));
        await AssertSignedInAsync(browser);

        factory.Clock.Advance(TimeSpan.FromMinutes(11));

        await AssertSignedOutAsync(browser);
    }

    [Fact]
    public async Task TheAbsoluteLimit_EndsTheSession_HoweverActiveTheUserIs()
    {
        await using var factory = new ClockedAppFactory<ShiftedClock>();
        using var browser = await Browser.SignedInAsync(factory, "koordinator");
        // A request every 20 minutes for 7 hours 40 minutes: signed in all along.
        for (var step = 0; step < 23; step++)
        {
            factory.Clock.Advance(TimeSpan.FromMinutes(20));
            await AssertSignedInAsync(browser);
        }

        factory.Clock.Advance(TimeSpan.FromMinutes(40));

        await AssertSignedOutAsync(browser);
    }

    /// <summary>The page's script posts this while the user types: the post alone keeps the session.</summary>
    [Fact]
    public async Task TheKeepAlivePost_KeepsTheSessionOfOneWhoIsTyping()
    {
        await using var factory = new ClockedAppFactory<ShiftedClock>();
        using var browser = await Browser.SignedInAsync(factory, "koordinator");
        var token = Browser.AntiforgeryToken(await browser.GetPageAsync(Page));
        factory.Clock.Advance(TimeSpan.FromMinutes(20));

        using var form = new FormUrlEncodedContent([new("__RequestVerificationToken", token)]);
        using var kept = await browser.Client.PostAsync(new Uri("/Account/KeepAlive", UriKind.Relative), form);

        Assert.Equal(HttpStatusCode.NoContent, kept.StatusCode);
        factory.Clock.Advance(TimeSpan.FromMinutes(25));
        await AssertSignedInAsync(browser);
    }

    [Fact]
    public async Task TheKeepAlivePost_WithoutTheAntiforgeryToken_IsRefused()
    {
        await using var factory = new ClockedAppFactory<ShiftedClock>();
        using var browser = await Browser.SignedInAsync(factory, "koordinator");

        using var form = new FormUrlEncodedContent([]);
        using var refused = await browser.Client.PostAsync(new Uri("/Account/KeepAlive", UriKind.Relative), form);

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
    }

    private static async Task AssertSignedInAsync(Browser browser)
    {
        using var response = await browser.Client.GetAsync(new Uri(Page, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private static async Task AssertSignedOutAsync(Browser browser)
    {
        using var response = await browser.Client.GetAsync(new Uri(Page, UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/Account/Login", response.Headers.Location!.AbsolutePath);
        Assert.Contains("ReturnUrl=%2FNotifications", response.Headers.Location!.Query, StringComparison.Ordinal);
    }
}

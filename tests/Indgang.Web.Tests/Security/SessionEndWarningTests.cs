using System.Globalization;
using AngleSharp.Html.Parser;
using Indgang.Web.Tests.Infrastructure;

namespace Indgang.Web.Tests.Security;

/// <summary>
/// From Indgang:Session:WarningMinutes (15 unless set) before the session's absolute limit (Indgang:Session:MaxHours after
/// the sign-in), every signed-in page says at what time the user is signed out, in the municipality's time as pages show
/// times; before then it does not, but tells its script how long until it does. Before, the user met the limit without a
/// word, and what they posted after it was lost.
/// </summary>
public sealed class SessionEndWarningTests
{
    private const string Page = "/Notifications";

    private static readonly CultureInfo Danish = CultureInfo.GetCultureInfo("da-DK");

    /// <summary>Half an hour and more off UTC and this machine: a time shown in UTC or the server's zone is told apart.</summary>
    private static readonly TimeZoneInfo Kolkata = TimeZoneInfo.FindSystemTimeZoneById("Asia/Kolkata");

    [Fact]
    public async Task APageInTheLastQuarterHour_SaysWhenTheUserIsSignedOut_InTheMunicipalitysTime()
    {
        await using var factory = ClockedFactory();
        var signedInAt = factory.Clock.GetUtcNow();
        using var browser = await Browser.SignedInAsync(factory, "koordinator");
        factory.Clock.Advance(new TimeSpan(7, 46, 0));

        var region = await SessionEndRegionAsync(browser);

        // As Danish writes a time of day: "kl. 16.42".
        var shown = TimeZoneInfo.ConvertTime(signedInAt.AddHours(8), Kolkata).ToString("HH:mm", Danish);
        Assert.NotEqual(signedInAt.AddHours(8).ToString("HH:mm", Danish), shown);
        Assert.Equal("polite", region.GetAttribute("aria-live"));
        Assert.Equal(
            $"Du bliver logget ud kl. {shown}, 8 timer efter du loggede ind. Gem det, du er i gang med, og log ind igen.",
            region.QuerySelector("[data-testid=session-end-alert]")?.TextContent.Trim());
        Assert.Equal("0", region.GetAttribute("data-warn-in"));
    }

    [Fact]
    public async Task APageBeforeTheLastQuarterHour_DoesNotWarn_ButTellsItsScriptWhenTo()
    {
        await using var factory = ClockedFactory();
        using var browser = await Browser.SignedInAsync(factory, "koordinator");
        factory.Clock.Advance(new TimeSpan(7, 40, 0));

        var region = await SessionEndRegionAsync(browser);

        Assert.Null(region.QuerySelector("[data-testid=session-end-alert]"));
        Assert.Equal("", region.TextContent.Trim());
        Assert.Equal(TimeSpan.FromMinutes(5).TotalMilliseconds.ToString(CultureInfo.InvariantCulture), region.GetAttribute("data-warn-in"));
    }

    [Fact]
    public async Task APage_TellsItsScriptWhenItsSessionEnds_ForAFormSentAfterIt()
    {
        await using var factory = ClockedFactory();
        using var browser = await Browser.SignedInAsync(factory, "koordinator");
        factory.Clock.Advance(new TimeSpan(7, 40, 0));

        var region = await SessionEndRegionAsync(browser);

        // The absolute end 20 minutes on; the idle limit (480 minutes here) a minute short, as the sign-in check renews it.
        Assert.Equal(TimeSpan.FromMinutes(20).TotalMilliseconds.ToString(CultureInfo.InvariantCulture), region.GetAttribute("data-ends-in"));
        Assert.Equal(TimeSpan.FromMinutes(479).TotalMilliseconds.ToString(CultureInfo.InvariantCulture), region.GetAttribute("data-idle-for"));
        var page = region.Owner!;
        Assert.Equal(
            "Du er blevet logget ud, fordi du ikke har brugt Indgang i 480 minutter.",
            Template(page, "session-ended-idle").QuerySelector("[data-testid=session-ended-alert] p")?.TextContent.Trim());
        Assert.Equal(
            "Du er blevet logget ud, fordi der er gået 8 timer, siden du loggede ind.",
            Template(page, "session-ended-max").QuerySelector("[data-testid=session-ended-alert] p")?.TextContent.Trim());
    }

    private static AngleSharp.Dom.IDocumentFragment Template(AngleSharp.Dom.IDocument page, string id) =>
        (page.GetElementById(id) as AngleSharp.Html.Dom.IHtmlTemplateElement)?.Content
            ?? throw new Xunit.Sdk.XunitException($"The page has no template #{id}.");

    [Fact]
    public async Task TheWarningMinutesSet_AreTheOnesItWarnsFrom()
    {
        await using var factory = ClockedFactory(("Indgang:Session:WarningMinutes", "30"));
        using var browser = await Browser.SignedInAsync(factory, "koordinator");
        factory.Clock.Advance(new TimeSpan(7, 31, 0));

        var region = await SessionEndRegionAsync(browser);

        Assert.NotNull(region.QuerySelector("[data-testid=session-end-alert]"));
    }

    [Fact]
    public async Task TheSignInPage_HasNoWarning()
    {
        await using var factory = ClockedFactory();
        using var browser = Browser.For(factory);

        var page = await new HtmlParser().ParseDocumentAsync(await browser.GetPageAsync("/Account/Login"));

        Assert.Null(page.GetElementById("session-end"));
    }

    private static async Task<AngleSharp.Dom.IElement> SessionEndRegionAsync(Browser browser)
    {
        var page = await new HtmlParser().ParseDocumentAsync(await browser.GetPageAsync(Page));
        return page.GetElementById("session-end") ?? throw new Xunit.Sdk.XunitException("The page has no #session-end region.");
    }

    /// <summary>A clock that stands still but when moved on, in the municipality's zone (Kolkata here).</summary>
    private sealed class StoppedClock : TimeProvider
    {
        private DateTimeOffset _now = new(DateTime.UtcNow.Ticks / TimeSpan.TicksPerMinute * TimeSpan.TicksPerMinute, TimeSpan.Zero);

        public override TimeZoneInfo LocalTimeZone => Kolkata;

        public override DateTimeOffset GetUtcNow() => _now;

        public void Advance(TimeSpan by) => _now += by;
    }

    /// <summary>The app on a <see cref="StoppedClock"/>, idle for hours: only the absolute limit is at stake here.</summary>
    private static ClockedAppFactory<StoppedClock> ClockedFactory(params (string Key, string Value)[] settings) =>
        new([("Indgang:Session:IdleMinutes", "480"), .. settings]);
}

using System.Net;
using System.Text;
using System.Text.Json;
using Indgang.Tests.Hosting;
using Indgang.Web.Features.Housing;
using Indgang.Web.Features.Reception;
using Indgang.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;

namespace Indgang.Web.Tests.Operations;

/// <summary>
/// A body over the server's limit (Kestrel's 30,000,000 bytes unless <c>Kestrel:Limits:MaxRequestBodySize</c> says
/// otherwise), said by its Content-Length: the API answers a 413 in the style of its other problems, with the limit; an
/// import page is shown again saying its file is too large. On Kestrel, the API's 413 was titled »Content Too Large« with
/// no detail, and an import got the 400 page (»Siden var for gammel«); the in-process server enforces no limit, so these
/// show what the refusal says, and <c>.ci/published.sh</c> that the published application on Kestrel says it too.
/// </summary>
public sealed class TooLargeBodyTests(IndgangAppFactory factory, TooLargeBodyTests.SmallLimitFactory small)
    : IClassFixture<IndgangAppFactory>, IClassFixture<TooLargeBodyTests.SmallLimitFactory>
{
    /// <summary>Over Kestrel's default limit of 30,000,000 bytes.</summary>
    private const int OverTheDefault = 31 * 1024 * 1024;

    [Fact]
    public async Task ApiBodyOverTheLimit_Is413_TitledAndSayingTheLimit()
    {
        using var coordinator = await Browser.SignedInAsync(factory, "koordinator");
        using var english = await Browser.SignedInEnglishAsync(factory, "koordinator");

        using var inDanish = await ProblemAsync(await PostJsonAsync(coordinator, OverTheDefault));
        using var inEnglish = await ProblemAsync(await PostJsonAsync(english, OverTheDefault));

        Assert.Equal("Indholdet er for stort", inDanish.RootElement.GetProperty("title").GetString());
        Assert.Equal("Indholdet må højst fylde 30.000.000 byte.", inDanish.RootElement.GetProperty("detail").GetString());
        Assert.Equal("The content is too large", inEnglish.RootElement.GetProperty("title").GetString());
        Assert.Equal("The content may hold at most 30,000,000 bytes.", inEnglish.RootElement.GetProperty("detail").GetString());
    }

    /// <summary>
    /// Under the limit set here (<see cref="SmallLimitFactory"/>), the in-process server reads what it is sent: a file over
    /// it, yet under the page's own limit, would be read and its rows checked, were the page not shown again unread.
    /// </summary>
    [Fact]
    public async Task ArrivalsImport_FileOverTheLimit_ShowsThePageSayingTheFileIsTooLarge()
    {
        using var coordinator = await Browser.SignedInAsync(small, "koordinator");

        var html = await coordinator.UploadCsvAsync("/Reception/Import", new byte[2 * SmallLimitFactory.Limit], "ankomster.csv");

        AssertSaidBesideTheFieldAndInTheSummary(html, ImportModel.TooLarge);
    }

    [Fact]
    public async Task UnitImport_FileOverTheLimit_ShowsThePageSayingTheFileIsTooLarge()
    {
        using var housing = await Browser.SignedInAsync(small, "bolig");

        var html = await housing.UploadCsvAsync("/Housing/Units/Import", new byte[2 * SmallLimitFactory.Limit], "boliger.csv");

        AssertSaidBesideTheFieldAndInTheSummary(html, UnitImportModel.TooLarge);
    }

    /// <summary>The limit is the one setting Kestrel's: a smaller one refuses a smaller body and says that limit.</summary>
    [Fact]
    public async Task TheLimitSet_IsTheOneRefusedAndSaid()
    {
        using var coordinator = await Browser.SignedInAsync(small, "koordinator");

        using var refused = await ProblemAsync(await PostJsonAsync(coordinator, SmallLimitFactory.Limit + 1));

        Assert.Equal("Indholdet må højst fylde 100.000 byte.", refused.RootElement.GetProperty("detail").GetString());
    }

    private static void AssertSaidBesideTheFieldAndInTheSummary(string html, string message)
    {
        Assert.Contains($"<span class=\"form-error-message\" id=\"Upload-error\"><span class=\"sr-only\">Fejl: </span>{message}</span>", html, StringComparison.Ordinal);
        Assert.Contains($"<a class=\"function-link\" href=\"#Upload\">{message}</a>", html, StringComparison.Ordinal);
    }

    /// <summary>A JSON arrival padded with a note to the size asked for, sent with its Content-Length.</summary>
    private static async Task<HttpResponseMessage> PostJsonAsync(Browser browser, int size)
    {
        const string start = "{\"notes\":\"";
        const string end = "\"}";
        using var content = new StringContent(start + new string('a', size - start.Length - end.Length) + end, Encoding.UTF8, "application/json");
        Assert.Equal(size, content.Headers.ContentLength);
        return await browser.Client.PostAsync(new Uri("/api/v1/arrivals", UriKind.Relative), content);
    }

    private static async Task<JsonDocument> ProblemAsync(HttpResponseMessage response)
    {
        using (response)
        {
            var text = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.RequestEntityTooLarge, $"{(int)response.StatusCode}: {text}");
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
            return JsonDocument.Parse(text);
        }
    }

    /// <summary>The application with a limit of 100,000 bytes set as an operator would (<c>Kestrel:Limits:MaxRequestBodySize</c>).</summary>
    public sealed class SmallLimitFactory : IndgangAppFactory
    {
        public const int Limit = 100_000;

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Kestrel:Limits:MaxRequestBodySize", Limit.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
    }
}

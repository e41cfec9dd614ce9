using System.Net;
using System.Text;
using System.Text.Json;
using Indgang.Tests.Hosting;
using Indgang.Web.Features.Housing;
using Indgang.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Indgang.Web.Tests.Operations;

/// <summary>
/// A body over the limit sent without a length (chunked, as a client streaming a file sends it) is answered as one with a
/// length is (<see cref="TooLargeBodyTests"/>): an import page is shown again saying its file is too large, the API
/// answers its 413 problem. Before, the page's form was first read by the antiforgery check, which took Kestrel's refusal
/// for a form it could not read, and the user got the 400 page (»Formularen kunne ikke sendes«). The in-process server
/// enforces no limit on a body without a length, so this runs the application on a real Kestrel on 127.0.0.1, as the
/// browser tests do.
/// </summary>
public sealed class ChunkedTooLargeBodyTests(ChunkedTooLargeBodyTests.KestrelSmallLimitFactory server)
    : IClassFixture<ChunkedTooLargeBodyTests.KestrelSmallLimitFactory>
{
    [Fact]
    public async Task UnitImport_FileOverTheLimitWithoutLength_ShowsThePageSayingTheFileIsTooLarge()
    {
        using var housing = await server.SignedInAsync("bolig");
        var page = await housing.GetPageAsync("/Housing/Units/Import");
        using var form = new MultipartFormDataContent();
        using var token = new StringContent(Browser.AntiforgeryToken(page));
        form.Add(token, "__RequestVerificationToken");
        using var file = new StreamContent(new LengthUnknown(new byte[2 * KestrelSmallLimitFactory.Limit]));
        file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("text/csv");
        form.Add(file, "Upload", "boliger.csv");
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/Housing/Units/Import", UriKind.Relative)) { Content = form, Headers = { TransferEncodingChunked = true } };

        using var response = await housing.Client.SendAsync(request);

        Assert.Null(request.Content.Headers.ContentLength);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {html}");
        Assert.Contains($"<span class=\"form-error-message\" id=\"Upload-error\"><span class=\"sr-only\">Fejl: </span>{UnitImportModel.TooLarge}</span>", html, StringComparison.Ordinal);
        Assert.Contains($"<a class=\"function-link\" href=\"#Upload\">{UnitImportModel.TooLarge}</a>", html, StringComparison.Ordinal);
    }

    /// <summary>A form under the limit sent without a length is still read and checked (here: a file with no rows).</summary>
    [Fact]
    public async Task UnitImport_FileUnderTheLimitWithoutLength_IsRead()
    {
        using var housing = await server.SignedInAsync("bolig");
        var page = await housing.GetPageAsync("/Housing/Units/Import");
        using var form = new MultipartFormDataContent();
        using var token = new StringContent(Browser.AntiforgeryToken(page));
        form.Add(token, "__RequestVerificationToken");
        using var file = new StreamContent(new LengthUnknown([]));
        file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("text/csv");
        form.Add(file, "Upload", "boliger.csv");
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/Housing/Units/Import", UriKind.Relative)) { Content = form, Headers = { TransferEncodingChunked = true } };

        using var response = await housing.Client.SendAsync(request);

        Assert.Null(request.Content.Headers.ContentLength);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains(Platform.CsvRows.EmptyFile, html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Api_BodyOverTheLimitWithoutLength_Is413_TitledAndSayingTheLimit()
    {
        using var coordinator = await server.SignedInAsync("koordinator");
        // An object opened and padded with white space: the JSON reader reads on, past the limit, before it can decide
        // anything. Before, a field the API does not have came first, and a reader that had it in its first buffer refused
        // it (400) before the body reached the limit, as once on PostgreSQL in CI.
        var json = "{" + new string(' ', 2 * KestrelSmallLimitFactory.Limit) + "}";
        using var content = new StreamContent(new LengthUnknown(Encoding.UTF8.GetBytes(json)));
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/api/v1/arrivals", UriKind.Relative)) { Content = content, Headers = { TransferEncodingChunked = true } };

        using var response = await coordinator.Client.SendAsync(request);

        Assert.Null(request.Content.Headers.ContentLength);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.RequestEntityTooLarge, $"{(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        using var problem = JsonDocument.Parse(text);
        Assert.Equal("Indholdet er for stort", problem.RootElement.GetProperty("title").GetString());
        Assert.Equal("Indholdet må højst fylde 100.000 byte.", problem.RootElement.GetProperty("detail").GetString());
    }

    /// <summary>Bytes whose length the client cannot know beforehand, as a file streamed: sent chunked.</summary>
    private sealed class LengthUnknown(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
    }

    /// <summary>
    /// The application on Kestrel on a free loopback port with a limit of 100,000 bytes set as an operator would
    /// (<c>Kestrel:Limits:MaxRequestBodySize</c>). The test suite's environment is not hardened: plain HTTP keeps the cookies.
    /// </summary>
    public sealed class KestrelSmallLimitFactory : IndgangAppFactory
    {
        public const int Limit = 100_000;

        private Uri? _address;

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Kestrel:Limits:MaxRequestBodySize", Limit.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        /// <summary>A client of the Kestrel server (started at the first call), signed in as the user.</summary>
        public async Task<Browser> SignedInAsync(string userName)
        {
            if (_address is null)
            {
                UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
                StartServer();
                var addresses = Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>().Features
                    .Get<Microsoft.AspNetCore.Hosting.Server.Features.IServerAddressesFeature>()!.Addresses;
                _address = new Uri(addresses.Single(a => a.StartsWith("http://", StringComparison.Ordinal)));
            }

#pragma warning disable CA2000 // The browser owns its client, and the client its handler.
            var handler = new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = new CookieContainer() };
            var browser = new Browser(new HttpClient(handler) { BaseAddress = _address });
#pragma warning restore CA2000
            using var signedIn = await browser.SignInAsync(userName, Browser.DemoPassword);
            Assert.True(signedIn.StatusCode == HttpStatusCode.Redirect, $"Sign-in as {userName} failed: {(int)signedIn.StatusCode}");
            return browser;
        }
    }
}

using System.Net;
using System.Text.RegularExpressions;
using Indgang.Tests.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Indgang.Web.Tests.Infrastructure;

/// <summary>
/// An HTTP client that behaves like a user's browser against the in-process app: keeps cookies,
/// does not follow redirects (tests assert them), and posts forms with their antiforgery token.
/// </summary>
public sealed partial class Browser(HttpClient client) : IDisposable
{
    public const string DemoPassword = "Demo-1234";

    public HttpClient Client { get; } = client;

    /// <summary>Over HTTPS, as a user's browser is: in Production the app's cookies are sent over HTTPS only.</summary>
    public static Browser For(IndgangAppFactory factory) =>
        new(factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true, BaseAddress = new Uri("https://localhost") }));

    public static async Task<Browser> SignedInAsync(IndgangAppFactory factory, string userName, string password = DemoPassword)
    {
        var browser = For(factory);
        var response = await browser.SignInAsync(userName, password);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"Sign-in as {userName} failed: {(int)response.StatusCode}");
        return browser;
    }

    /// <summary>The user signed in who has then chosen English with the switch in the page frame (PLAT-5).</summary>
    public static async Task<Browser> SignedInEnglishAsync(IndgangAppFactory factory, string userName)
    {
        var browser = await SignedInAsync(factory, userName);
        await browser.ChooseEnglishAsync();
        return browser;
    }

    public async Task<HttpResponseMessage> SignInAsync(string userName, string password) =>
        await PostFormAsync("/Account/Login", new Dictionary<string, string> { ["Input.UserName"] = userName, ["Input.Password"] = password });

    /// <summary>Chooses English with the switch in the page frame, as the user would, and checks that it was taken.</summary>
    public async Task ChooseEnglishAsync()
    {
        using var chosen = await PostFormAsync("/Culture", new Dictionary<string, string> { ["culture"] = "en-GB", ["returnUrl"] = "/" }, formPage: "/");
        Assert.Equal(HttpStatusCode.Redirect, chosen.StatusCode);
    }

    public Task<HttpResponseMessage> GetAsync(string url) => Client.GetAsync(new Uri(url, UriKind.Relative));

    public async Task<string> GetPageAsync(string url)
    {
        using var response = await GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>
    /// Loads the form page first (as a browser would) to get its antiforgery token, then posts. A field may come more
    /// than once (ticked checkboxes of one name): give a list of pairs instead of a dictionary.
    /// </summary>
    public async Task<HttpResponseMessage> PostFormAsync(string url, IEnumerable<KeyValuePair<string, string>> fields, string? formPage = null)
    {
        var page = await GetPageAsync(formPage ?? url.Split('?')[0]);
        var form = new List<KeyValuePair<string, string>>(fields) { new("__RequestVerificationToken", AntiforgeryToken(page)) };
        using var content = new FormUrlEncodedContent(form);
        return await Client.PostAsync(new Uri(url, UriKind.Relative), content);
    }

    /// <summary>Uploads a CSV file through a page's form, as the file input named "Upload" would.</summary>
    public Task<string> UploadCsvAsync(string url, string csv, string fileName) =>
        UploadCsvAsync(url, System.Text.Encoding.UTF8.GetBytes(csv), fileName);

    /// <summary>Uploads a CSV file's bytes, in whatever encoding the test saved them, as the file input named "Upload" would.</summary>
    public Task<string> UploadCsvAsync(string url, byte[] csv, string fileName) => UploadCsvAsync(url, csv, fileName, new Dictionary<string, string>());

    /// <summary>Uploads a CSV file with the form's other fields as given (a hidden token, a ticked checkbox).</summary>
    public async Task<string> UploadCsvAsync(string url, byte[] csv, string fileName, IReadOnlyDictionary<string, string> fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        var page = await GetPageAsync(url);
        using var form = new MultipartFormDataContent();
        using var token = new StringContent(AntiforgeryToken(page));
        form.Add(token, "__RequestVerificationToken");
        foreach (var (name, value) in fields)
        {
            form.Add(new StringContent(value), name);
        }

        using var file = new ByteArrayContent(csv);
        file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("text/csv");
        form.Add(file, "Upload", fileName);
        using var response = await Client.PostAsync(new Uri(url, UriKind.Relative), form);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
    }

    public static string AntiforgeryToken(string html)
    {
        var match = TokenPattern().Match(html);
        Assert.True(match.Success, "The page has no antiforgery token.");
        return match.Groups[1].Value;
    }

    public void Dispose() => Client.Dispose();

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}

using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;
using Indgang.Tests.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Indgang.Bench;

/// <summary>One answer from the app, and how long it took to come whole.</summary>
internal sealed record Answer(HttpStatusCode Status, string Body, long Bytes, double Milliseconds, string? Location);

/// <summary>
/// A demo user signed in to the in-process app as a browser is (as the web tests' Browser): cookies kept, redirects not
/// followed, and forms posted with their antiforgery token.
/// </summary>
internal sealed partial class SignedInClient(HttpClient client, string userName) : IDisposable
{
    /// <summary>Every demo user's password (DemoDataSeeder).</summary>
    public const string DemoPassword = "Demo-1234";

    public string UserName { get; } = userName;

    /// <summary>Signs in through the login page; a redirect means it succeeded.</summary>
    public static async Task<SignedInClient> SignInAsync(IndgangAppFactory factory, string userName)
    {
        var signedIn = new SignedInClient(
            factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true }), userName);
        var token = await signedIn.TokenAsync("/Account/Login");
        var answer = await signedIn.PostAsync("/Account/Login", [new("Input.UserName", userName), new("Input.Password", DemoPassword)], token);
        if (answer.Status != HttpStatusCode.Redirect)
        {
            signedIn.Dispose();
            throw new InvalidOperationException($"Sign-in as {userName} failed: {(int)answer.Status}");
        }

        return signedIn;
    }

    public async Task<Answer> GetAsync(string path)
    {
        var clock = Stopwatch.StartNew();
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        return await AnswerAsync(response, clock);
    }

    /// <summary>Posts the fields (one name may come more than once) with the token of the form's page.</summary>
    public async Task<Answer> PostAsync(string path, IEnumerable<KeyValuePair<string, string>> fields, string token)
    {
        using var content = new FormUrlEncodedContent([.. fields, new("__RequestVerificationToken", token)]);
        var clock = Stopwatch.StartNew();
        using var response = await client.PostAsync(new Uri(path, UriKind.Relative), content);
        return await AnswerAsync(response, clock);
    }

    /// <summary>Posts a file as the form's <paramref name="field"/>, with the token of the form's page.</summary>
    public async Task<Answer> UploadAsync(string path, string field, string fileName, byte[] file, string token)
    {
        using var content = new MultipartFormDataContent();
        using var bytes = new ByteArrayContent(file);
        bytes.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("text/csv");
        content.Add(bytes, field, fileName);
        using var antiforgery = new StringContent(token);
        content.Add(antiforgery, "__RequestVerificationToken");
        var clock = Stopwatch.StartNew();
        using var response = await client.PostAsync(new Uri(path, UriKind.Relative), content);
        return await AnswerAsync(response, clock);
    }

    /// <summary>The antiforgery token of a form page (it holds for every form of this signed-in user).</summary>
    public async Task<string> TokenAsync(string formPage)
    {
        var page = await GetAsync(formPage);
        var match = TokenPattern().Match(page.Body);
        return page.Status == HttpStatusCode.OK && match.Success
            ? match.Groups[1].Value
            : throw new InvalidOperationException($"{formPage} as {UserName}: {(int)page.Status}, {(match.Success ? "" : "no ")}antiforgery token");
    }

    public void Dispose() => client.Dispose();

    private static async Task<Answer> AnswerAsync(HttpResponseMessage response, Stopwatch clock)
    {
        var body = await response.Content.ReadAsByteArrayAsync();
        var milliseconds = clock.Elapsed.TotalMilliseconds;
        return new Answer(response.StatusCode, System.Text.Encoding.UTF8.GetString(body), body.Length, milliseconds, response.Headers.Location?.OriginalString);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}

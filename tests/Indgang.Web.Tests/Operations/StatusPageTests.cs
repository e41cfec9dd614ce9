using System.Net;
using Indgang.Tests.Hosting;
using Indgang.Web.Tests.Infrastructure;

namespace Indgang.Web.Tests.Operations;

/// <summary>
/// The status page a failed request is re-executed to does not fail itself: a form posted with a bad antiforgery token
/// was re-executed to /Status/400 as the same POST, failed the token check again, and the user got an empty 400.
/// </summary>
public sealed class StatusPageTests(IndgangAppFactory factory) : IClassFixture<IndgangAppFactory>
{
    [Fact]
    public async Task APostWithABadAntiforgeryToken_GetsTheReadable400Page()
    {
        using var browser = Browser.For(factory);
        await browser.GetPageAsync("/Account/Login");
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.UserName"] = "koordinator",
            ["Input.Password"] = Browser.DemoPassword,
            ["__RequestVerificationToken"] = "forfalsket",
        });

        using var response = await browser.Client.PostAsync(new Uri("/Account/Login", UriKind.Relative), form);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("Formularen kunne ikke sendes", page, StringComparison.Ordinal);
        Assert.Contains("genindlæs siden", page, StringComparison.Ordinal);
    }
}

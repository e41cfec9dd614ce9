using System.Net;
using Indgang.Tests.Hosting;
using Indgang.Web.Tests.Infrastructure;

namespace Indgang.Web.Tests.Security;

/// <summary>
/// A page refused tells the user to ask the administrator of Indgang, who gives the roles: the manager (leder) is refused
/// pages too, and was told to contact their manager.
/// </summary>
public sealed class AccessDeniedWhomToAskTests(IndgangAppFactory factory) : IClassFixture<IndgangAppFactory>
{
    [Theory]
    [InlineData("leder", "/Admin/Audit")]
    [InlineData("koordinator", "/Admin/Users")]
    public async Task RefusedPage_NamesTheAdministrator(string userName, string url)
    {
        using var browser = await Browser.SignedInAsync(factory, userName);
        using var response = await browser.GetAsync(url);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("Kontakt administratoren af Indgang, hvis du mener, at du burde have adgang.", html, StringComparison.Ordinal);
        Assert.DoesNotContain("din leder", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RefusedPage_InEnglish_NamesTheAdministrator()
    {
        using var browser = await Browser.SignedInEnglishAsync(factory, "leder");
        using var response = await browser.GetAsync("/Admin/Audit");
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("Contact the administrator of Indgang if you believe you should.", html, StringComparison.Ordinal);
    }
}

using System.Net;
using Indgang.Tests.Hosting;
using Indgang.Web.Tests.Infrastructure;

namespace Indgang.Web.Tests.Localization;

/// <summary>
/// A form sent back with errors, with English chosen and without: the DKFDS tag helpers show the error summary, the
/// hidden "Fejl: " before each field's message, the messages and the options through the localizer, and the page frame
/// shows the user's role the same way. Danish stays as it was, byte for byte.
/// </summary>
public sealed class EnglishFormTests(IndgangAppFactory factory) : IClassFixture<IndgangAppFactory>
{
    private const string Register = "/Reception/Register";

    [Fact]
    public async Task Register_EnglishChosen_ErrorsOptionsAndRoleAreEnglish()
    {
        using var coordinator = await EnglishCoordinatorAsync();

        var html = await PostMissingArrivalAndLastNameAsync(coordinator);

        Assert.Contains("<h2 class=\"alert-heading\" id=\"error-summary-heading\">There is a problem</h2>", html, StringComparison.Ordinal);
        Assert.Contains("<a class=\"function-link\" href=\"#Input_ExpectedArrival\">Enter the expected arrival date.</a>", html, StringComparison.Ordinal);
        Assert.Contains(
            "<span class=\"form-error-message\" id=\"Input_ExpectedArrival-error\"><span class=\"sr-only\">Error: </span>Enter the expected arrival date.</span>",
            html, StringComparison.Ordinal);
        Assert.Contains(
            "<span class=\"form-error-message\" id=\"Input_Members_3__LastName-error\"><span class=\"sr-only\">Error: </span>Enter the last name.</span>",
            html, StringComparison.Ordinal);
        Assert.Contains("<option value=\"\">Choose</option>", html, StringComparison.Ordinal);
        Assert.Contains("<option value=\"Female\" selected>Woman</option>", html, StringComparison.Ordinal);
        Assert.Contains("<option value=\"Child\" selected>Child</option>", html, StringComparison.Ordinal);
        Assert.Contains("<p class=\"user\">Mette Holm, Coordinator</p>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Der er problemer", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Angiv forventet ankomstdato.", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Angiv efternavn.", html, StringComparison.Ordinal);
        Assert.DoesNotContain(">Fejl: <", html, StringComparison.Ordinal);
        Assert.DoesNotContain(">Kvinde</option>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Mette Holm, Koordinator", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Register_EnglishChosen_ModelBindingMessageIsEnglish()
    {
        using var coordinator = await EnglishCoordinatorAsync();

        var html = await PostUnreadableBirthDateAsync(coordinator);

        Assert.Contains(
            "<span class=\"form-error-message\" id=\"Input_Members_0__BirthDate-error\"><span class=\"sr-only\">Error: </span>»31-02-1985x« is not a date. Write the date as dd-mm-yyyy, for example 24-12-2026.</span>",
            WebUtility.HtmlDecode(html), StringComparison.Ordinal);
        Assert.DoesNotContain("er ikke en dato", WebUtility.HtmlDecode(html), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Register_NoLanguageChosen_ErrorsOptionsAndRoleStayDanish()
    {
        using var coordinator = await Browser.SignedInAsync(factory, "koordinator");

        var html = await PostMissingArrivalAndLastNameAsync(coordinator);

        Assert.Contains("<h2 class=\"alert-heading\" id=\"error-summary-heading\">Der er problemer</h2>", html, StringComparison.Ordinal);
        Assert.Contains("<a class=\"function-link\" href=\"#Input_ExpectedArrival\">Angiv forventet ankomstdato.</a>", html, StringComparison.Ordinal);
        Assert.Contains(
            "<span class=\"form-error-message\" id=\"Input_ExpectedArrival-error\"><span class=\"sr-only\">Fejl: </span>Angiv forventet ankomstdato.</span>",
            html, StringComparison.Ordinal);
        Assert.Contains(
            "<span class=\"form-error-message\" id=\"Input_Members_3__LastName-error\"><span class=\"sr-only\">Fejl: </span>Angiv efternavn.</span>",
            html, StringComparison.Ordinal);
        Assert.Contains("<option value=\"\">Vælg</option>", html, StringComparison.Ordinal);
        Assert.Contains("<option value=\"Female\" selected>Kvinde</option>", html, StringComparison.Ordinal);
        Assert.Contains("<option value=\"Child\" selected>Barn</option>", html, StringComparison.Ordinal);
        Assert.Contains("<p class=\"user\">Mette Holm, Koordinator</p>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("There is a problem", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Enter the expected arrival date.", html, StringComparison.Ordinal);
        Assert.DoesNotContain(">Error: <", html, StringComparison.Ordinal);
        Assert.DoesNotContain(">Woman</option>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Register_NoLanguageChosen_ModelBindingMessageStaysDanish()
    {
        using var coordinator = await Browser.SignedInAsync(factory, "koordinator");

        var html = await PostUnreadableBirthDateAsync(coordinator);

        Assert.Contains(
            "<span class=\"form-error-message\" id=\"Input_Members_0__BirthDate-error\"><span class=\"sr-only\">Fejl: </span>»31-02-1985x« er ikke en dato. Skriv datoen som dd-mm-åååå, fx 24-12-2026.</span>",
            WebUtility.HtmlDecode(html), StringComparison.Ordinal);
        Assert.DoesNotContain("is not a date", WebUtility.HtmlDecode(html), StringComparison.Ordinal);
    }

    /// <summary>A family whose expected arrival and fourth member's last name are left empty: the validator's messages.</summary>
    private static async Task<string> PostMissingArrivalAndLastNameAsync(Browser coordinator)
    {
        var form = Arrivals.Family("Sprogtest");
        form["Input.ExpectedArrival"] = "";
        form["Input.Members[3].LastName"] = "";
        return await PostAsync(coordinator, form);
    }

    /// <summary>A birth date that cannot be read as a date: the model binder's message.</summary>
    private static async Task<string> PostUnreadableBirthDateAsync(Browser coordinator)
    {
        var form = Arrivals.Family("Datotest");
        form["Input.Members[0].BirthDate"] = "31-02-1985x";
        return await PostAsync(coordinator, form);
    }

    private static async Task<string> PostAsync(Browser coordinator, Dictionary<string, string> form)
    {
        using var response = await coordinator.PostFormAsync(Register, form);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
    }

    /// <summary>The demo coordinator, signed in, who has chosen English with the switch on the registration page.</summary>
    private async Task<Browser> EnglishCoordinatorAsync()
    {
        var coordinator = await Browser.SignedInAsync(factory, "koordinator");
        using var chosen = await coordinator.PostFormAsync("/Culture", new Dictionary<string, string> { ["culture"] = "en-GB", ["returnUrl"] = Register }, formPage: "/");
        Assert.Equal(HttpStatusCode.Redirect, chosen.StatusCode);
        return coordinator;
    }
}

using System.Net;
using Indgang.Tests.Hosting;
using Indgang.Web.Platform;
using Indgang.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Indgang.Web.Tests.Api;

/// <summary>
/// A control character is refused by one rule for every bound string (<see cref="ControlCharacterValidatorProvider"/>),
/// not by a check each page writes: a field no page checks by hand is refused beside it too, with what was typed kept and
/// nothing saved; a NUL typed into registration is said beside the field instead of the 400 page.
/// </summary>
public sealed class ControlCharactersEveryFieldTests(IndgangAppFactory factory) : IClassFixture<IndgangAppFactory>
{
    [Fact]
    public async Task NewUsersPassword_WithAControlCharacter_IsRefusedBesideTheField_NoUserCreated()
    {
        using var admin = await Browser.SignedInAsync(factory, "admin");

        using var refused = await admin.PostFormAsync("/Admin/Users/Create", new Dictionary<string, string>
        {
            ["Input.UserName"] = "styretegn-kode",
            ["Input.DisplayName"] = "Styretegn Kode",
            ["Input.Password"] = "Godt-Kodeord-1\u0007",
            ["Input.Roles"] = "Coordinator",
        });
        var html = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains(FieldErrors.Beside("Input_Password", ControlCharacters.Refused), html, StringComparison.Ordinal);
        Assert.Contains(FieldErrors.InTheSummary("Input_Password", ControlCharacters.Refused), html, StringComparison.Ordinal);
        Assert.Contains("value=\"Styretegn Kode\"", html, StringComparison.Ordinal);
        Assert.False(await factory.QueryAsync(db => db.Users.AnyAsync(u => u.UserName == "styretegn-kode")));
    }

    [Theory]
    [InlineData("Input.Members[0].FirstName", "Input_Members_0__FirstName", "Am\u0000al")]
    [InlineData("Input.Members[0].Nationality", "Input_Members_0__Nationality", "Syrien\u0000")]
    [InlineData("Input.HouseholdName", "Input_HouseholdName", "Familien\u0000 Nul")]
    public async Task Register_NulInAField_IsRefusedBesideTheField_WhatWasTypedKept(string field, string id, string typed)
    {
        using var coordinator = await Browser.SignedInAsync(factory, "koordinator");
        var form = Arrivals.Family($"Nultegn{id.Length}");
        form[field] = typed;

        using var refused = await coordinator.PostFormAsync("/Reception/Register", form);
        var html = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains(FieldErrors.Beside(id, ControlCharacters.Refused), html, StringComparison.Ordinal);
        Assert.Contains(FieldErrors.InTheSummary(id, ControlCharacters.Refused), html, StringComparison.Ordinal);
        Assert.Contains($"value=\"{form["Input.Members[0].LastName"]}\"", html, StringComparison.Ordinal);
        Assert.False(await factory.QueryAsync(db => db.Persons.AnyAsync(p => p.LastName == form["Input.Members[0].LastName"])));
    }

    /// <summary>
    /// The pipeline page's association is checked by model validation and by the check it shares with the API
    /// (PipelineFields): the message is said once beside the field, and nothing is saved.
    /// </summary>
    [Fact]
    public async Task PipelineRegistration_ControlCharacterInTheAssociation_SaidOnceBesideTheField()
    {
        var household = await factory.RegisterSingleAsync("Styretegnopskrivning");
        using var housing = await Browser.SignedInAsync(factory, "bolig");

        using var refused = await housing.PostFormAsync("/Housing/Pipeline?handler=Registration", new Dictionary<string, string>
        {
            ["HouseholdId"] = household.ToString(), ["Association"] = "Allerød\u0001 Boligselskab", ["RegisteredOn"] = Arrivals.Iso(Arrivals.Today),
        }, formPage: "/Housing/Pipeline");
        var html = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Equal(1, Occurrences(html, FieldErrors.Beside("Association", ControlCharacters.Refused)));
        Assert.Equal(1, Occurrences(html, FieldErrors.InTheSummary("Association", ControlCharacters.Refused)));
        Assert.False(await factory.QueryAsync(db => db.HousingRegistrations.AnyAsync(r => r.HouseholdId == household)));
    }

    /// <summary>A hidden field (the address to go back to after signing in) with a control character is no server error.</summary>
    [Fact]
    public async Task Login_ReturnUrlWithAControlCharacter_IsNoServerError()
    {
        using var browser = Browser.For(factory);
        using var response = await browser.PostFormAsync("/Account/Login", new Dictionary<string, string>
        {
            ["Input.UserName"] = "koordinator", ["Input.Password"] = Browser.DemoPassword, ["ReturnUrl"] = "/Tasks\u0001",
        });

        Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.Redirect, $"{response.StatusCode}");
    }

    private static int Occurrences(string html, string text) => html.Split(text).Length - 1;
}

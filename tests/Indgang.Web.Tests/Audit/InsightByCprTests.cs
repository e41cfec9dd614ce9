using System.Net;
using AngleSharp.Html.Parser;
using Indgang.Domain.Audit;
using Indgang.Tests.Hosting;
using Indgang.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Indgang.Web.Tests.Audit;

/// <summary>
/// An insight request names the citizen by their CPR number: the administrator finds the log by it, posted, so that the
/// number never stands in an address (browser history, logs). The log is then shown by the person's id; a number that
/// names nobody, or is not a CPR number or an id, is told beside the field with what was typed kept.
/// </summary>
public sealed class InsightByCprTests(IndgangAppFactory factory) : IClassFixture<IndgangAppFactory>
{
    private static readonly HtmlParser Parser = new();

    [Fact]
    public async Task CprNumberOfACitizen_ShowsTheirLog_ByIdInTheAddress()
    {
        var citizen = await factory.QueryAsync(db => db.Persons.AsNoTracking().Where(p => p.Cpr != null).OrderBy(p => p.FirstName).FirstAsync());
        var (person, digits) = (citizen.Id, citizen.Cpr!.Formatted);
        using var admin = await Browser.SignedInAsync(factory, "admin");

        using var found = await FindAsync(admin, digits);

        Assert.Equal(HttpStatusCode.Redirect, found.StatusCode);
        var location = found.Headers.Location!.OriginalString;
        Assert.Equal($"/Admin/Audit?PersonId={person:D}", location);
        Assert.DoesNotContain(digits[..6], location, StringComparison.Ordinal);
        var page = Parser.ParseDocument(await admin.GetPageAsync(location));
        Assert.NotNull(page.QuerySelector("table tbody tr"));
        Assert.Equal(person.ToString("D"), page.QuerySelector("input#Citizen")?.GetAttribute("value"));
    }

    [Theory]
    [InlineData("010101-0000", "Der er ingen borger med det CPR-nummer.")]
    [InlineData("ikke et nummer", "Angiv CPR-nummeret som ddmmåå-xxxx, eller borgerens id fra sagen.")]
    [InlineData("", "Angiv borgerens CPR-nummer eller id.")]
    public async Task NoCitizenFound_ToldBesideTheField_WhatWasTypedKept(string typed, string message)
    {
        using var admin = await Browser.SignedInAsync(factory, "admin");

        using var refused = await FindAsync(admin, typed);

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var page = Parser.ParseDocument(await refused.Content.ReadAsStringAsync());
        Assert.Equal($"Fejl: {message}", page.GetElementById("Citizen-error")?.TextContent);
        Assert.Equal(typed, page.QuerySelector("input#Citizen")?.GetAttribute("value") ?? "");
        Assert.Null(page.QuerySelector("table"));
    }

    [Fact]
    public async Task CprNumberOfNobody_TheSearchIsLogged_WithoutTheNumber()
    {
        using var admin = await Browser.SignedInAsync(factory, "admin");
        var before = await factory.QueryAsync(db => db.AuditEntries.Select(e => e.Sequence).MaxAsync());

        using var refused = await FindAsync(admin, "020202-0000");

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var logged = await factory.QueryAsync(db => db.AuditEntries.AsNoTracking().Where(e => e.Sequence > before && e.Action == AuditAction.AuditLogSearched).ToListAsync());
        var entry = Assert.Single(logged);
        Assert.Equal(("admin", (Guid?)null, "Indsigt i opslag (revisionslog): søgning på CPR-nummer", "ingen borger fundet"), (entry.Actor, entry.SubjectPersonId, entry.Purpose, entry.Details));
        Assert.DoesNotContain("020202", entry.Details + entry.Purpose, StringComparison.Ordinal);
    }

    private static Task<HttpResponseMessage> FindAsync(Browser admin, string citizen) =>
        admin.PostFormAsync("/Admin/Audit?handler=Find", new Dictionary<string, string> { ["Citizen"] = citizen }, formPage: "/Admin/Audit");
}

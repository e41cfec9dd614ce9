using System.Net;
using Indgang.Domain.Audit;
using Indgang.Tests.Hosting;
using Indgang.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Indgang.Web.Tests.Security;

/// <summary>Need-to-know: the wrong role is refused, and a refused look-up reads nothing.</summary>
public sealed class RoleAccessTests(IndgangAppFactory factory) : IClassFixture<IndgangAppFactory>
{
    [Theory]
    [InlineData("leder")]
    [InlineData("admin")]
    [InlineData("frivillig")]
    public async Task PersonPage_RoleWithoutNeed_Returns403AndWritesNoRead(string userName)
    {
        var omar = await factory.PersonIdAsync("Omar");
        using var browser = await Browser.SignedInAsync(factory, userName);
        var readsBefore = await factory.AuditCountAsync(AuditAction.PersonRead, omar);

        using var page = await browser.GetAsync($"/People/{omar}");
        using var api = await browser.GetAsync($"/api/v1/people/{omar}");

        Assert.Equal(HttpStatusCode.Forbidden, page.StatusCode);
        Assert.Contains("Ingen adgang", WebUtility.HtmlDecode(await page.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, api.StatusCode);
        Assert.Equal(readsBefore, await factory.AuditCountAsync(AuditAction.PersonRead, omar));
    }

    [Theory]
    [InlineData("koordinator", "/Admin/Users")]
    [InlineData("leder", "/Admin/Audit")]
    public async Task Page_WrongRole_Returns403(string userName, string url)
    {
        using var browser = await Browser.SignedInAsync(factory, userName);
        using var response = await browser.GetAsync(url);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task HouseholdPage_DepartmentWorkerWithoutTaskForTheHousehold_Returns403()
    {
        // A single adult: the school and daycare department has no task for him.
        var tesfay = await factory.QueryAsync(db => db.Households.Where(h => h.Name == "Tesfay Gebremedhin").Select(h => h.Id).SingleAsync());
        var tesfayPerson = await factory.PersonIdAsync("Tesfay");
        using var browser = await Browser.SignedInAsync(factory, "skole");

        using var household = await browser.GetAsync($"/Households/{tesfay}");
        using var person = await browser.GetAsync($"/People/{tesfayPerson}");

        Assert.Equal(HttpStatusCode.Forbidden, household.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, person.StatusCode);
    }

    [Fact]
    public async Task HouseholdPage_DepartmentWorkerWithTask_SeesOnlyOwnDepartmentsTasksAndNoDeadlines()
    {
        var haddad = await factory.QueryAsync(db => db.Households.Where(h => h.Name == "Familien Haddad").Select(h => h.Id).SingleAsync());
        using var browser = await Browser.SignedInAsync(factory, "skole");

        var html = WebUtility.HtmlDecode(await browser.GetPageAsync($"/Households/{haddad}"));

        Assert.Contains("Tilbud om skole eller dagtilbud – Omar", html, StringComparison.Ordinal);
        Assert.DoesNotContain("data-task-type=\"LeaseContract\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"deadlines\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MyHouseholdsApi_Manager_Returns403()
    {
        using var browser = await Browser.SignedInAsync(factory, "leder");
        using var response = await browser.GetAsync("/api/v1/households/mine");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task ManagerStartPage_ShowsAggregatesOnly()
    {
        using var browser = await Browser.SignedInAsync(factory, "leder");
        var html = WebUtility.HtmlDecode(await browser.GetPageAsync("/"));

        Assert.Contains("Nøgletal", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Haddad", html, StringComparison.Ordinal);
        Assert.DoesNotContain("/People/", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CoordinatorStartPage_ListsOwnHouseholds()
    {
        using var browser = await Browser.SignedInAsync(factory, "koordinator");
        var html = WebUtility.HtmlDecode(await browser.GetPageAsync("/"));

        Assert.Contains("Mine husstande", html, StringComparison.Ordinal);
        Assert.Contains("Familien Haddad", html, StringComparison.Ordinal);
        Assert.Contains("Familien Kovalenko", html, StringComparison.Ordinal);
        Assert.Contains("Mette Holm", html, StringComparison.Ordinal);
    }
}

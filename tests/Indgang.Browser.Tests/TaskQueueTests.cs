using System.Text.RegularExpressions;
using Indgang.Domain.Reception;
using Indgang.Domain.Tasks;
using Indgang.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Indgang.Browser.Tests;

/// <summary>
/// A department's long work list as its worker goes through it: a page of 25 at a time, the overdue tasks of one
/// household found through the filter, a task taken on the second page and the answer on the same page and filter;
/// checked with axe-core on a wide screen and a phone's.
/// </summary>
public sealed class TaskQueueTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private const string Household = "Familien Haddad";

    [Fact]
    public Task LongWorkList_PagedFilteredAndActedOn_KeepsItsPlace_WithoutWcagViolations() =>
        browser.RunAsync(async page =>
        {
            await AddOverdueSchoolTasksAsync(40);
            await SignInPage.SignInAsync(page, "skole");
            await page.GetByRole(AriaRole.Navigation, new() { Name = "Hovedmenu", Exact = true })
                .GetByRole(AriaRole.Link, new() { Name = "Opgaver", Exact = true }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Opgaver for Skole- og dagtilbud", Level = 1 })).ToBeVisibleAsync();
            var pagination = page.GetByRole(AriaRole.Navigation, new() { Name = "Sider", Exact = true });
            await Expect(pagination.GetByRole(AriaRole.Link, new() { Name = "Side 1", Exact = true })).ToHaveAttributeAsync("aria-current", "page");
            await Expect(page.Locator(".queue-count")).ToContainTextAsync(new Regex(@"^Viser 1–25 af \d+ opgaver\.$"));
            await Expect(page.GetByRole(AriaRole.Article)).ToHaveCountAsync(25);
            await Axe.AssertNoViolationsAsync(page);

            // The overdue tasks of one household: 40, on two pages.
            await page.GetByLabel(new Regex(@"^Overskredne \(\d+\)$")).CheckAsync();
            await page.GetByLabel("Søg efter husstand", new() { Exact = true }).FillAsync("haddad");
            await page.GetByRole(AriaRole.Button, new() { Name = "Vis", Exact = true }).ClickAsync();
            await Expect(page.Locator(".queue-count")).ToHaveTextAsync("Viser 1–25 af 40 opgaver.");
            await pagination.GetByRole(AriaRole.Link, new() { Name = "Næste side", Exact = true }).ClickAsync();
            await Expect(page.Locator(".queue-count")).ToHaveTextAsync("Viser 26–40 af 40 opgaver.");
            await Expect(pagination.GetByRole(AriaRole.Link, new() { Name = "Side 2", Exact = true })).ToHaveAttributeAsync("aria-current", "page");
            await Axe.AssertNoViolationsAsync(page);

            // Taken on page 2: the answer is page 2 of the same filter, the task now taken.
            await page.GetByRole(AriaRole.Button, new() { NameRegex = new Regex(@"^Tag opgaven\s*: Skoleopgave 30$") }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Opgaven er taget." })).ToBeVisibleAsync();
            await Expect(pagination.GetByRole(AriaRole.Link, new() { Name = "Side 2", Exact = true })).ToHaveAttributeAsync("aria-current", "page");
            await Expect(page.GetByLabel(new Regex(@"^Overskredne \(40\)$"))).ToBeCheckedAsync();
            await Expect(page.GetByLabel("Søg efter husstand", new() { Exact = true })).ToHaveValueAsync("haddad");
            await Expect(page.GetByRole(AriaRole.Article).Filter(new() { HasText = "Skoleopgave 30" })).ToContainTextAsync("Taget af Anne Berg");
            await Expect(page.GetByRole(AriaRole.Button, new() { NameRegex = new Regex(@"^Læg tilbage\s*: Skoleopgave 30$") })).ToBeVisibleAsync();

            // On a phone the page numbers give way to "Side 2 af 2", and nothing is wider than the screen.
            await page.SetViewportSizeAsync(390, 844);
            await Expect(pagination.GetByText("Side 2 af 2", new() { Exact = true })).ToBeVisibleAsync();
            var widths = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]");
            Assert.True(widths[0] <= widths[1], $"The page is {widths[0]} px wide on a {widths[1]} px screen.");
            await Axe.AssertNoViolationsAsync(page);
        });

    /// <summary>School tasks for the demo's Haddads, all overdue: "Skoleopgave 01" the longest.</summary>
    private async Task AddOverdueSchoolTasksAsync(int count)
    {
        await using var scope = browser.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IndgangDbContext>();
        var school = await db.Departments.Where(d => d.Code == "skole-dagtilbud").Select(d => d.Id).SingleAsync();
        var household = await db.Households.Where(h => h.Name == Household).Select(h => h.Id).SingleAsync();
        var today = DateOnly.FromDateTime(DateTime.Now);
        db.Tasks.AddRange(Enumerable.Range(1, count).Select(i =>
            new CaseTask(household, null, TaskType.StartPackage, school, $"Skoleopgave {i:00}", today.AddDays(-100 + i))));
        await db.SaveChangesAsync();
    }
}

using System.Text.RegularExpressions;
using Indgang.Domain.People;
using Indgang.Domain.Reception;
using Indgang.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Indgang.Browser.Tests;

/// <summary>
/// The coordinator's long list of households on the start page as she goes through it: a page of 25 at a time, found by
/// name, a CPR number refused; checked with axe-core on a wide screen and a phone's.
/// </summary>
public sealed class CoordinatorHouseholdListTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public Task LongHouseholdList_PagedAndSearched_WithoutWcagViolations() =>
        browser.RunAsync(async page =>
        {
            await AddHouseholdsAsync(30);
            await SignInPage.SignInAsync(page, "koordinator");
            var list = page.GetByRole(AriaRole.Region, new() { Name = "Mine husstande", Exact = true });
            var pagination = list.GetByRole(AriaRole.Navigation, new() { Name = "Sider: Mine husstande", Exact = true });
            await Expect(list.Locator(".household-count")).ToHaveTextAsync(new Regex(@"^Viser 1–25 af \d+ husstande\.$"));
            await Expect(list.GetByRole(AriaRole.Table).Locator("tbody tr")).ToHaveCountAsync(25);
            await Expect(pagination.GetByRole(AriaRole.Link, new() { Name = "Side 1", Exact = true })).ToHaveAttributeAsync("aria-current", "page");
            await Axe.AssertNoViolationsAsync(page);

            await pagination.GetByRole(AriaRole.Link, new() { Name = "Næste side", Exact = true }).ClickAsync();
            await Expect(pagination.GetByRole(AriaRole.Link, new() { Name = "Side 2", Exact = true })).ToHaveAttributeAsync("aria-current", "page");
            Assert.Equal("#my-households", new Uri(page.Url).Fragment);

            // Ten of the thirty: Testhus 20 to 29, on one page.
            await list.GetByLabel("Søg efter husstand", new() { Exact = true }).FillAsync("testhus 2");
            await list.GetByRole(AriaRole.Button, new() { Name = "Søg", Exact = true }).ClickAsync();
            await Expect(list.Locator(".household-count")).ToHaveTextAsync("Viser 10 husstande.");
            await Expect(list.GetByRole(AriaRole.Link, new() { Name = "Testhus 20", Exact = true })).ToBeVisibleAsync();
            await Expect(pagination).ToHaveCountAsync(0);
            await Axe.AssertNoViolationsAsync(page);

            // A CPR number is not searched for, and leaves the address at once.
            await list.GetByLabel("Søg efter husstand", new() { Exact = true }).FillAsync("010190-1234");
            await list.GetByRole(AriaRole.Button, new() { Name = "Søg", Exact = true }).ClickAsync();
            var field = list.GetByLabel("Søg efter husstand", new() { Exact = true });
            await Expect(field).ToHaveAttributeAsync("aria-invalid", "true");
            await Expect(field).ToHaveAccessibleDescriptionAsync(new Regex("Søg på navn, ikke på CPR-nummer\\.$"));
            await Expect(field).ToHaveValueAsync("");
            Assert.DoesNotContain("010190", page.Url, StringComparison.Ordinal);
            await Axe.AssertNoViolationsAsync(page);

            // On a phone the page numbers give way to "Side 1 af 2", and nothing is wider than the screen.
            await page.SetViewportSizeAsync(390, 844);
            await Expect(pagination.GetByText("Side 1 af 2", new() { Exact = true })).ToBeVisibleAsync();
            var widths = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]");
            Assert.True(widths[0] <= widths[1], $"The page is {widths[0]} px wide on a {widths[1]} px screen.");
            await Axe.AssertNoViolationsAsync(page);
        });

    /// <summary>Households of the demo coordinator's, "Testhus 01" and on, expected in two months: nothing of theirs is due.</summary>
    private async Task AddHouseholdsAsync(int count)
    {
        await using var scope = browser.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IndgangDbContext>();
        var coordinator = await db.Users.Where(u => u.UserName == "koordinator").Select(u => u.Id).SingleAsync();
        var expected = DateOnly.FromDateTime(DateTime.Now).AddMonths(2);
        db.Households.AddRange(Enumerable.Range(1, count).Select(i =>
        {
            var household = new Household($"Testhus {i:00}", coordinator) { RegisteredAt = DateTimeOffset.UtcNow };
            household.SetArrival(expected, null);
            household.AddMember(new Person("Ali", $"Testhus {i:00}", new DateOnly(1990, 1, 1), Gender.Male) { Basis = ResidenceBasis.QuotaRefugee });
            return household;
        }));
        await db.SaveChangesAsync();
    }
}

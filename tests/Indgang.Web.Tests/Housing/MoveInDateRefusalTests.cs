using Indgang.Domain.Housing;
using Indgang.Tests.Hosting;
using Indgang.Web.Tests.Infrastructure;

namespace Indgang.Web.Tests.Housing;

/// <summary>
/// The unit page's move-in form shows a refusal beside the field it is about (HOUSE-2): one about the day (the unit is
/// free only later) beside »Indflytningsdato«, one about the household (it is too big) beside »Husstand«; what was
/// chosen stays in the form.
/// </summary>
public sealed class MoveInDateRefusalTests(IndgangAppFactory factory) : IClassFixture<IndgangAppFactory>
{
    [Fact]
    public async Task MoveInBeforeTheUnitIsFree_RefusedBesideTheDate_NotTheHousehold()
    {
        var today = Arrivals.Today;
        var unit = await factory.QueryAsync(async db =>
        {
            var u = db.HousingUnits.Add(new HousingUnit(await db.SomeSiteIdAsync(), "Datofejl 1", 1, 2, 2000m) { AvailableFrom = today.AddDays(10) }).Entity;
            await db.SaveChangesAsync();
            return u.Id;
        });
        var household = await factory.RegisterSingleAsync("Datofejlsen");
        using var housing = await Browser.SignedInAsync(factory, "bolig");

        var html = await PostMoveInAsync(housing, unit, household, today.AddDays(2));

        // The day it is free, to choose a move-in from.
        var free = today.AddDays(10).ToString("d. MMMM yyyy", new System.Globalization.CultureInfo("da-DK"));
        Assert.Contains($"id=\"MoveInOn-error\"><span class=\"sr-only\">Fejl: </span>Boligen er først ledig fra {free}.", html, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"HouseholdId-error\"", html, StringComparison.Ordinal);
        Assert.Contains($"value=\"{Arrivals.Iso(today.AddDays(2))}\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HouseholdTooBig_RefusedBesideTheHousehold_NotTheDate()
    {
        var unit = await factory.UnitOfItsOwnAsync("Datofejl 2", beds: 1);
        var family = await factory.RegisterFamilyAsync("Datofejlfamilie");
        using var housing = await Browser.SignedInAsync(factory, "bolig");

        var html = await PostMoveInAsync(housing, unit, family, Arrivals.Today);

        Assert.Contains("id=\"HouseholdId-error\"><span class=\"sr-only\">Fejl: </span>Der er kun 1 ledig seng", html, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"MoveInOn-error\"", html, StringComparison.Ordinal);
    }

    private static async Task<string> PostMoveInAsync(Browser housing, Guid unit, Guid household, DateOnly day)
    {
        using var refused = await housing.PostFormAsync($"/Housing/Units/{unit}?handler=MoveIn",
            new Dictionary<string, string> { ["HouseholdId"] = household.ToString(), ["MoveInOn"] = Arrivals.Iso(day) }, formPage: $"/Housing/Units/{unit}");
        return System.Net.WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());
    }
}

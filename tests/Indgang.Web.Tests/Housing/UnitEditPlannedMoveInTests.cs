using System.Globalization;
using System.Net;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Indgang.Domain.Audit;
using Indgang.Domain.Housing;
using Indgang.Tests.Hosting;
using Indgang.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Indgang.Web.Tests.Housing;

/// <summary>
/// Editing a unit a household is still to move into (HOUSE-1): the edit may not put the unit in a vulnerable housing area,
/// block it, or make it free only after the move-in day; the refusal names the household and the day beside the field,
/// keeps what was typed and saves nothing. Other edits are saved as before.
/// </summary>
public sealed class UnitEditPlannedMoveInTests(IndgangAppFactory factory) : IClassFixture<IndgangAppFactory>
{
    private static readonly HtmlParser Parser = new();
    private static readonly DateOnly MoveIn = Arrivals.Today.AddDays(10);
    private static readonly string MoveInDay = MoveIn.ToString("d. MMMM yyyy", CultureInfo.GetCultureInfo("da-DK"));

    [Fact]
    public async Task Edit_VulnerableAreaWithMoveInAhead_IsRefusedBesideTheField_NothingSaved()
    {
        var unit = await PlannedAsync("Planlagt udsat 1", "Planudsat");
        using var housing = await Browser.SignedInAsync(factory, "bolig");

        using var response = await UnitEditResidentsTests.PostAsync(housing, unit, form => form["Input.InVulnerableArea"] = "true");
        var page = await RefusedAsync(response, "Input_InVulnerableArea",
            $"Familien Planudsat skal flytte ind {MoveInDay}, og en bolig i et udsat boligområde må ikke anvendes (integrationsloven § 12). Fortryd indflytningen på boligens side først, og find en anden bolig til husstanden.");

        Assert.True(((IHtmlInputElement)page.GetElementById("Input_InVulnerableArea")!).IsChecked);
        Assert.False((await UnitAsync(unit.Id)).InVulnerableArea);

        // The refusal names the household: recorded as a read of it, as the unit's page records its residents.
        var household = await factory.QueryAsync(db => db.Occupancies.Where(o => o.UnitId == unit.Id).Select(o => o.HouseholdId).SingleAsync());
        Assert.True(await factory.QueryAsync(db => db.AuditEntries.AnyAsync(e => e.Action == AuditAction.HouseholdRead
            && e.Details == Web.Audit.AuditLog.Household(household, $", bolig {unit.Id:D} ({unit.Label})"))));
    }

    [Fact]
    public async Task Edit_BlockedWithMoveInAhead_IsRefusedBesideTheField_NothingSaved()
    {
        var unit = await PlannedAsync("Planlagt spærret 1", "Planspærret");
        using var housing = await Browser.SignedInAsync(factory, "bolig");

        using var response = await UnitEditResidentsTests.PostAsync(housing, unit, form => form["Input.BlockedReason"] = "Vandskade i badeværelset");
        var page = await RefusedAsync(response, "Input_BlockedReason",
            $"Familien Planspærret skal flytte ind {MoveInDay}, og en spærret bolig kan ikke bruges. Fortryd indflytningen på boligens side først, og find en anden bolig til husstanden.");

        Assert.Equal("Vandskade i badeværelset", ((IHtmlInputElement)page.GetElementById("Input_BlockedReason")!).Value);
        var kept = await UnitAsync(unit.Id);
        Assert.Equal(UnitStatus.Available, kept.Status);
        Assert.Null(kept.BlockedReason);
    }

    [Fact]
    public async Task Edit_FreeOnlyAfterTheMoveInAhead_IsRefusedBesideTheField_NothingSaved()
    {
        var unit = await PlannedAsync("Planlagt ledig 1", "Planledig");
        using var housing = await Browser.SignedInAsync(factory, "bolig");

        using var response = await UnitEditResidentsTests.PostAsync(housing, unit, form => form["Input.AvailableFrom"] = Arrivals.Iso(MoveIn.AddDays(1)));
        var page = await RefusedAsync(response, "Input_AvailableFrom",
            $"Familien Planledig skal flytte ind {MoveInDay}; boligen kan ikke først være ledig efter den dag. Angiv den dag eller tidligere, eller fortryd indflytningen på boligens side først.");

        Assert.Equal(Arrivals.Iso(MoveIn.AddDays(1)), ((IHtmlInputElement)page.GetElementById("Input_AvailableFrom")!).Value);
        Assert.Equal(unit.AvailableFrom, (await UnitAsync(unit.Id)).AvailableFrom);

        // To a user who has chosen English: in English, the day written the English way.
        using var english = await Browser.SignedInEnglishAsync(factory, "bolig");
        using var inEnglish = await UnitEditResidentsTests.PostAsync(english, unit, form => form["Input.AvailableFrom"] = Arrivals.Iso(MoveIn.AddDays(1)));
        var englishPage = await Parser.ParseDocumentAsync(await inEnglish.Content.ReadAsStringAsync());
        Assert.Equal($"Error: Familien Planledig is to move in on {MoveIn.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("en-GB"))}; the unit cannot become free only after that day."
            + " Give that day or earlier, or undo the move-in on the unit's page first.", englishPage.GetElementById("Input_AvailableFrom-error")?.TextContent.Trim());
    }

    [Fact]
    public async Task Edit_MoveInAhead_RentAndFreeDayOnTheMoveInAreSaved()
    {
        var unit = await PlannedAsync("Planlagt husleje 1", "Planhusleje");
        using var housing = await Browser.SignedInAsync(factory, "bolig");

        using var saved = await UnitEditResidentsTests.PostAsync(housing, unit, form =>
        {
            form["Input.MonthlyRent"] = "1800";
            form["Input.AvailableFrom"] = Arrivals.Iso(MoveIn);
        });

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var kept = await UnitAsync(unit.Id);
        Assert.Equal(1800m, kept.MonthlyRent);
        Assert.Equal(MoveIn, kept.AvailableFrom);
        Assert.Equal(1, await factory.QueryAsync(db => db.Occupancies.CountAsync(o => o.UnitId == unit.Id && o.MovedInOn == MoveIn && o.MovedOutOn == null)));
    }

    /// <summary>A unit of the test's own that a family (named after <paramref name="lastName"/>) moves into 10 days from today.</summary>
    private async Task<HousingUnit> PlannedAsync(string label, string lastName)
    {
        var unit = await factory.UnitOfItsOwnAsync(label, beds: 4);
        var family = await factory.RegisterFamilyAsync(lastName);
        await factory.MovedInAsync(unit, family, MoveIn);
        return await UnitAsync(unit);
    }

    /// <summary>The page again, the message beside the field and linked to it from the error summary at the top.</summary>
    private static async Task<IHtmlDocument> RefusedAsync(HttpResponseMessage response, string field, string message)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Parser.ParseDocumentAsync(await response.Content.ReadAsStringAsync());
        Assert.Equal("Fejl: " + message, page.GetElementById($"{field}-error")?.TextContent.Trim());
        Assert.Contains(page.QuerySelectorAll(".alert-error a"), a => a.GetAttribute("href") == $"#{field}" && a.TextContent.Trim() == message);
        return page;
    }

    private Task<HousingUnit> UnitAsync(Guid id) => factory.QueryAsync(db => db.HousingUnits.AsNoTracking().SingleAsync(u => u.Id == id));
}

using System.Net;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Indgang.Domain.Housing;
using Indgang.Tests.Hosting;
using Indgang.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Indgang.Web.Tests.Housing;

/// <summary>
/// Whether a unit is temporary or permanent decides what its residents' stay is (the household's page, the pipeline, the
/// forecast) and what the placement asks of it: not to be changed while a household lives there or is to move in, as
/// whole unit or shared room is not (found by the housing coordinator's review: Pavillon 2 made permanent under a
/// household due to move in; its unit page said "Permanent", the household's "Midlertidig").
/// </summary>
public sealed class UnitPermanenceWithResidentsTests(IndgangAppFactory factory) : IClassFixture<IndgangAppFactory>
{
    private static readonly HtmlParser Parser = new();
    private const string Refusal = "Der bor nogen i boligen, eller nogen skal flytte ind. Om den er permanent eller midlertidig, kan først ændres, når de er flyttet ud, eller indflytningen er fortrudt.";

    [Fact]
    public async Task Edit_TemporaryUnitWithMoveInAhead_MadePermanent_IsRefusedBesideTheBox_NothingSaved()
    {
        var unit = await factory.UnitOfItsOwnAsync("Permanens planlagt 1", beds: 4);
        await factory.MovedInAsync(unit, await factory.RegisterFamilyAsync("Permanensplan"), Arrivals.Today.AddDays(10));
        using var housing = await Browser.SignedInAsync(factory, "bolig");

        using var response = await UnitEditResidentsTests.PostAsync(housing, await UnitAsync(unit), form => form["Input.IsPermanent"] = "true");

        var page = await RefusedAsync(response);
        Assert.True(((IHtmlInputElement)page.GetElementById("Input_IsPermanent")!).IsChecked);
        Assert.False((await UnitAsync(unit)).IsPermanent);
    }

    [Fact]
    public async Task Edit_PermanentUnitLivedIn_MadeTemporary_IsRefused_OtherEditsSaved()
    {
        var (unit, _, _) = await factory.HousedSingleAsync("Permanens beboet 1", "Permanensbor", daysAgo: 5, isPermanent: true);
        using var housing = await Browser.SignedInAsync(factory, "bolig");

        using var response = await UnitEditResidentsTests.PostAsync(housing, await UnitAsync(unit), form => form["Input.IsPermanent"] = "false");

        await RefusedAsync(response);
        Assert.True((await UnitAsync(unit)).IsPermanent);

        // Kept permanent, the rent can still be changed.
        using var saved = await UnitEditResidentsTests.PostAsync(housing, await UnitAsync(unit), form => form["Input.MonthlyRent"] = "2300");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var kept = await UnitAsync(unit);
        Assert.True(kept.IsPermanent);
        Assert.Equal(2300m, kept.MonthlyRent);
    }

    /// <summary>The page again, the message beside the box and linked to it from the error summary at the top.</summary>
    private static async Task<IHtmlDocument> RefusedAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Parser.ParseDocumentAsync(await response.Content.ReadAsStringAsync());
        Assert.Equal("Fejl: " + Refusal, page.GetElementById("Input_IsPermanent-error")?.TextContent.Trim());
        Assert.Contains(page.QuerySelectorAll(".alert-error a"), a => a.GetAttribute("href") == "#Input_IsPermanent" && a.TextContent.Trim() == Refusal);
        return page;
    }

    private Task<HousingUnit> UnitAsync(Guid id) => factory.QueryAsync(db => db.HousingUnits.AsNoTracking().SingleAsync(u => u.Id == id));
}

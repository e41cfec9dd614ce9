using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Indgang.Tests.Hosting;
using Indgang.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Indgang.Web.Tests.Housing;

/// <summary>
/// From a household's case the housing coordinator goes on to the housing pages with that household chosen: the
/// placement with only it ticked, while it waits for a home, and the registration and offer forms of the way to a
/// permanent home, while it is on it. Other roles, who may not open those pages, are not offered the links.
/// </summary>
public sealed class CaseToHousingLinkTests(IndgangAppFactory factory) : IClassFixture<IndgangAppFactory>
{
    private const string FindAHome = "Find en bolig til husstanden";
    private const string Permanent = "Skriv op til en permanent bolig eller registrér et tilbud";
    private static readonly HtmlParser Parser = new();

    [Fact]
    public async Task WaitingHousehold_TheCaseLinksToThePlacement_WithOnlyItTicked()
    {
        var household = await factory.RegisterFamilyAsync("Sagslink");
        using var housing = await Browser.SignedInAsync(factory, "bolig");

        var section = await HousingSectionAsync(housing, household);
        var placement = Link(section, FindAHome);

        var page = Parser.ParseDocument(await housing.GetPageAsync(placement));
        var ticked = page.QuerySelectorAll("input[type=checkbox][name=Households]").Where(c => c.HasAttribute("checked")).Select(c => c.GetAttribute("value")).ToList();
        Assert.Equal([household.ToString()], ticked);
        Assert.True(page.QuerySelectorAll("input[type=checkbox][name=Households]").Length > 1, "Only one household waits, so the test proves nothing.");
    }

    [Fact]
    public async Task TheCaseLinksToThePermanentHousingForms_WithTheHouseholdChosenInBoth()
    {
        var household = await factory.RegisterFamilyAsync("Opskrivningslink");
        using var housing = await Browser.SignedInAsync(factory, "bolig");

        var pipeline = Link(await HousingSectionAsync(housing, household), Permanent);

        Assert.EndsWith("#registration", pipeline, StringComparison.Ordinal);
        var page = Parser.ParseDocument(await housing.GetPageAsync(pipeline));
        Assert.NotNull(page.GetElementById("registration"));
        Assert.Equal(household.ToString(), page.QuerySelector("form input[type=hidden][name=HouseholdId]")?.GetAttribute("value"));
        Assert.Equal(household.ToString(), page.QuerySelector("form input[type=hidden][name=OfferHouseholdId]")?.GetAttribute("value"));
    }

    /// <summary>
    /// Opened from the case, the forms go back to it: called off, saved, and once more after a refusal (which keeps where
    /// it came from). Opened from a row of the pipeline, they go back to the pipeline (<see cref="PipelineChosenHouseholdTests"/>).
    /// </summary>
    [Fact]
    public async Task FromTheCase_TheFormsLeadBackToTheCase_CalledOffOrSaved()
    {
        var household = await factory.RegisterFamilyAsync("Opskrivningtilbage");
        using var housing = await Browser.SignedInAsync(factory, "bolig");
        var pipeline = Link(await HousingSectionAsync(housing, household), Permanent);
        var page = Parser.ParseDocument(await housing.GetPageAsync(pipeline));
        Assert.Equal([$"/Households/{household}", $"/Households/{household}"], page.QuerySelectorAll(".form-actions a.function-link").Select(a => a.GetAttribute("href")));

        using var refused = await housing.PostFormAsync("/Housing/Pipeline?handler=Registration", new Dictionary<string, string>
        {
            ["HouseholdId"] = household.ToString(), ["fra"] = "sag", ["Association"] = "", ["RegisteredOn"] = Arrivals.Iso(Arrivals.Today),
        }, formPage: pipeline);
        var again = Parser.ParseDocument(await refused.Content.ReadAsStringAsync());
        Assert.NotNull(again.GetElementById("Association-error"));
        Assert.Equal("sag", again.QuerySelector("form[action*='handler=Registration'] input[type=hidden][name=fra]")?.GetAttribute("value"));
        Assert.Equal($"/Households/{household}", again.QuerySelector(".form-actions a.function-link")?.GetAttribute("href"));

        using var saved = await housing.PostFormAsync("/Housing/Pipeline?handler=Registration", new Dictionary<string, string>
        {
            ["HouseholdId"] = household.ToString(), ["fra"] = "sag", ["Association"] = "Engholm Boligselskab", ["RegisteredOn"] = Arrivals.Iso(Arrivals.Today),
        }, formPage: pipeline);

        Assert.Equal(System.Net.HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal($"/Households/{household}", saved.Headers.Location?.OriginalString);
        Assert.True(await factory.QueryAsync(db => db.HousingRegistrations.AnyAsync(r => r.HouseholdId == household)));
    }

    [Fact]
    public async Task HousedHousehold_NoLinkToThePlacement_TheWayToAPermanentHomeStill()
    {
        var household = await factory.RegisterFamilyAsync("Boetlink");
        await factory.MovedInAsync(await factory.UnitIdAsync("Pavillon A"), household, Arrivals.Today);
        using var housing = await Browser.SignedInAsync(factory, "bolig");

        var section = await HousingSectionAsync(housing, household);

        Assert.DoesNotContain(section.QuerySelectorAll("a"), a => a.TextContent == FindAHome);
        Link(section, Permanent);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task NoLongerOnTheWay_NoLinkToThePermanentHousingForms(bool permanent)
    {
        var (_, household, stay) = await factory.HousedSingleAsync($"Ikke på vej link {permanent}", $"Ikkepaavejlink{permanent}", daysAgo: 30, isPermanent: permanent);
        if (!permanent)
        {
            await factory.QueryAsync(async db =>
            {
                (await db.Occupancies.SingleAsync(o => o.Id == stay)).MoveOut(Arrivals.Today.AddDays(-1), Domain.Housing.MoveOutDestination.LeftMunicipality);
                return await db.SaveChangesAsync();
            });
        }

        using var housing = await Browser.SignedInAsync(factory, "bolig");

        var section = await HousingSectionAsync(housing, household);

        Assert.DoesNotContain(section.QuerySelectorAll("a"), a => a.GetAttribute("href")!.StartsWith("/Housing/", StringComparison.Ordinal));
        Assert.DoesNotContain(section.QuerySelectorAll("p"), p => p.TextContent.Trim().Length == 0);
    }

    [Fact]
    public async Task Coordinator_WhoMayNotOpenTheHousingPages_IsNotOfferedTheLinks()
    {
        var household = await factory.RegisterFamilyAsync("Koordinatorlink");
        using var coordinator = await Browser.SignedInAsync(factory, "koordinator");

        var section = await HousingSectionAsync(coordinator, household);

        Assert.DoesNotContain(section.QuerySelectorAll("a"), a => a.GetAttribute("href")!.StartsWith("/Housing/", StringComparison.Ordinal));
    }

    private static async Task<IElement> HousingSectionAsync(Browser user, Guid household) =>
        Parser.ParseDocument(await user.GetPageAsync($"/Households/{household}")).QuerySelector("[data-testid=household-housing]")
            ?? throw new InvalidOperationException("The case page has no Bolig section.");

    private static string Link(IElement section, string text) =>
        section.QuerySelectorAll("a").SingleOrDefault(a => a.TextContent == text)?.GetAttribute("href")
            ?? throw new Xunit.Sdk.XunitException($"The Bolig section has no link »{text}«: {section.TextContent}");
}

using System.Net;
using AngleSharp.Html.Parser;
using Indgang.Domain.Housing;
using Indgang.Domain.People;
using Indgang.Tests.Hosting;
using Indgang.Web.Features.Housing;
using Indgang.Domain.Reception;
using Indgang.Web.Features.Reception;
using Indgang.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Indgang.Web.Tests.Housing;

/// <summary>
/// A run's page shows things as they are now, not as they were when the optimizer ran (found by review): its exclusions
/// are listed and can be taken back; a household housed since from elsewhere is told so instead of offered a checkbox; a
/// decision whose move-in was called off says so; the households come the longest-waiting first; and the override list
/// offers only units the household's move-in would take.
/// </summary>
public sealed class PlacementRunNowTests(IndgangAppFactory factory) : IClassFixture<IndgangAppFactory>
{
    [Fact]
    public async Task AnExclusion_IsListedOnTheRerunsPage_AndTakenBack_RerunsWithoutIt()
    {
        await factory.AddSingleRoomsAsync("Udelukket", 3);
        var first = await factory.RegisterSingleAsync("Udelukførst");
        var second = await factory.RegisterSingleAsync("Udelukanden");
        using var housing = await Browser.SignedInAsync(factory, "bolig");
        var run = await housing.RunPlacementAsync(first, second);
        var unit = (await factory.SuggestedUnitAsync(run, first))!.Value;
        using var excluded = await housing.PostPairAsync(run, "Exclude", first, unit);
        var excludedRun = PlacementRuns.RunIdOf(excluded);
        var page = WebUtility.HtmlDecode(await housing.GetPageAsync($"/Housing/Placement/{excludedRun}"));
        var label = await factory.QueryAsync(db => db.HousingUnits.Where(u => u.Id == unit).Select(u => u.Label).SingleAsync());
        Assert.Contains("Udelukkede boliger", page, StringComparison.Ordinal);
        Assert.Matches($"data-exclusion=\"{first}\">{await factory.HouseholdNameAsync(first)}: {label}, ", page);
        Assert.Contains($"Fjern udelukkelsen og kør igen<span class=\"sr-only\"> – {await factory.HouseholdNameAsync(first)}</span>", page, StringComparison.Ordinal);

        using var included = await housing.PostPairAsync(excludedRun, "Include", first, unit);

        var next = PlacementRuns.RunIdOf(included);
        var ask = await factory.AskAsync(next);
        Assert.Empty(ask.Exclusions);
        Assert.Equal(new[] { first, second }.Order(), ask.Households.Order());
        Assert.DoesNotContain("data-exclusion=", await housing.GetPageAsync($"/Housing/Placement/{next}"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnExclusion_SaysItHoldsForTheRerunsStartedFromTheRun_AsAFreshRunStartsWithoutIt()
    {
        await factory.AddSingleRoomsAsync("Udelukkelsesgyldighed", 3);
        var household = await factory.RegisterSingleAsync("Udelukgyldig");
        using var housing = await Browser.SignedInAsync(factory, "bolig");
        var run = await housing.RunPlacementAsync(household);
        var unit = (await factory.SuggestedUnitAsync(run, household))!.Value;
        using var excluded = await housing.PostPairAsync(run, "Exclude", household, unit);

        var page = WebUtility.HtmlDecode(await housing.GetPageAsync($"/Housing/Placement/{PlacementRuns.RunIdOf(excluded)}"));
        var fresh = await housing.RunPlacementAsync(household);

        Assert.Contains("Boligen bliver ikke foreslået husstanden i denne kørsel og i de kørsler, der startes herfra med »kør igen«. En ny kørsel fra Boligplacering begynder uden udelukkelsen.", page, StringComparison.Ordinal);
        Assert.DoesNotContain("i denne kørsel og de næste", page, StringComparison.Ordinal);
        Assert.Empty((await factory.AskAsync(fresh)).Exclusions);
    }

    [Fact]
    public async Task AHouseholdHousedElsewhereSinceTheRun_IsToldSo_WithoutACheckbox_AndATickFromAnOlderPageIsRefusedBesideIt()
    {
        await factory.AddSingleRoomsAsync("Andetsteds", 4);
        var first = await factory.RegisterSingleAsync("Andetstedsførst");
        var second = await factory.RegisterSingleAsync("Andetstedsanden");
        using var housing = await Browser.SignedInAsync(factory, "bolig");
        var run = await housing.RunPlacementAsync(first, second);
        var stale = await OpenedForm.OpenAsync(housing, $"/Housing/Placement/{run}", $"/Housing/Placement/{run}?handler=Accept");
        // Placed from the unit's page meanwhile, in a unit of its own.
        await factory.MovedInAsync(await factory.UnitOfItsOwnAsync("Andetsteds egen"), first, Arrivals.Today);

        var page = WebUtility.HtmlDecode(await housing.GetPageAsync($"/Housing/Placement/{run}"));
        var name = await factory.HouseholdNameAsync(first);
        Assert.Contains($"data-no-longer-waiting=\"{first}\"", page, StringComparison.Ordinal);
        Assert.Contains($"{name} venter ikke længere på en bolig: husstanden har fået en bolig eller er flyttet videre, siden kørslen blev lavet.", page, StringComparison.Ordinal);
        Assert.DoesNotContain($"value=\"{first}\" form=\"accept-form\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain($"Lås forslaget og kør igen<span class=\"sr-only\"> – {name}<", page, StringComparison.Ordinal);
        // The other still waits, and can be accepted.
        Assert.Contains($"value=\"{second}\" form=\"accept-form\"", page, StringComparison.Ordinal);

        var late = await stale.PostAsync([new("Accept", first.ToString())]);

        Assert.Equal(HttpStatusCode.OK, late.Status);
        Assert.Contains($"<a class=\"function-link\" href=\"#Accept-{first}\">{name} venter ikke længere på en bolig", late.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("Husstanden bor allerede i en bolig", late.Html, StringComparison.Ordinal);
        Assert.False(await factory.QueryAsync(db => db.PlacementDecisions.AnyAsync(d => d.RunId == run)));
    }

    [Fact]
    public async Task ADecisionWhoseMoveInWasCalledOff_SaysSo()
    {
        await factory.AddSingleRoomsAsync("Fortrudt", 2);
        var household = await factory.RegisterSingleAsync("Fortrudtplaceret");
        using var housing = await Browser.SignedInAsync(factory, "bolig");
        var ahead = Arrivals.Today.AddDays(5);
        using var ran = await housing.PostFormAsync("/Housing/Placement", [new("PlanningDate", Arrivals.Iso(ahead)), new("Households", household.ToString())]);
        var run = PlacementRuns.RunIdOf(ran);
        using (var accepted = await housing.PostFormAsync($"/Housing/Placement/{run}?handler=Accept", new Dictionary<string, string> { ["Accept"] = household.ToString() }, formPage: $"/Housing/Placement/{run}"))
        {
            Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        }

        Assert.DoesNotContain("data-undone=", await housing.GetPageAsync($"/Housing/Placement/{run}"), StringComparison.Ordinal);
        var stay = await factory.StayOfAsync(household);
        using (var scope = factory.Services.CreateScope())
        {
            var calledOff = await scope.ServiceProvider.GetRequiredService<HousingMoves>().CallOffMoveInAsync(stay, await factory.UserIdAsync("bolig"));
            Assert.True(calledOff.Succeeded, calledOff.Error);
        }

        var page = WebUtility.HtmlDecode(await housing.GetPageAsync($"/Housing/Placement/{run}"));
        Assert.Contains($"data-undone=\"{household}\"", page, StringComparison.Ordinal);
        Assert.Contains("Indflytningen er fortrudt", page, StringComparison.Ordinal);
        Assert.Contains("Husstanden venter på en bolig igen.", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Suggestions_TheLongestWaitingFirst()
    {
        await factory.AddSingleRoomsAsync("Ventetid", 3);
        var recent = await factory.RegisterSingleAsync("Ventetidkort");
        var longest = await factory.RegisterAsync(new ArrivalRequest(null, null, Arrivals.Today.AddDays(-40),
            [new ArrivalMember("Længe", "Ventetidlang", new DateOnly(1991, 2, 2), Gender.Female, ResidenceBasis.QuotaRefugee)]));
        using var housing = await Browser.SignedInAsync(factory, "bolig");
        // Asked with the newcomer first, as the list may tick them.
        var run = await housing.RunPlacementAsync(recent, longest);

        var page = WebUtility.HtmlDecode(await housing.GetPageAsync($"/Housing/Placement/{run}"));

        var shown = new HtmlParser().ParseDocument(page).QuerySelectorAll("article.suggestion").Select(a => a.GetAttribute("data-household")).ToList();
        Assert.Equal([await factory.HouseholdNameAsync(longest), await factory.HouseholdNameAsync(recent)], shown);
        Assert.Contains($"Venter siden: {Arrivals.Today.AddDays(-40).ToString("d. MMMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("da-DK"))}", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheOverrideList_OffersAFamilyNoSharedRoom_AndNoUnitFreeOnlyAfterItsMoveIn()
    {
        var family = await factory.RegisterFamilyAsync("Tilsidesætfamilie");
        var shared = await factory.UnitOfItsOwnAsync("Tilsidesæt delt", beds: 4, shared: true);
        var fitting = await factory.UnitOfItsOwnAsync("Tilsidesæt passer", beds: 4);
        var later = await factory.QueryAsync(async db =>
        {
            var unit = db.HousingUnits.Add(new HousingUnit(await db.SomeSiteIdAsync(), "Tilsidesæt senere", 2, 4, 2000m) { AvailableFrom = Arrivals.Today.AddDays(30) }).Entity;
            await db.SaveChangesAsync();
            return unit.Id;
        });
        using var housing = await Browser.SignedInAsync(factory, "bolig");
        var run = await housing.RunPlacementAsync(family);

        var page = await housing.GetPageAsync($"/Housing/Placement/{run}?tilsidesaet={family}");

        var options = new HtmlParser().ParseDocument(page).QuerySelectorAll($"#Override-{family}-Unit option").Select(o => o.GetAttribute("value")).ToList();
        Assert.Contains(fitting.ToString(), options);
        Assert.DoesNotContain(shared.ToString(), options);
        Assert.DoesNotContain(later.ToString(), options);
    }
}

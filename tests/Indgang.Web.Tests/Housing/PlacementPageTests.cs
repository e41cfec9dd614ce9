using System.Net;
using System.Text.RegularExpressions;
using Indgang.Domain.Audit;
using Indgang.Domain.Housing;
using Indgang.Domain.Reception;
using Indgang.Tests.Hosting;
using Indgang.Web.Features.Housing.Placement;
using Indgang.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Indgang.Web.Tests.Housing;

public sealed partial class PlacementPageTests(IndgangAppFactory factory) : IClassFixture<IndgangAppFactory>
{
    [Fact]
    public async Task RunAcceptAndOverride_PlacesHouseholdsAndAuditsTheDecisions()
    {
        using var housing = await Browser.SignedInAsync(factory, "bolig");
        var haddad = await HouseholdAsync("Familien Haddad");
        var tesfay = await HouseholdAsync("Tesfay Gebremedhin");
        var run = await RunAsync(housing, haddad, tesfay);

        var page = WebUtility.HtmlDecode(await housing.GetPageAsync($"/Housing/Placement/{run}"));
        Assert.Contains("Forslag til boligplacering", page, StringComparison.Ordinal);
        Assert.Contains("Får en bolig", page, StringComparison.Ordinal);
        Assert.Matches(ComparedWithBaseline(), page);
        Assert.True(await factory.QueryAsync(db => db.AuditEntries.AnyAsync(e => e.Action == AuditAction.PlacementRun && e.Details!.Contains(run.ToString()))));

        using var accepted = await housing.PostFormAsync($"/Housing/Placement/{run}?handler=Accept", new Dictionary<string, string> { ["Accept"] = haddad.ToString() }, formPage: $"/Housing/Placement/{run}");
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        Assert.True(await factory.QueryAsync(db => db.Occupancies.AnyAsync(o => o.HouseholdId == haddad && o.MovedOutOn == null)));
        Assert.True(await factory.QueryAsync(db => db.Tasks.AnyAsync(t => t.HouseholdId == haddad && t.Type == TaskType.LeaseContract)));
        Assert.True(await factory.QueryAsync(db => db.PlacementDecisions.AnyAsync(d => d.HouseholdId == haddad && d.Kind == PlacementDecisionKind.Accepted)));

        var other = await factory.UnitIdAsync("Pavillon C");
        using var noReason = await housing.PostFormAsync($"/Housing/Placement/{run}?handler=Override", new Dictionary<string, string> { ["HouseholdId"] = tesfay.ToString(), ["UnitId"] = other.ToString(), ["Reason"] = "" }, formPage: $"/Housing/Placement/{run}");
        Assert.Contains("Skriv begrundelsen for at tilsidesætte forslaget.", WebUtility.HtmlDecode(await noReason.Content.ReadAsStringAsync()), StringComparison.Ordinal);

        var reason = "Ønsker at bo tæt på sin bror";
        var futureUnit = await factory.UnitIdAsync("Pavillon B");
        using var overridden = await housing.PostFormAsync($"/Housing/Placement/{run}?handler=Override", new Dictionary<string, string> { ["HouseholdId"] = tesfay.ToString(), ["UnitId"] = futureUnit.ToString(), ["Reason"] = reason }, formPage: $"/Housing/Placement/{run}");
        Assert.Equal(HttpStatusCode.Redirect, overridden.StatusCode);
        Assert.True(await factory.QueryAsync(db => db.PlacementDecisions.AnyAsync(d => d.HouseholdId == tesfay && d.Kind == PlacementDecisionKind.Overridden && d.Reason == reason)));
        // The reason is kept with the decision, not copied into the log, which can be neither corrected nor erased.
        Assert.False(await factory.QueryAsync(db => db.AuditEntries.AnyAsync(e => e.Details!.Contains(reason))));
        // Each decision is named by its household first: a search of the household's entries (an insight request) finds it.
        var (acceptedAs, overriddenAs) = (Web.Audit.AuditLog.Household(haddad), Web.Audit.AuditLog.Household(tesfay));
        Assert.True(await factory.QueryAsync(db => db.AuditEntries.AnyAsync(e => e.Action == AuditAction.PlacementAccepted && e.Details!.StartsWith(acceptedAs))));
        Assert.True(await factory.QueryAsync(db => db.AuditEntries.AnyAsync(e => e.Action == AuditAction.PlacementOverridden && e.Details!.StartsWith(overriddenAs) && e.Details.Contains(Web.Audit.AuditLog.ReasonKeptInTheCase))));
    }

    [Fact]
    public async Task ThePage_NamesTheWaitingHouseholds_EachReadIsAudited()
    {
        const string purpose = "Boligplacering: husstande, der venter";
        var haddad = await HouseholdAsync("Familien Haddad");
        var before = await factory.QueryAsync(db => db.AuditEntries.CountAsync(e => e.Action == AuditAction.HouseholdRead && e.Purpose == purpose && e.Details == $"Husstand {haddad:D}" && e.Actor == "bolig"));
        using var housing = await Browser.SignedInAsync(factory, "bolig");

        var page = WebUtility.HtmlDecode(await housing.GetPageAsync("/Housing/Placement"));
        using var refused = await housing.PostFormAsync("/Housing/Placement", new Dictionary<string, string> { ["Households"] = haddad.ToString(), ["PlanningDate"] = "" });

        Assert.Contains("Familien Haddad", page, StringComparison.Ordinal);
        Assert.Contains("Familien Haddad", WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        var after = await factory.QueryAsync(db => db.AuditEntries.CountAsync(e => e.Action == AuditAction.HouseholdRead && e.Purpose == purpose && e.Details == $"Husstand {haddad:D}" && e.Actor == "bolig"));
        // Three pages named them: the page, the page the refused post's form came from, and the refused post's answer.
        Assert.Equal(before + 3, after);
    }

    [Fact]
    public async Task ExcludeASuggestion_TheRerunNeverSuggestsThatPairAgain()
    {
        using var housing = await Browser.SignedInAsync(factory, "bolig");
        var kovalenko = await HouseholdAsync("Familien Kovalenko");
        await factory.QueryAsync(async db =>
        {
            // Two units of its own that fit a single parent's rent cap, so the test does not depend on the demo stock.
            var site = await db.SomeSiteIdAsync();
            db.HousingUnits.Add(new HousingUnit(site, "Udelukkelse 1", 2, 3, 2000m) { AvailableFrom = Arrivals.Today.AddDays(-1), SchoolMetres = 500 });
            db.HousingUnits.Add(new HousingUnit(site, "Udelukkelse 2", 2, 3, 2100m) { AvailableFrom = Arrivals.Today.AddDays(-1), SchoolMetres = 900 });
            return await db.SaveChangesAsync();
        });
        var run = await RunAsync(housing, kovalenko);
        var first = await SuggestedUnitAsync(run, kovalenko);

        Assert.NotNull(first);
        using var rerun = await housing.PostFormAsync($"/Housing/Placement/{run}?handler=Exclude", new Dictionary<string, string> { ["HouseholdId"] = kovalenko.ToString(), ["UnitId"] = first }, formPage: $"/Housing/Placement/{run}");

        Assert.Equal(HttpStatusCode.Redirect, rerun.StatusCode);
        var next = Guid.Parse(rerun.Headers.Location!.OriginalString.Split('/')[^1]);
        Assert.NotEqual(run, next);
        // Either another unit or none at all (if no other unit fits); never the excluded one.
        Assert.NotEqual(first, await SuggestedUnitAsync(next, kovalenko));
        var page = WebUtility.HtmlDecode(await housing.GetPageAsync($"/Housing/Placement/{next}"));
        Assert.Contains("Forslag til boligplacering", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnnouncedHousehold_IsOfferedAUnitFreeByItsArrival_AndMovesInOnArrival()
    {
        using var coordinator = await Browser.SignedInAsync(factory, "koordinator");
        var arrival = Arrivals.Today.AddDays(30);
        var form = Arrivals.Family("Varsel");
        form["Input.ExpectedArrival"] = Arrivals.Iso(arrival);
        using (var registered = await coordinator.PostFormAsync("/Reception/Register", form))
        {
            Assert.Equal(HttpStatusCode.Redirect, registered.StatusCode);
        }

        var household = await factory.QueryAsync(db => db.Households.Where(h => h.Members.Any(m => m.LastName == "Varsel")).Select(h => h.Id).SingleAsync());
        var unit = await factory.QueryAsync(async db =>
        {
            // Free twenty days from now: before the family arrives, after the planning date.
            var site = await db.SomeSiteIdAsync();
            var later = new HousingUnit(site, "Ledig om 20 dage", 3, 4, 2000m) { AvailableFrom = Arrivals.Today.AddDays(20), IsPermanent = true, StepFree = true };
            db.HousingUnits.Add(later);
            await db.SaveChangesAsync();
            return later.Id;
        });
        using var housing = await Browser.SignedInAsync(factory, "bolig");
        var run = await RunAsync(housing, household);

        // The coordinator pins the family to that unit: a pair the optimizer may use, since it is free in time.
        using var locked = await housing.PostFormAsync($"/Housing/Placement/{run}?handler=Lock", new Dictionary<string, string> { ["HouseholdId"] = household.ToString(), ["UnitId"] = unit.ToString() }, formPage: $"/Housing/Placement/{run}");
        Assert.Equal(HttpStatusCode.Redirect, locked.StatusCode);
        var rerun = Guid.Parse(locked.Headers.Location!.OriginalString.Split('/')[^1]);
        Assert.Equal(unit.ToString(), await SuggestedUnitAsync(rerun, household));
        var page = WebUtility.HtmlDecode(await housing.GetPageAsync($"/Housing/Placement/{rerun}"));
        Assert.Contains($"Indflytning: {arrival.ToString("d. MMMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("da-DK"))}", page, StringComparison.Ordinal);
        // Locked already: listed with »Fjern låsen og kør igen«, not offered to be locked again (found by the housing
        // coordinator's review).
        Assert.Contains("handler=Unlock", page, StringComparison.Ordinal);
        Assert.DoesNotContain("handler=Lock\"", page, StringComparison.Ordinal);

        using var accepted = await housing.PostFormAsync($"/Housing/Placement/{rerun}?handler=Accept", new Dictionary<string, string> { ["Accept"] = household.ToString() }, formPage: $"/Housing/Placement/{rerun}");

        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        Assert.Equal(arrival, await factory.QueryAsync(db => db.Occupancies.Where(o => o.HouseholdId == household).Select(o => o.MovedInOn).SingleAsync()));
    }

    [Fact]
    public async Task RunWithoutHouseholds_IsRejectedBesideTheList()
    {
        using var housing = await Browser.SignedInAsync(factory, "bolig");
        using var response = await housing.PostFormAsync("/Housing/Placement", new Dictionary<string, string> { ["PlanningDate"] = Arrivals.Iso(Arrivals.Today) });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Vælg mindst én husstand", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(400)]
    public async Task RunWithAPlanningDateInThePastOrTooFarAhead_IsRejectedBesideTheDate(int days)
    {
        using var housing = await Browser.SignedInAsync(factory, "bolig");
        var household = await HouseholdAsync("Familien Kovalenko");
        var date = Arrivals.Iso(Arrivals.Today.AddDays(days));
        using var response = await housing.PostFormAsync("/Housing/Placement", new Dictionary<string, string> { ["PlanningDate"] = date, ["Households"] = household.ToString() });
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("id=\"PlanningDate-error\"", html, StringComparison.Ordinal);
        Assert.Contains("Planlægningsdatoen skal ligge fra i dag og højst et år frem.", html, StringComparison.Ordinal);
        Assert.Contains($"value=\"{date}\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AcceptFromARunWhosePlanningDateHasPassed_IsRefused()
    {
        using var housing = await Browser.SignedInAsync(factory, "bolig");
        var single = await factory.RegisterSingleAsync("Forældet");
        var today = await RunAsync(housing, single);
        Assert.NotNull(await SuggestedUnitAsync(today, single));
        // The same run as if it had been made for yesterday.
        var yesterday = await factory.QueryAsync(async db =>
        {
            var run = await db.PlacementRuns.AsNoTracking().SingleAsync(r => r.Id == today);
            var stale = new PlacementRun(run.CreatedBy, run.CreatedAt.AddDays(-1), Arrivals.Today.AddDays(-1), run.RequestJson, run.ResultJson);
            db.PlacementRuns.Add(stale);
            await db.SaveChangesAsync();
            return stale.Id;
        });

        using var accepted = await housing.PostFormAsync($"/Housing/Placement/{yesterday}?handler=Accept", new Dictionary<string, string> { ["Accept"] = single.ToString() }, formPage: $"/Housing/Placement/{yesterday}");

        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        Assert.Contains("som er gået. Kør optimeringen igen for at placere fra i dag.", WebUtility.HtmlDecode(await accepted.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.False(await factory.QueryAsync(db => db.Occupancies.AnyAsync(o => o.HouseholdId == single)));

        // Locking a suggestion re-runs it, planned from today.
        var unit = await SuggestedUnitAsync(yesterday, single);
        using var locked = await housing.PostFormAsync($"/Housing/Placement/{yesterday}?handler=Lock", new Dictionary<string, string> { ["HouseholdId"] = single.ToString(), ["UnitId"] = unit! }, formPage: $"/Housing/Placement/{yesterday}");
        Assert.Equal(HttpStatusCode.Redirect, locked.StatusCode);
        var rerun = Guid.Parse(locked.Headers.Location!.OriginalString.Split('/')[^1]);
        Assert.Equal(Arrivals.Today, await factory.QueryAsync(db => db.PlacementRuns.Where(r => r.Id == rerun).Select(r => r.PlanningDate).SingleAsync()));
    }

    [Fact]
    public async Task Override_ToAUnitTheMoveRefuses_IsRefusedAsTheMoveSays_NotAskedAboutFirst()
    {
        var household = await factory.RegisterSingleAsync("Ikkeledigsen");
        var later = await factory.UnitOfItsOwnAsync("Ledig om en måned");
        await factory.QueryAsync(async db =>
        {
            (await db.HousingUnits.SingleAsync(u => u.Id == later)).AvailableFrom = Arrivals.Today.AddMonths(1);
            return await db.SaveChangesAsync();
        });
        using var housing = await Browser.SignedInAsync(factory, "bolig");
        var run = await RunAsync(housing, household);
        var page = $"/Housing/Placement/{run}";

        using var refused = await housing.PostFormAsync($"{page}?handler=Override", new Dictionary<string, string>
        {
            ["HouseholdId"] = household.ToString(), ["UnitId"] = later.ToString(), ["Reason"] = "Vil bo der",
        }, formPage: page);

        var html = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await refused.Content.ReadAsStringAsync());
        Assert.Equal($"Fejl: Solo Ikkeledigsen: Boligen er først ledig fra {Arrivals.Today.AddMonths(1).ToString("d. MMMM yyyy", new System.Globalization.CultureInfo("da-DK"))}.", html.QuerySelector($"#Override-{household}-Unit-error")?.TextContent);
        Assert.False(await factory.QueryAsync(db => db.Occupancies.AnyAsync(o => o.HouseholdId == household)));
    }

    [Fact]
    public async Task Override_OffersTheUnitsThatCanBeMovedInto_NotThoseOccupiedBlockedOrTooSmall()
    {
        var household = await factory.RegisterSingleAsync("Valgmulighed");
        var free = await factory.UnitOfItsOwnAsync("Ledig at vælge");
        var (occupied, _, _) = await factory.HousedSingleAsync("Beboet, ikke at vælge", "Beboersen", daysAgo: 10);
        var blocked = await factory.UnitOfItsOwnAsync("Spærret, ikke at vælge");
        await factory.QueryAsync(async db =>
        {
            (await db.HousingUnits.SingleAsync(u => u.Id == blocked)).Block("Vandskade");
            return await db.SaveChangesAsync();
        });
        var family = await factory.RegisterFamilyAsync("Valgfamilien");
        using var housing = await Browser.SignedInAsync(factory, "bolig");
        var run = await RunAsync(housing, household, family);

        var page = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await housing.GetPageAsync($"/Housing/Placement/{run}?tilsidesaet={household}"));
        var options = page.QuerySelectorAll($"#Override-{household}-Unit option").Select(o => o.GetAttribute("value")).ToList();

        Assert.Contains(free.ToString(), options);
        Assert.DoesNotContain(occupied.ToString(), options);
        Assert.DoesNotContain(blocked.ToString(), options);
        // Two beds are too few for a family of three.
        var familyPage = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await housing.GetPageAsync($"/Housing/Placement/{run}?tilsidesaet={family}"));
        var familyOptions = familyPage.QuerySelectorAll($"#Override-{family}-Unit option").Select(o => o.GetAttribute("value")).ToList();
        Assert.NotEmpty(familyOptions);
        Assert.DoesNotContain(free.ToString(), familyOptions);
    }

    [Fact]
    public async Task OverrideForm_IsDrawnOnlyForTheHouseholdAskedFor_ByItsLink_SoThePageDoesNotListTheUnitsOverAndOver()
    {
        var first = await factory.RegisterSingleAsync("Linkvalg En");
        var second = await factory.RegisterSingleAsync("Linkvalg To");
        await factory.UnitOfItsOwnAsync("Linkvalg bolig 1");
        await factory.UnitOfItsOwnAsync("Linkvalg bolig 2");
        using var housing = await Browser.SignedInAsync(factory, "bolig");
        var run = await RunAsync(housing, first, second);
        var parser = new AngleSharp.Html.Parser.HtmlParser();

        var plain = parser.ParseDocument(await housing.GetPageAsync($"/Housing/Placement/{run}"));
        Assert.Empty(plain.QuerySelectorAll("select[name='UnitId']"));
        var link = plain.QuerySelectorAll("a").SingleOrDefault(a => a.TextContent.Trim() == "Vælg en anden bolig – Solo Linkvalg En");
        Assert.Equal($"/Housing/Placement/{run}?tilsidesaet={first}#Override-{first}-Unit", link?.GetAttribute("href"));

        var asked = parser.ParseDocument(await housing.GetPageAsync($"/Housing/Placement/{run}?tilsidesaet={first}"));
        Assert.Equal([$"Override-{first}-Unit"], asked.QuerySelectorAll("select[name='UnitId']").Select(s => s.Id ?? "").ToArray());
        // Its panel is open at the form; the other household still has its link.
        Assert.NotNull(asked.QuerySelector($"details[open] #Override-{first}-Unit"));
        Assert.NotNull(asked.QuerySelectorAll("a").SingleOrDefault(a => a.TextContent.Trim() == "Vælg en anden bolig – Solo Linkvalg To"));

        // Not a household of the run, or not an id at all: the page as it is, with no form open.
        foreach (var garbage in new[] { Guid.NewGuid().ToString(), "abc", "" })
        {
            using var answer = await housing.GetAsync($"/Housing/Placement/{run}?tilsidesaet={garbage}");
            Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
            var html = parser.ParseDocument(await answer.Content.ReadAsStringAsync());
            Assert.Empty(html.QuerySelectorAll("select[name='UnitId']"));
            Assert.Null(html.QuerySelector(".alert-error"));
        }
    }

    /// <summary>A lock to a unit that does not exist (a request made by hand) is not found; no run is made with it.</summary>
    [Fact]
    public async Task Lock_ToAUnitThatDoesNotExist_Is404_NoRerun()
    {
        var household = await factory.RegisterSingleAsync("Låsukendt");
        using var housing = await Browser.SignedInAsync(factory, "bolig");
        var run = await RunAsync(housing, household);
        var runs = await factory.QueryAsync(db => db.PlacementRuns.CountAsync());

        using var locked = await housing.PostFormAsync($"/Housing/Placement/{run}?handler=Lock", new Dictionary<string, string> { ["HouseholdId"] = household.ToString(), ["UnitId"] = Guid.NewGuid().ToString() }, formPage: $"/Housing/Placement/{run}");

        Assert.Equal(HttpStatusCode.NotFound, locked.StatusCode);
        Assert.Equal(runs, await factory.QueryAsync(db => db.PlacementRuns.CountAsync()));
    }

    private static Task<Guid> RunAsync(Browser housing, params Guid[] households) => housing.RunPlacementAsync(households);

    private async Task<string?> SuggestedUnitAsync(Guid run, Guid household) => (await factory.SuggestedUnitAsync(run, household))?.ToString();

    private Task<Guid> HouseholdAsync(string name) => factory.QueryAsync(db => db.Households.Where(h => h.Name == name).Select(h => h.Id).SingleAsync());

    [GeneratedRegex(@"Til sammenligning: første ledige bolig der passer, i ankomstrækkefølge: -?\d+")]
    private static partial Regex ComparedWithBaseline();
}

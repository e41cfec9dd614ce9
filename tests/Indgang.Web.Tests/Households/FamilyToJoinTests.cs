using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AngleSharp.Html.Parser;
using Indgang.Domain.Audit;
using Indgang.Placement;
using Indgang.Tests.Hosting;
using Indgang.Web.Features.Households;
using Indgang.Web.Features.Housing.Placement;
using Indgang.Web.Features.Reception;
using Indgang.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Indgang.Web.Tests.Households;

/// <summary>
/// Seed 004: "Hvis der er søgt familiesammenføring anvises så vidt muligt en egnet bolig til den samlede familie, efter at
/// familiesammenføringen har fundet sted. Dette giver færrest mulige flytninger." The coordinator records how many are
/// to join; the placement offers no permanent home without beds for them, the pipeline shows it, and each
/// family-reunified member who joins is one fewer.
/// </summary>
public sealed class FamilyToJoinTests(IndgangAppFactory factory) : IClassFixture<IndgangAppFactory>
{
    private static readonly HtmlParser Parser = new();

    [Fact]
    public async Task Save_TheNumberIsOnTheCaseAndOnThePipeline_AndLoggedForEachMember()
    {
        var household = await factory.RegisterSingleAsync("Familiefar");
        var member = await factory.QueryAsync(db => db.Persons.Where(p => p.HouseholdId == household).Select(p => p.Id).SingleAsync());
        using var coordinator = await Browser.SignedInAsync(factory, "koordinator");

        using var saved = await coordinator.PostFormAsync($"/Households/{household}/FamilyToJoin", await FormAsync(coordinator, household, "3"));

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(3, await FamilyToJoinAsync(household));
        var page = Parser.ParseDocument(await coordinator.GetPageAsync($"/Households/{household}"));
        Assert.Equal("3 familiemedlemmer ventes", page.QuerySelector("[data-testid=family-to-join]")?.TextContent);
        var logged = await factory.QueryAsync(db => db.AuditEntries.SingleAsync(e => e.Action == AuditAction.FamilyToJoinChanged && e.SubjectPersonId == member));
        Assert.Contains("0 → 3 personer", logged.Details, StringComparison.Ordinal);
        Assert.Equal("koordinator", logged.Actor);
        using var housing = await Browser.SignedInAsync(factory, "bolig");
        var pipeline = Parser.ParseDocument(await housing.GetPageAsync("/Housing/Pipeline"));
        Assert.Equal("3 flere ventes ved familiesammenføring: en bolig til 4 personer",
            pipeline.QuerySelector("tr[data-household='Solo Familiefar'] [data-testid=family-to-join]")?.TextContent);
    }

    [Theory]
    [InlineData("Tomtal", "", FamilyToJoinModel.Required)]
    [InlineData("Ordtal", "tre", "Antal familiemedlemmer, der ventes ved familiesammenføring, skal være et helt tal fra 0 til 20.")]
    [InlineData("Minustal", "-1", "Antal familiemedlemmer, der ventes ved familiesammenføring, skal være et helt tal fra 0 til 20.")]
    [InlineData("Stortal", "21", "Antal familiemedlemmer, der ventes ved familiesammenføring, skal være et helt tal fra 0 til 20.")]
    public async Task Save_BadNumber_RefusedBesideTheFieldWithWhatWasTypedKept_NothingSaved(string lastName, string typed, string message)
    {
        var household = await factory.RegisterSingleAsync(lastName);
        using var coordinator = await Browser.SignedInAsync(factory, "koordinator");

        using var refused = await coordinator.PostFormAsync($"/Households/{household}/FamilyToJoin", await FormAsync(coordinator, household, typed));

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var page = Parser.ParseDocument(await refused.Content.ReadAsStringAsync());
        Assert.Equal($"Fejl: {message}", page.GetElementById("Persons-error")?.TextContent);
        Assert.NotNull(page.QuerySelector(".alert-error a[href='#Persons']"));
        Assert.Equal(typed, page.GetElementById("Persons")?.GetAttribute("value"));
        Assert.Equal(0, await FamilyToJoinAsync(household));
    }

    [Fact]
    public async Task Form_OnlyForTheCaseOwner()
    {
        var household = await factory.RegisterSingleAsync("Ikkeejer");
        using var housing = await Browser.SignedInAsync(factory, "bolig");

        Assert.Equal(HttpStatusCode.Forbidden, (await housing.GetAsync($"/Households/{household}/FamilyToJoin")).StatusCode);
        using var coordinator = await Browser.SignedInAsync(factory, "koordinator");
        var form = await FormAsync(coordinator, household, "2");
        using var posted = await housing.PostFormAsync($"/Households/{household}/FamilyToJoin", form, formPage: "/Housing/Pipeline");
        Assert.Equal(HttpStatusCode.Forbidden, posted.StatusCode);
        Assert.Equal(0, await FamilyToJoinAsync(household));
    }

    [Fact]
    public async Task AddMember_AFamilyReunifiedSpouse_IsOneFewerToWaitFor()
    {
        var household = await factory.RegisterSingleAsync("Genforeningen");
        using var coordinator = await Browser.SignedInAsync(factory, "koordinator");
        using (var saved = await coordinator.PostFormAsync($"/Households/{household}/FamilyToJoin", await FormAsync(coordinator, household, "2")))
        {
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        }

        using var added = await coordinator.PostFormAsync($"/Households/{household}/AddMember", new Dictionary<string, string>
        {
            ["Input.Members[0].FirstName"] = "Hustru",
            ["Input.Members[0].LastName"] = "Genforeningen",
            ["Input.Members[0].BirthDate"] = "1992-04-01",
            ["Input.Members[0].Gender"] = "Female",
            ["Input.Members[0].Basis"] = "FamilyReunified",
            ["Input.Members[0].RelationToFirst"] = "Spouse",
            ["JoinedOn"] = Arrivals.Iso(Arrivals.Today),
            ["CprRegisteredOn"] = Arrivals.Iso(Arrivals.Today),
        });

        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        Assert.Equal(1, await FamilyToJoinAsync(household));
    }

    [Fact]
    public async Task Placement_APermanentUnitWithoutBedsForTheFamilyToJoin_IsNotOffered_ATemporaryOneIs()
    {
        var waiting = await factory.RegisterSingleAsync("Ventendefar");
        var alone = await factory.RegisterSingleAsync("Alenefar");
        var permanent = await factory.UnitOfItsOwnAsync("Permanent til to", isPermanent: true);
        var temporary = await factory.UnitOfItsOwnAsync("Midlertidig til to", isPermanent: false);
        using var coordinator = await Browser.SignedInAsync(factory, "koordinator");
        using (var saved = await coordinator.PostFormAsync($"/Households/{waiting}/FamilyToJoin", await FormAsync(coordinator, waiting, "3")))
        {
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        }

        var request = await RequestAsync([waiting, alone]);
        var two = request.Units.Single(u => u.Id == permanent.ToString());
        var one = request.Units.Single(u => u.Id == temporary.ToString());
        var father = request.Households.Single(h => h.Id == waiting.ToString());

        Assert.Equal(3, father.FamilyToJoin);
        Assert.False(HardConstraints.Allows(request, father, two));
        Assert.True(HardConstraints.Allows(request, father, one));
        Assert.True(HardConstraints.Allows(request, request.Households.Single(h => h.Id == alone.ToString()), two));
        // Of the two units, the permanent one goes to the household that waits for nobody.
        var result = PlacementOptimizer.Solve(request with { Units = [two, one] });
        Assert.Contains(result.Suggestions, s => s.HouseholdId == waiting.ToString() && s.UnitId == one.Id);
        Assert.Contains(result.Suggestions, s => s.HouseholdId == alone.ToString() && s.UnitId == two.Id);
    }

    [Fact]
    public async Task Override_ToAPermanentUnitWithoutRoomForTheFamily_IsAskedAboutFirst_ThenPlacedAnywayAndAudited()
    {
        var waiting = await factory.RegisterSingleAsync("Tilsidesatfar");
        var permanent = await factory.UnitOfItsOwnAsync("Permanent tilsidesat", isPermanent: true);
        await factory.UnitOfItsOwnAsync("Midlertidig ved siden af", isPermanent: false);
        using (var coordinator = await Browser.SignedInAsync(factory, "koordinator"))
        using (var saved = await coordinator.PostFormAsync($"/Households/{waiting}/FamilyToJoin", await FormAsync(coordinator, waiting, "2")))
        {
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        }

        using var housing = await Browser.SignedInAsync(factory, "bolig");
        var run = await housing.RunPlacementAsync(waiting);
        var page = $"/Housing/Placement/{run}";
        const string reason = "Familien kommer først om to år";
        var form = new Dictionary<string, string> { ["HouseholdId"] = waiting.ToString(), ["UnitId"] = permanent.ToString(), ["Reason"] = reason };

        using var asked = await housing.PostFormAsync($"{page}?handler=Override", form, formPage: page);

        var html = Parser.ParseDocument(await asked.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, asked.StatusCode);
        Assert.Equal(
            "Fejl: Solo Tilsidesatfar: " + RunModel.RulesBroken.Replace("{0}", "den permanente bolig har ikke plads til familien, der er søgt familiesammenføring til", StringComparison.Ordinal),
            html.QuerySelector($"#Override-{waiting}-Unit-error")?.TextContent);
        Assert.Equal(permanent.ToString(), html.QuerySelector($"#Override-{waiting}-Unit option[selected]")?.GetAttribute("value"));
        Assert.Equal(reason, html.QuerySelector($"#Override-{waiting}-Reason")?.GetAttribute("value"));
        Assert.NotNull(html.QuerySelector($"#Override-{waiting}-Anyway"));
        Assert.NotNull(html.QuerySelector($".alert-error a[href='#Override-{waiting}-Unit']"));
        Assert.False(await factory.QueryAsync(db => db.Occupancies.AnyAsync(o => o.HouseholdId == waiting)));

        // Ticked for another unit than the one chosen: asked again, nothing placed.
        form["AnywayUnit"] = Guid.NewGuid().ToString();
        using (var tickedForAnother = await housing.PostFormAsync($"{page}?handler=Override", form, formPage: page))
        {
            Assert.NotNull(Parser.ParseDocument(await tickedForAnother.Content.ReadAsStringAsync()).QuerySelector($"#Override-{waiting}-Unit-error"));
            Assert.False(await factory.QueryAsync(db => db.Occupancies.AnyAsync(o => o.HouseholdId == waiting)));
        }

        form["AnywayUnit"] = form["UnitId"];
        using var placed = await housing.PostFormAsync($"{page}?handler=Override", form, formPage: page);

        Assert.Equal(HttpStatusCode.Redirect, placed.StatusCode);
        Assert.True(await factory.QueryAsync(db => db.Occupancies.AnyAsync(o => o.HouseholdId == waiting && o.UnitId == permanent)));
        Assert.True(await factory.QueryAsync(db => db.AuditEntries.AnyAsync(e => e.Action == AuditAction.PlacementOverridden
            && e.Details!.Contains($"{Web.Audit.AuditLog.ReasonKeptInTheCase} (bryder: den permanente bolig har ikke plads til familien"))));
    }

    [Fact]
    public async Task Forecast_TheFamilyToJoinOfAWaitingHouseholdIsBesideIt_NotInItsMonths()
    {
        var household = await factory.RegisterSingleAsync("Prognosefar");
        using var housing = await Browser.SignedInAsync(factory, "bolig");
        var before = await ForecastAsync(housing);
        using var coordinator = await Browser.SignedInAsync(factory, "koordinator");
        using (var saved = await coordinator.PostFormAsync($"/Households/{household}/FamilyToJoin", await FormAsync(coordinator, household, "2")))
        {
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        }

        var after = await ForecastAsync(housing);

        Assert.Equal(before.Beside + 2, after.Beside);
        Assert.Equal(before.Months, after.Months);
    }

    /// <summary>The family members beside the forecast (0 when the page says none), and the forecast's table.</summary>
    private static async Task<(int Beside, string Months)> ForecastAsync(Browser housing)
    {
        var page = Parser.ParseDocument(await housing.GetPageAsync("/Housing/Forecast"));
        var beside = page.QuerySelector("[data-testid=family-to-join]")?.TextContent;
        var number = beside is null ? 0 : int.Parse(System.Text.RegularExpressions.Regex.Match(beside, @"ventes (\d+) familiemedlem").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        return (number, page.QuerySelector(".forecast-table tbody")!.TextContent);
    }

    [Fact]
    public async Task ArrivalForm_TheNumberIsSaved_OneOutOfRangeIsRefusedBesideTheFieldWithWhatWasTypedKept()
    {
        using var coordinator = await Browser.SignedInAsync(factory, "koordinator");
        var form = Arrivals.Family("Ankomstventer");
        form["Input.FamilyToJoin"] = "tyve";

        using var refused = await coordinator.PostFormAsync("/Reception/Register", form);

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var page = Parser.ParseDocument(await refused.Content.ReadAsStringAsync());
        Assert.Equal($"Fejl: {ArrivalValidator.FamilyToJoinOutOfRange}", page.GetElementById("Input_FamilyToJoin-error")?.TextContent);
        Assert.Equal("tyve", page.GetElementById("Input_FamilyToJoin")?.GetAttribute("value"));
        Assert.Equal("Ankomstventer", page.GetElementById("Input_Members_0__LastName")?.GetAttribute("value"));
        Assert.False(await factory.QueryAsync(db => db.Persons.AnyAsync(p => p.LastName == "Ankomstventer")));

        form["Input.FamilyToJoin"] = "2";
        using var registered = await coordinator.PostFormAsync("/Reception/Register", form);

        Assert.Equal(HttpStatusCode.Redirect, registered.StatusCode);
        Assert.Equal(2, await factory.QueryAsync(db => db.Households.Where(h => h.Members.Any(m => m.LastName == "Ankomstventer")).Select(h => h.FamilyToJoin).SingleAsync()));
    }

    [Fact]
    public async Task Api_TheNumberIsSavedAndReturned_OneOutOfRangeIsRefusedWithProblemDetails()
    {
        using var coordinator = await Browser.SignedInAsync(factory, "koordinator");
        object Arrival(string lastName, int familyToJoin) => new
        {
            expectedArrival = Arrivals.Iso(Arrivals.Today.AddDays(30)),
            visitationDecisionDate = Arrivals.Iso(Arrivals.Today.AddDays(-3)),
            familyToJoin,
            members = new object[] { new { firstName = "Yonas", lastName, birthDate = "1990-05-05", gender = "Male", basis = "VisitedRefugee" } },
        };

        using var refused = await coordinator.Client.PostAsJsonAsync(new Uri("/api/v1/arrivals", UriKind.Relative), Arrival("Apiventerfor", 21));
        using var problem = JsonDocument.Parse(await refused.Content.ReadAsStringAsync());
        using var created = await coordinator.Client.PostAsJsonAsync(new Uri("/api/v1/arrivals", UriKind.Relative), Arrival("Apiventer", 3));
        using var body = JsonDocument.Parse(await created.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType!.MediaType);
        Assert.Equal(ArrivalValidator.FamilyToJoinOutOfRange, problem.RootElement.GetProperty("errors").GetProperty("familyToJoin")[0].GetString());
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(3, body.RootElement.GetProperty("familyToJoin").GetInt32());
        Assert.False(await factory.QueryAsync(db => db.Persons.AnyAsync(p => p.LastName == "Apiventerfor")));
    }

    private async Task<PlacementRequest> RequestAsync(Guid[] households)
    {
        using var scope = factory.Services.CreateScope();
        var runner = scope.ServiceProvider.GetRequiredService<PlacementRunner>();
        return await runner.BuildAsync(new PlacementAsk(households, Arrivals.Today, [], [], null), CancellationToken.None);
    }

    private Task<int> FamilyToJoinAsync(Guid household) =>
        factory.QueryAsync(db => db.Households.Where(h => h.Id == household).Select(h => h.FamilyToJoin).SingleAsync());

    private static async Task<Dictionary<string, string>> FormAsync(Browser coordinator, Guid household, string persons) => new()
    {
        ["Version"] = HiddenFields.Value(await coordinator.GetPageAsync($"/Households/{household}/FamilyToJoin"), "Version"),
        ["Persons"] = persons,
    };
}

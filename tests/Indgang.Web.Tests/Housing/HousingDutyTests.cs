using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Indgang.Domain.Audit;
using Indgang.Domain.Housing;
using Indgang.Domain.Tasks;
using Indgang.Domain.People;
using Indgang.Domain.Reception;
using Indgang.Tests.Hosting;
using Indgang.Web.Features.Housing;
using Indgang.Web.Features.Reception;
using Indgang.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Indgang.Web.Tests.Housing;

/// <summary>
/// integrationsloven § 12 (domain-rules.md, Housing): no duty to house family-reunified persons who will live with the
/// person they joined. Such a household is not on the waiting list for a home nor in the capacity forecast; and
/// family-reunified persons are not part of the municipality's quota.
/// </summary>
public sealed class HousingDutyTests(IndgangAppFactory factory) : IClassFixture<IndgangAppFactory>
{
    [Fact]
    public async Task Register_FamilyReunifiedLivingWithThePersonTheyJoined_WaitsForNoHomeAndNeedsNoBedInTheForecast()
    {
        var arrival = Arrivals.Today.AddDays(20);
        var before = await RegisteredArrivalsAsync();
        using var coordinator = await Browser.SignedInAsync(factory, "koordinator");
        var form = Reunified("Herboende", arrival);
        form["Input.LivesWithReferencePerson"] = "true";

        using var response = await coordinator.PostFormAsync("/Reception/Register", form);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var household = await factory.QueryAsync(db => db.Households.SingleAsync(h => h.Members.Any(m => m.LastName == "Herboende")));
        Assert.True(household.LivesWithReferencePerson);
        using var housing = await Browser.SignedInAsync(factory, "bolig");
        Assert.DoesNotContain("Herboende", await housing.GetPageAsync("/Housing/Placement"), StringComparison.Ordinal);
        var unitPage = await housing.GetPageAsync($"/Housing/Units/{await factory.UnitIdAsync("Pavillon B")}");
        Assert.DoesNotContain("Herboende", unitPage, StringComparison.Ordinal);
        Assert.Equal(before, await RegisteredArrivalsAsync());
        var page = WebUtility.HtmlDecode(await coordinator.GetPageAsync($"/Households/{household.Id}"));
        Assert.Contains("Bor hos den herboende (ingen bolig fra kommunen)", page, StringComparison.Ordinal);
        // No lease, keys, start package, house rules or defects list for a home it does not get (it moves into a furnished
        // one); the rest of the checklist as for anyone.
        var types = await factory.QueryAsync(db => db.Tasks.Where(t => t.HouseholdId == household.Id).Select(t => t.Type).ToListAsync());
        Assert.Contains(TaskType.CprAndFolkeregister, types);
        Assert.Contains(TaskType.SchoolOrDaycareOffer, types);
        Assert.Empty(types.Intersect(HousingDuty.HomeTasks));
        Assert.DoesNotContain(TaskType.StartPackage, types);
    }

    [Fact]
    public async Task Register_ARefugeeAmongThemAndTheBoxTicked_IsRefusedBesideTheBoxWithWhatWasTypedKept()
    {
        using var coordinator = await Browser.SignedInAsync(factory, "koordinator");
        var form = Reunified("Blandet", Arrivals.Today.AddDays(20));
        form["Input.VisitationDecisionDate"] = Arrivals.Iso(Arrivals.Today.AddDays(-10));
        form["Input.Members[1].Basis"] = "VisitedRefugee";
        form["Input.LivesWithReferencePerson"] = "true";

        using var response = await coordinator.PostFormAsync("/Reception/Register", form);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("id=\"Input_LivesWithReferencePerson-error\"", html, StringComparison.Ordinal);
        Assert.Contains(ArrivalValidator.NotAllFamilyReunified, html, StringComparison.Ordinal);
        Assert.Contains("href=\"#Input_LivesWithReferencePerson\"", html, StringComparison.Ordinal);
        Assert.Matches("id=\"Input_LivesWithReferencePerson\"[^>]* checked", html);
        Assert.Contains("value=\"Blandet\"", html, StringComparison.Ordinal);
        Assert.False(await factory.QueryAsync(db => db.Persons.AnyAsync(p => p.LastName == "Blandet")));
    }

    [Fact]
    public async Task Forecast_FamilyReunifiedNeedingAHome_NeedBedsButDoNotCountAgainstTheQuota()
    {
        var arrival = Arrivals.Today.AddDays(25);
        await factory.RegisterAsync(new ArrivalRequest(null, null, arrival,
        [
            new ArrivalMember("Mor", "Kvotefri", new DateOnly(1990, 2, 1), Gender.Female, ResidenceBasis.FamilyReunified),
            new ArrivalMember("Søn", "Kvotefri", new DateOnly(2015, 2, 1), Gender.Male, ResidenceBasis.FamilyReunified, RelationToFirst: RelationKind.Child),
        ]));
        await factory.RegisterAsync(new ArrivalRequest(null, Arrivals.Today.AddDays(-5), arrival,
        [
            new ArrivalMember("Far", "Kvote", new DateOnly(1988, 2, 1), Gender.Male, ResidenceBasis.VisitedRefugee),
            new ArrivalMember("Datter", "Kvote", new DateOnly(2016, 2, 1), Gender.Female, ResidenceBasis.FamilyReunified, RelationToFirst: RelationKind.Child),
        ]));

        var arrivals = (await InputAsync()).RegisteredArrivals.Where(a => a.ExpectedOn == arrival).OrderBy(a => a.CountedAgainstQuota).ToList();

        Assert.Equal([(2, 0), (2, 1)], arrivals.Select(a => (a.Persons, a.CountedAgainstQuota)));

        // Housed this year: the refugee counts against this year's quota, the child who joined him does not.
        var today = await factory.RegisterAsync(new ArrivalRequest(null, Arrivals.Today.AddDays(-5), Arrivals.Today,
        [
            new ArrivalMember("Far", "Husetikvote", new DateOnly(1988, 2, 1), Gender.Male, ResidenceBasis.VisitedRefugee),
            new ArrivalMember("Søn", "Husetikvote", new DateOnly(2016, 2, 1), Gender.Male, ResidenceBasis.FamilyReunified, RelationToFirst: RelationKind.Child),
        ]));
        var before = (await InputAsync()).PersonsAlreadyArrivedThisYear;
        await factory.MovedInAsync(await factory.UnitOfItsOwnAsync("Kvote 1"), today, Arrivals.Today);
        Assert.Equal(before + 1, (await InputAsync()).PersonsAlreadyArrivedThisYear);
    }

    [Fact]
    public async Task HousingDutyPage_Ticked_TakesTheHouseholdOffTheWaitingList_LoggedForEachMember_AndUntickedPutsItBack()
    {
        var household = await factory.RegisterAsync(new ArrivalRequest(null, null, Arrivals.Today,
        [
            new ArrivalMember("Hustru", "Senere", new DateOnly(1991, 3, 1), Gender.Female, ResidenceBasis.FamilyReunified),
            new ArrivalMember("Barn", "Senere", new DateOnly(2019, 3, 1), Gender.Male, ResidenceBasis.FamilyReunified, RelationToFirst: RelationKind.Child),
        ]));
        using var housing = await Browser.SignedInAsync(factory, "bolig");
        Assert.Contains("Senere", await housing.GetPageAsync("/Housing/Placement"), StringComparison.Ordinal);
        // The housing coordinator sees the case, but the choice is the case owner's.
        Assert.Equal(HttpStatusCode.Forbidden, (await housing.GetAsync($"/Households/{household}/HousingDuty")).StatusCode);
        using var coordinator = await Browser.SignedInAsync(factory, "koordinator");
        Assert.Contains($"href=\"/Households/{household}/HousingDuty\"", await coordinator.GetPageAsync($"/Households/{household}"), StringComparison.Ordinal);
        // The page says which tasks the choice closes.
        Assert.Contains("de kommer igen, når krydset fjernes: lejekontrakt, nøgleoverdragelse, startpakke, introduktion til husorden, affaldssortering og energi, fejl- og mangelliste ved indflytning.",
            WebUtility.HtmlDecode(await coordinator.GetPageAsync($"/Households/{household}/HousingDuty")), StringComparison.Ordinal);

        // Sekretariatet has taken the lease already; the keys are handed over.
        var secretariat = await factory.QueryAsync(db => db.Users.Where(u => u.UserName == "sekretariat").Select(u => u.Id).SingleAsync());
        await factory.QueryAsync(async db =>
        {
            var home = await db.Tasks.Where(t => t.HouseholdId == household && (t.Type == TaskType.LeaseContract || t.Type == TaskType.KeyHandover)).ToListAsync();
            home.Single(t => t.Type == TaskType.LeaseContract).Take(secretariat);
            home.Single(t => t.Type == TaskType.KeyHandover).Complete(secretariat, DateTimeOffset.UtcNow);
            return await db.SaveChangesAsync();
        });

        using var ticked = await coordinator.PostFormAsync($"/Households/{household}/HousingDuty", await FormAsync(coordinator, household, true));

        Assert.Equal(HttpStatusCode.Redirect, ticked.StatusCode);
        Assert.DoesNotContain("Senere", await housing.GetPageAsync("/Housing/Placement"), StringComparison.Ordinal);
        var logged = await factory.QueryAsync(db => db.AuditEntries.Where(e => e.Action == AuditAction.LivesWithReferencePersonChanged).ToListAsync());
        var members = await factory.QueryAsync(db => db.Persons.Where(p => p.HouseholdId == household).Select(p => p.Id).ToListAsync());
        Assert.Equal(members.Order(), logged.Select(e => e.SubjectPersonId!.Value).Order());
        Assert.All(logged, e => Assert.EndsWith("bor hos den herboende nej → ja, 4 opgaver lukket", e.Details, StringComparison.Ordinal));
        // Its tasks of a home are closed as not needed, except the keys handed over already; Sekretariatet is told.
        var homeTasks = await HomeTasksAsync(household);
        Assert.Equal(CaseTaskStatus.Done, homeTasks.Single(t => t.Type == TaskType.KeyHandover).Status);
        Assert.All(homeTasks.Where(t => t.Type != TaskType.KeyHandover), t =>
        {
            Assert.Equal(CaseTaskStatus.NotNeeded, t.Status);
            Assert.Equal(ChecklistTaskFactory.NoHomeReason.Text, t.NotNeededReason);
        });
        var sekretariatet = await factory.QueryAsync(db => db.Departments.Where(d => d.Code == "sekretariatet").Select(d => d.Id).SingleAsync());
        var name = await factory.QueryAsync(db => db.Households.Where(h => h.Id == household).Select(h => h.Name).SingleAsync());
        Assert.True(await factory.QueryAsync(db => db.Notifications.AnyAsync(n => n.DepartmentId == sekretariatet && n.Text == $"1 opgave er lukket, husstanden skal bo hos den herboende: {name}")));
        // The start package is Jobberiet's (with the house rules and the defects list in the demo): it is told too.
        var jobberiet = await factory.QueryAsync(db => db.Departments.Where(d => d.Code == "jobberiet").Select(d => d.Id).SingleAsync());
        Assert.Equal(jobberiet, homeTasks.Single(t => t.Type == TaskType.StartPackage).DepartmentId);
        var closedForJobberiet = homeTasks.Count(t => t.DepartmentId == jobberiet);
        Assert.True(await factory.QueryAsync(db => db.Notifications.AnyAsync(n => n.DepartmentId == jobberiet && n.Text == $"{closedForJobberiet} opgaver er lukket, husstanden skal bo hos den herboende: {name}")));

        using var unticked = await coordinator.PostFormAsync($"/Households/{household}/HousingDuty", await FormAsync(coordinator, household, false));

        Assert.Equal(HttpStatusCode.Redirect, unticked.StatusCode);
        Assert.Contains("Senere", await housing.GetPageAsync("/Housing/Placement"), StringComparison.Ordinal);
        Assert.False(await factory.QueryAsync(db => db.Households.Where(h => h.Id == household).Select(h => h.LivesWithReferencePerson).SingleAsync()));
        // A home to find again: each task of a home comes again, open, as a move-in brings those not open; due today at
        // the earliest (its arrival was today).
        var reopened = (await HomeTasksAsync(household)).Where(t => t.Status == CaseTaskStatus.Open).ToList();
        Assert.Equal(HousingDuty.HomeTasks.Order(), reopened.Select(t => t.Type).Order());
        Assert.All(reopened, t => Assert.True(t.DueDate >= Arrivals.Today));
    }

    private Task<List<CaseTask>> HomeTasksAsync(Guid household) =>
        factory.QueryAsync(db => db.Tasks.AsNoTracking().Where(t => t.HouseholdId == household && HousingDuty.HomeTasks.Contains(t.Type)).ToListAsync());

    [Fact]
    public async Task HousingDutyPage_ARefugeeOrAHomeOfOursOrOneAccepted_IsRefusedBesideTheBox()
    {
        var refugee = await factory.RegisterSingleAsync("Flygtning");
        var housed = await factory.RegisterAsync(new ArrivalRequest(null, null, Arrivals.Today,
            [new ArrivalMember("Bror", "Indflyttet", new DateOnly(1995, 3, 1), Gender.Male, ResidenceBasis.FamilyReunified)]));
        await factory.MovedInAsync(await factory.UnitOfItsOwnAsync("Pligt 1"), housed, Arrivals.Today);
        var moving = await factory.RegisterAsync(new ArrivalRequest(null, null, Arrivals.Today,
            [new ArrivalMember("Søster", "Tagetjatil", new DateOnly(1996, 3, 1), Gender.Female, ResidenceBasis.FamilyReunified)]));
        await factory.QueryAsync(db =>
        {
            db.HousingOffers.Add(new HousingOffer(moving, "Engvej 4, 1. tv.", Arrivals.Today.AddDays(-3))).Entity.Accept(Arrivals.Today.AddDays(20));
            return db.SaveChangesAsync();
        });
        using var coordinator = await Browser.SignedInAsync(factory, "koordinator");

        foreach (var (household, message) in new[]
        {
            (refugee, ArrivalValidator.NotAllFamilyReunified),
            (housed, "Husstanden bor i Pligt 1. Registrér fraflytningen på boligens side først."),
            (moving, "Husstanden har takket ja til en permanent bolig gennem kommunen: Engvej 4, 1. tv."),
        })
        {
            using var response = await coordinator.PostFormAsync($"/Households/{household}/HousingDuty", await FormAsync(coordinator, household, true));
            var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains("id=\"LivesWithReferencePerson-error\"", html, StringComparison.Ordinal);
            Assert.Contains(message, html, StringComparison.Ordinal);
            Assert.Matches("id=\"LivesWithReferencePerson\"[^>]* checked", html);
        }

        Assert.False(await factory.QueryAsync(db => db.Households.AnyAsync(h => (h.Id == refugee || h.Id == housed || h.Id == moving) && h.LivesWithReferencePerson)));
    }

    /// <summary>
    /// Not housed by us, so not on its way to a permanent home through us: the pipeline does not list it, and its case
    /// does not link there (a registration or offer posted anyway is refused, <see cref="PipelineStepRefusalTests"/>).
    /// </summary>
    [Fact]
    public async Task LivingWithThePersonItJoined_NotOnThePipeline_NorLinkedToItFromTheCase()
    {
        var household = await factory.RegisterAsync(new ArrivalRequest(null, null, Arrivals.Today,
            [new ArrivalMember("Hustru", "Ikkepåvej", new DateOnly(1993, 3, 1), Gender.Female, ResidenceBasis.FamilyReunified)], LivesWithReferencePerson: true));
        var waiting = await factory.RegisterSingleAsync("Påvejen");
        using var housing = await Browser.SignedInAsync(factory, "bolig");

        var pipeline = WebUtility.HtmlDecode(await housing.GetPageAsync("/Housing/Pipeline"));
        var casePage = await housing.GetPageAsync($"/Households/{household}");

        Assert.Contains("Påvejen", pipeline, StringComparison.Ordinal);
        Assert.DoesNotContain("Ikkepåvej", pipeline, StringComparison.Ordinal);
        Assert.DoesNotContain("/Housing/Pipeline", casePage, StringComparison.Ordinal);
        Assert.Contains($"/Housing/Pipeline?household={waiting}", await housing.GetPageAsync($"/Households/{waiting}"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task MoveIn_AHouseholdLivingWithThePersonItJoined_IsRefused()
    {
        var household = await factory.RegisterAsync(new ArrivalRequest(null, null, Arrivals.Today,
            [new ArrivalMember("Hustru", "Ikkeind", new DateOnly(1991, 3, 1), Gender.Female, ResidenceBasis.FamilyReunified)], LivesWithReferencePerson: true));
        var unit = await factory.UnitOfItsOwnAsync("Pligt 2");

        var moved = await factory.MoveInAsync(unit, household, Arrivals.Today);

        Assert.False(moved.Succeeded);
        Assert.Equal(HousingMoves.LivesWithReferencePerson, moved.Error);
        Assert.False(await factory.QueryAsync(db => db.Occupancies.AnyAsync(o => o.HouseholdId == household)));
    }

    [Fact]
    public async Task AddMember_ARefugeeToAHouseholdLivingWithThePersonItJoined_IsRefusedBesideTheBasis()
    {
        var household = await factory.RegisterAsync(new ArrivalRequest(null, null, Arrivals.Today,
            [new ArrivalMember("Hustru", "Tilføjet", new DateOnly(1991, 3, 1), Gender.Female, ResidenceBasis.FamilyReunified)], LivesWithReferencePerson: true));
        using var coordinator = await Browser.SignedInAsync(factory, "koordinator");

        using var added = await coordinator.PostFormAsync($"/Households/{household}/AddMember", new Dictionary<string, string>
        {
            ["Input.Members[0].FirstName"] = "Fætter",
            ["Input.Members[0].LastName"] = "Tilføjet",
            ["Input.Members[0].BirthDate"] = "1993-04-01",
            ["Input.Members[0].Gender"] = "Male",
            ["Input.Members[0].Basis"] = "VisitedRefugee",
            ["JoinedOn"] = Arrivals.Iso(Arrivals.Today),
            ["CprRegisteredOn"] = Arrivals.Iso(Arrivals.Today),
        });
        var html = WebUtility.HtmlDecode(await added.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, added.StatusCode);
        Assert.Contains("id=\"Input_Members_0__Basis-error\"", html, StringComparison.Ordinal);
        Assert.Contains(ArrivalValidator.JoinsWithoutHome, html, StringComparison.Ordinal);
        Assert.Contains("value=\"Fætter\"", html, StringComparison.Ordinal);
        Assert.Equal(1, await factory.QueryAsync(db => db.Persons.CountAsync(p => p.HouseholdId == household)));
    }

    [Fact]
    public async Task Api_LivesWithReferencePerson_IsSavedAndReturned_AndRefusedWithProblemDetailsForARefugee()
    {
        using var coordinator = await Browser.SignedInAsync(factory, "koordinator");
        object Arrival(string lastName, string basis) => new
        {
            expectedArrival = Arrivals.Iso(Arrivals.Today.AddDays(30)),
            visitationDecisionDate = Arrivals.Iso(Arrivals.Today.AddDays(-3)),
            livesWithReferencePerson = true,
            members = new object[] { new { firstName = "Amal", lastName, birthDate = "1994-05-05", gender = "Female", basis } },
        };

        using var refused = await coordinator.Client.PostAsJsonAsync(new Uri("/api/v1/arrivals", UriKind.Relative), Arrival("Apiflygtning", "VisitedRefugee"));
        using var problem = JsonDocument.Parse(await refused.Content.ReadAsStringAsync());
        using var created = await coordinator.Client.PostAsJsonAsync(new Uri("/api/v1/arrivals", UriKind.Relative), Arrival("Apisammenført", "FamilyReunified"));
        using var body = JsonDocument.Parse(await created.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType!.MediaType);
        Assert.Equal(ArrivalValidator.NotAllFamilyReunified, problem.RootElement.GetProperty("errors").GetProperty("livesWithReferencePerson")[0].GetString());
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.True(body.RootElement.GetProperty("livesWithReferencePerson").GetBoolean());
    }

    private static Dictionary<string, string> Reunified(string lastName, DateOnly arrival)
    {
        var form = Arrivals.Family(lastName);
        form["Input.VisitationDecisionDate"] = "";
        form["Input.ExpectedArrival"] = Arrivals.Iso(arrival);
        foreach (var key in form.Keys.Where(k => k.EndsWith(".Basis", StringComparison.Ordinal)).ToList())
        {
            form[key] = "FamilyReunified";
        }

        return form;
    }

    /// <summary>The page's form as shown, with the box set: the version is the one the page gave.</summary>
    private static async Task<Dictionary<string, string>> FormAsync(Browser coordinator, Guid household, bool livesWithReferencePerson)
    {
        var version = HiddenFields.Value(await coordinator.GetPageAsync($"/Households/{household}/HousingDuty"), "Version");
        return new() { ["Version"] = version, ["LivesWithReferencePerson"] = livesWithReferencePerson ? "true" : "false" };
    }

    private async Task<int> RegisteredArrivalsAsync() => (await InputAsync()).RegisteredArrivals.Sum(a => a.Persons);

    private async Task<Indgang.Domain.Housing.ForecastInput> InputAsync()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<ForecastQuery>().BuildAsync()).Input;
    }
}

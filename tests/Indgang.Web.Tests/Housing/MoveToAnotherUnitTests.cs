using System.Net;
using AngleSharp.Html.Parser;
using Indgang.Domain.Housing;
using Indgang.Domain.Reception;
using Indgang.Domain.Tasks;
using Indgang.Tests.Hosting;
using Indgang.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Indgang.Web.Tests.Infrastructure.Arrivals;

namespace Indgang.Web.Tests.Housing;

/// <summary>
/// A household in one of our temporary units moves straight into another of our units from the resident's move-out form
/// ("Ny bolig"), in one step: the move out with its tasks and the move-in with its lease, keys and house rules are saved
/// together, or, when the new unit refuses the household, neither is and the household still lives where it did.
/// </summary>
public sealed class MoveToAnotherUnitTests(IndgangAppFactory factory) : IClassFixture<IndgangAppFactory>
{
    private static readonly HtmlParser Parser = new();

    [Fact]
    public async Task NewUnitChosen_MovesOutAndIn_InOneStep_WithBothMovesTasks_AndTheOldUnitNamesTheNewHome()
    {
        var (unit, household, stay) = await factory.HousedSingleAsync("Flyttefra 1", "Flyttesen", daysAgo: 30);
        var newUnit = await factory.UnitOfItsOwnAsync("Flyttetil 1", isPermanent: true);
        using var housing = await Browser.SignedInAsync(factory, "bolig");

        using var moved = await MoveAsync(housing, unit, stay, Today, newUnit);

        Assert.Equal(HttpStatusCode.Redirect, moved.StatusCode);
        var old = await factory.QueryAsync(db => db.Occupancies.AsNoTracking().SingleAsync(o => o.Id == stay));
        Assert.Equal((Today, MoveOutDestination.OtherMunicipalUnit), (old.MovedOutOn, old.Destination));
        var next = await factory.QueryAsync(db => db.Occupancies.AsNoTracking().SingleAsync(o => o.HouseholdId == household && o.Id != stay));
        Assert.Equal((newUnit, Today, (DateOnly?)null), (next.UnitId, next.MovedInOn, next.MovedOutOn));
        // The old home's move-out tasks and the new home's move-in tasks, each tied to its stay.
        var tasks = await factory.QueryAsync(db => db.Tasks.AsNoTracking().Where(t => t.HouseholdId == household && t.OccupancyId != null)
            .Select(t => new { t.OccupancyId, t.Type, t.Title, t.DueDate }).ToListAsync());
        Assert.Equal(MoveTasks.MoveOut.Order(), tasks.Where(t => t.OccupancyId == stay && MoveTasks.MoveOut.Contains(t.Type)).Select(t => t.Type).Order());
        Assert.Contains(tasks, t => t.OccupancyId == next.Id && t.Type == TaskType.LeaseContract && t.Title == "Lejekontrakt – Flyttetil 1" && t.DueDate == Today);
        // The old unit's page says where the household went, linked; it waits for no home.
        var page = Parser.ParseDocument(await housing.GetPageAsync($"/Housing/Units/{unit}"));
        Assert.Equal("Flyttetil 1", page.QuerySelector($"[data-next-home='{newUnit}']")?.TextContent);
        Assert.Equal($"/Housing/Units/{newUnit}", page.QuerySelector($"[data-next-home='{newUnit}']")?.GetAttribute("href"));
        Assert.DoesNotContain(Parser.ParseDocument(await housing.GetPageAsync("/Housing/Placement")).QuerySelectorAll("input[name=Households]"),
            c => c.GetAttribute("value") == household.ToString());
    }

    [Fact]
    public async Task NewUnitRefusesTheHousehold_RefusedBesideTheNewUnit_TheFormKept_NeitherMoveSaved()
    {
        var (unit, household, stay) = await factory.HousedSingleAsync("Flyttefra 2", "Dyresen", daysAgo: 30);
        // Temporary, at a rent over every household type's cap: the move-in refuses it, after the move out has passed.
        var tooDear = await factory.UnitOfItsOwnAsync("Flyttetil 2", rent: 99_000m);
        using var housing = await Browser.SignedInAsync(factory, "bolig");
        var day = Today.AddDays(7);

        using var refused = await MoveAsync(housing, unit, stay, day, tooDear);

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var page = Parser.ParseDocument(await refused.Content.ReadAsStringAsync());
        var field = $"MoveToUnitId-{stay}";
        Assert.StartsWith("Fejl: Huslejen (99.000 kr.) overstiger loftet", page.GetElementById($"{field}-error")?.TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector($".alert-error a[href='#{field}']"));
        Assert.Equal(tooDear.ToString(), page.QuerySelector($"#{field} option[selected]")?.GetAttribute("value"));
        Assert.Equal(Iso(day), page.GetElementById($"MoveOutOn-{stay}")?.GetAttribute("value"));
        // Still lives where it did: no move out, no stay in the new unit, no move-out task.
        Assert.Null((await factory.QueryAsync(db => db.Occupancies.AsNoTracking().SingleAsync(o => o.Id == stay))).MovedOutOn);
        Assert.Equal(1, await factory.QueryAsync(db => db.Occupancies.CountAsync(o => o.HouseholdId == household)));
        Assert.False(await factory.QueryAsync(db => db.Tasks.AnyAsync(t => t.OccupancyId == stay && MoveTasks.MoveOut.Contains(t.Type))));
        // The old unit still counts the household's bed.
        Assert.Equal(1, await factory.QueryAsync(db => db.HousingUnits.Where(u => u.Id == unit).Select(u => u.OccupiedBeds).SingleAsync()));
    }

    [Fact]
    public async Task NewUnitFreeOnlyLater_ListedWithItsDay_AndRefusedBesideTheDate()
    {
        var (unit, _, stay) = await factory.HousedSingleAsync("Flyttefra 3", "Senere", daysAgo: 30);
        var later = await factory.UnitOfItsOwnAsync("Flyttetil 3");
        var freeFrom = Today.AddDays(10);
        await factory.QueryAsync(async db =>
        {
            (await db.HousingUnits.SingleAsync(u => u.Id == later)).AvailableFrom = freeFrom;
            return await db.SaveChangesAsync();
        });
        using var housing = await Browser.SignedInAsync(factory, "bolig");

        var form = Parser.ParseDocument(await housing.GetPageAsync($"/Housing/Units/{unit}"));
        var option = form.QuerySelector($"#MoveToUnitId-{stay} option[value='{later}']");
        Assert.NotNull(option);
        Assert.EndsWith($"– ledig fra {freeFrom.ToString("d. MMMM yyyy", new System.Globalization.CultureInfo("da-DK"))}", option.TextContent, StringComparison.Ordinal);
        // The unit the household lives in is not a choice.
        Assert.Null(form.QuerySelector($"#MoveToUnitId-{stay} option[value='{unit}']"));

        using var refused = await MoveAsync(housing, unit, stay, Today, later);

        var page = Parser.ParseDocument(await refused.Content.ReadAsStringAsync());
        Assert.Equal($"Fejl: Boligen er først ledig fra {freeFrom.ToString("d. MMMM yyyy", new System.Globalization.CultureInfo("da-DK"))}.", page.GetElementById($"MoveOutOn-{stay}-error")?.TextContent);
        Assert.Null((await factory.QueryAsync(db => db.Occupancies.AsNoTracking().SingleAsync(o => o.Id == stay))).MovedOutOn);

        using var moved = await MoveAsync(housing, unit, stay, freeFrom, later);
        Assert.Equal(HttpStatusCode.Redirect, moved.StatusCode);
    }

    [Fact]
    public async Task NewUnitChosen_WithAHomeOfItsOwnAsWhereTo_RefusedBesideTheNewUnit_NothingSaved()
    {
        var (unit, _, stay) = await factory.HousedSingleAsync("Flyttefra 4", "Modsat", daysAgo: 30);
        var other = await factory.UnitOfItsOwnAsync("Flyttetil 4");
        using var housing = await Browser.SignedInAsync(factory, "bolig");

        using var refused = await MoveAsync(housing, unit, stay, Today, other, to: "OwnHome");

        var page = Parser.ParseDocument(await refused.Content.ReadAsStringAsync());
        Assert.Equal("Fejl: Vælg »Til en anden bolig fra kommunen«, eller lad »Ny bolig« stå tom.", page.GetElementById($"MoveToUnitId-{stay}-error")?.TextContent);
        Assert.Null((await factory.QueryAsync(db => db.Occupancies.AsNoTracking().SingleAsync(o => o.Id == stay))).MovedOutOn);
    }

    [Fact]
    public async Task OnTheNewUnitsPage_AHouseholdInAnotherTemporaryUnit_IsListedWithItsHome_AndMovesStraightIn()
    {
        var (unit, household, stay) = await factory.HousedSingleAsync("Flyttefra 5", "Indefra", daysAgo: 30);
        var permanent = await factory.UnitOfItsOwnAsync("Flyttetil 5", isPermanent: true);
        using var housing = await Browser.SignedInAsync(factory, "bolig");

        var form = Parser.ParseDocument(await housing.GetPageAsync($"/Housing/Units/{permanent}"));
        var option = form.QuerySelector($"#HouseholdId optgroup[label='Bor i en anden af kommunens midlertidige boliger og flytter derfra'] option[value='{household}']");
        Assert.Equal("Nour Indefra (1 pers., Flyttefra 5)", option?.TextContent);
        // Not on its own unit's page: it lives there.
        Assert.Null(Parser.ParseDocument(await housing.GetPageAsync($"/Housing/Units/{unit}")).QuerySelector($"#HouseholdId option[value='{household}']"));

        using var moved = await housing.PostFormAsync($"/Housing/Units/{permanent}?handler=MoveIn",
            new Dictionary<string, string> { ["HouseholdId"] = household.ToString(), ["MoveInOn"] = Iso(Today) }, formPage: $"/Housing/Units/{permanent}");

        Assert.Equal(HttpStatusCode.Redirect, moved.StatusCode);
        var old = await factory.QueryAsync(db => db.Occupancies.AsNoTracking().SingleAsync(o => o.Id == stay));
        Assert.Equal((Today, MoveOutDestination.OtherMunicipalUnit), (old.MovedOutOn, old.Destination));
        Assert.True(await factory.QueryAsync(db => db.Occupancies.AnyAsync(o => o.HouseholdId == household && o.UnitId == permanent && o.MovedInOn == Today)));
    }

    [Fact]
    public async Task PlannedMoveCalledOffOnTheNewUnit_TheHouseholdStaysOnWhereItLives_ItsMoveOutCalledOffToo()
    {
        var (unit, household, stay) = await factory.HousedSingleAsync("Flyttefra 6", "Bliversen", daysAgo: 30);
        var newUnit = await factory.UnitOfItsOwnAsync("Flyttetil 6", isPermanent: true);
        using var housing = await Browser.SignedInAsync(factory, "bolig");
        var day = Today.AddDays(10);
        Assert.Equal(HttpStatusCode.Redirect, (await MoveAsync(housing, unit, stay, day, newUnit)).StatusCode);
        var planned = await factory.QueryAsync(db => db.Occupancies.Where(o => o.HouseholdId == household && o.UnitId == newUnit).Select(o => o.Id).SingleAsync());

        using var calledOff = await housing.CallOffMoveInAsync(newUnit, planned);

        Assert.Equal(HttpStatusCode.OK, calledOff.StatusCode);
        var told = Parser.ParseDocument(await calledOff.Content.ReadAsStringAsync()).QuerySelector("[data-testid=called-off-told]")?.TextContent.Trim();
        Assert.Equal("Indflytningen er fortrudt. Husstanden bliver boende i Flyttefra 6: fraflytningen derfra er også fortrudt.", told);
        var old = await factory.QueryAsync(db => db.Occupancies.AsNoTracking().SingleAsync(o => o.HouseholdId == household));
        Assert.Equal((stay, (DateOnly?)null, (MoveOutDestination?)null), (old.Id, old.MovedOutOn, old.Destination));
        // The old home's move-out tasks are closed: no lease ends, no keys are handed back.
        Assert.DoesNotContain(await factory.QueryAsync(db => db.Tasks.AsNoTracking().Where(t => t.OccupancyId == stay && MoveTasks.MoveOut.Contains(t.Type)).Select(t => t.Status).ToListAsync()),
            status => status is CaseTaskStatus.Open or CaseTaskStatus.Taken);
    }

    [Fact]
    public async Task PlannedMoveCalledOff_TheOldUnitGivenToAnotherFromTheDay_TheMoveOutStands_AndTheCoordinatorIsToldWhy()
    {
        var (unit, household, stay) = await factory.HousedSingleAsync("Flyttefra 7", "Venteren", daysAgo: 30);
        var newUnit = await factory.UnitOfItsOwnAsync("Flyttetil 7", isPermanent: true);
        using var housing = await Browser.SignedInAsync(factory, "bolig");
        var day = Today.AddDays(10);
        Assert.Equal(HttpStatusCode.Redirect, (await MoveAsync(housing, unit, stay, day, newUnit)).StatusCode);
        await factory.MovedInAsync(unit, await factory.RegisterSingleAsync("Næstesen"), day);
        var planned = await factory.QueryAsync(db => db.Occupancies.Where(o => o.HouseholdId == household && o.UnitId == newUnit).Select(o => o.Id).SingleAsync());

        using var calledOff = await housing.CallOffMoveInAsync(newUnit, planned);

        Assert.Equal(HttpStatusCode.OK, calledOff.StatusCode);
        var told = Parser.ParseDocument(await calledOff.Content.ReadAsStringAsync()).QuerySelector("[data-testid=called-off-told]")?.TextContent.Trim();
        Assert.StartsWith($"Indflytningen er fortrudt. Fraflytningen fra Flyttefra 7 {DanishDates.Written(day)} står stadig, og husstanden kommer til at vente på en bolig: Boligen er givet videre til en anden husstand fra", told, StringComparison.Ordinal);
        var old = await factory.QueryAsync(db => db.Occupancies.AsNoTracking().SingleAsync(o => o.Id == stay));
        Assert.Equal(((DateOnly?)day, (MoveOutDestination?)MoveOutDestination.OtherMunicipalUnit), (old.MovedOutOn, old.Destination));
        Assert.False(await factory.QueryAsync(db => db.Occupancies.AnyAsync(o => o.Id == planned)));
    }

    /// <summary>
    /// A two-step move: the move out to another of our units agreed for one day, the move-in on a later one. Calling off
    /// the move-in leaves the move out as agreed (the coordinator may have reasons for it), and says so: the household
    /// will wait for a home from that day unless the move out is called off too.
    /// </summary>
    [Fact]
    public async Task TwoStepMoveInCalledOff_TheEarlierMoveOutStands_AndTheCoordinatorIsToldTheHouseholdWillWait()
    {
        var moveOut = Today.AddDays(5);

        var (stay, planned, told) = await TwoStepMoveInCalledOffAsync(8, "Totrinsen", moveOut);

        Assert.Equal($"Indflytningen er fortrudt. Fraflytningen fra Flyttefra 8 {DanishDates.Written(moveOut)} står stadig, og husstanden kommer til at vente på en bolig derfra. Skal den blive boende, så fortryd fraflytningen på boligens side.", told);
        var old = await factory.QueryAsync(db => db.Occupancies.AsNoTracking().SingleAsync(o => o.Id == stay));
        Assert.Equal(((DateOnly?)moveOut, (MoveOutDestination?)MoveOutDestination.OtherMunicipalUnit), (old.MovedOutOn, old.Destination));
        Assert.False(await factory.QueryAsync(db => db.Occupancies.AnyAsync(o => o.Id == planned)));
    }

    /// <summary>
    /// A two-step move whose move out was today: it has happened and cannot be called off, so calling off the move-in
    /// leaves the household without a home from today. Before, the coordinator was told nothing of it.
    /// </summary>
    [Fact]
    public async Task TwoStepMoveInCalledOff_AfterTheMoveOutToday_TheCoordinatorIsToldTheHouseholdWaitsNow()
    {
        var (stay, planned, told) = await TwoStepMoveInCalledOffAsync(9, "Idagsen", Today);

        Assert.Equal("Indflytningen er fortrudt. Husstanden er flyttet ud af Flyttefra 9 i dag, og det kan ikke fortrydes. Den venter nu på en bolig.", told);
        var old = await factory.QueryAsync(db => db.Occupancies.AsNoTracking().SingleAsync(o => o.Id == stay));
        Assert.Equal(((DateOnly?)Today, (MoveOutDestination?)MoveOutDestination.OtherMunicipalUnit), (old.MovedOutOn, old.Destination));
        Assert.False(await factory.QueryAsync(db => db.Occupancies.AnyAsync(o => o.Id == planned)));
    }

    /// <summary>
    /// A two-step move (out of »Flyttefra n« to another of our units on <paramref name="moveOut"/>, into »Flyttetil n« 12
    /// days from today) whose move-in the housing coordinator calls off: the old stay, the called-off stay, and what she
    /// was told.
    /// </summary>
    private async Task<(Guid Stay, Guid Planned, string? Told)> TwoStepMoveInCalledOffAsync(int n, string lastName, DateOnly moveOut)
    {
        var (unit, household, stay) = await factory.HousedSingleAsync($"Flyttefra {n}", lastName, daysAgo: 30);
        var newUnit = await factory.UnitOfItsOwnAsync($"Flyttetil {n}", isPermanent: true);
        using var housing = await Browser.SignedInAsync(factory, "bolig");
        Assert.Equal(HttpStatusCode.Redirect, (await housing.PostFormAsync($"/Housing/Units/{unit}?handler=MoveOut",
            new Dictionary<string, string> { ["OccupancyId"] = stay.ToString(), ["MoveOutOn"] = Iso(moveOut), ["MoveOutTo"] = "OtherMunicipalUnit" }, formPage: $"/Housing/Units/{unit}")).StatusCode);
        await factory.MovedInAsync(newUnit, household, Today.AddDays(12));
        var planned = await factory.QueryAsync(db => db.Occupancies.Where(o => o.HouseholdId == household && o.UnitId == newUnit).Select(o => o.Id).SingleAsync());

        using var calledOff = await housing.CallOffMoveInAsync(newUnit, planned);

        Assert.Equal(HttpStatusCode.OK, calledOff.StatusCode);
        return (stay, planned, Parser.ParseDocument(await calledOff.Content.ReadAsStringAsync()).QuerySelector("[data-testid=called-off-told]")?.TextContent.Trim());
    }

    private static Task<HttpResponseMessage> MoveAsync(Browser housing, Guid unit, Guid stay, DateOnly day, Guid newUnit, string? to = null)
    {
        var fields = new Dictionary<string, string> { ["OccupancyId"] = stay.ToString(), ["MoveOutOn"] = Iso(day), ["MoveToUnitId"] = newUnit.ToString() };
        if (to is not null)
        {
            fields["MoveOutTo"] = to;
        }

        return housing.PostFormAsync($"/Housing/Units/{unit}?handler=MoveOut", fields, formPage: $"/Housing/Units/{unit}");
    }
}

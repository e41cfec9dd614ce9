using Indgang.Domain.Housing;
using Indgang.Domain.Journal;
using Indgang.Domain.Reception;
using Indgang.Domain.Tasks;
using Indgang.Tests.Hosting;
using Indgang.Web.Data;
using Indgang.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;

namespace Indgang.Web.Tests.Operations;

/// <summary>
/// Migrations that fix the data of rows made before them (the demo data, with the schema taken back to the migration
/// before). Rows made before their table had a concurrency token get one each, written so that the provider reads it
/// back: a change checked against it is saved.
/// </summary>
public sealed class DataMigrationTests(IndgangAppFactory factory) : IClassFixture<IndgangAppFactory>
{
    [Fact]
    public async Task HousingSiteVersion_ExistingSites_EachGetAVersionThatAnEditIsCheckedAgainst()
    {
        await factory.RollBackToBeforeAsync("_HousingSiteVersion");
        await MigrateAsync();

        AssertOneVersionEach(await factory.QueryAsync(db => db.HousingSites.AsNoTracking().Select(s => s.Version).ToListAsync()), atLeast: 4);

        var saved = await factory.QueryAsync(async db =>
        {
            var site = await db.HousingSites.OrderBy(s => s.Name).FirstAsync();
            site.Edit(site.Name + " (rettet)", site.Kind, site.TownId, site.Address);
            return await db.SaveChangesAsync();
        });
        Assert.Equal(1, saved);
    }

    [Fact]
    public async Task HouseholdVersion_ExistingHouseholds_EachGetAVersionThatAnArrivalChangeIsCheckedAgainst()
    {
        await factory.RollBackToBeforeAsync("_HouseholdVersion");
        await MigrateAsync();

        AssertOneVersionEach(await factory.QueryAsync(db => db.Households.AsNoTracking().Select(h => h.Version).ToListAsync()), atLeast: 3);

        var saved = await factory.QueryAsync(async db =>
        {
            var household = await db.Households.OrderBy(h => h.Name).FirstAsync();
            household.SetArrival(household.ExpectedArrival?.AddDays(1), household.ArrivedOn);
            return await db.SaveChangesAsync();
        });
        Assert.Equal(1, saved);
    }

    [Fact]
    public async Task ArrivalNeverAhead_AnArrivalStoredForADayToCome_BecomesTheExpectedArrival_OthersStay()
    {
        await factory.RollBackToBeforeAsync("_ArrivalNeverAhead");
        var ahead = DateOnly.FromDateTime(DateTime.Now).AddDays(10);
        var (planned, arrived) = await factory.QueryAsync(async db =>
        {
            // As a planned move-in stored it before: "arrived" on its day ahead. Only the columns of that time are read
            // or written: the model has more.
            await db.Households.Where(h => h.Name == "Familien Kovalenko").ExecuteUpdateAsync(set => set.SetProperty(h => h.ArrivedOn, ahead));
            var kovalenko = await db.Households.Where(h => h.Name == "Familien Kovalenko").Select(h => h.Id).FirstAsync();
            var haddad = await db.Households.Where(h => h.Name == "Familien Haddad").Select(h => new { h.Id, h.ArrivedOn }).FirstAsync();
            return (kovalenko, (haddad.Id, haddad.ArrivedOn));
        });

        await MigrateAsync();

        var after = await factory.QueryAsync(db => db.Households.AsNoTracking().Where(h => h.Id == planned || h.Id == arrived.Id)
            .ToDictionaryAsync(h => h.Id, h => (h.ExpectedArrival, h.ArrivedOn)));
        Assert.Equal((ahead, (DateOnly?)null), after[planned]);
        Assert.NotNull(arrived.ArrivedOn);
        Assert.Equal(arrived.ArrivedOn, after[arrived.Id].ArrivedOn);
    }

    [Fact]
    public async Task MoveOutDestination_StaysEndedByAnAcceptedOffer_WentToAHomeOfTheirOwn_OthersUnsaid()
    {
        await factory.RollBackToBeforeAsync("_MoveOutDestination");
        // The Sharifis move out of their temporary unit with their offer still unanswered: where to is not known.
        var today = DateOnly.FromDateTime(DateTime.Now);
        await factory.QueryAsync(db => db.Database.ExecuteSqlAsync(
            $"UPDATE \"Occupancies\" SET \"MovedOutOn\" = {today} WHERE \"HouseholdId\" IN (SELECT \"Id\" FROM \"Households\" WHERE \"Name\" = 'Familien Sharifi')"));

        await MigrateAsync();

        var ended = await factory.QueryAsync(db => (from o in db.Occupancies.AsNoTracking()
                                                     join h in db.Households on o.HouseholdId equals h.Id
                                                     where o.MovedOutOn != null
                                                     select new { h.Name, o.Destination }).ToListAsync());
        Assert.Equal(
            [("Familien Nazari", MoveOutDestination.OwnHome), ("Familien Osman", MoveOutDestination.OwnHome), ("Familien Sharifi", (MoveOutDestination?)null), ("Familien Yousef", MoveOutDestination.OwnHome)],
            ended.Select(e => (e.Name, e.Destination)).Order().ToList());
    }

    [Fact]
    public async Task MoveOutTasks_AMatrixKeptBefore_GetsAllerødsOwnersOfTheNewTaskTypes_NoMatrixKeptStaysNone()
    {
        var kept = await factory.QueryAsync(db => db.Responsibilities.AsNoTracking().ToListAsync());
        var departments = await factory.QueryAsync(db => db.Departments.ToDictionaryAsync(d => d.Code, d => d.Id));
        await factory.RollBackToBeforeAsync("_MoveOutTasks");
        Assert.False(await factory.QueryAsync(db => db.Responsibilities.AnyAsync(r => MoveTasks.MoveOut.Contains(r.TaskType))));

        await MigrateAsync();

        var owners = await factory.QueryAsync(db => db.Responsibilities.AsNoTracking().ToDictionaryAsync(r => r.TaskType, r => r.DepartmentId));
        Assert.Equal(
            [departments["sekretariatet"], departments["sekretariatet"], departments["teknik-drift"]],
            MoveTasks.MoveOut.Select(t => owners.GetValueOrDefault(t)));
        Assert.Equal(kept.Count, owners.Count);

        // A database where no matrix has been kept (the tasks go to the default owners) is left without one.
        await factory.RollBackToBeforeAsync("_MoveOutTasks");
        await factory.QueryAsync(db => db.Responsibilities.ExecuteDeleteAsync());
        await MigrateAsync();
        Assert.False(await factory.QueryAsync(db => db.Responsibilities.AnyAsync()));

        await factory.QueryAsync(db =>
        {
            db.Responsibilities.AddRange(kept.Select(r => new Responsibility(r.TaskType, r.DepartmentId)));
            return db.SaveChangesAsync();
        });
    }

    [Fact]
    public async Task CaseInsensitiveNames_LabelsOnASiteAndSiteNamesDifferingOnlyInCase_AllButOneRenamed_ThenRefused()
    {
        await factory.RollBackToBeforeAsync("_CaseInsensitiveNames");
        var longLabel = new string('x', 99) + "Y";
        var arranged = await factory.QueryAsync(async db =>
        {
            var sites = await db.HousingSites.OrderBy(s => s.Name).Take(2).Select(s => s.Id).ToListAsync();
            var town = await db.Towns.OrderBy(t => t.Name).Select(t => t.Id).FirstAsync();
            HousingUnit Unit(int site, string label) => db.HousingUnits.Add(new HousingUnit(sites[site], label, 1, 1, 1800m) { AvailableFrom = new DateOnly(2026, 1, 1) }).Entity;
            HousingSite Site(string name) => db.HousingSites.Add(new HousingSite(name, SiteKind.Pavilion, town, null)).Entity;
            var units = new[] { Unit(0, "Pavillon Dublet"), Unit(0, "pavillon dublet"), Unit(0, "PAVILLON DUBLET"), Unit(1, "pavillon dublet"), Unit(0, longLabel), Unit(0, longLabel.ToLowerInvariant()) };
            var twins = new[] { Site("Tvillingstedet"), Site("TVILLINGSTEDET") };
            await db.SaveChangesAsync();
            return (Units: units.Select(u => (u.Id, u.Version)).ToList(), Sites: twins.Select(s => (s.Id, s.Version)).ToList(), FirstSite: sites[0]);
        });

        await MigrateAsync();

        var units = await factory.QueryAsync(db => db.HousingUnits.AsNoTracking().ToDictionaryAsync(u => u.Id));
        var labels = arranged.Units.Select(u => units[u.Id].Label).ToList();
        // The first in binary order keeps its label (capitals first); the others get a number. On another site the label is another unit's.
        Assert.Equal(["Pavillon Dublet (dublet 2)", "pavillon dublet (dublet 3)", "PAVILLON DUBLET", "pavillon dublet", new string('x', 99) + "Y", new string('x', 89) + " (dublet 2)"], labels);
        Assert.Equal([true, true, false, false, false, true], arranged.Units.Select(u => units[u.Id].Version != u.Version));
        var sites = await factory.QueryAsync(db => db.HousingSites.AsNoTracking().ToDictionaryAsync(s => s.Id));
        Assert.Equal(["Tvillingstedet (dublet 2)", "TVILLINGSTEDET"], arranged.Sites.Select(s => sites[s.Id].Name));
        Assert.Equal([true, false], arranged.Sites.Select(s => sites[s.Id].Version != s.Version));

        var refused = await Record.ExceptionAsync(() => factory.QueryAsync(db =>
        {
            db.HousingUnits.Add(new HousingUnit(arranged.FirstSite, "Pavillon DUBLET", 1, 1, 1800m) { AvailableFrom = new DateOnly(2026, 1, 1) });
            return db.SaveChangesAsync();
        }));
        Assert.True(refused is DbUpdateException unit && UniqueViolation.Is(unit), refused?.ToString());
        refused = await Record.ExceptionAsync(() => factory.QueryAsync(async db =>
        {
            db.HousingSites.Add(new HousingSite("tvillingSTEDET", SiteKind.Pavilion, await db.Towns.OrderBy(t => t.Name).Select(t => t.Id).FirstAsync(), null));
            return await db.SaveChangesAsync();
        }));
        Assert.True(refused is DbUpdateException site && UniqueViolation.Is(site), refused?.ToString());
    }

    /// <summary>A note written before its department was kept is read in its author's department as it is at the migration.</summary>
    [Fact]
    public async Task JournalNoteAuthorDepartment_NotesWrittenBefore_GetTheirAuthorsDepartment()
    {
        var (note, department) = await factory.QueryAsync(async db =>
        {
            var author = await db.Users.Where(u => u.UserName == "sekretariat").Select(u => new { u.Id, u.DisplayName, u.DepartmentId }).SingleAsync();
            var household = await db.Households.OrderBy(h => h.Name).Select(h => h.Id).FirstAsync();
            var written = db.JournalNotes.Add(new JournalNote(household, null, author.Id, author.DisplayName, null, false, DateTimeOffset.UtcNow, "Skrevet før afdelingen blev gemt")).Entity;
            await db.SaveChangesAsync();
            return (written.Id, author.DepartmentId);
        });
        await factory.RollBackToBeforeAsync("_JournalNoteAuthorDepartment");

        await MigrateAsync();

        Assert.NotNull(department);
        Assert.Equal(department, await factory.QueryAsync(db => db.JournalNotes.Where(n => n.Id == note).Select(n => n.AuthorDepartmentId).SingleAsync()));
    }

    /// <summary>
    /// A note written before the author's role was kept on it is the coordinators' alone if its author is a coordinator at
    /// the migration; any other author's note stays its department's (decision 0014).
    /// </summary>
    [Fact]
    public async Task JournalNoteWrittenByCaseOwner_NotesWrittenBefore_AreTheCoordinatorsIfTheirAuthorIsOne()
    {
        var notes = await factory.QueryAsync(async db =>
        {
            var household = await db.Households.OrderBy(h => h.Name).Select(h => h.Id).FirstAsync();
            var written = new List<Guid>();
            foreach (var userName in (string[])["koordinator", "bolig", "sekretariat"])
            {
                var author = await db.Users.Where(u => u.UserName == userName).Select(u => new { u.Id, u.DisplayName, u.DepartmentId }).SingleAsync();
                written.Add(db.JournalNotes.Add(new JournalNote(household, null, author.Id, author.DisplayName, author.DepartmentId, false, DateTimeOffset.UtcNow, $"Skrevet af {userName} før rollen blev gemt")).Entity.Id);
            }

            await db.SaveChangesAsync();
            return written;
        });
        await factory.RollBackToBeforeAsync("_JournalNoteWrittenByCaseOwner");

        await MigrateAsync();

        var byCaseOwner = await factory.QueryAsync(db => db.JournalNotes.Where(n => notes.Contains(n.Id)).ToDictionaryAsync(n => n.Id, n => n.WrittenByCaseOwner));
        Assert.Equal([true, false, false], notes.Select(n => byCaseOwner[n]));
    }

    /// <summary>
    /// A second municipality (two administrators created it at the same moment) goes, its department and town kept under
    /// the first; department and town names that differ only in case are renamed but one; then both are refused.
    /// </summary>
    [Fact]
    public async Task OrganisationUniqueness_ASecondMunicipalityMerged_NamesDifferingOnlyInCaseRenamed_ThenRefused()
    {
        await factory.RollBackToBeforeAsync("_OrganisationUniqueness");
        var (second, department, town) = (Guid.Parse("ffffffff-ffff-ffff-ffff-fffffffffff0"), Guid.NewGuid(), Guid.NewGuid());
        var first = await factory.QueryAsync(async db =>
        {
            // Written in SQL: the model knows the column that this migration adds.
            await db.Database.ExecuteSqlAsync($"INSERT INTO \"Municipalities\" (\"Id\", \"Name\", \"Code\") VALUES ({second}, 'Allerød Kommune', '201')");
            await db.Database.ExecuteSqlAsync($"INSERT INTO \"Departments\" (\"Id\", \"MunicipalityId\", \"Name\", \"Code\") VALUES ({department}, {second}, 'sekretariatet', 'sekretariatet-2')");
            await db.Database.ExecuteSqlAsync($"INSERT INTO \"Towns\" (\"Id\", \"MunicipalityId\", \"Name\", \"Population\") VALUES ({town}, {second}, 'lillerød', 10)");
            return await db.Departments.Where(d => d.Code == "sekretariatet").Select(d => d.MunicipalityId).SingleAsync();
        });

        await MigrateAsync();

        Assert.Equal([first], await factory.QueryAsync(db => db.Municipalities.Select(m => m.Id).ToListAsync()));
        // The first in binary order keeps its name (capitals first).
        var departments = await factory.QueryAsync(db => db.Departments.AsNoTracking().Where(d => d.Code.StartsWith("sekretariatet")).OrderBy(d => d.Code).ToListAsync());
        Assert.Equal([("Sekretariatet", first), ("sekretariatet (dublet 2)", first)], departments.Select(d => (d.Name, d.MunicipalityId)));
        var towns = await factory.QueryAsync(db => db.Towns.AsNoTracking().Where(t => t.Id == town || t.Name == "Lillerød").OrderBy(t => t.Population).ToListAsync());
        Assert.Equal([("lillerød (dublet 2)", first), ("Lillerød", first)], towns.Select(t => (t.Name, t.MunicipalityId)));

        var refused = await Record.ExceptionAsync(() => factory.QueryAsync(async db =>
        {
            (await db.Municipalities.Include(m => m.Departments).SingleAsync()).AddDepartment("SEKRETARIATET", "sekretariatet-3");
            return await db.SaveChangesAsync();
        }));
        Assert.True(refused is DbUpdateException duplicateDepartment && UniqueViolation.Is(duplicateDepartment), refused?.ToString());
        refused = await Record.ExceptionAsync(() => factory.QueryAsync(db =>
        {
            db.Municipalities.Add(new Indgang.Domain.Municipalities.Municipality("Anden Kommune", "202"));
            return db.SaveChangesAsync();
        }));
        Assert.True(refused is DbUpdateException secondMunicipality && UniqueViolation.Is(secondMunicipality), refused?.ToString());
    }

    /// <summary>
    /// A task escalated before the keys named the task's due date ("overdue:{task}") gets the date the task has at the
    /// migration: it is not escalated again for that date, and is for a later one. Before, the watch took the old key as
    /// raised for every date, so a task moved later was never told of again.
    /// </summary>
    [Fact]
    public async Task DatedNoticeKeys_AnOldKeyGetsTheTasksDate_ALaterDateIsToldOfAgain()
    {
        var household = await factory.RegisterSingleAsync("Nøgledato");
        await factory.RollBackToBeforeAsync("_DatedNoticeKeys");
        var today = DateOnly.FromDateTime(DateTime.Now);
        var task = await factory.QueryAsync(async db =>
        {
            // Read and moved by the columns this migration knows: the model knows columns added after it (the notice's
            // message, the closed task's), so neither is read or written whole.
            var first = await db.Tasks.Where(t => t.HouseholdId == household && t.Status == CaseTaskStatus.Open).OrderBy(t => t.Title).Select(t => t.Id).FirstAsync();
            await db.Tasks.Where(t => t.Id == first).ExecuteUpdateAsync(s => s.SetProperty(t => t.DueDate, today.AddDays(-10)));
            var coordinator = await db.Users.Where(u => u.UserName == "koordinator").Select(u => u.Id).SingleAsync();
            var (notice, key, now) = (Guid.NewGuid(), $"overdue:{first}", DateTimeOffset.UtcNow);
            await db.Database.ExecuteSqlAsync(
                $"INSERT INTO \"Notifications\" (\"Id\", \"RecipientUserId\", \"Text\", \"Link\", \"CreatedAt\", \"DedupKey\", \"HouseholdId\") VALUES ({notice}, {coordinator}, 'Overskredet før', '/', {now}, {key}, {household})");
            return first;
        });

        await MigrateAsync();
        await RunDeadlineWatchAsync();

        Assert.Equal([$"overdue:{task}:{today.AddDays(-10):yyyy-MM-dd}"], await OverdueKeysAsync(task));

        await factory.QueryAsync(async db =>
        {
            (await db.Tasks.SingleAsync(t => t.Id == task)).Reschedule(today.AddDays(-1));
            return await db.SaveChangesAsync();
        });
        await RunDeadlineWatchAsync();

        Assert.Equal([$"overdue:{task}:{today.AddDays(-10):yyyy-MM-dd}", $"overdue:{task}:{today.AddDays(-1):yyyy-MM-dd}"], await OverdueKeysAsync(task));
    }

    private Task<List<string>> OverdueKeysAsync(Guid task) =>
        factory.QueryAsync(db => db.Notifications.Where(n => n.DedupKey!.StartsWith($"overdue:{task}")).Select(n => n.DedupKey!).OrderBy(k => k).ToListAsync());

    private async Task RunDeadlineWatchAsync()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<Features.Notifications.DeadlineWatch>().RunOnceAsync();
    }

    /// <summary>
    /// A household holding two open stays (the race the index closes was open before it) would stop the upgrade when the
    /// index is made: the earlier stay is ended on the day the later one began, and the index is made.
    /// </summary>
    [Fact]
    public async Task OneOpenStayPerHousehold_TwoOpenStaysOfAHousehold_TheEarlierEndsWhenTheLaterBegan()
    {
        // Two stays of the test's own (the demo data's are read by the other tests), the later made the first household's.
        var first = await factory.HousedSingleAsync("Dobbeltophold 1", "Dobbeltophold", daysAgo: 20);
        var second = await factory.HousedSingleAsync("Dobbeltophold 2", "Andetophold", daysAgo: 6);
        var unitBefore = await factory.QueryAsync(db => db.HousingUnits.AsNoTracking().Where(u => u.Id == first.Unit).Select(u => new { u.OccupiedBeds, u.OccupyingHouseholds, u.AvailableFrom }).SingleAsync());
        Assert.Equal((1, 1), (unitBefore.OccupiedBeds, unitBefore.OccupyingHouseholds));
        await factory.RollBackToBeforeAsync("_OneOpenStayPerHousehold");
        await factory.QueryAsync(db => db.Occupancies.Where(o => o.Id == second.Stay).ExecuteUpdateAsync(set => set.SetProperty(o => o.HouseholdId, first.Household)));
        var (earlier, later) = ((Id: first.Stay, HouseholdId: first.Household), (Id: second.Stay, MovedInOn: DateOnly.FromDateTime(DateTime.Now).AddDays(-6)));

        await MigrateAsync();

        var stays = await factory.QueryAsync(db => db.Occupancies.AsNoTracking().Where(o => o.HouseholdId == earlier.HouseholdId).ToDictionaryAsync(o => o.Id, o => o.MovedOutOn));
        Assert.Equal(later.MovedInOn, stays[earlier.Id]);
        Assert.Null(stays[later.Id]);
        Assert.Single(stays.Values, movedOut => movedOut is null);
        // The unit of the stay ended is given back, as a move-out gives it back: no beds or household left on it, and
        // ready for someone else from the day the stay ended.
        var unitAfter = await factory.QueryAsync(db => db.HousingUnits.AsNoTracking().Where(u => u.Id == first.Unit).Select(u => new { u.OccupiedBeds, u.OccupyingHouseholds, u.AvailableFrom }).SingleAsync());
        Assert.Equal((0, 0, later.MovedInOn), (unitAfter.OccupiedBeds, unitAfter.OccupyingHouseholds, unitAfter.AvailableFrom));

        // Put back as they were: the other tests list the stays ended.
        await factory.QueryAsync(async db =>
        {
            await db.HousingUnits.Where(u => u.Id == first.Unit).ExecuteUpdateAsync(set => set
                .SetProperty(u => u.OccupiedBeds, unitBefore.OccupiedBeds).SetProperty(u => u.OccupyingHouseholds, unitBefore.OccupyingHouseholds).SetProperty(u => u.AvailableFrom, unitBefore.AvailableFrom));
            await db.Occupancies.Where(o => o.Id == later.Id).ExecuteUpdateAsync(set => set.SetProperty(o => o.HouseholdId, second.Household));
            return await db.Occupancies.Where(o => o.Id == earlier.Id).ExecuteUpdateAsync(set => set.SetProperty(o => o.MovedOutOn, (DateOnly?)null));
        });
    }

    /// <summary>
    /// A household holding two accepted offers (the race the index closes was open before it) would stop the upgrade when
    /// the index is made: the one with the earlier move is open again, as an acceptance that fell through, and the index is made.
    /// </summary>
    [Fact]
    public async Task OneAcceptedOfferPerHousehold_TwoAcceptedOffersOfAHousehold_TheEarlierMoveIsOpenAgain()
    {
        var today = DateOnly.FromDateTime(DateTime.Now);
        // Offers of the test's own (the demo data's are read by the other tests), both accepted by one household.
        var household = await factory.RegisterSingleAsync("Toaccepterede");
        var (earlier, later) = await factory.QueryAsync(async db =>
        {
            var offers = new[] { new HousingOffer(household, "Første Allé 1, 3450 Allerød", today.AddDays(-40)), new HousingOffer(household, "Anden Allé 2, 3450 Allerød", today.AddDays(-20)) };
            db.HousingOffers.AddRange(offers);
            await db.SaveChangesAsync();
            return (offers[0].Id, offers[1].Id);
        });
        await factory.RollBackToBeforeAsync("_OfferVersionAndOneAcceptedPerHousehold");
        await factory.QueryAsync(async db =>
        {
            await db.HousingOffers.Where(o => o.Id == earlier)
                .ExecuteUpdateAsync(set => set.SetProperty(o => o.Status, OfferStatus.Accepted).SetProperty(o => o.MoveDate, today.AddDays(-30)));
            return await db.HousingOffers.Where(o => o.Id == later)
                .ExecuteUpdateAsync(set => set.SetProperty(o => o.Status, OfferStatus.Accepted).SetProperty(o => o.MoveDate, today.AddDays(400)));
        });

        await MigrateAsync();

        var offers = await factory.QueryAsync(db => db.HousingOffers.AsNoTracking().Where(o => o.HouseholdId == household).ToDictionaryAsync(o => o.Id, o => (o.Status, o.MoveDate)));
        Assert.Equal((OfferStatus.Pending, (DateOnly?)null), offers[earlier]);
        Assert.Equal((OfferStatus.Accepted, (DateOnly?)today.AddDays(400)), offers[later]);
        Assert.Single(offers.Values, offer => offer.Status == OfferStatus.Accepted);
    }

    /// <summary>Every demo row has a version, none empty and no two alike.</summary>
    private static void AssertOneVersionEach(List<Guid> versions, int atLeast)
    {
        Assert.True(versions.Count >= atLeast, $"Only {versions.Count} demo rows.");
        Assert.DoesNotContain(Guid.Empty, versions);
        Assert.Equal(versions.Count, versions.Distinct().Count());
    }

    private Task<int> MigrateAsync() =>
        factory.QueryAsync(async db =>
        {
            await db.GetService<IMigrator>().MigrateAsync();
            return db.Database.GetMigrations().Count();
        });
}

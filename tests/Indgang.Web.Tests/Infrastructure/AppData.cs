using System.Globalization;
using Indgang.Domain.Audit;
using Indgang.Domain.Housing;
using Indgang.Domain.People;
using Indgang.Domain.Reception;
using Indgang.Tests.Hosting;
using Indgang.Web.Data;
using Indgang.Web.Features.Housing;
using Indgang.Web.Features.Reception;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Indgang.Web.Tests.Infrastructure;

/// <summary>Direct looks into the test database, for arranging and for asserting what a request did.</summary>
public static class AppData
{
    public static async Task<T> QueryAsync<T>(this IndgangAppFactory factory, Func<IndgangDbContext, Task<T>> query)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<IndgangDbContext>());
    }

    /// <summary>
    /// The app's database rolled back to the schema as it was just before the migration whose name ends with
    /// <paramref name="migrationSuffix"/>; answers every migration the app has, in order.
    /// </summary>
    public static Task<List<string>> RollBackToBeforeAsync(this IndgangAppFactory factory, string migrationSuffix) =>
        factory.QueryAsync(async db =>
        {
            var migrations = db.Database.GetMigrations().ToList();
            await db.GetService<Microsoft.EntityFrameworkCore.Migrations.IMigrator>().MigrateAsync(migrations[migrations.FindIndex(m => m.EndsWith(migrationSuffix, StringComparison.Ordinal)) - 1]);
            return migrations;
        });

    /// <summary>A site to put a test's own units on: the first by name, the same in every run.</summary>
    public static Task<Guid> SomeSiteIdAsync(this IndgangDbContext db) =>
        db.HousingSites.OrderBy(s => s.Name).Select(s => s.Id).FirstAsync();

    /// <summary>
    /// A unit the test's alone, on a demo site, free from long before the test's days, with 2 beds at a rent under every
    /// household type's cap (unless told otherwise): temporary, or permanent; whole, or a shared room.
    /// </summary>
    public static Task<Guid> UnitOfItsOwnAsync(this IndgangAppFactory factory, string label, bool isPermanent = false, int beds = 2, decimal rent = 2000m, bool shared = false) =>
        factory.QueryAsync(async db =>
        {
            var unit = db.HousingUnits.Add(new HousingUnit(await db.SomeSiteIdAsync(), label, rooms: 1, beds: beds, monthlyRent: rent)
            {
                IsPermanent = isPermanent,
                IsSharedRoom = shared,
                AvailableFrom = DateOnly.FromDateTime(DateTime.Now).AddYears(-3),
            }).Entity;
            await db.SaveChangesAsync();
            return unit.Id;
        });

    /// <summary>
    /// A single adult registered and moved into a unit of its own (<see cref="UnitOfItsOwnAsync"/>, labelled
    /// <paramref name="unitLabel"/>) <paramref name="daysAgo"/> days ago: the unit, the household and its stay.
    /// </summary>
    public static async Task<(Guid Unit, Guid Household, Guid Stay)> HousedSingleAsync(
        this IndgangAppFactory factory, string unitLabel, string lastName, int daysAgo, bool isPermanent = false, Gender gender = Gender.Female, string firstName = "Nour")
    {
        var household = await factory.RegisterSingleAsync(lastName, gender, firstName);
        var unit = await factory.UnitOfItsOwnAsync(unitLabel, isPermanent);
        await factory.MovedInAsync(unit, household, DateOnly.FromDateTime(DateTime.Now).AddDays(-daysAgo));
        var stay = await factory.StayOfAsync(household);
        return (unit, household, stay);
    }

    /// <summary>A demo housing unit's id by its label (labels are unique in the demo stock).</summary>
    public static Task<Guid> UnitIdAsync(this IndgangAppFactory factory, string label) =>
        factory.QueryAsync(db => db.HousingUnits.Where(u => u.Label == label).Select(u => u.Id).SingleAsync());

    public static Task<Guid> PersonIdAsync(this IndgangAppFactory factory, string firstName) =>
        factory.QueryAsync(db => db.Persons.Where(p => p.FirstName == firstName).Select(p => p.Id).SingleAsync());

    public static Task<int> AuditCountAsync(this IndgangAppFactory factory, AuditAction action, Guid subject) =>
        factory.QueryAsync(db => db.AuditEntries.CountAsync(e => e.Action == action && e.SubjectPersonId == subject));

    /// <summary>How often the household has been recorded as read (the entries named "Husstand {id}" exactly).</summary>
    public static Task<int> HouseholdReadsAsync(this IndgangAppFactory factory, Guid household)
    {
        var named = Web.Audit.AuditLog.Household(household);
        return factory.QueryAsync(db => db.AuditEntries.CountAsync(e => e.Action == AuditAction.HouseholdRead && e.Details == named));
    }

    /// <summary>A single adult registered by the coordinator, arriving today.</summary>
    public static Task<Guid> RegisterSingleAsync(this IndgangAppFactory factory, string lastName, Gender gender = Gender.Male, string firstName = "Solo") =>
        factory.RegisterAsync(new ArrivalRequest(null, null, DateOnly.FromDateTime(DateTime.Now),
            [new ArrivalMember(firstName, lastName, new DateOnly(1990, 1, 1), gender, ResidenceBasis.QuotaRefugee)]));

    /// <summary>A quota refugee alone, born 1985, who came on <paramref name="came"/>: the household and the person.</summary>
    public static async Task<(Guid Household, Guid Person)> RegisterQuotaRefugeeAsync(this IndgangAppFactory factory, string lastName, DateOnly came)
    {
        var household = await factory.RegisterAsync(new ArrivalRequest(null, null, came,
            [new ArrivalMember("Enlig", lastName, new DateOnly(1985, 4, 4), Gender.Female, ResidenceBasis.QuotaRefugee)]));
        return (household, await factory.QueryAsync(db => db.Persons.Where(p => p.HouseholdId == household).Select(p => p.Id).SingleAsync()));
    }

    /// <summary>
    /// A single adult registered by the coordinator, arriving today, in a household of the name given: households of one
    /// name (<paramref name="firstName"/> tells their members apart, so no one is a possible duplicate).
    /// </summary>
    public static Task<Guid> RegisterNamedAsync(this IndgangAppFactory factory, string householdName, string firstName) =>
        factory.RegisterAsync(new ArrivalRequest(householdName, null, DateOnly.FromDateTime(DateTime.Now),
            [new ArrivalMember(firstName, "Navnesen", new DateOnly(1990, 1, 1), Gender.Female, ResidenceBasis.QuotaRefugee)]));

    /// <summary>Two parents and a child registered by the coordinator, arriving today.</summary>
    public static Task<Guid> RegisterFamilyAsync(this IndgangAppFactory factory, string lastName) =>
        factory.RegisterAsync(new ArrivalRequest(null, null, DateOnly.FromDateTime(DateTime.Now),
        [
            new ArrivalMember("Far", lastName, new DateOnly(1985, 1, 1), Gender.Male, ResidenceBasis.QuotaRefugee),
            new ArrivalMember("Mor", lastName, new DateOnly(1987, 1, 1), Gender.Female, ResidenceBasis.QuotaRefugee, RelationToFirst: RelationKind.Spouse),
            new ArrivalMember("Barn", lastName, new DateOnly(2018, 1, 1), Gender.Female, ResidenceBasis.QuotaRefugee, RelationToFirst: RelationKind.Child),
        ]));

    /// <summary>A parent and eleven children, arrived 20 days ago: no unit of the demo stock has the beds for twelve.</summary>
    public static Task<Guid> RegisterTwelveAsync(this IndgangAppFactory factory, string lastName) =>
        factory.RegisterAsync(new ArrivalRequest(null, Arrivals.Today.AddDays(-20), Arrivals.Today, [.. Enumerable.Range(1, 12).Select(i => new ArrivalMember(
            $"Barn{(char)('a' + i)}", lastName, i == 1 ? new DateOnly(1980, 1, 1) : new DateOnly(2010 + (i % 8), 1, i), i % 2 == 0 ? Gender.Female : Gender.Male,
            ResidenceBasis.VisitedRefugee, RelationToFirst: i == 1 ? null : RelationKind.Child))]));

    /// <summary>The household came on <paramref name="day"/>, recorded as on the arrival page: expected then, and came then.</summary>
    public static Task<int> RecordArrivalAsync(this IndgangAppFactory factory, Guid household, DateOnly day) => factory.QueryAsync(async db =>
    {
        (await db.Households.SingleAsync(h => h.Id == household)).SetArrival(day, arrivedOn: day);
        return await db.SaveChangesAsync();
    });

    /// <summary>A single adult visited by Udlændingestyrelsen with the decision on <paramref name="decided"/>, arriving today.</summary>
    public static Task<Guid> RegisterVisitedAsync(this IndgangAppFactory factory, string lastName, DateOnly decided) =>
        factory.RegisterAsync(new ArrivalRequest(null, decided, DateOnly.FromDateTime(DateTime.Now),
            [new ArrivalMember("Visiteret", lastName, new DateOnly(1990, 1, 1), Gender.Female, ResidenceBasis.VisitedRefugee)]));

    /// <summary>The id of the demo user with that user name.</summary>
    public static Task<string> UserIdAsync(this IndgangAppFactory factory, string userName) => factory.QueryAsync(db => UserIdAsync(db, userName));

    private static Task<string> UserIdAsync(IndgangDbContext db, string userName) => db.Users.Where(u => u.UserName == userName).Select(u => u.Id).SingleAsync();

    public static async Task<Guid> RegisterAsync(this IndgangAppFactory factory, ArrivalRequest request)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var coordinator = await UserIdAsync(scope.ServiceProvider.GetRequiredService<IndgangDbContext>(), "koordinator");
        var result = await scope.ServiceProvider.GetRequiredService<ArrivalRegistration>().RegisterAsync(request, coordinator);
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.SelectMany(e => e.Value)));
        return result.Household!.Id;
    }

    /// <summary>A household moved into a unit on the day, as the unit page does it: in Danish, the page's first language.</summary>
    public static async Task<MoveResult> MoveInAsync(this IndgangAppFactory factory, Guid unit, Guid household, DateOnly day)
    {
        // Set for this call's flow only: the caller's culture is its own again when the call returns.
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("da-DK");
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<HousingMoves>().MoveInAsync(unit, household, day);
    }

    /// <summary>A household moved into a unit on the day, where the test needs it housed (fails with the refusal otherwise).</summary>
    public static async Task MovedInAsync(this IndgangAppFactory factory, Guid unit, Guid household, DateOnly day)
    {
        var moved = await factory.MoveInAsync(unit, household, day);
        Assert.True(moved.Succeeded, moved.Error);
    }

    /// <summary>The household's one stay (occupancy) in our housing; fails where it has none or more than one.</summary>
    public static Task<Guid> StayOfAsync(this IndgangAppFactory factory, Guid household) =>
        factory.QueryAsync(db => db.Occupancies.Where(o => o.HouseholdId == household).Select(o => o.Id).SingleAsync());
}

using System.Globalization;
using Indgang.Domain.Audit;
using Indgang.Domain.Housing;
using Indgang.Domain.People;
using Indgang.Web.Audit;
using Indgang.Web.Data;
using Indgang.Web.DemoData;
using Indgang.Web.Features.Housing;
using Indgang.Web.Features.Notifications;
using Indgang.Web.Features.Reception;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Indgang.Bench;

/// <summary>The rows the fill left, counted in the database.</summary>
internal sealed record FillCounts(int Households, int Persons, int Units, int Occupancies, int Tasks, int OpenTasks, int AuditEntries, int Notifications);

/// <summary>
/// About five years of a municipality's cases, made through the application's own services so that the rows are as the
/// app makes them (tasks, notices, audit entries): the households registered as expected arrivals, the stock grown, and
/// then, day by day in the order things happened, households moved in on the day they came (or as soon as a unit that
/// fits is free), put on a housing association's waiting list a month later, and moved on again — most to a permanent
/// home they were offered and accepted, some to a home of their own or away. What is still ahead: households in their
/// temporary homes (some with an offer to answer), the last weeks' arrivals partly waiting, and the coming ones, some
/// with a move-in planned. Last, the coordinator's statutory deadlines that have passed are met
/// (<see cref="DeadlineHistory"/>), the departments' tasks due before today are done as the demo does it
/// (<see cref="DemoTaskHistory"/>) — five years of open work would be no municipality — and the deadline watch runs.
/// </summary>
/// <remarks>
/// The services read the app's clock, so what they stamp with "now" (registered at, notices, audit entries) carries the
/// day of the fill; the days the work was done on (arrival, moves, offers, waiting lists) are the story's. One DI scope
/// per household step, as a request would have.
/// </remarks>
internal sealed class ScaleFill(IServiceProvider services, DateOnly today, Random random)
{
    private static readonly string[] Associations = ["Engholm Boligselskab", "Lillerød Boligforening", "Allerød Almene Boliger"];
    private static readonly string[] Streets = ["Engholm Allé", "Kongevejen", "Banevej", "Skolevej", "Lyngevej", "Bymidten", "Rådhusvej", "Kollerødvej"];

    private readonly PriorityQueue<Case, DateOnly> _moveOuts = new();
    private List<Stock> _stock = [];

    /// <summary>The households the fill registered (not the demo's).</summary>
    public IReadOnlyList<Guid> Households { get; private set; } = [];

    public async Task<FillCounts> RunAsync(int households)
    {
        var coordinator = await InScopeAsync(s => Db(s).Users.Where(u => u.UserName == "koordinator").Select(u => u.Id).SingleAsync());
        var cases = await RegisterAsync(ArrivalGenerator.Create(households, today, random), coordinator);
        Households = cases.Select(c => c.Id).ToList();
        await AddStockAsync(households / 2);
        await HouseAsync(cases);
        await RecordArrivalsAsync(cases.Where(c => c.LivesWithReferencePerson && c.Arrival <= today).Select(c => c.Id).ToList());
        await SetQuotasAsync(cases);
        var met = await DeadlineHistory.RecordAsync(services, Households, today, random);
        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"deadlines met {met:N0}"));
        await InScopeAsync(async s =>
        {
            await s.GetRequiredService<DemoTaskHistory>().RecordAsync(CancellationToken.None);
            return 0;
        });
        await InScopeAsync(s => s.GetRequiredService<DeadlineWatch>().RunOnceAsync());
        return await InScopeAsync(async s =>
        {
            var db = Db(s);
            return new FillCounts(
                await db.Households.CountAsync(), await db.Persons.CountAsync(), await db.HousingUnits.CountAsync(), await db.Occupancies.CountAsync(),
                await db.Tasks.CountAsync(), await db.Tasks.CountAsync(t => t.Status != Domain.Tasks.CaseTaskStatus.Done && t.Status != Domain.Tasks.CaseTaskStatus.NotNeeded), await db.AuditEntries.CountAsync(),
                await db.Notifications.CountAsync());
        });
    }

    private async Task<List<Case>> RegisterAsync(IReadOnlyList<ArrivalRequest> arrivals, string coordinator)
    {
        var cases = new List<Case>();
        foreach (var arrival in arrivals)
        {
            var result = await InScopeAsync(s => s.GetRequiredService<ArrivalRegistration>().RegisterAsync(arrival, coordinator));
            if (!result.Succeeded)
            {
                throw new InvalidOperationException(
                    $"Registration of {Describe(arrival)} refused: {string.Join("; ", result.Errors.Select(e => $"{e.Key}: {string.Join(" ", e.Value)}"))}");
            }

            var members = arrival.Members;
            var singleAdult = members.Count == 1 && Age.IsAdultOn(members[0].BirthDate!.Value, today);
            cases.Add(new Case(result.Household!.Id, members.Count, singleAdult, members[0].Gender, arrival.ExpectedArrival!.Value, arrival.LivesWithReferencePerson));
            Progress("registered", cases.Count, arrivals.Count);
        }

        return cases;
    }

    private async Task AddStockAsync(int units) => await InScopeAsync(async s =>
    {
        var db = Db(s);
        var sites = await db.HousingSites.OrderBy(h => h.Name).ToListAsync();
        var stock = StockGenerator.Create(units, sites, today, random);
        db.HousingUnits.AddRange(stock);
        await db.SaveChangesAsync();
        _stock = stock.Select(u => new Stock(u.Id, u.Label, u.IsPermanent, u.IsSharedRoom, u.Beds, u.AvailableFrom)).ToList();
        return units;
    });

    /// <summary>
    /// The story of the stock, in the order it happened: on each day the moves out first (a unit left in the morning is
    /// let the same day), then the arrivals; a household that finds no unit that fits waits for the next to be freed.
    /// </summary>
    private async Task HouseAsync(List<Case> cases)
    {
        var arrivals = new Queue<Case>(cases.Where(c => !c.LivesWithReferencePerson && c.Arrival <= today));
        var waiting = new List<Case>();
        var (done, total) = (0, arrivals.Count);
        while (arrivals.Count > 0 || _moveOuts.Count > 0)
        {
            if (_moveOuts.TryPeek(out var leaving, out var on) && (arrivals.Count == 0 || on <= arrivals.Peek().Arrival))
            {
                _moveOuts.Dequeue();
                await MoveOutAsync(leaving, on);
                foreach (var next in waiting.ToList())
                {
                    if (await TryHouseAsync(next, on))
                    {
                        waiting.Remove(next);
                    }
                }

                continue;
            }

            var arrival = arrivals.Dequeue();
            Progress("housed or waiting", ++done, total);
            // The last weeks' arrivals: the coordinator has housed about half of them so far.
            if (arrival.Arrival > today.AddDays(-45) && random.NextDouble() < 0.5)
            {
                continue;
            }

            if (!await TryHouseAsync(arrival, arrival.Arrival))
            {
                waiting.Add(arrival);
            }
        }

        // The coming arrivals: for some a unit is kept from the day they come.
        foreach (var coming in cases.Where(c => !c.LivesWithReferencePerson && c.Arrival > today))
        {
            if (random.NextDouble() < 0.3)
            {
                await TryHouseAsync(coming, coming.Arrival);
            }
        }
    }

    /// <summary>
    /// Into the smallest free unit that fits, on the day: a single adult now and then into a shared room, a household now
    /// and then straight into a permanent home. A temporary stay is followed by the waiting list and, in time, a move on.
    /// </summary>
    private async Task<bool> TryHouseAsync(Case household, DateOnly day)
    {
        Stock? unit = null;
        if (household.SingleAdult && random.NextDouble() < 0.3)
        {
            unit = _stock.FirstOrDefault(u => u.Shared && u.AvailableFrom <= day && u.Residents.Count < u.Beds && u.Residents.TrueForAll(r => r.Gender == household.Gender));
        }

        var permanent = random.NextDouble() < 0.15;
        unit ??= Whole(household, day, permanent) ?? Whole(household, day, !permanent);
        if (unit is null)
        {
            return false;
        }

        await InScopeAsync(async s =>
        {
            var moved = await s.GetRequiredService<HousingMoves>().MoveInAsync(unit.Id, household.Id, day);
            if (!moved.Succeeded)
            {
                throw new InvalidOperationException($"Move-in of household {household.Id} ({household.Size} persons) into {unit.Label} on {Iso(day)} refused: {moved.Error}");
            }

            household.Stay = await Db(s).Occupancies.Where(o => o.HouseholdId == household.Id && o.MovedOutOn == null).Select(o => o.Id).SingleAsync();
            household.Unit = unit;
            unit.Residents.Add(household);
            if (unit.Permanent)
            {
                // A permanent home is for good; a few move on after some years.
                if (random.NextDouble() < 0.05 && day.AddDays(365 + random.Next(730)) is var leaves && leaves <= today)
                {
                    _moveOuts.Enqueue(household, leaves);
                }

                return 0;
            }

            var steps = s.GetRequiredService<PermanentHousingSteps>();
            var listed = day.AddDays(30);
            if (listed <= today && random.NextDouble() < 0.85)
            {
                var association = Associations[random.Next(Associations.Length)];
                await steps.RegisterAsync(household.Id, association, listed, string.Create(CultureInfo.InvariantCulture, $"{association[..2].ToUpperInvariant()}-{random.Next(10_000):0000}"));
                household.ListedOn = listed;
            }

            var movesOn = day.AddDays(180 + random.Next(720));
            if (movesOn <= today)
            {
                _moveOuts.Enqueue(household, movesOn);
            }
            else if (household.ListedOn is { } on && movesOn <= today.AddDays(90) && random.NextDouble() < 0.5)
            {
                await steps.OfferAsync(household.Id, Address(), Later(today.AddDays(-random.Next(30)), on));
            }

            return 0;
        });
        return true;
    }

    /// <summary>
    /// Out of its unit on the day: from a temporary home most that are on a waiting list accept an offered permanent home
    /// (some after saying no to one), the others find a home of their own or leave the municipality.
    /// </summary>
    private async Task MoveOutAsync(Case household, DateOnly day)
    {
        var unit = household.Unit!;
        await InScopeAsync(async s =>
        {
            MoveResult result;
            if (!unit.Permanent && household.ListedOn is { } listed && random.NextDouble() < 0.65)
            {
                var steps = s.GetRequiredService<PermanentHousingSteps>();
                if (random.NextDouble() < 0.25)
                {
                    await steps.DeclineAsync(await steps.OfferAsync(household.Id, Address(), Later(day.AddDays(-120 - random.Next(90)), listed)));
                }

                var offer = await steps.OfferAsync(household.Id, Address(), Later(day.AddDays(-20 - random.Next(40)), listed));
                result = await steps.AcceptAsync(offer, day);
            }
            else
            {
                var to = random.NextDouble() < 0.8 ? MoveOutDestination.OwnHome : MoveOutDestination.LeftMunicipality;
                result = await s.GetRequiredService<HousingMoves>().MoveOutAsync(household.Stay!.Value, day, to);
            }

            if (!result.Succeeded)
            {
                throw new InvalidOperationException($"Move out of household {household.Id} from {unit.Label} on {Iso(day)} refused: {result.Error}");
            }

            return 0;
        });
        unit.Residents.Remove(household);
        if (!unit.Shared && day > unit.AvailableFrom)
        {
            unit.AvailableFrom = day;
        }
    }

    /// <summary>The family-reunified who live with the person they joined came on the day expected, and it is recorded.</summary>
    private async Task RecordArrivalsAsync(IReadOnlyList<Guid> ids) => await InScopeAsync(async s =>
    {
        var db = Db(s);
        var households = await db.Households.Where(h => ids.Contains(h.Id)).ToListAsync();
        households.ForEach(h => h.SetArrival(h.ExpectedArrival, h.ExpectedArrival));
        await db.SaveChangesAsync();
        await s.GetRequiredService<AuditLog>().RecordEachAsync(
            AuditAction.HouseholdUpdated, households.Select(h => ((Guid?)null, (string?)AuditLog.Household(h.Id, $": ankommet {Iso(h.ArrivedOn!.Value)}"))), AuditPurpose.ArrivalChange);
        return households.Count;
    });

    /// <summary>This year's and next year's quotas as many persons as have come a year on average (the demo's are a small municipality's).</summary>
    private async Task SetQuotasAsync(List<Case> cases) => await InScopeAsync(async s =>
    {
        var db = Db(s);
        var perYear = (int)Math.Round(cases.Where(c => c.Arrival <= today).Sum(c => c.Size) / 5.0);
        foreach (var year in new[] { today.Year, today.Year + 1 })
        {
            if (await db.Quotas.SingleOrDefaultAsync(q => q.Year == year) is { } quota)
            {
                quota.Persons = perYear;
            }
            else
            {
                db.Quotas.Add(new MunicipalQuota(year, perYear));
            }
        }

        return await db.SaveChangesAsync();
    });

    private Stock? Whole(Case household, DateOnly day, bool permanent) =>
        _stock.Where(u => !u.Shared && u.Permanent == permanent && u.Residents.Count == 0 && u.AvailableFrom <= day && u.Beds >= household.Size)
            .MinBy(u => u.Beds);

    private string Address() => string.Create(CultureInfo.InvariantCulture,
        $"{Streets[random.Next(Streets.Length)]} {1 + random.Next(60)}, {random.Next(4)}. {(random.Next(2) == 0 ? "tv." : "th.")}, 3450 Allerød");

    private async Task<T> InScopeAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = services.CreateAsyncScope();
        return await work(scope.ServiceProvider);
    }

    private static IndgangDbContext Db(IServiceProvider scope) => scope.GetRequiredService<IndgangDbContext>();

    private static DateOnly Later(DateOnly a, DateOnly b) => a > b ? a : b;

    private static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Describe(ArrivalRequest arrival) =>
        $"{arrival.Members[0].FirstName} {arrival.Members[0].LastName} ({arrival.Members.Count} persons, expected {(arrival.ExpectedArrival is { } day ? Iso(day) : "?")})";

    private static void Progress(string what, int done, int of)
    {
        if (done % 200 == 0 || done == of)
        {
            Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{what} {done:N0} of {of:N0}"));
        }
    }

    /// <summary>A registered household, as the fill follows it.</summary>
    private sealed class Case(Guid id, int size, bool singleAdult, Gender gender, DateOnly arrival, bool livesWithReferencePerson)
    {
        public Guid Id { get; } = id;
        public int Size { get; } = size;
        public bool SingleAdult { get; } = singleAdult;
        public Gender Gender { get; } = gender;
        public DateOnly Arrival { get; } = arrival;
        public bool LivesWithReferencePerson { get; } = livesWithReferencePerson;
        public Stock? Unit { get; set; }
        public Guid? Stay { get; set; }
        public DateOnly? ListedOn { get; set; }
    }

    /// <summary>A unit of the grown stock: who lives there, and from when it is free (as the unit keeps it).</summary>
    private sealed class Stock(Guid id, string label, bool permanent, bool shared, int beds, DateOnly availableFrom)
    {
        public Guid Id { get; } = id;
        public string Label { get; } = label;
        public bool Permanent { get; } = permanent;
        public bool Shared { get; } = shared;
        public int Beds { get; } = beds;
        public DateOnly AvailableFrom { get; set; } = availableFrom;
        public List<Case> Residents { get; } = [];
    }
}

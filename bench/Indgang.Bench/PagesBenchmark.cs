using System.Diagnostics;
using System.Globalization;
using System.Net;
using Indgang.Tests.Hosting;
using Indgang.Web.Data;
using Indgang.Web.Features.Housing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Indgang.Bench;

/// <summary>
/// How fast the main pages answer when the database holds about five years of a municipality's cases: the real app,
/// in-process on a throwaway SQLite database (or PostgreSQL database, with --postgres) (the tests' <see cref="IndgangAppFactory"/>, demo data and users), filled
/// with N households through its own services (<see cref="ScaleFill"/>), then each page asked for by the demo user who
/// works it, over HTTP as a signed-in browser: one warm-up, then <see cref="Runs"/> times. The housing coordinator's
/// placement run (a POST that runs the optimizer for its whole time limit) and the reception's import of a full CSV file are
/// timed <see cref="PlacementRuns"/> times.
/// Any answer but the expected one stops the benchmark with a non-zero exit code.
/// </summary>
internal static class PagesBenchmark
{
    private const int Runs = 10;
    private const int PlacementRuns = 3;
    private const int PlacementHouseholds = 40;

    public static async Task<int> RunAsync(IReadOnlyList<string> args)
    {
        var households = args.SkipWhile(a => a != "--households").Skip(1).Select(a => int.Parse(a, CultureInfo.InvariantCulture)).FirstOrDefault(1_000);
        // The README's SQLite file, or with --postgres the PostgreSQL server the tests use (INDGANG_TEST_POSTGRES, as
        // `source .ci/postgres.sh` sets it): a throwaway database on it, as the tests' second provider has.
        var onPostgres = args.Contains("--postgres");
        if (!onPostgres)
        {
            Environment.SetEnvironmentVariable(IndgangAppFactory.PostgresVariable, null);
        }
        else if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable(IndgangAppFactory.PostgresVariable)))
        {
            Console.Error.WriteLine($"--postgres needs a server in {IndgangAppFactory.PostgresVariable}: run the benchmark after `source .ci/postgres.sh`.");
            return 2;
        }

        // The factory finds the app's content root (src/Indgang.Web) in MvcTestingAppManifest.json in the current folder, as
        // a test runner has it; `dotnet run` starts where it is called from.
        Directory.SetCurrentDirectory(AppContext.BaseDirectory);
        // The app's log (warnings and up) goes to the error stream with the progress, so that the output is the table.
        Environment.SetEnvironmentVariable("Logging__Console__LogToStandardErrorThreshold", "Trace");
        await using var factory = new IndgangAppFactory();
        var today = DateOnly.FromDateTime(factory.Services.GetRequiredService<TimeProvider>().GetLocalNow().DateTime);
        var fill = new ScaleFill(factory.Services, today, new Random(20261202));
        var clock = Stopwatch.StartNew();
        FillCounts counts;
        try
        {
            counts = await fill.RunAsync(households);
        }
        catch (InvalidOperationException refused)
        {
            Console.Error.WriteLine($"The fill stopped: {refused.Message}");
            return 1;
        }

        clock.Stop();
        Console.WriteLine(onPostgres ? "database: PostgreSQL (a throwaway database on the server in INDGANG_TEST_POSTGRES)" : "database: SQLite (a file, as the README's start has it)");
        Console.WriteLine(Invariant($"filled in {clock.Elapsed.TotalSeconds:0.0} s: {counts.Households:N0} households, {counts.Persons:N0} persons, {counts.Units:N0} units, {counts.Occupancies:N0} occupancies, {counts.Tasks:N0} tasks ({counts.OpenTasks:N0} open), {counts.AuditEntries:N0} audit entries, {counts.Notifications:N0} notifications"));

        var subjects = await Subjects.FindAsync(factory.Services, fill.Households, today);
        Console.WriteLine(Invariant($"household page: {subjects.HouseholdName} ({subjects.Members} persons, {subjects.Tasks} tasks); placement: {subjects.Waiting.Count} of {subjects.AllWaiting} waiting households"));

        var users = new Dictionary<string, SignedInClient>(StringComparer.Ordinal);
        try
        {
            foreach (var user in new[] { "koordinator", "sekretariat", "bolig", "leder", "admin" })
            {
                users[user] = await SignedInClient.SignInAsync(factory, user);
            }

            var table = new PageTable();
            (string User, string Page, string Path)[] pages =
            [
                ("koordinator", "/ (dashboard)", "/"),
                ("koordinator", "/Households/{id}", $"/Households/{subjects.Household}"),
                ("koordinator", "/People/{id}", $"/People/{subjects.Person}"),
                ("koordinator", "/Tasks", "/Tasks"),
                ("sekretariat", "/Tasks", "/Tasks"),
                // The housing coordinator's start page too: the housing overview and every household.
                ("bolig", "/ (dashboard)", "/"),
                ("bolig", "/Housing", "/Housing"),
                ("bolig", "/Housing/Pipeline", "/Housing/Pipeline"),
                ("bolig", "/Housing/Forecast", "/Housing/Forecast"),
                ("bolig", "/Housing/Placement", "/Housing/Placement"),
                ("bolig", "/Housing/Units/{id}", $"/Housing/Units/{subjects.Unit}"),
                ("leder", "/ (dashboard)", "/"),
                ("admin", "/Admin/Audit", "/Admin/Audit"),
                // Without a citizen the page is only the search form: the insight into one citizen is what reads the log.
                ("admin", "/Admin/Audit?PersonId={id}", $"/Admin/Audit?PersonId={subjects.Person}"),
            ];
            foreach (var (user, page, path) in pages)
            {
                if (!await TimeAsync(users[user], page, path, table))
                {
                    return 1;
                }
            }

            var run = await PlaceAsync(users["bolig"], subjects.Waiting, today, table);
            if (run is null || !await TimeAsync(users["bolig"], "/Housing/Placement/{run}", run, table)
                || !await ImportAsync(users["koordinator"], today, table))
            {
                return 1;
            }

            Console.WriteLine(Invariant(
                $"pages at N = {households:N0}: {counts.Households:N0} households, {counts.Persons:N0} persons, {counts.Units:N0} units, {counts.Occupancies:N0} occupancies, {counts.Tasks:N0} tasks, {counts.AuditEntries:N0} audit entries; {Environment.ProcessorCount} processors; {DateTime.Now:yyyy-MM-dd}; {Runs} runs after one warm-up (the placement run {PlacementRuns}, none)"));
            table.Print(Console.Out);
            return 0;
        }
        finally
        {
            foreach (var client in users.Values)
            {
                client.Dispose();
            }
        }
    }

    /// <summary>One warm-up, then the runs; false (and why, on the error stream) when the page does not answer 200.</summary>
    private static async Task<bool> TimeAsync(SignedInClient client, string page, string path, PageTable table)
    {
        var times = new List<double>();
        long bytes = 0;
        for (var run = 0; run <= Runs; run++)
        {
            var answer = await client.GetAsync(path);
            if (answer.Status != HttpStatusCode.OK)
            {
                Console.Error.WriteLine($"GET {path} as {client.UserName}: {(int)answer.Status} {answer.Status} {answer.Location}");
                return false;
            }

            if (run > 0)
            {
                times.Add(answer.Milliseconds);
            }

            bytes = answer.Bytes;
        }

        table.Add(page, client.UserName, times, bytes);
        Console.Error.WriteLine(Invariant($"{page} as {client.UserName}: {PageTable.Median(times):0.0} ms"));
        return true;
    }

    /// <summary>The placement optimizer for the waiting households, from today: the run's page, or null when it failed.</summary>
    private static async Task<string?> PlaceAsync(SignedInClient bolig, IReadOnlyList<Guid> waiting, DateOnly today, PageTable table)
    {
        var token = await bolig.TokenAsync("/Housing/Placement");
        List<KeyValuePair<string, string>> fields =
        [
            new("PlanningDate", today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
            .. waiting.Select(h => new KeyValuePair<string, string>("Households", h.ToString())),
        ];
        var times = new List<double>();
        string? run = null;
        for (var i = 0; i < PlacementRuns; i++)
        {
            var answer = await bolig.PostAsync("/Housing/Placement", fields, token);
            if (answer.Status != HttpStatusCode.Redirect || answer.Location?.StartsWith("/Housing/Placement/", StringComparison.Ordinal) != true)
            {
                Console.Error.WriteLine($"POST /Housing/Placement as bolig: {(int)answer.Status} {answer.Status} {answer.Location}");
                return null;
            }

            times.Add(answer.Milliseconds);
            run = answer.Location;
        }

        table.Add(Invariant($"POST /Housing/Placement ({waiting.Count} households)"), bolig.UserName, times, 0);
        // No warm-up: the first run also loads the optimizer (OR-Tools).
        Console.WriteLine(Invariant($"placement runs: {string.Join(", ", times.Select(t => t.ToString("0", CultureInfo.InvariantCulture)))} ms"));
        return run;
    }

    /// <summary>
    /// The reception's CSV import of as many households as one file may hold (two persons each), <see cref="PlacementRuns"/>
    /// times, each file new people: everyone else's saves wait while it runs. False when a file is not registered whole.
    /// </summary>
    private static async Task<bool> ImportAsync(SignedInClient koordinator, DateOnly today, PageTable table)
    {
        var most = Web.Features.Reception.ImportModel.MostHouseholds;
        var token = await koordinator.TokenAsync("/Reception/Import");
        var expected = today.AddDays(30).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var visitation = today.AddDays(-30).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var times = new List<double>();
        for (var i = 0; i < PlacementRuns; i++)
        {
            var csv = "household;first_name;last_name;birth_date;gender;residence_basis;relation_to_first;nationality;languages;interpreter;cpr;visitation_decision_date;expected_arrival\n" +
                string.Concat(Enumerable.Range(1, most).Select(h => Invariant(
                    $"H{h};Amal{h};Import{i};1988-04-02;kvinde;visiteret;;Syrien;arabisk;ja;;{visitation};{expected}\nH{h};Sami{h};Import{i};2019-06-10;mand;visiteret;barn;Syrien;arabisk;nej;;{visitation};{expected}\n")));
            var answer = await koordinator.UploadAsync("/Reception/Import", "Upload", "ankomster.csv", System.Text.Encoding.UTF8.GetBytes(csv), token);
            if (answer.Status != HttpStatusCode.OK || !answer.Body.Contains(Invariant($"{most} husstande er registreret"), StringComparison.Ordinal))
            {
                Console.Error.WriteLine($"POST /Reception/Import as koordinator: {(int)answer.Status} {answer.Status}, the households not registered");
                return false;
            }

            times.Add(answer.Milliseconds);
        }

        table.Add(Invariant($"POST /Reception/Import ({most} households)"), koordinator.UserName, times, 0);
        Console.WriteLine(Invariant($"reception imports: {string.Join(", ", times.Select(t => t.ToString("0", CultureInfo.InvariantCulture)))} ms"));
        return true;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    /// <summary>What the pages are asked about: a household of the fill and one of its members, and the households waiting.</summary>
    private sealed record Subjects(Guid Household, string HouseholdName, int Members, int Tasks, Guid Person, IReadOnlyList<Guid> Waiting, int AllWaiting, Guid Unit)
    {
        /// <summary>
        /// The household: of the fill's households now in a temporary home and on a waiting list (a case in full swing),
        /// the one with the most tasks; its eldest member. The waiting households as the placement page lists them.
        /// </summary>
        public static async Task<Subjects> FindAsync(IServiceProvider services, IReadOnlyList<Guid> filled, DateOnly today)
        {
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<IndgangDbContext>();
            var inTemporaryHome = db.Occupancies.Where(o => o.MovedOutOn == null && o.IsTemporary && o.MovedInOn <= today).Select(o => o.HouseholdId);
            var listed = db.HousingRegistrations.Select(r => r.HouseholdId);
            var candidates = (await db.Households.Where(h => filled.Contains(h.Id))
                .Select(h => new { h.Id, h.Name, Members = h.Members.Count, Tasks = db.Tasks.Count(t => t.HouseholdId == h.Id), InSwing = inTemporaryHome.Contains(h.Id) && listed.Contains(h.Id) })
                .ToListAsync()).ToDictionary(h => h.Id);
            // Of equals, the first registered: the same household on every run of the same seed.
            var household = filled.Select(id => candidates[id]).OrderByDescending(h => h.InSwing).ThenByDescending(h => h.Tasks).First();
            var person = await db.Persons.Where(p => p.HouseholdId == household.Id).OrderBy(p => p.BirthDate).ThenBy(p => p.Id).Select(p => p.Id).FirstAsync();
            var waiting = WaitingForHousing.On(db, today);
            var first = await waiting.OrderBy(h => h.ExpectedArrival).ThenBy(h => h.Name).ThenBy(h => h.Id).Select(h => h.Id).Take(PlacementHouseholds).ToListAsync();
            // The unit page's worst case: the temporary unit with the most residents, each with a "Ny bolig" choice of our
            // other units (and the move-in form listing the households in our other temporary units).
            var unit = await db.Occupancies.Where(o => o.MovedOutOn == null && o.IsTemporary && o.MovedInOn <= today)
                .GroupBy(o => o.UnitId).Select(g => new { g.Key, Residents = g.Count() })
                .OrderByDescending(g => g.Residents).ThenBy(g => g.Key).Select(g => g.Key).FirstAsync();
            return new Subjects(household.Id, household.Name, household.Members, household.Tasks, person, first, await waiting.CountAsync(), unit);
        }
    }
}

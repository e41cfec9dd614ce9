using System.Diagnostics;
using System.Globalization;
using Indgang.Domain.Audit;
using Indgang.Web.Audit;
using Indgang.Web.Data.Sqlite;
using Indgang.Web.Features.Admin.Audit;
using Microsoft.EntityFrameworkCore;

namespace Indgang.Bench;

/// <summary>
/// A citizen's insight into who looked at their household (<see cref="AuditSearch.AboutHousehold"/>) on a large audit
/// log: a SQLite database made by the migrations and filled with entries as the log has them (half about a person, half
/// about one of 2,000 households), read with the index on the start of the details (migration AuditHouseholdIndex) and
/// again without it, to show what the index spares.
/// </summary>
internal static class AuditInsightBenchmark
{
    private const int Households = 2_000;
    private const int Persons = 8_000;
    private const int Runs = 5;

    public static int Run(IReadOnlyList<string> args)
    {
        var entries = args.SkipWhile(a => a != "--entries").Skip(1).Select(a => int.Parse(a, CultureInfo.InvariantCulture)).FirstOrDefault(2_000_000);
        var directory = Directory.CreateTempSubdirectory("indgang-audit-bench-");
        try
        {
            var file = Path.Combine(directory.FullName, "audit.db");
            using var db = new SqliteIndgangDbContext(new DbContextOptionsBuilder<SqliteIndgangDbContext>().UseSqlite($"Data Source={file};Pooling=false").Options);
            db.Database.Migrate();
            var random = new Random(20261201);
            var households = Enumerable.Range(0, Households).Select(_ => Guid.NewGuid()).ToArray();
            var fill = Stopwatch.StartNew();
            Fill(db, entries, households, random);
            fill.Stop();
            var household = households[0];
            var search = new AuditSearch(db);
            var (indexed, found) = Median(search, household);
            db.Database.ExecuteSqlRaw("DROP INDEX \"IX_AuditEntries_Household\"");
            var (scanned, foundByScan) = Median(search, household);
            db.Database.CloseConnection();

            Console.WriteLine("audit log entries | filled in s | file MB | entries about one household | with the index ms | without it ms");
            Console.WriteLine("----------------- | ----------- | ------- | --------------------------- | ----------------- | -------------");
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{entries,17:N0} | {fill.Elapsed.TotalSeconds,11:0.0} | {new FileInfo(file).Length / 1e6,7:0} | {found,27:N0} | {indexed,17:0.00} | {scanned,13:0.0}"));
            if (found != foundByScan)
            {
                Console.Error.WriteLine($"The index found {found} entries, the scan {foundByScan}.");
                return 1;
            }

            return 0;
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            directory.Delete(recursive: true);
        }
    }

    /// <summary>The median time in ms of reading one household's entries, and how many there are.</summary>
    private static (double Milliseconds, int Found) Median(AuditSearch search, Guid household)
    {
        var times = new List<double>();
        var found = 0;
        for (var run = 0; run < Runs; run++)
        {
            var clock = Stopwatch.StartNew();
            found = search.AboutHousehold(household).Count();
            times.Add(clock.Elapsed.TotalMilliseconds);
        }

        return (times.Order().ElementAt(Runs / 2), found);
    }

    /// <summary>Entries written straight to the table in one transaction (the hashes are not what is measured).</summary>
    private static void Fill(SqliteIndgangDbContext db, int entries, Guid[] households, Random random)
    {
        var persons = Enumerable.Range(0, Persons).Select(_ => Guid.NewGuid().ToString().ToUpperInvariant()).ToArray();
        db.Database.OpenConnection();
        var connection = db.Database.GetDbConnection();
        using var transaction = connection.BeginTransaction();
        using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = """
            INSERT INTO "AuditEntries" ("Sequence", "OccurredAt", "Actor", "Action", "SubjectPersonId", "Purpose", "IpAddress", "Details", "PreviousHash", "Hash")
            VALUES ($sequence, '2026-12-01 09:00:00+00:00', 'bolig', $action, $subject, 'Benchmark', '127.0.0.1', $details, $hash, $hash)
            """;
        var sequence = Parameter(insert, "$sequence");
        var action = Parameter(insert, "$action");
        var subject = Parameter(insert, "$subject");
        var details = Parameter(insert, "$details");
        Parameter(insert, "$hash").Value = new string('0', 64);
        for (var i = 1; i <= entries; i++)
        {
            var aboutHousehold = random.Next(2) == 0;
            sequence.Value = i;
            action.Value = (int)(aboutHousehold ? AuditAction.HouseholdRead : AuditAction.PersonRead);
            subject.Value = aboutHousehold ? DBNull.Value : persons[random.Next(persons.Length)];
            details.Value = aboutHousehold ? AuditLog.Household(households[random.Next(households.Length)]) : DBNull.Value;
            insert.ExecuteNonQuery();
        }

        transaction.Commit();
    }

    private static System.Data.Common.DbParameter Parameter(System.Data.Common.DbCommand command, string name)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        command.Parameters.Add(parameter);
        return parameter;
    }
}

using System.Data.Common;
using Indgang.Tests.Hosting;
using Indgang.Web.Features.Admin.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Indgang.Web.Tests.Audit;

/// <summary>
/// A citizen's insight reads their household's entries through the index on the start of the details (migration
/// AuditHouseholdIndex), not by a scan of the whole log, which grows by millions of entries a year: the query as
/// <see cref="AuditSearch.AboutHousehold"/> writes it must match the index's expression, on each database.
/// </summary>
public sealed class AuditHouseholdIndexTests(IndgangAppFactory factory) : IClassFixture<IndgangAppFactory>
{
    [Fact]
    public async Task EntriesAboutAHousehold_AreFoundThroughTheIndex()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var search = scope.ServiceProvider.GetRequiredService<AuditSearch>();
        var db = scope.ServiceProvider.GetRequiredService<Data.IndgangDbContext>();
        await using var command = search.AboutHousehold(Guid.NewGuid()).CreateDbCommand();
        await db.Database.OpenConnectionAsync();

        var plan = db.Database.IsNpgsql() ? await PostgresPlanAsync(db, command) : await SqlitePlanAsync(command);

        Assert.Contains("IX_AuditEntries_Household", plan, StringComparison.Ordinal);
    }

    /// <summary>SQLite's plan for the query (EXPLAIN QUERY PLAN): which index it searches, if any.</summary>
    private static async Task<string> SqlitePlanAsync(DbCommand command)
    {
        command.CommandText = "EXPLAIN QUERY PLAN " + command.CommandText;
        return await ReadAllAsync(command);
    }

    /// <summary>
    /// PostgreSQL's plan for the query with sequential scans priced out: on the test's small table a scan is cheaper, so
    /// this asks whether the index can serve the query at all, which is what a large log needs.
    /// </summary>
    private static async Task<string> PostgresPlanAsync(Data.IndgangDbContext db, DbCommand command)
    {
        await using (var off = db.Database.GetDbConnection().CreateCommand())
        {
            off.CommandText = "SET enable_seqscan = off";
            await off.ExecuteNonQueryAsync();
        }

        command.CommandText = "EXPLAIN " + command.CommandText;
        return await ReadAllAsync(command);
    }

    private static async Task<string> ReadAllAsync(DbCommand command)
    {
        await using var reader = await command.ExecuteReaderAsync();
        var lines = new List<string>();
        while (await reader.ReadAsync())
        {
            lines.Add(string.Join(" ", Enumerable.Range(0, reader.FieldCount).Select(i => reader.GetValue(i)?.ToString())));
        }

        return string.Join("\n", lines);
    }
}

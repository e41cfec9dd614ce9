using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Indgang.Web.Data.Sqlite;

/// <summary>
/// Gives every SQLite connection a lower-casing that knows every letter (SQLite's own lower() leaves Æ, Ø and Å as they
/// are), so that <see cref="TextSearch.Fold"/> finds the same rows as on PostgreSQL.
/// </summary>
internal sealed class SqliteUnicodeLower : DbConnectionInterceptor
{
    public const string FunctionName = "indgang_lower";

    public static SqliteUnicodeLower Instance { get; } = new();

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Register(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Register(connection);
        return Task.CompletedTask;
    }

    private static void Register(DbConnection connection) =>
        ((SqliteConnection)connection).CreateFunction<string?, string?>(FunctionName, text => text is null ? null : TextSearch.Fold(text), isDeterministic: true);
}

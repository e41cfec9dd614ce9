using System.Net;
using Indgang.Web.Tests.Infrastructure;
using Microsoft.Extensions.Logging;

namespace Indgang.Web.Tests.Operations;

/// <summary>
/// With the database down, a failed request is one error line in the log, the exception handler's with the trace id the
/// user is shown, not EF Core's lines for the connection, the command and the query on top of it: the log an operator
/// reads got three or four errors with stack traces per request (found by the operator review). SQLite only, as
/// <see cref="ErrorPageWithoutDatabaseTests"/>: the file is what the test spoils; PostgreSQL's errors go through the same
/// EF Core events.
/// </summary>
public sealed class DatabaseDownLogTests
{
    private const string ExceptionHandler = "Microsoft.AspNetCore.Diagnostics.ExceptionHandlerMiddleware";

    [Fact]
    public async Task APageFailingForTheDatabase_IsOneErrorLine_TheExceptionHandlersWithTheTraceId()
    {
        await using var factory = new ErrorsLogged();
        using var browser = await Browser.SignedInAsync(factory, "koordinator");
        Assert.Contains("Forside", await browser.GetPageAsync("/"), StringComparison.Ordinal);
        if (factory.UsesPostgres)
        {
            return;
        }

        await DatabaseDown.SpoilSqliteAsync(factory);
        using var response = await browser.GetAsync("/");

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        var errors = factory.Log.Entries.Where(e => e.Level >= LogLevel.Error).ToList();
        var error = Assert.Single(errors);
        Assert.Equal(ExceptionHandler, error.Category);
        Assert.Matches("^[0-9a-f]{32}$", $"{error.Scope["TraceId"]}");
        Assert.Contains("file is not a database", error.Exception!.ToString(), StringComparison.Ordinal);
    }

    /// <summary>
    /// The readiness check reads a table: it only opened a connection, which SQLite gives for a file that is no database,
    /// and said healthy while every page failed.
    /// </summary>
    [Fact]
    public async Task TheReadinessCheckWithTheDatabaseDown_IsUnavailable_AndWritesNoErrorOfEfCore()
    {
        await using var factory = new ErrorsLogged();
        using var browser = Browser.For(factory);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/health/ready")).StatusCode);
        if (factory.UsesPostgres)
        {
            return;
        }

        await DatabaseDown.SpoilSqliteAsync(factory);
        using var response = await browser.GetAsync("/health/ready");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.DoesNotContain(factory.Log.Entries, e => e.Level >= LogLevel.Error && e.Category.StartsWith("Microsoft.EntityFrameworkCore", StringComparison.Ordinal));
    }

    private sealed class ErrorsLogged() : LoggedAppFactory(LogLevel.Error);
}

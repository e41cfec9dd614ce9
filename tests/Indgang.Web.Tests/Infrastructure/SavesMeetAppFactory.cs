using System.Data.Common;
using Indgang.Tests.Hosting;
using Indgang.Web.Data.Postgres;
using Indgang.Web.Data.Sqlite;
using Indgang.Web.Features.Notifications;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Indgang.Web.Tests.Infrastructure;

/// <summary>
/// The application with a gate before its saves, so that the moment two people meet in is certain instead of left to
/// chance: requests sent at once all make their checks before any of them saves (<see cref="HoldSaves"/>), or another
/// person's save lands between a page's checks and its own save (<see cref="BeforeNextSave"/>). A write that is one SQL
/// statement without a save (ExecuteUpdate) is held the same way with <see cref="HoldStatements"/>. The scheduled deadline
/// watch does not run in it, so that only the saves a test makes meet at the gate.
/// </summary>
public class SavesMeetAppFactory : IndgangAppFactory
{
    private readonly SaveGate _gate = new();

    /// <summary>
    /// Holds each save that <paramref name="matches"/> until <paramref name="count"/> of them have come (or some seconds
    /// have passed), then lets them all go at once.
    /// </summary>
    public void HoldSaves(int count, Func<DbContext, bool> matches) => _gate.Hold(count, matches, statements: null);

    /// <summary>
    /// Holds each SQL statement that changes rows without a save (ExecuteUpdate, ExecuteDelete) and that
    /// <paramref name="matches"/> until <paramref name="count"/> of them have come (or some seconds have passed).
    /// </summary>
    public void HoldStatements(int count, Func<DbCommand, bool> matches) => _gate.Hold(count, saves: null, matches);

    /// <summary>Runs <paramref name="otherSave"/> once, just before the next save that <paramref name="matches"/>.</summary>
    public void BeforeNextSave(Func<DbContext, bool> matches, Func<Task> otherSave) => _gate.Before(matches, otherSave);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services =>
        {
            var scheduledWatch = services.Single(d => d.ServiceType == typeof(IHostedService) && d.ImplementationType == typeof(DeadlineWatchHost));
            services.Remove(scheduledWatch);
            services.ConfigureDbContext<SqliteIndgangDbContext>(o => o.AddInterceptors(_gate));
            services.ConfigureDbContext<PostgresIndgangDbContext>(o => o.AddInterceptors(_gate));
        });
    }

    private sealed class SaveGate : SaveChangesInterceptor, IDbCommandInterceptor
    {
        private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);
        private readonly Lock _lock = new();
        private Func<DbContext, bool>? _holds;
        private Func<DbCommand, bool>? _holdsStatements;
        private int _awaited;
        private TaskCompletionSource _allCome = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private Func<DbContext, bool>? _before;
        private Func<Task>? _otherSave;

        public void Hold(int count, Func<DbContext, bool>? saves, Func<DbCommand, bool>? statements)
        {
            lock (_lock)
            {
                (_holds, _holdsStatements, _awaited, _allCome) = (saves, statements, count, new(TaskCreationOptions.RunContinuationsAsynchronously));
            }
        }

        public void Before(Func<DbContext, bool> matches, Func<Task> otherSave)
        {
            lock (_lock)
            {
                (_before, _otherSave) = (matches, otherSave);
            }
        }

        public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            var db = eventData.Context!;
            Func<Task>? otherSave = null;
            Task? allCome = null;
            lock (_lock)
            {
                if (_before is { } before && before(db))
                {
                    // Disarmed first: the other's save passes the gate too.
                    (otherSave, _before, _otherSave) = (_otherSave, null, null);
                }
                else if (_holds is { } holds && holds(db))
                {
                    allCome = Came();
                }
            }

            if (otherSave is not null)
            {
                await otherSave();
            }

            await WaitForTheOthersAsync(allCome, cancellationToken);
            return result;
        }

        public async ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            Task? allCome = null;
            lock (_lock)
            {
                if (_holdsStatements is { } holds && holds(command))
                {
                    allCome = Came();
                }
            }

            await WaitForTheOthersAsync(allCome, cancellationToken);
            return result;
        }

        /// <summary>One more held write has come (under the lock): all are let go when the last comes.</summary>
        private Task Came()
        {
            var allCome = _allCome.Task;
            if (--_awaited == 0)
            {
                (_holds, _holdsStatements) = (null, null);
                _allCome.SetResult();
            }

            return allCome;
        }

        private async Task WaitForTheOthersAsync(Task? allCome, CancellationToken cancellationToken)
        {
            if (allCome is null)
            {
                return;
            }

            try
            {
                await allCome.WaitAsync(Patience, cancellationToken);
            }
            catch (TimeoutException)
            {
                // Not all came (one failed its checks): this one writes alone, as it would have, and the hold is lifted,
                // so that it does not catch a later test's writes.
                lock (_lock)
                {
                    if (_allCome.Task == allCome)
                    {
                        (_holds, _holdsStatements) = (null, null);
                    }
                }
            }
        }
    }
}

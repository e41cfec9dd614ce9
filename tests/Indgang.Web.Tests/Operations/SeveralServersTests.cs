using System.Net;
using Indgang.Domain.Audit;
using Indgang.Domain.Housing;
using Indgang.Domain.Reception;
using Indgang.Tests.Hosting;
using Indgang.Web.Audit;
using Indgang.Web.Identity;
using Indgang.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Indgang.Web.Tests.Operations;

/// <summary>
/// Several app servers on one database (PLAT-6: stateless, behind a load balancer). They start at the same moment: at a
/// new installation, and at every upgrade, when a new release is rolled out to all of them. Each runs the start-up step
/// (migrations, roles, the bootstrap administrator, reference data); the step runs on one server at a time, so the
/// servers start, what the step makes is there once, and an upgrade's migrations run once. Then one user's requests go
/// to either server, one by one; failed sign-ins on either count towards one lockout; and two coordinators on two
/// servers cannot give one unit twice. Two servers of one installation share its database: on SQLite, the file in the
/// data folder.
/// </summary>
public sealed class SeveralServersTests
{
    private const string AdminName = "it-admin";
    private const string Password = "Førstegang-2026";

    [Fact]
    public async Task TwoServers_StartingAtOnceOnANewDatabase_BothStart_AndMakeWhatTheStartMakesOnce()
    {
        await using var servers = await TwoServers.StartedAtOnceAsync();
        var (first, second) = (servers.First, servers.Second);

        foreach (var server in new[] { first, second })
        {
            using var browser = Browser.For(server);
            Assert.Contains("Log ind", await browser.GetPageAsync("/Account/Login"), StringComparison.Ordinal);
            Assert.Equal("", server.Log.Errors);
        }

        var roles = await first.QueryAsync(db => db.Roles.Select(r => r.Name!).ToListAsync());
        Assert.Equal(Roles.All.Order(StringComparer.Ordinal), roles.Order(StringComparer.Ordinal));
        Assert.Equal([AdminName], await first.QueryAsync(db => db.Users.Select(u => u.UserName!).ToListAsync()));
        Assert.Equal(RentCap.Seed2023().Count(), await first.QueryAsync(db => db.RentCaps.CountAsync()));
        Assert.Single(first.Log.At(LogLevel.Warning).Concat(second.Log.At(LogLevel.Warning)), m => m.StartsWith("Created the bootstrap administrator", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TwoServers_BehindALoadBalancer_ServeOneUser_EachPageByEitherServer()
    {
        await using var servers = await TwoServers.StartedAtOnceAsync();
        var (first, second) = (servers.First, servers.Second);
        // Their first pages at the same moment: each may make a Data Protection key of its own (two of ten runs
        // tried made two keys), and a cookie protected with either key must still be read by both servers.
        using (var a = Browser.For(first))
        using (var b = Browser.For(second))
        {
            await Task.WhenAll(a.GetPageAsync("/Account/Login"), b.GetPageAsync("/Account/Login"));
        }

        var jar = new System.Net.CookieContainer();
        using var balancer = new LoadBalancer(first.Server.CreateHandler(), second.Server.CreateHandler());
        using var browser = new Browser(new HttpClient(new CookieContainerHandler(jar) { InnerHandler = balancer }) { BaseAddress = new Uri("https://localhost") });

        // The sign-in form from one server, sent to the other; the session it starts, known to the first.
        using (var signedIn = await browser.SignInAsync(AdminName, Password))
        {
            Assert.True(signedIn.StatusCode == HttpStatusCode.Redirect, WebUtility.HtmlDecode(await signedIn.Content.ReadAsStringAsync()));
        }

        // Each form's page from one server, saved by the other; the requests alternate, so the municipality is saved by
        // the first server and the department by the second.
        var version = HiddenFields.Value(await browser.GetPageAsync("/Admin/Organisation/Municipality"), "Version");
        await SavedAsync(browser, "/Admin/Organisation/Municipality", new() { ["Name"] = "Testrup Kommune", ["Code"] = "999", ["Version"] = version });
        Assert.Contains("Testrup Kommune", await browser.GetPageAsync("/Admin/Organisation"), StringComparison.Ordinal);
        await SavedAsync(browser, "/Admin/Organisation/Department", new() { ["Name"] = "Fællesadministrationen", ["Code"] = "faelles" });

        // Shown twice: by each server once.
        for (var shown = 0; shown < 2; shown++)
        {
            Assert.Contains("Fællesadministrationen", WebUtility.HtmlDecode(await browser.GetPageAsync("/Admin/Organisation")), StringComparison.Ordinal);
        }

        Assert.Equal([5, 5], balancer.Served);
        // Both wrote to the audit log, in its one chain, which holds as each server checks it.
        Assert.Equal(2, await first.QueryAsync(db => db.AuditEntries.CountAsync(e => e.Action == AuditAction.OrganisationChanged)));
        foreach (var server in new[] { first, second })
        {
            await using var scope = server.Services.CreateAsyncScope();
            var verification = await scope.ServiceProvider.GetRequiredService<AuditChainVerifier>().VerifyAsync();
            Assert.True(verification.IsIntact, verification.FirstBreak?.ToString());
        }
    }

    [Fact]
    public async Task FailedSignIns_OnEitherServer_CountTowardsOneLockout()
    {
        await using var servers = await TwoServers.StartedAtOnceAsync();
        var (first, second) = (servers.First, servers.Second);
        using var onFirst = Browser.For(first);
        using var onSecond = Browser.For(second);

        // Five wrong passwords, the lockout's limit, three on one server and two on the other.
        for (var attempt = 0; attempt < 5; attempt++)
        {
            using var refused = await (attempt % 2 == 0 ? onFirst : onSecond).SignInAsync(AdminName, "Forkert-2026");
            Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        }

        // The right password is now refused by both.
        foreach (var browser in new[] { onFirst, onSecond })
        {
            using var refused = await browser.SignInAsync(AdminName, Password);
            Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        }

        var lockoutEnd = await first.QueryAsync(db => db.Users.Where(u => u.UserName == AdminName).Select(u => u.LockoutEnd).SingleAsync());
        Assert.True(lockoutEnd > DateTimeOffset.UtcNow.AddMinutes(10), $"Locked out until {lockoutEnd}");
    }

    [Fact]
    public async Task TwoCoordinators_OnTwoServers_AssignTheSameUnitAtOnce_ExactlyOneSucceeds()
    {
        await using var first = new DemoServerFactory();
        await using var second = new DemoServerFactory(first);
        var unit = await first.UnitIdAsync("Pavillon B");
        var tesfay = await first.QueryAsync(db => db.Households.Where(h => h.Name == "Tesfay Gebremedhin").Select(h => h.Id).SingleAsync());
        var kovalenko = await first.QueryAsync(db => db.Households.Where(h => h.Name == "Familien Kovalenko").Select(h => h.Id).SingleAsync());
        using var onFirst = await Browser.SignedInAsync(first, "bolig");
        using var onSecond = await Browser.SignedInAsync(second, "bolig");
        var firstToken = Browser.AntiforgeryToken(await onFirst.GetPageAsync($"/Housing/Units/{unit}"));
        var secondToken = Browser.AntiforgeryToken(await onSecond.GetPageAsync($"/Housing/Units/{unit}"));

        var responses = await Task.WhenAll(
            Housing.OccupancyTests.PostMoveInAsync(onFirst, unit, tesfay, firstToken),
            Housing.OccupancyTests.PostMoveInAsync(onSecond, unit, kovalenko, secondToken));

        await Housing.OccupancyTests.ExactlyOneMovedInAsync(first, unit, responses);
    }

    [Fact]
    public async Task TwoServers_UpgradingOneDatabaseAtOnce_BothStart_AndMigrateItOnce()
    {
        // The installation before the upgrade: the demo, its schema as it was before MoveOutTasks, a migration that adds
        // rows (the owners of the move-out tasks).
        await using var before = new DemoServerFactory();
        var migrations = await before.RollBackToBeforeAsync("_MoveOutTasks");
        Assert.Equal(0, await MoveOutOwnersAsync(before));

        // The new release, rolled out to two servers at once.
        await using var first = new DemoServerFactory(before);
        await using var second = new DemoServerFactory(before);
        await Task.WhenAll(Task.Run(() => first.Services), Task.Run(() => second.Services));

        Assert.Equal("", first.Log.Errors);
        Assert.Equal("", second.Log.Errors);
        Assert.Equal(migrations, await first.QueryAsync(async db => (await db.Database.GetAppliedMigrationsAsync()).ToList()));
        Assert.Equal(MoveTasks.MoveOut.Count, await MoveOutOwnersAsync(first));
    }

    private static Task<int> MoveOutOwnersAsync(IndgangAppFactory server) =>
        server.QueryAsync(db => db.Responsibilities.CountAsync(r => MoveTasks.MoveOut.Contains(r.TaskType)));

    private static async Task SavedAsync(Browser browser, string url, Dictionary<string, string> fields)
    {
        using var response = await browser.PostFormAsync(url, fields);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{url} was not saved:\n{WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync())}");
    }

    /// <summary>Two servers of a new installation, started at the same moment on its empty database.</summary>
    private sealed class TwoServers : IAsyncDisposable
    {
        private TwoServers()
        {
            Second = new ServerFactory(First);
        }

        public ServerFactory First { get; } = new();

        public ServerFactory Second { get; }

        public static async Task<TwoServers> StartedAtOnceAsync()
        {
            var servers = new TwoServers();
            try
            {
                await Task.WhenAll(Task.Run(() => servers.First.Services), Task.Run(() => servers.Second.Services));
                return servers;
            }
            catch
            {
                await servers.DisposeAsync();
                throw;
            }
        }

        public async ValueTask DisposeAsync()
        {
            await Second.DisposeAsync();
            await First.DisposeAsync();
        }
    }

    /// <summary>A server of the test suite's demo installation; a second one runs on the first's database.</summary>
    private sealed class DemoServerFactory : LoggedAppFactory
    {
        public DemoServerFactory()
        {
        }

        public DemoServerFactory(DemoServerFactory firstServer)
            : base(firstServer)
        {
        }
    }

    /// <summary>A server of a new installation in Production, its first administrator from configuration, its log kept.</summary>
    private sealed class ServerFactory : LoggedAppFactory
    {
        public ServerFactory()
        {
        }

        public ServerFactory(ServerFactory firstServer)
            : base(firstServer)
        {
        }

        protected override string EnvironmentName => "Production";

        protected override bool FindsItsEmptyDatabaseMade => true;

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Indgang:BootstrapAdmin:UserName", AdminName);
            builder.UseSetting("Indgang:BootstrapAdmin:Password", Password);
        }
    }
}

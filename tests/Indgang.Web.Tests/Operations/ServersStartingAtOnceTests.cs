using Indgang.Domain.Housing;
using Indgang.Tests.Hosting;
using Indgang.Web.Identity;
using Indgang.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Indgang.Web.Tests.Operations;

/// <summary>
/// Several app servers on one database (PLAT-6: behind a load balancer) start at the same moment: at a new installation,
/// and at every upgrade, when a new release is rolled out to all of them. Each runs the start-up step (migrations, roles,
/// the bootstrap administrator, reference data); the step runs on one server at a time, so the servers start, and what
/// the step makes is there once. Two servers of one installation share its database: on SQLite, the file in the data
/// folder.
/// </summary>
public sealed class ServersStartingAtOnceTests
{
    private const string AdminName = "it-admin";

    [Fact]
    public async Task TwoServers_StartingAtOnceOnANewDatabase_BothStart_AndMakeWhatTheStartMakesOnce()
    {
        await using var first = new ServerFactory();
        await using var second = new ServerFactory(first);

        await Task.WhenAll(Task.Run(() => first.Services), Task.Run(() => second.Services));

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

    /// <summary>A server of a new installation in Production, its first administrator from configuration, its log kept.</summary>
    private sealed class ServerFactory : IndgangAppFactory
    {
        public ServerFactory()
        {
        }

        public ServerFactory(ServerFactory firstServer)
            : base(firstServer)
        {
        }

        public LogCapture Log { get; } = new();

        protected override string EnvironmentName => "Production";

        protected override bool FindsItsEmptyDatabaseMade => true;

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Indgang:BootstrapAdmin:UserName", AdminName);
            builder.UseSetting("Indgang:BootstrapAdmin:Password", "Førstegang-2026");
            builder.ConfigureServices(s => s.AddSingleton<ILoggerProvider>(Log));
        }
    }
}

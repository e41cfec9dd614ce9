using System.Net;
using Indgang.Placement;
using Indgang.Tests.Hosting;
using Indgang.Web.Features.Housing.Placement;
using Indgang.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Indgang.Web.Tests.Housing;

/// <summary>
/// An optimizer that stops with an error (a fault in OR-Tools, a race with its own clock) is no 500 page: the
/// coordinator is told to try again with the choices kept, and no run is stored.
/// </summary>
public sealed class PlacementFailureTests(PlacementFailureTests.FailingSolverFactory factory) : IClassFixture<PlacementFailureTests.FailingSolverFactory>
{
    [Fact]
    public async Task NewRun_SolverFails_TheMessageIsShownAndTheChoicesKept()
    {
        factory.Solver.Fail = true;
        using var housing = await Browser.SignedInAsync(factory, "bolig");
        var haddad = await HouseholdAsync("Familien Haddad");
        var runsBefore = await factory.QueryAsync(db => db.PlacementRuns.CountAsync());

        using var response = await housing.PostFormAsync("/Housing/Placement", new Dictionary<string, string> { ["PlanningDate"] = Arrivals.Iso(Arrivals.Today), ["Households"] = haddad.ToString() });
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(PlacementFailedException.UserMessage, html, StringComparison.Ordinal);
        Assert.Matches($"value=\"{haddad}\"[^>]*checked|checked[^>]*value=\"{haddad}\"", html);
        Assert.Equal(runsBefore, await factory.QueryAsync(db => db.PlacementRuns.CountAsync()));
    }

    [Fact]
    public async Task Rerun_SolverFails_TheRunPageShowsTheMessage()
    {
        factory.Solver.Fail = false;
        using var housing = await Browser.SignedInAsync(factory, "bolig");
        var tesfay = await HouseholdAsync("Tesfay Gebremedhin");
        var run = await housing.RunPlacementAsync(tesfay);
        var unit = await factory.SuggestedUnitAsync(run, tesfay);
        Assert.NotNull(unit);
        var runsBefore = await factory.QueryAsync(db => db.PlacementRuns.CountAsync());

        factory.Solver.Fail = true;
        using var response = await housing.PostFormAsync($"/Housing/Placement/{run}?handler=Lock", new Dictionary<string, string> { ["HouseholdId"] = tesfay.ToString(), ["UnitId"] = unit.Value.ToString() }, formPage: $"/Housing/Placement/{run}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(PlacementFailedException.UserMessage, WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(runsBefore, await factory.QueryAsync(db => db.PlacementRuns.CountAsync()));
    }

    private Task<Guid> HouseholdAsync(string name) => factory.QueryAsync(db => db.Households.Where(h => h.Name == name).Select(h => h.Id).SingleAsync());

    public sealed class SwitchableSolver : IPlacementSolver
    {
        private volatile bool _fail;

        public bool Fail { get => _fail; set => _fail = value; }

        public PlacementResult Solve(PlacementRequest request) =>
            _fail ? throw new InvalidOperationException("Simulated solver fault") : new OrToolsPlacementSolver().Solve(request);
    }

    public sealed class FailingSolverFactory : IndgangAppFactory
    {
        public SwitchableSolver Solver { get; } = new();

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services => services.AddSingleton<IPlacementSolver>(Solver));
        }
    }
}

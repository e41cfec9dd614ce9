using System.Reflection;
using Indgang.Tests.Hosting;
using Indgang.Web.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Indgang.Web.Tests.Security;

/// <summary>
/// Fail closed: every page and endpoint the app maps must carry a named policy, or be deliberately
/// public and on this allow-list. A new endpoint without a decision fails this test.
/// </summary>
public sealed class EndpointAuthorizationWalkTests(IndgangAppFactory factory) : IClassFixture<IndgangAppFactory>
{
    private static readonly HashSet<string> PublicRoutes = new(StringComparer.OrdinalIgnoreCase)
    {
        "Account/Login",
        "Account/AccessDenied",
        "Culture",
        "Status/{code:int}",
        "health/live",
        "health/ready",
    };

    // Static assets' development-time file fallback (files added after the build). It has no policy of
    // its own and so falls under the app's fallback policy: signed-in staff only. Fail closed by design.
    private static readonly HashSet<string> CoveredByFallbackPolicy = new(StringComparer.Ordinal) { "{**path:file}" };

    private static readonly HashSet<string> NamedPolicies = typeof(Policies)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (string)f.GetValue(null)!)
        .ToHashSet(StringComparer.Ordinal);

    [Fact]
    public void EveryEndpoint_HasNamedPolicyOrIsDeliberatelyPublic()
    {
        var endpoints = Endpoints();
        var undecided = new List<string>();
        foreach (var endpoint in endpoints)
        {
            var route = endpoint.RoutePattern.RawText?.TrimStart('/') ?? "";
            if (endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null)
            {
                if (!PublicRoutes.Contains(route) && !IsStaticAsset(endpoint))
                {
                    undecided.Add($"{route}: anonymous but not on the allow-list");
                }

                continue;
            }

            if (CoveredByFallbackPolicy.Contains(route))
            {
                continue;
            }

            var policies = endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Policy).ToList();
            if (policies.Count == 0 || policies.Any(p => p is null || !NamedPolicies.Contains(p)))
            {
                undecided.Add($"{route}: no named policy ({endpoint.DisplayName})");
            }
        }

        Assert.True(undecided.Count == 0, "Endpoints without an authorization decision:\n" + string.Join('\n', undecided));
    }

    [Fact]
    public void Walk_SeesPagesApisHealthAndStaticAssets()
    {
        var routes = Endpoints().Select(e => e.RoutePattern.RawText?.TrimStart('/') ?? "").ToHashSet(StringComparer.OrdinalIgnoreCase);

        // The walk is only worth something if it really enumerates what the app maps.
        Assert.Contains("Account/Login", routes);
        Assert.Contains("Admin/Users", routes);
        Assert.Contains("People/{id:guid}", routes);
        Assert.Contains("api/v1/people/{id:guid}", routes);
        Assert.Contains("health/ready", routes);
        Assert.Contains(Endpoints(), IsStaticAsset);
        Assert.True(routes.Count > 20, $"Only {routes.Count} routes were found.");
    }

    [Theory]
    [InlineData("Admin/Users", Policies.Administration)]
    [InlineData("Admin/Audit", Policies.Administration)]
    [InlineData("Admin/Organisation", Policies.Administration)]
    [InlineData("Admin/Organisation/Municipality", Policies.Administration)]
    [InlineData("Admin/Organisation/Department/{id:guid?}", Policies.Administration)]
    [InlineData("Admin/Organisation/Town/{id:guid?}", Policies.Administration)]
    [InlineData("People/{id:guid}", Policies.PersonData)]
    [InlineData("api/v1/people/{id:guid}", Policies.PersonData)]
    [InlineData("api/v1/households/mine", Policies.Coordination)]
    [InlineData("api/v1/housing/units", Policies.Housing)]
    [InlineData("api/v1/housing/forecast", Policies.HousingForecast)]
    [InlineData("api/v1/housing/offers/{id:guid}/acceptance", Policies.Housing)]
    [InlineData("api/v1/housing/offers/{id:guid}/decline", Policies.Housing)]
    [InlineData("Housing", Policies.Housing)]
    [InlineData("Housing/Placement", Policies.Housing)]
    [InlineData("Housing/Forecast", Policies.HousingForecast)]
    public void SensitiveEndpoint_RequiresItsPolicy(string route, string policy)
    {
        var endpoint = Endpoints().First(e => string.Equals(e.RoutePattern.RawText?.TrimStart('/'), route, StringComparison.OrdinalIgnoreCase));

        Assert.Contains(policy, endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Policy));
        Assert.Null(endpoint.Metadata.GetMetadata<IAllowAnonymous>());
    }

    private List<RouteEndpoint> Endpoints()
    {
        _ = factory.Server; // starts the app so that every endpoint is built
        return factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();
    }

    // Files under wwwroot, mapped by MapStaticAssets; they are public by design (CSS, JS, fonts, icons).
    private static bool IsStaticAsset(RouteEndpoint endpoint) =>
        endpoint.Metadata.Any(m => m.GetType().Namespace?.StartsWith("Microsoft.AspNetCore.StaticAssets", StringComparison.Ordinal) == true);
}

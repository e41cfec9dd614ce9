using Indgang.Tests.Hosting;
using Indgang.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Indgang.Web.Tests.Operations;

/// <summary>
/// Outside Production, a query whose answer depends on the order the database happens to return rows in fails, so
/// that the tests — which run the whole app — find every such query (the page frame's municipality name was one).
/// </summary>
public sealed class StrictQueryTests(IndgangAppFactory factory) : IClassFixture<IndgangAppFactory>
{
    [Fact]
    public async Task FirstWithoutOrder_FailsOutsideProduction()
    {
        var thrown = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            factory.QueryAsync(db => db.HousingSites.Select(s => s.Name).FirstAsync()));
        Assert.Contains("FirstWithoutOrderByAndFilterWarning", thrown.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FirstWithAnOrder_Answers() =>
        Assert.NotEqual(Guid.Empty, await factory.QueryAsync(db => db.SomeSiteIdAsync()));
}

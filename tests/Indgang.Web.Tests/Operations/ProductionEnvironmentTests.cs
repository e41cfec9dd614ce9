using System.Net;
using Indgang.Tests.Hosting;
using Indgang.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Indgang.Web.Tests.Operations;

/// <summary>Demo users exist only outside Production, even if configuration asks for them.</summary>
public sealed class ProductionEnvironmentTests(ProductionEnvironmentTests.ProductionFactory factory)
    : IClassFixture<ProductionEnvironmentTests.ProductionFactory>
{
    [Fact]
    public async Task Production_CreatesNoDemoUsersButAllRoles()
    {
        using var browser = Browser.For(factory);
        using var signIn = await browser.SignInAsync("koordinator", Browser.DemoPassword);

        Assert.Equal(HttpStatusCode.OK, signIn.StatusCode);
        Assert.Equal(0, await factory.QueryAsync(db => db.Users.CountAsync()));
        Assert.Equal(6, await factory.QueryAsync(db => db.Roles.CountAsync()));
    }

    public sealed class ProductionFactory : IndgangAppFactory
    {
        protected override string EnvironmentName => "Production";
    }
}

using Indgang.Tests.Shared;
using Microsoft.AspNetCore.Hosting;

namespace Indgang.Browser.Tests;

/// <summary>
/// The shared app factory, plus the static web assets (DKFDS and the app's own CSS and JS) that a
/// browser needs. ASP.NET Core enables them outside a published app only in Development; in the
/// "Testing" environment MapStaticAssets answers every asset with an empty 200, so the pages would
/// be tested, and checked by axe, without any styles.
/// </summary>
public sealed class BrowserAppFactory : IndgangAppFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseStaticWebAssets();
    }
}

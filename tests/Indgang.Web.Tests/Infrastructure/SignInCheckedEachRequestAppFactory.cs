using Indgang.Tests.Hosting;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Indgang.Web.Tests.Infrastructure;

/// <summary>
/// The application with a signed-in user's cookie checked against their security stamp on every request, not once a
/// minute: what the check does is seen at once, without waiting for it. How often the application itself checks is kept
/// in <see cref="AppCheckInterval"/>.
/// </summary>
public sealed class SignInCheckedEachRequestAppFactory : IndgangAppFactory
{
    private TimeSpan? _appCheckInterval;

    /// <summary>The interval the application configures for the check, before the tests' zero.</summary>
    public TimeSpan? AppCheckInterval
    {
        get
        {
            _ = Services.GetRequiredService<IOptions<SecurityStampValidatorOptions>>().Value;
            return _appCheckInterval;
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.PostConfigure<SecurityStampValidatorOptions>(options =>
        {
            _appCheckInterval = options.ValidationInterval;
            options.ValidationInterval = TimeSpan.Zero;
        }));
    }
}

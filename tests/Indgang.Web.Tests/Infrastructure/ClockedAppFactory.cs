using Indgang.Tests.Hosting;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Indgang.Web.Tests.Infrastructure;

/// <summary>
/// The app on a clock of the test's (<typeparamref name="TClock"/>, moved on by the test: <see cref="ShiftedClock"/>, or
/// one that stands still), with the settings given: for what the app decides by the time that has passed, such as the
/// session's limits.
/// </summary>
public sealed class ClockedAppFactory<TClock>(params (string Key, string Value)[] settings) : IndgangAppFactory
    where TClock : TimeProvider, new()
{
    public TClock Clock { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
    }
}

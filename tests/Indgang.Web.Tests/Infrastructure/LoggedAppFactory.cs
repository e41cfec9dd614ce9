using Indgang.Tests.Hosting;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Indgang.Web.Tests.Infrastructure;

/// <summary>
/// The application with its log kept in <see cref="Log"/>, for a test that reads what an operator would see: warnings and
/// worse, or from the level a subclass names (which the app's own log levels must let through as well). A second server
/// of the same installation keeps a log of its own.
/// </summary>
public abstract class LoggedAppFactory : IndgangAppFactory
{
    protected LoggedAppFactory(LogLevel least = LogLevel.Warning) => Log = new(least);

    protected LoggedAppFactory(LoggedAppFactory firstServer, LogLevel least = LogLevel.Warning)
        : base(firstServer) => Log = new(least);

    public LogCapture Log { get; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(s => s.AddSingleton<ILoggerProvider>(Log));
    }
}

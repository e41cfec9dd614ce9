using System.Net;
using Indgang.Tests.Hosting;
using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Indgang.Browser.Tests;

/// <summary>
/// One test class's world: the real app on a real Kestrel server on a free loopback port, with a
/// throwaway database seeded with the demo users, and one headless Chromium. Each test gets a new
/// browser context (its own cookies) through <see cref="RunAsync"/>.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime, IAsyncDisposable
{
    /// <summary>Debian's Chromium: Playwright cannot download its own browser build on this machine.</summary>
    private const string ChromiumPath = "/usr/bin/chromium";

    private static readonly string[] ChromiumArgs =
    [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-quic",
    ];

    private readonly IndgangAppFactory _app = new();
    private IPlaywright? _playwright;
    private IBrowser? _browser;
    private bool _disposed;

    /// <summary>Where the server listens, e.g. http://127.0.0.1:41234 (no trailing slash).</summary>
    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>Traces of failed tests end up here, one zip per test (open with `playwright show-trace`).</summary>
    public static string TraceDirectory { get; } = Path.Combine(AppContext.BaseDirectory, "TestResults", "traces");

    public IBrowser Browser => _browser ?? throw new InvalidOperationException("The fixture is not initialized.");

    /// <summary>The app's services, for a test that arranges more data than the demo has (a long work list, say).</summary>
    public IServiceProvider Services => _app.Services;

    public async Task InitializeAsync()
    {
        _app.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        _app.StartServer();
        var addresses = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses
            ?? throw new InvalidOperationException("Kestrel reported no addresses.");
        BaseAddress = new Uri(addresses.Single(a => a.StartsWith("http://", StringComparison.Ordinal)));

        // The machine is small and shared: give web-first assertions more than the default 5 s.
        Assertions.SetDefaultExpectTimeout(15_000);
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ChromiumArgs,
        });
    }

    /// <summary>
    /// Runs one test in a fresh Danish browser context with a Playwright trace; the trace is kept
    /// (under <see cref="TraceDirectory"/>) only when the test fails, and the failure is rethrown.
    /// </summary>
    public async Task RunAsync(Func<IPage, Task> test, [CallerMemberName] string testName = "")
    {
        ArgumentNullException.ThrowIfNull(test);
        await using var context = await NewTracedContextAsync(testName);
        var page = await context.NewPageAsync();
        try
        {
            await test(page);
        }
        catch
        {
            await SaveTraceAsync(context, testName);
            throw;
        }

        await context.Tracing.StopAsync();
    }

    /// <summary>
    /// Runs one test in which several users take part, each signing in in a browser context of their
    /// own (own cookies), as on separate computers. <see cref="BrowserUsers.NewPageAsync"/> opens the
    /// next user's context; every context is traced, and the traces are kept only when the test fails
    /// (one zip per context: "&lt;test&gt;-1.zip", "&lt;test&gt;-2.zip", …).
    /// </summary>
    public async Task RunWithUsersAsync(Func<BrowserUsers, Task> test, [CallerMemberName] string testName = "")
    {
        ArgumentNullException.ThrowIfNull(test);
        var users = new BrowserUsers(this, testName);
        try
        {
            await test(users);
        }
        catch
        {
            await users.CloseAsync(keepTraces: true);
            throw;
        }

        await users.CloseAsync(keepTraces: false);
    }

    internal async Task<IBrowserContext> NewTracedContextAsync(string title)
    {
        var context = await Browser.NewContextAsync(new()
        {
            BaseURL = BaseAddress.ToString().TrimEnd('/'),
            Locale = "da-DK",
        });
        // The trace keeps the page's DOM at every step (which the trace viewer shows as the page looked), not a screencast:
        // encoding and sending its frames cost about a tenth of the browser tests' CPU (user+sys 388 s against 356 s for
        // the 60 tests, on a busy machine), and every test records a trace though only a failed one keeps it.
        await context.Tracing.StartAsync(new() { Title = title, Screenshots = false, Snapshots = true });
        return context;
    }

    internal static async Task SaveTraceAsync(IBrowserContext context, string testName)
    {
        try
        {
            Directory.CreateDirectory(TraceDirectory);
            await context.Tracing.StopAsync(new() { Path = Path.Combine(TraceDirectory, testName + ".zip") });
        }
        catch (PlaywrightException)
        {
            // A browser that crashed keeps no trace; the test's own failure is what must be reported.
        }
    }

    public Task DisposeAsync() => ((IAsyncDisposable)this).DisposeAsync().AsTask();

    async ValueTask IAsyncDisposable.DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
        await _app.DisposeAsync();
    }
}

using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Indgang.Tests.Hosting;
using Indgang.Web.Platform;
using Indgang.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Indgang.Web.Tests.Operations;

/// <summary>
/// OpenTelemetry metrics and traces (architecture: observability) reach the collector the operator names, by OTLP; a
/// request is traced by its route, never with its query string (a search for a name); refused sign-ins and placement
/// solves are counted by the app's own meter. The app's own meter and ASP.NET Core's are listened to by name, in every
/// host in the process: the class runs alone (<see cref="MetersListenedToAlone"/>), so another test's sign-ins are not
/// counted here.
/// </summary>
[Collection(MetersListenedToAlone.Name)]
public sealed class TelemetryTests(TelemetryTests.TelemetryAppFactory factory) : IClassFixture<TelemetryTests.TelemetryAppFactory>
{
    [Fact]
    public async Task ARequest_IsTracedByItsRoute_WithoutItsQueryString_AndReachesTheCollector()
    {
        using var housing = await Browser.SignedInAsync(factory, "bolig");

        await housing.GetPageAsync("/Housing/Pipeline?q=Haddad");
        factory.Flush();

        var span = Assert.Single(factory.Spans, s => s.GetTagItem("url.path") as string == "/Housing/Pipeline");
        Assert.Equal("Housing/Pipeline", span.GetTagItem("http.route"));
        Assert.Equal(200, span.GetTagItem("http.response.status_code"));
        // Not even its parameters' names (the instrumentation would keep "q=Redacted").
        Assert.Null(span.GetTagItem("url.query"));
        Assert.DoesNotContain(factory.Spans.SelectMany(s => s.TagObjects), tag => tag.Value?.ToString()?.Contains("Haddad", StringComparison.Ordinal) == true);
        Assert.Contains(factory.Metrics, m => m.Name == "http.server.request.duration");
        // And by OTLP to the collector, over loopback.
        await factory.Collector.WaitForAsync("/v1/traces");
        await factory.Collector.WaitForAsync("/v1/metrics");
        Assert.DoesNotContain("Haddad", factory.Collector.Bodies, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ARefusedSignIn_IsCounted_AndLoggedForTheOperator_WithoutTheNameTyped()
    {
        factory.Flush();
        var before = factory.SignInsRefused();
        using var browser = Browser.For(factory);

        using var refused = await browser.SignInAsync("telemetri-findesikke", "Gæt-1234x");

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        factory.Flush();
        Assert.Equal(before + 1, factory.SignInsRefused());
        var line = Assert.Single(factory.Log.At(LogLevel.Warning), l => l.StartsWith("A sign-in was refused", StringComparison.Ordinal));
        Assert.DoesNotContain("telemetri-findesikke", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task APlacementSolve_IsTracedAndMeasured_ByItsOutcome()
    {
        await factory.AddSingleRoomsAsync("Telemetri", 2);
        var household = await factory.RegisterSingleAsync("Telemetrisk");
        using var housing = await Browser.SignedInAsync(factory, "bolig");

        await housing.RunPlacementAsync(household);
        factory.Flush();

        var solve = Assert.Single(factory.Spans, s => s.OperationName == "placement.solve");
        Assert.Equal(1, solve.GetTagItem("indgang.placement.households"));
        Assert.Equal("optimal", solve.GetTagItem("indgang.placement.status"));
        var measured = factory.Metrics.Last(m => m.Name == "indgang.placement.solve.duration").MetricPoints;
        Assert.Contains(measured, p => HasTag(p, "status", "optimal") && p.GetHistogramCount() >= 1);
    }

    [Theory]
    [InlineData(IndgangTelemetry.EndpointSetting, "collector:4317", "Indgang:Telemetry:OtlpEndpoint must be the collector's http:// or https:// address")]
    [InlineData(IndgangTelemetry.ProtocolSetting, "udp", "Indgang:Telemetry:OtlpProtocol must be 'grpc' or 'http/protobuf'; it is 'udp'.")]
    public async Task AMistypedSetting_StopsTheStart_NamingIt(string key, string value, string said)
    {
        await using var mistyped = new MistypedFactory(key, value);

        var error = Assert.Throws<InvalidOperationException>(() => mistyped.Services);

        Assert.Contains(said, error.Message, StringComparison.Ordinal);
    }

    private sealed class MistypedFactory(string key, string value) : IndgangAppFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting(IndgangTelemetry.EndpointSetting, "http://127.0.0.1:4317");
            builder.UseSetting(key, value);
        }
    }

    private static bool HasTag(MetricPoint point, string key, string value)
    {
        foreach (var tag in point.Tags)
        {
            if (tag.Key == key && tag.Value as string == value)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The application with a collector on loopback, and every span and metric kept in memory as well.</summary>
    public sealed class TelemetryAppFactory : LoggedAppFactory
    {
        public OtlpCollector Collector { get; } = new();
        public List<Activity> Spans { get; } = [];
        /// <summary>Each export's copy of every metric, the newest last.</summary>
        public List<MetricSnapshot> Metrics { get; } = [];

        /// <summary>Everything recorded so far exported: to memory and to the collector.</summary>
        public void Flush()
        {
            Services.GetRequiredService<TracerProvider>().ForceFlush();
            Services.GetRequiredService<MeterProvider>().ForceFlush();
        }

        /// <summary>The refused sign-ins counted so far: the meter's running total, as last exported (0 before the first).</summary>
        public long SignInsRefused() => Metrics.LastOrDefault(m => m.Name == "indgang.sign_in.refused")?.MetricPoints.Sum(p => p.GetSumLong()) ?? 0;

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting(IndgangTelemetry.EndpointSetting, Collector.Address);
            builder.UseSetting(IndgangTelemetry.ProtocolSetting, "http/protobuf");
            builder.ConfigureTestServices(services =>
            {
                services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddInMemoryExporter(Spans));
                // Cumulative (the default), so a counter's point is its running total.
                services.ConfigureOpenTelemetryMeterProvider(metrics => metrics.AddInMemoryExporter(Metrics));
            });
        }

        protected override void Dispose(bool disposing)
        {
            base.Dispose(disposing);
            if (disposing)
            {
                Collector.Dispose();
            }
        }
    }

    /// <summary>An OTLP/HTTP collector on loopback: answers every export with 200 and keeps the paths and bodies it got.</summary>
    public sealed class OtlpCollector : IDisposable
    {
        private readonly HttpListener _listener = new();
        private readonly ConcurrentQueue<string> _paths = new();
        private readonly ConcurrentQueue<string> _bodies = new();

        public OtlpCollector()
        {
            using var probe = new TcpListener(IPAddress.Loopback, 0);
            probe.Start();
            var port = ((IPEndPoint)probe.LocalEndpoint).Port;
            probe.Stop();
            Address = $"http://127.0.0.1:{port}/";
            _listener.Prefixes.Add(Address);
            _listener.Start();
            _ = Task.Run(ServeAsync);
        }

        public string Address { get; }

        /// <summary>The bodies received, read as UTF-8 (protobuf keeps its strings so), to search for a text.</summary>
        public string Bodies => string.Join("\n", _bodies);

        public async Task WaitForAsync(string path)
        {
            var until = DateTime.UtcNow.AddSeconds(30);
            while (!_paths.Contains(path))
            {
                Assert.True(DateTime.UtcNow < until, $"The collector got no {path}; it got: {string.Join(", ", _paths)}");
                await Task.Delay(50);
            }
        }

        private async Task ServeAsync()
        {
            while (_listener.IsListening)
            {
                HttpListenerContext context;
                try
                {
                    context = await _listener.GetContextAsync();
                }
                catch (Exception e) when (e is HttpListenerException or ObjectDisposedException)
                {
                    return;
                }

                using (var body = new MemoryStream())
                {
                    await context.Request.InputStream.CopyToAsync(body);
                    _bodies.Enqueue(System.Text.Encoding.UTF8.GetString(body.ToArray()));
                }

                _paths.Enqueue(context.Request.Url!.AbsolutePath);
                context.Response.StatusCode = 200;
                context.Response.ContentType = "application/x-protobuf";
                context.Response.Close();
            }
        }

        /// <summary>Once: the factory's disposal comes twice (asynchronously, then by xunit), and a closed listener refuses a second close.</summary>
        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                _listener.Close();
            }
        }

        private int _disposed;
    }
}

/// <summary>Tests that listen to meters and spans by name, which every host in the process records to: they run alone.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class MetersListenedToAlone
{
    public const string Name = "Telemetry";
}

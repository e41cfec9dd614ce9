using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Reflection;
using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Indgang.Web.Platform;

/// <summary>
/// OpenTelemetry metrics and traces (architecture: observability), sent by OTLP to the collector the operator names in
/// <c>Indgang:Telemetry:OtlpEndpoint</c> (or the standard <c>OTEL_EXPORTER_OTLP_ENDPOINT</c>); with neither, none are
/// collected. Requests (ASP.NET Core's own meters and spans), the .NET runtime, and the app's own
/// (<see cref="IndgangMetrics"/>). No personal data leaves: a request's span keeps its route and status, never its query
/// string (a search for a name), and the app's own carry counts and outcomes only.
/// </summary>
internal static class IndgangTelemetry
{
    public const string ServiceName = "indgang";
    public const string EndpointSetting = "Indgang:Telemetry:OtlpEndpoint";

    /// <summary>"grpc" (port 4317, the default) or "http/protobuf" (port 4318), as the collector takes it.</summary>
    public const string ProtocolSetting = "Indgang:Telemetry:OtlpProtocol";

    public static WebApplicationBuilder AddIndgangTelemetry(this WebApplicationBuilder builder)
    {
        var endpoint = builder.Configuration[EndpointSetting] is { Length: > 0 } own ? own : builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"];
        if (string.IsNullOrWhiteSpace(endpoint))
        {
            return builder;
        }

        if (!Uri.TryCreate(endpoint, UriKind.Absolute, out var collector) || collector.Scheme is not ("http" or "https"))
        {
            throw new InvalidOperationException($"{EndpointSetting} must be the collector's http:// or https:// address, such as http://127.0.0.1:4317; it is '{endpoint}'.");
        }

        var protocol = builder.Configuration[ProtocolSetting] switch
        {
            null or "" or "grpc" => OtlpExportProtocol.Grpc,
            "http/protobuf" => OtlpExportProtocol.HttpProtobuf,
            var other => throw new InvalidOperationException($"{ProtocolSetting} must be 'grpc' or 'http/protobuf'; it is '{other}'."),
        };

        builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(ServiceName, serviceVersion: Version, serviceInstanceId: Environment.MachineName))
            .WithTracing(tracing => tracing
                .AddSource(IndgangMetrics.Name)
                .AddAspNetCoreInstrumentation(o =>
                {
                    // Probes every few seconds and static files are noise; every other request is traced.
                    o.Filter = context => !context.Request.Path.StartsWithSegments("/health", StringComparison.OrdinalIgnoreCase) && !context.Request.Path.StartsWithSegments("/lib", StringComparison.OrdinalIgnoreCase);
                    o.EnrichWithHttpRequest = (activity, _) => activity.SetTag("url.query", null);
                    o.RecordException = false;
                }))
            .WithMetrics(metrics => metrics
                .AddMeter(IndgangMetrics.Name)
                .AddAspNetCoreInstrumentation()
                .AddRuntimeInstrumentation())
            .UseOtlpExporter(protocol, collector);
        return builder;
    }

    private static string Version =>
        typeof(IndgangTelemetry).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0";
}

/// <summary>
/// The app's own meter and activity source, "Indgang": what an operator watches beside the requests. Counts and outcomes
/// only, no names or ids.
/// </summary>
public sealed class IndgangMetrics
{
    public const string Name = "Indgang";

    /// <summary>The spans the app makes itself (a placement run's solve).</summary>
    public static readonly ActivitySource Source = new(Name);

    private readonly Counter<long> _signInsRefused;
    private readonly Histogram<double> _placementSolveTime;

    public IndgangMetrics(IMeterFactory meters)
    {
        ArgumentNullException.ThrowIfNull(meters);
        // Made by the host's meter factory, which disposes of it.
        var meter = meters.Create(Name);
        _signInsRefused = meter.CreateCounter<long>("indgang.sign_in.refused", "{sign-in}",
            "Sign-ins refused: a wrong name or password, or an account locked out (a rise is someone guessing).");
        _placementSolveTime = meter.CreateHistogram<double>("indgang.placement.solve.duration", "s",
            "How long the placement optimizer took for a run, by its outcome (optimal, feasible with a gap, …).");
    }

    /// <summary>A refused sign-in; <paramref name="lockedOut"/>: the account is (now) locked.</summary>
    public void SignInRefused(bool lockedOut) => _signInsRefused.Add(1, new KeyValuePair<string, object?>("outcome", lockedOut ? "locked_out" : "refused"));

    public void PlacementSolved(TimeSpan took, string status, int households, int units) =>
        _placementSolveTime.Record(took.TotalSeconds,
            new KeyValuePair<string, object?>("status", status),
            new KeyValuePair<string, object?>("size", SizeClass(households, units)));

    /// <summary>The run's size in the benchmark's classes (XS … XL), so runs of one size are compared.</summary>
    internal static string SizeClass(int households, int units) => Math.Max(households, units) switch
    {
        <= 15 => "XS",
        <= 60 => "S",
        <= 200 => "M",
        <= 400 => "L",
        _ => "XL",
    };
}

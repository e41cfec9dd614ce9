using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Indgang.Web.Tests.Infrastructure;

/// <summary>
/// One line of the log as the JSON console writes it: its level, category, message and exception, and the values of its
/// scopes (ASP.NET Core's hosting scope: TraceId, SpanId, RequestPath, RequestId, ConnectionId), the last one said
/// winning where two scopes name the same.
/// </summary>
public sealed record LogEntry(LogLevel Level, string Category, string Message, Exception? Exception, IReadOnlyDictionary<string, object?> Scope);

/// <summary>
/// The app's log lines kept in memory, so a test can read what an operator would see at start: add it with
/// <c>builder.ConfigureServices(s => s.AddSingleton&lt;ILoggerProvider&gt;(capture))</c>. It keeps warnings and worse, or
/// from <paramref name="least"/> (which the app's own log levels must let through as well), with their scopes: the
/// logger factory gives it the same scopes (and the request's trace id in them) as it gives the JSON console.
/// </summary>
public sealed class LogCapture(LogLevel least = LogLevel.Warning) : ILoggerProvider, ISupportExternalScope
{
    private readonly LogLevel _least = least;
    private readonly ConcurrentQueue<LogEntry> _entries = new();
    private IExternalScopeProvider? _scopes;

    public IReadOnlyList<(LogLevel Level, string Message)> Lines => [.. _entries.Select(e => (e.Level, e.Message))];

    /// <summary>The lines whole: with their category, exception and scopes.</summary>
    public IReadOnlyList<LogEntry> Entries => [.. _entries];

    /// <summary>The messages logged at <paramref name="level"/>.</summary>
    public IReadOnlyList<string> At(LogLevel level) => [.. _entries.Where(l => l.Level == level).Select(l => l.Message)];

    /// <summary>The errors (and anything worse) logged, one text: empty when there were none, and whole in a failure's message.</summary>
    public string Errors => string.Join(Environment.NewLine, _entries.Where(l => l.Level >= LogLevel.Error).Select(l => l.Message));

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

    public void Dispose()
    {
    }

    private Dictionary<string, object?> CurrentScope()
    {
        var values = new Dictionary<string, object?>(StringComparer.Ordinal);
        _scopes?.ForEachScope(
            (scope, into) =>
            {
                if (scope is IEnumerable<KeyValuePair<string, object?>> pairs)
                {
                    foreach (var (key, value) in pairs)
                    {
                        into[key] = value;
                    }
                }
            },
            values);
        return values;
    }

    private sealed class Logger(LogCapture capture, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => capture._scopes?.Push(state);

        public bool IsEnabled(LogLevel logLevel) => logLevel >= capture._least;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                capture._entries.Enqueue(new LogEntry(logLevel, category, formatter(state, exception), exception, capture.CurrentScope()));
            }
        }
    }
}

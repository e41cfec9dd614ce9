using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Indgang.Web.Tests.Infrastructure;

/// <summary>
/// The app's log lines kept in memory, so a test can read what an operator would see at start: add it with
/// <c>builder.ConfigureServices(s => s.AddSingleton&lt;ILoggerProvider&gt;(capture))</c>. It keeps warnings and worse, or
/// from <paramref name="least"/> (which the app's own log levels must let through as well).
/// </summary>
public sealed class LogCapture(LogLevel least = LogLevel.Warning) : ILoggerProvider
{
    private readonly ConcurrentQueue<(LogLevel Level, string Message)> _lines = new();

    public IReadOnlyList<(LogLevel Level, string Message)> Lines => [.. _lines];

    /// <summary>The messages logged at <paramref name="level"/>.</summary>
    public IReadOnlyList<string> At(LogLevel level) => [.. _lines.Where(l => l.Level == level).Select(l => l.Message)];

    /// <summary>The errors (and anything worse) logged, one text: empty when there were none, and whole in a failure's message.</summary>
    public string Errors => string.Join(Environment.NewLine, _lines.Where(l => l.Level >= LogLevel.Error).Select(l => l.Message));

    public ILogger CreateLogger(string categoryName) => new Logger(_lines, least);

    public void Dispose()
    {
    }

    private sealed class Logger(ConcurrentQueue<(LogLevel Level, string Message)> lines, LogLevel least) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= least;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                lines.Enqueue((logLevel, formatter(state, exception)));
            }
        }
    }
}

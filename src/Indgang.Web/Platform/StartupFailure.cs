namespace Indgang.Web.Platform;

/// <summary>
/// A start that fails (a setting missing or mistyped, the database not reached, a migration refused, the audit chain key
/// changed) is written to the JSON log as one Critical line naming why, like every other line, before .NET writes the
/// exception to stderr and the process ends: a collector that reads the JSON log saw nothing of it, only that the service
/// was gone. The host's own logging is not there yet (or no longer), so a logger of the same form is made for it.
/// </summary>
internal static partial class StartupFailure
{
    public const string Category = "Indgang.Web.Startup";

    public static void Log(Exception error)
    {
        ArgumentNullException.ThrowIfNull(error);
        // Disposed before the process ends, which writes out the console logger's queue.
        using var loggers = LoggerFactory.Create(logging => logging.AddJsonLog());
        var logger = loggers.CreateLogger(Category);
        var reason = Reason(error);
        LogStopped(logger, error, reason);
    }

    /// <summary>
    /// Why, in one line: the error's message and those of the errors inside it that say more. EF Core's message for a
    /// PostgreSQL not reached says only »An exception has been raised that is likely due to a transient failure«; the
    /// reason (»Failed to connect to 127.0.0.1:5432«, »Connection refused«) is inside it.
    /// </summary>
    public static string Reason(Exception error)
    {
        ArgumentNullException.ThrowIfNull(error);
        var messages = new List<string>();
        for (Exception? e = error; e is not null; e = e.InnerException)
        {
            var message = e.Message.Trim();
            if (message.Length > 0 && !messages.Any(m => m.Contains(message, StringComparison.Ordinal)))
            {
                messages.Add(message);
            }
        }

        return string.Join(" ← ", messages);
    }

    [LoggerMessage(Level = LogLevel.Critical, Message = "The application stopped on an error: {Reason}")]
    private static partial void LogStopped(ILogger logger, Exception error, string reason);
}

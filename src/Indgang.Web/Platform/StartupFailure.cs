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
        if (logger.IsEnabled(LogLevel.Critical))
        {
            LogStopped(logger, error, error.Message);
        }
    }

    [LoggerMessage(Level = LogLevel.Critical, Message = "The application stopped on an error: {Reason}")]
    private static partial void LogStopped(ILogger logger, Exception error, string reason);
}

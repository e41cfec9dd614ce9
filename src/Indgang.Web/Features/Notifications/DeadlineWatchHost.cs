using Microsoft.Extensions.Options;

namespace Indgang.Web.Features.Notifications;

/// <summary>How often the deadline watch runs (<c>Indgang:DeadlineWatchMinutes</c>), checked at start.</summary>
public sealed class DeadlineWatchOptions
{
    public const string Section = "Indgang";

    public int DeadlineWatchMinutes { get; set; } = 15;
}

/// <summary>The thin hosted shell around <see cref="DeadlineWatch"/>: a loop, an interval, cancellation.</summary>
internal sealed partial class DeadlineWatchHost(IServiceScopeFactory scopes, IOptions<DeadlineWatchOptions> options, ILogger<DeadlineWatchHost> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = TimeSpan.FromMinutes(options.Value.DeadlineWatchMinutes);
        using var timer = new PeriodicTimer(interval);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var raised = await scope.ServiceProvider.GetRequiredService<DeadlineWatch>().RunOnceAsync(stoppingToken);
                LogRaised(logger, raised);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // One failed round must not stop the watch; the next round tries again.
                LogFailed(logger, e);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Deadline watch raised {Count} notifications.")]
    private static partial void LogRaised(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "Deadline watch failed.")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}

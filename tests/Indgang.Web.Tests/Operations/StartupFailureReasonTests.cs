using Indgang.Web.Platform;

namespace Indgang.Web.Tests.Operations;

/// <summary>
/// A failed start's one line says why with what the errors inside the error say: a PostgreSQL not reached was logged as
/// EF Core's »An exception has been raised that is likely due to a transient failure« alone, the refused connection only
/// on stderr (found by the operator's review).
/// </summary>
public sealed class StartupFailureReasonTests
{
    [Fact]
    public void TheInnerErrorsReasons_FollowTheMessage()
    {
        var refused = new InvalidOperationException(
            "An exception has been raised that is likely due to a transient failure.",
            new InvalidOperationException("Failed to connect to 127.0.0.1:55459", new System.Net.Sockets.SocketException(111)));

        var reason = StartupFailure.Reason(refused);

        Assert.StartsWith("An exception has been raised that is likely due to a transient failure. ← Failed to connect to 127.0.0.1:55459 ← ", reason, StringComparison.Ordinal);
        Assert.Equal(3, reason.Split(" ← ").Length);
    }

    [Fact]
    public void AMessageRepeatedByTheErrorAroundIt_IsSaidOnce()
    {
        var inner = new FormatException("Indgang:TimeZone: this machine has no time zone 'Mars/Olympus_Mons'.");
        var outer = new InvalidOperationException(inner.Message, inner);

        Assert.Equal(inner.Message, StartupFailure.Reason(outer));
    }
}

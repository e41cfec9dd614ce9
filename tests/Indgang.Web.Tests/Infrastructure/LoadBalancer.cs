namespace Indgang.Web.Tests.Infrastructure;

/// <summary>
/// A load balancer without sticky sessions in front of several app servers under test: each request goes to the next
/// server in turn, so a page is shown by one and its form saved by another. It counts the requests each server served.
/// </summary>
public sealed class LoadBalancer(params HttpMessageHandler[] servers) : HttpMessageHandler
{
    private readonly HttpMessageInvoker[] _servers = [.. servers.Select(s => new HttpMessageInvoker(s))];
    private readonly int[] _served = new int[servers.Length];
    private int _requests;

    /// <summary>How many requests each server served, in the order the servers were given.</summary>
    public IReadOnlyList<int> Served => [.. _served];

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var next = (Interlocked.Increment(ref _requests) - 1) % _servers.Length;
        Interlocked.Increment(ref _served[next]);
        return _servers[next].SendAsync(request, cancellationToken);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            foreach (var server in _servers)
            {
                server.Dispose();
            }
        }

        base.Dispose(disposing);
    }
}

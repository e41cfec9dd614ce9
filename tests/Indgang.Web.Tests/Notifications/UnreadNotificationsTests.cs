using System.Net;
using Indgang.Domain.Notifications;
using Indgang.Tests.Hosting;
using Indgang.Web.Tests.Infrastructure;

namespace Indgang.Web.Tests.Notifications;

/// <summary>
/// The menu counts the notices that came since the user last opened them, of all the page lists (30 days), not of the
/// last week only; opening the page marks them read, and the page tells the new ones from those seen before.
/// </summary>
public sealed class UnreadNotificationsTests(IndgangAppFactory factory) : IClassFixture<IndgangAppFactory>
{
    [Fact]
    public async Task MenuCountsTheUnread_OpeningThePageReadsThem_ANewOneCountsAgain()
    {
        var (userId, coordinator) = await factory.SignedInCoordinatorAsync("ulaest");
        using var _ = coordinator;
        await NoticeAsync(userId, "Gammel besked om husstanden", DateTimeOffset.UtcNow.AddDays(-20));
        await NoticeAsync(userId, "Nyere besked om husstanden", DateTimeOffset.UtcNow.AddDays(-2));
        await NoticeAsync(userId, "For gammel besked", DateTimeOffset.UtcNow.AddDays(-40));

        Assert.Contains("Notifikationer (2)", Decoded(await coordinator.GetPageAsync("/")), StringComparison.Ordinal);

        var firstVisit = Decoded(await coordinator.GetPageAsync("/Notifications"));
        Assert.Contains("Ny</span>", Between(firstVisit, "<ul class=\"notification-list\">", "Gammel besked"), StringComparison.Ordinal);
        Assert.DoesNotContain("For gammel besked", firstVisit, StringComparison.Ordinal);

        var read = Decoded(await coordinator.GetPageAsync("/"));
        Assert.DoesNotContain("Notifikationer (", read, StringComparison.Ordinal);
        Assert.Contains("Notifikationer", read, StringComparison.Ordinal);

        await NoticeAsync(userId, "Helt ny besked", DateTimeOffset.UtcNow);
        Assert.Contains("Notifikationer (1)", Decoded(await coordinator.GetPageAsync("/")), StringComparison.Ordinal);
        var secondVisit = Decoded(await coordinator.GetPageAsync("/Notifications"));
        Assert.Contains("Ny</span>", Between(secondVisit, "<ul class=\"notification-list\">", "Helt ny besked"), StringComparison.Ordinal);
        Assert.DoesNotContain("Ny</span>", Between(secondVisit, "Helt ny besked", "</ul>"), StringComparison.Ordinal);
    }

    private Task<int> NoticeAsync(string userId, string text, DateTimeOffset at) => factory.QueryAsync(db =>
    {
        db.Notifications.Add(new Notification(userId, null, text, "/", at));
        return db.SaveChangesAsync();
    });

    private static string Decoded(string html) => WebUtility.HtmlDecode(html);

    private static string Between(string html, string from, string to)
    {
        var start = html.IndexOf(from, StringComparison.Ordinal);
        Assert.True(start >= 0, $"{from} is on the page");
        var end = html.IndexOf(to, start + from.Length, StringComparison.Ordinal);
        Assert.True(end >= 0, $"{to} follows {from}");
        return html[start..end];
    }
}

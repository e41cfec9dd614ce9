using System.Net;
using System.Text.RegularExpressions;
using Indgang.Domain;
using Indgang.Domain.Notifications;
using Indgang.Tests.Hosting;
using Indgang.Web.Features.Notifications;
using Indgang.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Indgang.Web.Tests.Localization;

/// <summary>
/// A notice is said in the reader's language (PLAT-5): it keeps its message with what goes into it (a task's type, a
/// number, a day, a clause), and the page says it through the localizer. Before, every notice was its Danish text, so a
/// coordinator who had chosen English read "Overskredet: Lejekontrakt" and "7 nye opgaver". Names, addresses and a
/// unit's label stay as they were typed; the Danish text is kept with the notice as before.
/// </summary>
public sealed partial class NoticesInEnglishTests(IndgangAppFactory factory) : IClassFixture<IndgangAppFactory>
{
    [Fact]
    public async Task TheWatchesNotices_EnglishChosen_AreInEnglish_DanishOtherwise()
    {
        await RunWatchAsync();

        var (inEnglish, inDanish) = await TheCoordinatorsNoticesAsync();

        Assert.Contains("Overdue: Starter pack (Familien Kovalenko)", inEnglish, StringComparison.Ordinal);
        Assert.DoesNotContain("Overskredet", inEnglish, StringComparison.Ordinal);
        Assert.Contains("Overskredet: Startpakke (Familien Kovalenko)", inDanish, StringComparison.Ordinal);
        Assert.Contains("Overskredet: Startpakke (Familien Kovalenko)",
            await factory.QueryAsync(db => db.Notifications.Where(n => n.DedupKey!.StartsWith("overdue:")).Select(n => n.Text).ToListAsync()));
    }

    [Fact]
    public async Task ADepartmentsNewTasks_EnglishChosen_AreCountedInEnglish()
    {
        await factory.RegisterSingleAsync("Nyopgavesen");
        using var secretariat = await Browser.SignedInEnglishAsync(factory, "sekretariat");

        var page = WebUtility.HtmlDecode(await secretariat.GetPageAsync("/Notifications"));

        Assert.Matches(NewTasks(), page);
        Assert.DoesNotContain("nye opgaver", page, StringComparison.Ordinal);
    }

    /// <summary>A notice with a day and a clause in it, kept in the database and said again: the day in the reader's words.</summary>
    [Fact]
    public async Task ANoticeWithADayAndAClause_KeptAndReadBack_IsSaidInTheReadersLanguage()
    {
        var coordinator = await factory.UserIdAsync("koordinator");
        await factory.QueryAsync(db =>
        {
            var now = DateTimeOffset.UtcNow;
            db.Notifications.Add(new Notification(coordinator, null, Notices.OfferAnswerDue(new DateOnly(2026, 12, 7), "Svarvej 3, 2. tv.", "Familien Svarsen"), "/Housing/Pipeline", now));
            db.Notifications.Add(new Notification(coordinator, null, Notices.TasksClosedFor(2, new Said("indflytningen i {0} er fortrudt", "Lukkevej 9"), "Familien Lukkesen"), "/Tasks", now));
            db.Notifications.Add(new Notification(coordinator, null, "Gammel notits uden besked", "/Tasks", now));
            return db.SaveChangesAsync();
        });

        var (inEnglish, inDanish) = await TheCoordinatorsNoticesAsync();

        Assert.Contains("Answer deadline for the housing offer 7 December 2026: Svarvej 3, 2. tv. (Familien Svarsen)", inEnglish, StringComparison.Ordinal);
        Assert.Contains("2 tasks are closed, the move into Lukkevej 9 was undone: Familien Lukkesen", inEnglish, StringComparison.Ordinal);
        Assert.Contains("Svarfrist for boligtilbud 7. december 2026: Svarvej 3, 2. tv. (Familien Svarsen)", inDanish, StringComparison.Ordinal);
        Assert.Contains("2 opgaver er lukket, indflytningen i Lukkevej 9 er fortrudt: Familien Lukkesen", inDanish, StringComparison.Ordinal);
        // A notice raised as a text (as every notice was before messages were kept) is shown as it is, in either language.
        Assert.Contains("Gammel notits uden besked", inEnglish, StringComparison.Ordinal);
    }

    /// <summary>The coordinator's notices page, read by one who chose English and one who did not.</summary>
    private async Task<(string English, string Danish)> TheCoordinatorsNoticesAsync()
    {
        using var english = await Browser.SignedInEnglishAsync(factory, "koordinator");
        using var danish = await Browser.SignedInAsync(factory, "koordinator");
        return (WebUtility.HtmlDecode(await english.GetPageAsync("/Notifications")), WebUtility.HtmlDecode(await danish.GetPageAsync("/Notifications")));
    }

    private async Task RunWatchAsync()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DeadlineWatch>().RunOnceAsync();
    }

    [GeneratedRegex(@"\b\d+ new tasks?: Solo Nyopgavesen\b")]
    private static partial Regex NewTasks();
}

using Indgang.Domain.Housing;
using Indgang.Domain.Notifications;
using Indgang.Web.Data;
using Indgang.Web.Features.Tasks;
using Indgang.Web.Platform;
using Microsoft.EntityFrameworkCore;

namespace Indgang.Web.Features.Notifications;

/// <summary>
/// Looks at open tasks once: a task due within three days notifies its department; an overdue task
/// escalates to the household's coordinator (TASK-1, TASK-3); a task waiting for a home does neither while it waits
/// (<see cref="QueueFilter.WaitsForHome"/>). And at offers of a permanent home waiting for an answer: one whose answer
/// deadline (<see cref="HousingOffer.AnswerBy"/>) is within three days notifies the household's coordinator, who helps
/// the household answer before the home is lost (HOUSE-5); a deadline corrected is told again.
/// Each notice is raised once (a dedup key).
/// Called by <see cref="DeadlineWatchHost"/> on a schedule, and directly by tests.
/// </summary>
/// <remarks>
/// Two rounds may run at the same moment (two instances of the application, or the scheduled round beside a direct
/// one). Both then see a notice missing and raise it; the unique dedup key lets the first save win, and the other round
/// looks again and raises only what is still missing.
/// </remarks>
public sealed class DeadlineWatch(IndgangDbContext db, TimeProvider clock)
{
    public const int DueSoonDays = 3;

    private const int Attempts = 5;

    /// <summary>Raises the notices not raised yet; returns how many this round raised.</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken = default)
    {
        for (var attempt = 1; attempt < Attempts; attempt++)
        {
            var raised = await AddMissingAsync(cancellationToken);
            if (await db.SaveUnlessSavedByOtherAsync(cancellationToken))
            {
                return raised;
            }

            db.ChangeTracker.Clear();
        }

        // The last attempt saves plainly: a round that loses this often fails loudly and the host tries again later.
        var lastRaised = await AddMissingAsync(cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return lastRaised;
    }

    private async Task<int> AddMissingAsync(CancellationToken cancellationToken)
    {
        var today = clock.Today();
        var horizon = today.AddDays(DueSoonDays);
        // A task waiting for a home has no real due date yet (QueueFilter.WaitsForHome): no one is told of it until the
        // household's move-in gives it the move-in day, whose notices are then raised as any task's (the keys name the date).
        var open = await (
            from t in db.Tasks.AsNoTracking().StillOpen().Where(QueueFilter.DoesNotWaitForHome(db.Occupancies))
            join h in db.Households.AsNoTracking() on t.HouseholdId equals h.Id
            where t.DueDate <= horizon
            select new { t.Id, t.Type, t.Title, t.DueDate, t.DepartmentId, h.Name, HouseholdId = h.Id, h.CoordinatorUserId })
            .ToListAsync(cancellationToken);
        var offers = await (
            from o in db.HousingOffers.AsNoTracking()
            join h in db.Households.AsNoTracking() on o.HouseholdId equals h.Id
            where o.Status == OfferStatus.Pending && o.AnswerBy >= today && o.AnswerBy <= horizon
            // A household that has said yes to another home answers no more offers (PermanentHousingSteps.AcceptedAnother).
            && !db.HousingOffers.Any(a => a.HouseholdId == o.HouseholdId && a.Status == OfferStatus.Accepted)
            select new { o.Id, o.Address, AnswerBy = o.AnswerBy!.Value, h.Name, HouseholdId = h.Id, h.CoordinatorUserId })
            .ToListAsync(cancellationToken);
        string OfferKey(Guid offer, DateOnly answerBy) => $"offer-answer:{offer}:{answerBy:yyyy-MM-dd}";
        // A task's notices are raised once per due date: a task moved to a later date (a moved arrival) is told of again
        // when that date nears, and escalated again when it passes.
        string TaskKey(string kind, Guid task, DateOnly due) => $"{kind}:{task}:{due:yyyy-MM-dd}";
        // Notices raised before the keys named the date were given the task's date then by the migration DatedNoticeKeys.
        var taskKeys = open.SelectMany(t => new[] { TaskKey("due-soon", t.Id, t.DueDate), TaskKey("overdue", t.Id, t.DueDate) });
        var keys = taskKeys.Concat(offers.Select(o => OfferKey(o.Id, o.AnswerBy))).ToList();
        var existing = (await db.Notifications.AsNoTracking().Where(n => n.DedupKey != null && keys.Contains(n.DedupKey)).Select(n => n.DedupKey!).ToListAsync(cancellationToken))
            .ToHashSet(StringComparer.Ordinal);
        var now = clock.GetUtcNow();
        var raised = 0;
        foreach (var task in open)
        {
            var overdue = task.DueDate < today;
            var key = TaskKey(overdue ? "overdue" : "due-soon", task.Id, task.DueDate);
            if (existing.Contains(key))
            {
                continue;
            }

            var title = TaskTitles.Message(task.Type, task.Title);
            db.Notifications.Add(overdue
                ? new Notification(task.CoordinatorUserId, null, Notices.Overdue(title, task.Name), $"/Households/{task.HouseholdId}#tasks", now) { DedupKey = key, HouseholdId = task.HouseholdId }
                : new Notification(null, task.DepartmentId, Notices.DueSoon(title, task.Name), "/Tasks", now) { DedupKey = key, HouseholdId = task.HouseholdId });
            raised++;
        }

        foreach (var offer in offers.Where(o => !existing.Contains(OfferKey(o.Id, o.AnswerBy))))
        {
            db.Notifications.Add(new Notification(offer.CoordinatorUserId, null,
                Notices.OfferAnswerDue(offer.AnswerBy, offer.Address, offer.Name), $"/Households/{offer.HouseholdId}", now)
            { DedupKey = OfferKey(offer.Id, offer.AnswerBy), HouseholdId = offer.HouseholdId });
            raised++;
        }

        return raised;
    }
}

using Indgang.Domain;
using Indgang.Domain.People;
using Indgang.Domain.Reception;
using Indgang.Web.Data;
using Indgang.Web.Features.Reception;
using Indgang.Web.Features.Tasks;
using Indgang.Web.Platform;

namespace Indgang.Web.Features.People;

/// <summary>
/// What saving a correction of a person did to the household's checklist tasks (<see cref="CorrectionTasks.SaveAsync"/>),
/// or why it saved nothing: task types the responsibility matrix has no department for (<see cref="Ownerless"/>), or
/// another's change to the person at the same moment (<see cref="Saved"/> false; read and compared again).
/// </summary>
public sealed record CorrectionSaved(IReadOnlyList<TaskType> Ownerless, bool Saved, int Moved, int Made, int Closed)
{
    /// <summary>The tasks moved, made and closed, as the log says them ("2 opgaver flyttet, 1 oprettet, 0 lukket").</summary>
    public string Counted => Made > 0 || Closed > 0 ? $"{Moved} opgaver flyttet, {Made} oprettet, {Closed} lukket" : $"{Moved} opgaver flyttet";
}

/// <summary>
/// A correction of what a person was registered with that the checklist is made from (the birth date, the residence
/// basis) is saved with the household's tasks following it: the tasks the checklist gives now and did not are made, those
/// it no longer gives closed as not needed (<see cref="ChecklistTaskFactory.FollowChecklistChangeAsync"/>), and the open
/// ones moved to the dates it gives now (<see cref="ChecklistRescheduler.RescheduleFromAsync"/>). A task its department
/// takes at the same moment still moves or closes; another's change to the person refuses the save.
/// </summary>
public sealed class CorrectionTasks(IndgangDbContext db, ChecklistTaskFactory tasks, ChecklistRescheduler rescheduler, TimeProvider clock)
{
    /// <summary>
    /// Saves the correction made to the tracked person of the tracked <paramref name="household"/> (with its members; null
    /// for a person in none), the checklist having given <paramref name="before"/> (<see cref="ChecklistRescheduler.DatesOf"/>).
    /// Tasks closed are closed by <paramref name="userId"/> with the <paramref name="reason"/>, their departments told
    /// <paramref name="why"/>. With an ownerless task type nothing is saved, and all that was tracked is forgotten.
    /// </summary>
    internal async Task<CorrectionSaved> SaveAsync(
        Household? household, IReadOnlyList<ChecklistDate> before, string userId, Said reason, Said why, CancellationToken cancellationToken)
    {
        var followed = household is null
            ? ChecklistFollowed.Nothing
            : await tasks.FollowChecklistChangeAsync(household, before, userId, reason, why, clock.Today(), cancellationToken);
        if (followed.Ownerless.Count > 0)
        {
            db.ChangeTracker.Clear();
            return new CorrectionSaved(followed.Ownerless, false, 0, 0, 0);
        }

        var moved = household is null ? [] : await rescheduler.RescheduleFromAsync(household, before, cancellationToken);
        var moveAgain = ChecklistRescheduler.Again(moved);
        var saved = await db.SaveOverTaskChangesUnlessSavedByOtherAsync(task => { moveAgain(task); followed.CloseAgain(task); }, cancellationToken);
        return new CorrectionSaved([], saved, moved.Count, followed.Made, followed.Closed);
    }
}

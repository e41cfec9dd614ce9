using Indgang.Domain.People;
using Indgang.Domain.Plans;
using Indgang.Domain.Reception;
using Indgang.Web.Data;
using Indgang.Web.Features.Reception;
using Indgang.Web.Platform;
using Microsoft.EntityFrameworkCore;

namespace Indgang.Web.Features.Housing;

/// <summary>
/// Seed 001, Jobberiet: "Motivere flygtningene til at flytte i permanente boliger, når de opnår beskæftigelse". The
/// temporary homes' rent is low, so a household that can afford more seldom moves on by itself, and the capacity is for
/// new refugees. When a save of a member's plan begins paid work (<see cref="PaidWork"/>) and the member's household lives
/// in a temporary unit of ours with no move out agreed, Jobberiet is given the motivation to move on
/// (<see cref="MoveTasks.OnFromTemporaryHome"/>), due when the work starts. It closes as not needed when the household
/// moves from our temporary housing to a home of its own or away (<see cref="RegistrationHelp.NotNeededAsync"/>). Tracked,
/// not saved.
/// </summary>
public sealed class MoveOnMotivation(IndgangDbContext db, ChecklistTaskFactory tasks, TimeProvider clock)
{
    /// <summary>
    /// A member of <paramref name="household"/> (read with its members) has had its plan saved: the task made, if one is.
    /// Returns the task types without an owner (nothing made).
    /// </summary>
    public async Task<List<TaskType>> PaidWorkBegunAsync(Household household, PlanContent before, PlanContent after, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(household);
        var today = clock.Today();
        if (PaidWork.Begun(before, after) is not { } work
            || !await db.Occupancies.HomeOn(today).AnyAsync(o => o.HouseholdId == household.Id && o.IsTemporary && o.MovedOutOn == null, cancellationToken))
        {
            return [];
        }

        return await tasks.AddMoveOnMotivationAsync(household, work.Start > today ? work.Start : today, work.Title, cancellationToken);
    }
}

using System.Security.Claims;
using Indgang.Domain.People;
using Indgang.Domain.Reception;
using Indgang.Domain.Tasks;
using Indgang.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Indgang.Web.Identity;

/// <summary>
/// Need-to-know for one person, checked after the person is loaded. Coordinators own the cases and
/// housing coordinators place households; a department worker sees a person only while their
/// department has a task for that person's household, still open or closed within the last
/// <see cref="PersonAccessOptions.DaysAfterLastTask"/> days; managers and administrators never do.
/// </summary>
public sealed class PersonAccess(IndgangDbContext db, IOptions<PersonAccessOptions> options, TimeProvider clock)
{
    public async Task<bool> CanReadAsync(ClaimsPrincipal user, Person person, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(person);
        if (user.IsInRole(Roles.Coordinator) || user.IsInRole(Roles.HousingCoordinator))
        {
            return true;
        }

        return DepartmentTasksFor(user, person) is { } tasks && await tasks.AnyAsync(cancellationToken);
    }

    /// <summary>
    /// Need-to-know for a household by its id alone, as <see cref="CanReadAsync"/> for its members: the coordinator and the
    /// housing coordinator, and a department worker while their department has a task for it in the same window. A
    /// household that does not exist is as one the user may not see.
    /// </summary>
    public async Task<bool> CanReadHouseholdAsync(ClaimsPrincipal user, Guid householdId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (user.IsInRole(Roles.Coordinator) || user.IsInRole(Roles.HousingCoordinator))
        {
            return await db.Households.AnyAsync(h => h.Id == householdId, cancellationToken);
        }

        return DepartmentTasksFor(user, householdId) is { } tasks && await tasks.AnyAsync(cancellationToken);
    }

    /// <summary>
    /// The task types whose work needs a person's whole CPR number: the registration in CPR itself, the tax card, the bank
    /// account (NemKonto) and the lease. Which department does them is the responsibility matrix's to say (TASK-2).
    /// </summary>
    public static readonly IReadOnlySet<TaskType> NeedTheCprNumber = new HashSet<TaskType>
        { TaskType.CprAndFolkeregister, TaskType.TaxCard, TaskType.BankAccount, TaskType.LeaseContract };

    /// <summary>
    /// Who may see a person's whole CPR number, not only its masked form: the coordinator who carries the case, and a
    /// department worker whose department has a task that needs the number (<see cref="NeedTheCprNumber"/>) for the person
    /// or their whole household, in the same window as <see cref="CanReadAsync"/>. Reading a case is not enough: Teknik and
    /// drift, fixing the household's defects, has no need of a child's CPR number (PLAT-2).
    /// </summary>
    public Task<bool> CanRevealCprAsync(ClaimsPrincipal user, Person person, CancellationToken cancellationToken = default) =>
        IsCaseOwnerOrHasTaskOfAsync(user, person, NeedTheCprNumber, cancellationToken);

    /// <summary>
    /// The task types whose work needs to know that a person has special health needs (<see cref="Person.HasMedicalFlag"/>):
    /// the consent to fetch their health documents from the asylum centre, the health department's.
    /// </summary>
    public static readonly IReadOnlySet<TaskType> NeedTheHealthFlag = new HashSet<TaskType> { TaskType.HealthDocumentsConsent };

    /// <summary>
    /// Who is shown whether a person has special health needs, health data (HEALTH-3): the coordinator who carries the case,
    /// and a department worker whose department has a task that needs it (<see cref="NeedTheHealthFlag"/>), as
    /// <see cref="CanRevealCprAsync"/>; not the housing coordinator, nor a department that only reads the case.
    /// </summary>
    public Task<bool> SeesHealthFlagAsync(ClaimsPrincipal user, Person person, CancellationToken cancellationToken = default) =>
        IsCaseOwnerOrHasTaskOfAsync(user, person, NeedTheHealthFlag, cancellationToken);

    /// <summary>
    /// The coordinator, or a department worker whose department has a task of one of the <paramref name="types"/> for the
    /// person or their whole household, in the same window as <see cref="CanReadAsync"/>.
    /// </summary>
    private async Task<bool> IsCaseOwnerOrHasTaskOfAsync(ClaimsPrincipal user, Person person, IReadOnlySet<TaskType> types, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(person);
        if (IsCaseOwnerRole(user))
        {
            return true;
        }

        var needing = types.ToList();
        return DepartmentTasksFor(user, person) is { } tasks
            && await tasks.AnyAsync(t => needing.Contains(t.Type) && (t.PersonId == null || t.PersonId == person.Id), cancellationToken);
    }

    /// <summary>
    /// The tasks a department worker's department has for the person's household that still give it need-to-know: open,
    /// or closed within the last <see cref="PersonAccessOptions.DaysAfterLastTask"/> days. Null for a user who is no
    /// department worker with a department, or a person in no household.
    /// </summary>
    private IQueryable<CaseTask>? DepartmentTasksFor(ClaimsPrincipal user, Person person) =>
        person.HouseholdId is { } householdId ? DepartmentTasksFor(user, householdId) : null;

    /// <summary>The tasks of the user's department for the household that still give it need-to-know, as above.</summary>
    private IQueryable<CaseTask>? DepartmentTasksFor(ClaimsPrincipal user, Guid householdId)
    {
        if (!user.IsInRole(Roles.DepartmentWorker) || DepartmentOf(user) is not { } departmentId)
        {
            return null;
        }

        var closedSince = clock.GetUtcNow().AddDays(-options.Value.DaysAfterLastTask);
        return db.Tasks.Where(t => t.HouseholdId == householdId && t.DepartmentId == departmentId
            && (t.Status == CaseTaskStatus.Open || t.Status == CaseTaskStatus.Taken || t.ClosedAt >= closedSince));
    }

    /// <summary>Full case access (deadlines, contracts, plan, reassignment) is the coordinator's.</summary>
    public static bool IsCaseOwnerRole(ClaimsPrincipal user) => user.IsInRole(Roles.Coordinator);

    /// <summary>
    /// Who sees a household's way to a permanent home (its registrations with housing associations and the offers it has
    /// had) on the household page: the coordinator who carries the case and the housing coordinator who keeps it. A
    /// department worker with a task sees where the household lives, which the task may need, but not this.
    /// </summary>
    public static bool SeesPermanentHousing(ClaimsPrincipal user) => IsCaseOwnerRole(user) || user.IsInRole(Roles.HousingCoordinator);

    /// <summary>The department whose task list the user works (<see cref="Roles.TaskWorkers"/>), or null.</summary>
    public static Guid? TaskDepartmentOf(ClaimsPrincipal user) => Roles.WorksTasks(user) ? DepartmentOf(user) : null;

    public static Guid? DepartmentOf(ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirstValue(IndgangClaims.Department), out var id) ? id : null;
}

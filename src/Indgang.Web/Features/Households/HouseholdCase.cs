using Indgang.Domain.Journal;
using Indgang.Domain.People;
using Indgang.Domain.Plans;
using Indgang.Domain.Tasks;
using Indgang.Web.Data;
using Indgang.Web.Features.Housing;
using Indgang.Web.Features.Reception;
using Indgang.Web.Features.RuleSets;
using Indgang.Web.Features.Tasks;
using Indgang.Web.Platform;
using Microsoft.EntityFrameworkCore;

namespace Indgang.Web.Features.Households;

/// <summary>
/// A task as the household's page lists it; <paramref name="WaitsForHome"/>: its due date is not real yet
/// (<see cref="QueueFilter.WaitsForHome"/>), so it is not late.
/// </summary>
public sealed record TaskRow(CaseTask Task, string DepartmentName, string? PersonName, string? AssigneeName, bool WaitsForHome = false);

/// <summary>Everything the household page shows, loaded once: members, day 0 and deadlines, tasks, contracts, notes, housing.</summary>
public sealed record HouseholdCaseView(
    Household Household,
    string CoordinatorName,
    IReadOnlyList<PersonDeadlines> Members,
    IReadOnlyList<TaskRow> Tasks,
    IReadOnlyDictionary<Guid, IntegrationContract> Contracts,
    IReadOnlyList<JournalNote> Notes,
    HouseholdHousingView Housing);

public sealed class HouseholdCase(IndgangDbContext db, RuleSetSource rules, HouseholdHousing housing, TimeProvider clock)
{
    private static readonly StringComparer DanishOrder = StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo("da-DK"), ignoreCase: false);

    public DateOnly Today => clock.Today();

    /// <summary>Recorded deadline completions per person and kind.</summary>
    public static Task<Dictionary<Guid, IReadOnlyDictionary<Domain.Deadlines.DeadlineKind, DateOnly>>> CompletionsAsync(IndgangDbContext db, IReadOnlyCollection<Guid> personIds, CancellationToken cancellationToken) =>
        CompletionsAsync(db.DeadlineCompletions.AsNoTracking().Where(c => personIds.Contains(c.PersonId)), cancellationToken);

    /// <summary>
    /// As <see cref="CompletionsAsync(IndgangDbContext, IReadOnlyCollection{Guid}, CancellationToken)"/>, of the persons a
    /// query gives (<paramref name="persons"/>): for many persons, asked in the database, not sent as a list of ids.
    /// </summary>
    public static Task<Dictionary<Guid, IReadOnlyDictionary<Domain.Deadlines.DeadlineKind, DateOnly>>> CompletionsAsync(IndgangDbContext db, IQueryable<Guid> persons, CancellationToken cancellationToken) =>
        CompletionsAsync(db.DeadlineCompletions.AsNoTracking().Where(c => persons.Contains(c.PersonId)), cancellationToken);

    private static async Task<Dictionary<Guid, IReadOnlyDictionary<Domain.Deadlines.DeadlineKind, DateOnly>>> CompletionsAsync(
        IQueryable<Domain.Deadlines.DeadlineCompletion> completions, CancellationToken cancellationToken)
    {
        var rows = await completions.ToListAsync(cancellationToken);
        return rows.GroupBy(c => c.PersonId).ToDictionary(
            g => g.Key,
            g => (IReadOnlyDictionary<Domain.Deadlines.DeadlineKind, DateOnly>)g.ToDictionary(c => c.Kind, c => c.CompletedOn));
    }

    /// <summary>
    /// The case of a household that has already been read through <see cref="People.PersonDirectory"/>: its
    /// registrations and offers only when <paramref name="permanentHousing"/> (the reader may see them:
    /// <see cref="Identity.PersonAccess.SeesPermanentHousing"/>), and the journal notes <paramref name="journal"/> sees.
    /// </summary>
    public async Task<HouseholdCaseView> LoadAsync(Household household, bool permanentHousing, JournalReader journal, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(household);
        ArgumentNullException.ThrowIfNull(journal);
        var memberIds = household.Members.Select(m => m.Id).ToList();
        var contracts = await db.IntegrationContracts.AsNoTracking().Where(c => memberIds.Contains(c.PersonId)).ToDictionaryAsync(c => c.PersonId, cancellationToken);
        var overlay = await rules.OverlayAsync(cancellationToken);
        var completions = await CompletionsAsync(db, memberIds, cancellationToken);
        var members = household.Members
            .OrderBy(m => m.BirthDate)
            .Select(m => CaseDeadlines.For(m, household, rules.National, overlay, contracts.GetValueOrDefault(m.Id), Today, completions.GetValueOrDefault(m.Id)))
            .ToList();
        var departments = await db.Departments.AsNoTracking().ToDictionaryAsync(d => d.Id, d => d.Name, cancellationToken);
        // By due date, and tasks due the same day by title, as Danish sorts it: the same order on every reading and on both
        // databases (they sort text differently), so "Bankkonto – Layla" and "Bankkonto – Omar" come together.
        var waitingForHome = QueueFilter.WaitingForHome(db);
        var read = (await db.Tasks.AsNoTracking().Where(t => t.HouseholdId == household.Id)
                .Select(t => new { Task = t, WaitsForHome = waitingForHome.Any(w => w.Id == t.Id) }).ToListAsync(cancellationToken))
            .OrderBy(r => r.Task.DueDate).ThenBy(r => r.Task.Title, DanishOrder).ThenBy(r => r.Task.Id).ToList();
        var tasks = read.ConvertAll(r => r.Task);
        var userIds = tasks.Select(t => t.AssigneeUserId).Append(household.CoordinatorUserId).OfType<string>().Distinct().ToList();
        var users = await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken);
        var notes = await journal.Shown(db.JournalNotes.AsNoTracking().Where(n => n.HouseholdId == household.Id)).OrderByDescending(n => n.WrittenAt).ToListAsync(cancellationToken);
        var householdHousing = await housing.ForAsync(household, Today, permanentHousing, cancellationToken);
        return new HouseholdCaseView(
            household,
            users.GetValueOrDefault(household.CoordinatorUserId) ?? "–",
            members,
            read.ConvertAll(r => new TaskRow(
                r.Task,
                departments.GetValueOrDefault(r.Task.DepartmentId) ?? "?",
                household.Members.FirstOrDefault(m => m.Id == r.Task.PersonId)?.FullName,
                r.Task.AssigneeUserId is null ? null : users.GetValueOrDefault(r.Task.AssigneeUserId),
                r.WaitsForHome)),
            contracts,
            notes,
            householdHousing);
    }
}

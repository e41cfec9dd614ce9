using Indgang.Domain.Audit;
using Indgang.Domain.People;
using Indgang.Web.Audit;
using Indgang.Web.Data;
using Indgang.Web.Platform;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Indgang.Web.Features.Reception;

/// <summary>
/// Registers an expected household (REC-1): validates, warns about possible duplicates, creates the
/// household and its members with their relations, and turns the arrival checklist into tasks for
/// the departments that own them (REC-4, TASK-2). All or nothing, in one transaction. Sent with a submission token (the
/// form's hidden token, the API's Idempotency-Key), the same registration sent twice creates one household: the second
/// is led to the first, also when both are saved at the same moment (a unique index on the token).
/// </summary>
public sealed class ArrivalRegistration(IndgangDbContext db, TimeProvider clock, AuditLog audit, ChecklistTaskFactory tasks, IStringLocalizer<SharedResource> T)
{
    /// <summary>Said beside a member's name when a person of the same name and birth date is registered already (named in {0}).</summary>
    public const string PossibleDuplicate =
        "Der findes allerede en borger med samme navn og fødselsdato ({0}). Er det en anden person, så sæt kryds i »Opret alligevel«.";

    /// <summary>The same, said to a program that posts the arrival (POST /api/v1/arrivals), which has no checkbox to tick.</summary>
    public const string PossibleDuplicateViaApi =
        "Der findes allerede en borger med samme navn og fødselsdato ({0}). Er det en anden person, så send igen med confirmPossibleDuplicates = true.";

    public Task<ArrivalResult> RegisterAsync(ArrivalRequest request, string coordinatorUserId, CancellationToken cancellationToken = default) =>
        RegisterAsync(request, coordinatorUserId, submissionToken: null, cancellationToken);

    public async Task<ArrivalResult> RegisterAsync(ArrivalRequest request, string coordinatorUserId, Guid? submissionToken, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        // Before the checks: sent again once saved, its members would be taken for possible duplicates of themselves.
        var members = request.MembersGiven;
        if (await RegisteredWithAsync(submissionToken, members, cancellationToken) is { } before)
        {
            return before;
        }

        var today = clock.Today();
        request = request with { Members = members };
        var errors = ArrivalValidator.Validate(request, today);
        if (errors.Count > 0)
        {
            return new ArrivalResult(null, errors, false);
        }

        // A CPR number identifies one person: unlike a shared name and birth date, "Opret alligevel" does not pass it.
        await AddTakenCprsAsync(members, errors, cancellationToken);
        if (errors.Count > 0)
        {
            return await RegisteredWithAsync(submissionToken, members, cancellationToken) ?? new ArrivalResult(null, errors, false);
        }

        var duplicates = await PossibleDuplicatesAsync(members, cancellationToken);
        if (duplicates.Count > 0 && !request.ConfirmPossibleDuplicates)
        {
            // Sent twice at once, the other may have saved these members since the first look: led to its household,
            // not warned of its own members (seen in CI as a double click answered with the duplicate warning).
            if (await RegisteredWithAsync(submissionToken, members, cancellationToken) is { } meanwhile)
            {
                return meanwhile;
            }

            foreach (var (index, existing) in duplicates)
            {
                // In the reader's language here: the existing person's name is in it, so it is no key by itself.
                errors.Add($"Members[{index}].FirstName", T[PossibleDuplicate, existing].Value);
            }

            return new ArrivalResult(null, errors, true) { PossibleDuplicates = duplicates };
        }

        var household = new Household(HouseholdName(request), coordinatorUserId)
        {
            VisitationDecisionDate = request.VisitationDecisionDate,
            RegisteredAt = clock.GetUtcNow(),
            SubmissionToken = submissionToken,
        };
        household.SetArrival(request.ExpectedArrival, arrivedOn: null);
        var people = members.Select(ToPerson).ToList();
        people.ForEach(household.AddMember);
        household.SetLivesWithReferencePerson(request.LivesWithReferencePerson);
        household.SetFamilyToJoin(request.FamilyToJoin);
        for (var i = 1; i < members.Count; i++)
        {
            if (members[i].RelationToFirst is { } relation)
            {
                Relate(household, people[0], people[i], relation);
            }
        }

        var ownerless = await tasks.AddChecklistAsync(household, people, cancellationToken);
        if (ownerless.Count > 0)
        {
            errors.Add("", ChecklistTaskFactory.NoDepartmentFor(T, ownerless));
            return new ArrivalResult(null, errors, false);
        }

        // Joins the caller's transaction when there is one (a CSV import is all or nothing).
        await using var transaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        db.Households.Add(household);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException exception) when (transaction is not null && UniqueViolation.Is(exception))
        {
            // Saved at the same moment by the same registration sent twice: the other's household is the one.
            await transaction.RollbackAsync(cancellationToken);
            db.ChangeTracker.Clear();
            if (await RegisteredWithAsync(submissionToken, members, cancellationToken) is { } other)
            {
                return other;
            }

            throw;
        }

        await audit.RecordAsync(AuditAction.HouseholdCreated, null, AuditPurpose.ExpectedArrival, AuditLog.Household(household.Id), cancellationToken);
        await audit.RecordEachAsync(AuditAction.PersonCreated, people.Select(p => ((Guid?)p.Id, (string?)null)), AuditPurpose.ExpectedArrival, cancellationToken);

        if (transaction is not null)
        {
            await transaction.CommitAsync(cancellationToken);
        }

        return new ArrivalResult(household, errors, duplicates.Count > 0);
    }

    /// <summary>
    /// The household registered with the submission token, led to when its members are the ones sent again (the same
    /// names and birth dates); when they are not, the token was used for another registration (<see cref="ArrivalResult.KeyUsedForAnother"/>).
    /// Null when none is (or no token was sent).
    /// </summary>
    private async Task<ArrivalResult?> RegisteredWithAsync(Guid? submissionToken, IReadOnlyList<ArrivalMember> members, CancellationToken cancellationToken)
    {
        if (submissionToken is not { } token)
        {
            return null;
        }

        var saved = await db.Households.AsNoTracking().Where(h => h.SubmissionToken == token)
            .Select(h => new { h.Id, Members = h.Members.Select(m => new { m.FirstName, m.LastName, m.BirthDate }).ToList() })
            .FirstOrDefaultAsync(cancellationToken);
        if (saved is null)
        {
            return null;
        }

        var same = saved.Members.Select(m => Identity(m.FirstName, m.LastName, m.BirthDate)).Order(StringComparer.Ordinal)
            .SequenceEqual(members.Select(m => Identity(m.FirstName, m.LastName, m.BirthDate)).Order(StringComparer.Ordinal), StringComparer.Ordinal);
        return same ? ArrivalResult.Before(saved.Id) : ArrivalResult.ForAnother(saved.Id);

        static string Identity(string? firstName, string? lastName, DateOnly? birthDate) =>
            $"{firstName?.Trim().ToUpperInvariant()}|{lastName?.Trim().ToUpperInvariant()}|{birthDate:yyyy-MM-dd}";
    }

    /// <summary>Adds an error at each member whose CPR number is on a person already registered.</summary>
    public async Task AddTakenCprsAsync(IReadOnlyList<ArrivalMember> members, ArrivalErrors errors, CancellationToken cancellationToken = default)
    {
        var typed = members
            .Select((m, index) => (Index: index, Cpr: CprNumber.TryParse(m.Cpr, out var cpr, out _) ? cpr : null))
            .Where(m => m.Cpr is not null)
            .ToList();
        if (typed.Count == 0)
        {
            return;
        }

        var numbers = typed.Select(m => m.Cpr!).ToList();
        var holders = await db.Persons.AsNoTracking().Where(p => numbers.Contains(p.Cpr!)).Select(p => new { p.Id, p.Cpr }).ToListAsync(cancellationToken);
        var taken = holders.Select(p => p.Cpr!).ToHashSet();
        foreach (var (index, cpr) in typed.Where(m => taken.Contains(m.Cpr!)))
        {
            errors.Add($"Members[{index}].Cpr", CprMessages.Taken);
        }

        // That a number is someone's tells the user who is a case here: a read of that person.
        await audit.RecordReadsAsync(AuditPurpose.DuplicateCheck, persons: holders.Select(p => p.Id), cancellationToken: cancellationToken);
    }


    /// <summary>Same name and birth date as someone already registered: maybe the same person.</summary>
    public async Task<List<(int Index, string Existing)>> PossibleDuplicatesAsync(IReadOnlyList<ArrivalMember> members, CancellationToken cancellationToken = default)
    {
        var found = new List<(int, string)>();
        var matched = new List<Guid>();
        for (var i = 0; i < members.Count; i++)
        {
            var m = members[i];
            // Same birth date in the database, then the names compared without regard to case.
            var sameBirthDate = await db.Persons.AsNoTracking()
                .Where(p => p.BirthDate == m.BirthDate)
                .Select(p => new { p.Id, p.FirstName, p.LastName })
                .ToListAsync(cancellationToken);
            var match = sameBirthDate
                .Where(p => string.Equals(p.FirstName, m.FirstName!.Trim(), StringComparison.OrdinalIgnoreCase)
                    && string.Equals(p.LastName, m.LastName!.Trim(), StringComparison.OrdinalIgnoreCase))
                .FirstOrDefault();
            if (match is not null)
            {
                found.Add((i, $"{match.FirstName} {match.LastName}"));
                matched.Add(match.Id);
            }
        }

        // The message names the person found: a read of them.
        await audit.RecordReadsAsync(AuditPurpose.DuplicateCheck, persons: matched, cancellationToken: cancellationToken);
        return found;
    }

    internal static Person ToPerson(ArrivalMember m)
    {
        var person = new Person(m.FirstName!, m.LastName!, m.BirthDate!.Value, m.Gender)
        {
            Basis = m.Basis,
            Nationality = Trimmed(m.Nationality),
            Languages = Trimmed(m.Languages),
            NeedsInterpreter = m.NeedsInterpreter,
            NeedsAccessibleHousing = m.NeedsAccessibleHousing,
            HasMedicalFlag = m.HasMedicalFlag,
        };
        if (!string.IsNullOrWhiteSpace(m.Cpr))
        {
            person.AssignCpr(CprNumber.Parse(m.Cpr));
        }

        return person;
    }

    // "member is <relation> of the first member", stored the way the household reads it.
    internal static void Relate(Household household, Person first, Person member, RelationKind relation)
    {
        if (relation == RelationKind.Child)
        {
            household.Relate(first, RelationKind.Parent, member);
        }
        else
        {
            household.Relate(member, relation, first);
        }
    }

    /// <summary>The name typed for the household, or else one made of the first member's names.</summary>
    internal static string HouseholdName(ArrivalRequest request)
    {
        if (!string.IsNullOrWhiteSpace(request.HouseholdName))
        {
            return request.HouseholdName.Trim();
        }

        var first = request.Members[0];
        return request.Members.Count == 1 ? $"{first.FirstName!.Trim()} {first.LastName!.Trim()}" : $"Familien {first.LastName!.Trim()}";
    }

    private static string? Trimmed(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

}

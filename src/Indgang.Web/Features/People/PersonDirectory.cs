using System.Security.Claims;
using Indgang.Domain.Audit;
using Indgang.Domain.People;
using Indgang.Web.Audit;
using Indgang.Web.Data;
using Indgang.Web.Identity;
using Microsoft.EntityFrameworkCore;

namespace Indgang.Web.Features.People;

public enum PersonLookup
{
    Found,
    NotFound,
    Forbidden,
}

/// <summary>A person read; <see cref="HealthFlag"/>: whether they have special health needs, when asked for and the user may know.</summary>
public sealed record PersonRead(PersonLookup Outcome, Person? Person, Household? Household, bool? HealthFlag = null);

public sealed record HouseholdRead(PersonLookup Outcome, Household? Household);

/// <summary>
/// The way to read a person: loads, checks need-to-know for this person, and writes the audit read
/// row. Pages and endpoints do not query persons directly.
/// </summary>
public sealed class PersonDirectory(IndgangDbContext db, PersonAccess access, AuditLog audit)
{
    public Task<PersonRead> ReadAsync(ClaimsPrincipal user, Guid personId, AuditPurpose purpose, CancellationToken cancellationToken = default) =>
        ReadAsync(user, personId, purpose, withHealthFlag: false, cancellationToken);

    /// <summary>
    /// The person read as <see cref="ReadAsync(ClaimsPrincipal, Guid, AuditPurpose, CancellationToken)"/> reads them, and with
    /// <paramref name="withHealthFlag"/> whether they have special health needs for those who may know
    /// (<see cref="PersonAccess.SeesHealthFlagAsync"/>): health data, so the one read row says it was shown
    /// (<see cref="HealthFlagShown"/>).
    /// </summary>
    public Task<PersonRead> ReadAsync(ClaimsPrincipal user, Guid personId, AuditPurpose purpose, bool withHealthFlag, CancellationToken cancellationToken = default) =>
        ReadAsync(user, personId, purpose, withHealthFlag ? HealthFlagRead.IfSeen : HealthFlagRead.No, cancellationToken);

    /// <summary>
    /// The person read with their health flag for a page that is about the flag alone (<see cref="HealthFlagModel"/>):
    /// refused as <see cref="PersonLookup.Forbidden"/>, and no read row written, to one who may read the person but not
    /// see the flag (<see cref="PersonAccess.SeesHealthFlagAsync"/>), as to one who may not read them.
    /// </summary>
    public Task<PersonRead> ReadForHealthFlagAsync(ClaimsPrincipal user, Guid personId, AuditPurpose purpose, CancellationToken cancellationToken = default) =>
        ReadAsync(user, personId, purpose, HealthFlagRead.Required, cancellationToken);

    private enum HealthFlagRead
    {
        No,
        IfSeen,
        Required,
    }

    private async Task<PersonRead> ReadAsync(ClaimsPrincipal user, Guid personId, AuditPurpose purpose, HealthFlagRead withHealthFlag, CancellationToken cancellationToken)
    {
        var person = await db.Persons.AsNoTracking().FirstOrDefaultAsync(p => p.Id == personId, cancellationToken);
        if (person is null)
        {
            return new PersonRead(PersonLookup.NotFound, null, null);
        }

        if (!await access.CanReadAsync(user, person, cancellationToken))
        {
            return new PersonRead(PersonLookup.Forbidden, null, null);
        }

        bool? healthFlag = withHealthFlag != HealthFlagRead.No && await access.SeesHealthFlagAsync(user, person, cancellationToken) ? person.HasMedicalFlag : null;
        if (withHealthFlag == HealthFlagRead.Required && healthFlag is null)
        {
            return new PersonRead(PersonLookup.Forbidden, null, null);
        }

        var household = person.HouseholdId is { } householdId
            ? await db.Households.AsNoTracking().Include(h => h.Members).FirstOrDefaultAsync(h => h.Id == householdId, cancellationToken)
            : null;
        await audit.RecordAsync(AuditAction.PersonRead, person.Id, purpose, healthFlag is null ? null : HealthFlagShown, cancellationToken);
        return new PersonRead(PersonLookup.Found, person, household, healthFlag);
    }

    /// <summary>The details of a person's read row that showed <see cref="Person.HasMedicalFlag"/>.</summary>
    public const string HealthFlagShown = "Helbred: særlige helbredsmæssige behov vist";

    /// <summary>Whether the user may have the person's whole CPR number shown (the button is offered only then).</summary>
    public Task<bool> MayRevealCprAsync(ClaimsPrincipal user, Person person, CancellationToken cancellationToken = default) =>
        access.CanRevealCprAsync(user, person, cancellationToken);

    /// <summary>
    /// The whole CPR number is shown only on demand, to those whose work needs it (<see cref="PersonAccess.CanRevealCprAsync"/>),
    /// and that is logged on its own.
    /// </summary>
    public async Task<string?> RevealCprAsync(ClaimsPrincipal user, Guid personId, CancellationToken cancellationToken = default)
    {
        var person = await db.Persons.AsNoTracking().FirstOrDefaultAsync(p => p.Id == personId, cancellationToken);
        if (person?.Cpr is null || !await access.CanRevealCprAsync(user, person, cancellationToken))
        {
            return null;
        }

        await audit.RecordAsync(AuditAction.CprRevealed, person.Id, AuditPurpose.CprShownInFull, cancellationToken: cancellationToken);
        return person.Cpr.Formatted;
    }

    /// <summary>A household with its members, for a page that lists them; each member listed is audited as read.</summary>
    public Task<HouseholdRead> ReadHouseholdAsync(ClaimsPrincipal user, Guid householdId, AuditPurpose purpose, CancellationToken cancellationToken = default) =>
        ReadHouseholdAsync(user, householdId, purpose, household => household.Members.Select(m => m.Id), cancellationToken);

    /// <summary>
    /// A household with its members, for a page that shows the household and only some of them (one member's contract or
    /// day 0, or the household's name alone): the household is audited as read, and the members
    /// <paramref name="membersShown"/> gives (of the household's; none for a page that shows no member).
    /// </summary>
    public async Task<HouseholdRead> ReadHouseholdAsync(
        ClaimsPrincipal user, Guid householdId, AuditPurpose purpose, Func<Household, IEnumerable<Guid>> membersShown, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(membersShown);
        // One query: a household's members and relations are few, so their product is small (and EF Core is told so, not warned).
        var household = await db.Households.AsNoTracking().Include(h => h.Members).Include(h => h.Relations).AsSingleQuery()
            .FirstOrDefaultAsync(h => h.Id == householdId, cancellationToken);
        if (household is null)
        {
            return new HouseholdRead(PersonLookup.NotFound, null);
        }

        if (household.Members.Count == 0 || !await access.CanReadAsync(user, household.Members[0], cancellationToken))
        {
            return new HouseholdRead(PersonLookup.Forbidden, null);
        }

        await audit.RecordAsync(AuditAction.HouseholdRead, null, purpose, AuditLog.Household(household.Id), cancellationToken);
        var shown = membersShown(household).ToHashSet();
        await audit.RecordEachAsync(AuditAction.PersonRead,
            household.Members.Where(m => shown.Contains(m.Id)).Select(m => ((Guid?)m.Id, (string?)$"Via husstand {household.Id:D}")), purpose, cancellationToken);

        return new HouseholdRead(PersonLookup.Found, household);
    }
}

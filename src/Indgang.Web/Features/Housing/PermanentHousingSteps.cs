using Indgang.Domain.Audit;
using Indgang.Domain.Housing;
using Indgang.Web.Audit;
using Indgang.Web.Data;
using Indgang.Web.Features.Reception;
using Indgang.Web.Features.Tasks;
using Indgang.Web.Platform;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Indgang.Web.Features.Housing;

/// <summary>
/// The steps on the way to a permanent home (HOUSE-5), each saved and in the audit log: a registration on a housing
/// association's waiting list, an offer, its answer — and an accepted offer moves the household out of its temporary
/// home on the move day, which frees the beds at once, and brings the tasks of the move into the new home. The pipeline page takes them, and so does the demo's history.
/// The page checks what was typed first; these are the rules that hold whoever takes the step.
/// </summary>
public sealed class PermanentHousingSteps(
    IndgangDbContext db, HousingMoves moves, ChecklistTaskFactory tasks, RegistrationHelp help, AuditLog audit, TimeProvider clock,
    IStringLocalizer<SharedResource> T)
{
    public const string AcceptedAnother = "Husstanden har allerede takket ja til en anden bolig. Afslå dette tilbud.";
    public const string AnsweredByOther = "Tilbuddet er lige blevet besvaret eller ændret af en anden. Se den nye status nedenfor.";
    public const string MovedOnAlready = "Husstanden er allerede flyttet til den permanente bolig, den har takket ja til.";
    public const string HadPermanentHome = "Husstanden har fået sin første permanente bolig fra kommunen i en af kommunens permanente boliger. Dermed er boligpligten opfyldt (integrationsloven § 12), og husstanden er ikke på vej til en permanent bolig gennem kommunen.";
    public const string LivesWithReferencePerson = "Husstanden skal bo hos den herboende, den er familiesammenført til, og er ikke på vej til en permanent bolig gennem kommunen (ingen boligpligt). Skal den have en bolig fra kommunen alligevel, så ret det under »Bolig fra kommunen« på husstandens side først.";
    public const string LeftOurHousing = "Husstanden er flyttet til egen bolig eller ud af kommunen og er ikke på vej til en permanent bolig gennem kommunen.";

    /// <summary>
    /// Why the household is not on its way to a permanent home through us (as <see cref="PipelineRow.IsUnderway"/>), so
    /// that no step on the way is taken for it: it is to live with the person its members joined (no duty to house it),
    /// it has moved to a home it accepted, one of our permanent units is or was its home (the duty covers the first
    /// permanent home only), or it has left our housing for good. Null when it is.
    /// </summary>
    public async Task<string?> NotOnTheWayAsync(Guid householdId, CancellationToken cancellationToken = default)
    {
        if (await db.Households.AnyAsync(h => h.Id == householdId && h.LivesWithReferencePerson, cancellationToken))
        {
            return LivesWithReferencePerson;
        }

        var today = clock.Today();
        var inTemporaryHome = await db.Occupancies.HomeOn(today).AnyAsync(o => o.HouseholdId == householdId && o.IsTemporary, cancellationToken);
        if (!inTemporaryHome && await db.HousingOffers.AnyAsync(o => o.HouseholdId == householdId && o.Status == OfferStatus.Accepted && o.MoveDate <= today, cancellationToken))
        {
            return MovedOnAlready;
        }

        if (await db.Occupancies.GivenPermanentHome().ContainsAsync(householdId, cancellationToken))
        {
            return HadPermanentHome;
        }

        return await WaitingForHousing.LeftForGood(db, today).AnyAsync(h => h == householdId, cancellationToken) ? LeftOurHousing : null;
    }

    /// <summary>
    /// Why no step on the way may be taken for the household chosen: <paramref name="missing"/> when none is, or it does not
    /// exist; otherwise <see cref="NotOnTheWayAsync"/>. Null when it may.
    /// </summary>
    public async Task<string?> RefusedHouseholdAsync(Guid? householdId, string missing, CancellationToken cancellationToken = default) =>
        householdId is not { } id || !await db.Households.AnyAsync(h => h.Id == id, cancellationToken)
            ? missing
            : await NotOnTheWayAsync(id, cancellationToken);

    public async Task<HousingRegistration> RegisterAsync(Guid householdId, string association, DateOnly registeredOn, string? waitingListNumber, CancellationToken cancellationToken = default) =>
        (await RegisterOnceAsync(null, householdId, association, registeredOn, waitingListNumber, cancellationToken)).Saved;

    /// <summary>
    /// The registration, saved once for its <paramref name="submissionToken"/> (the form's hidden token, the API's
    /// Idempotency-Key): sent again, or twice at the same moment (a unique index), the one saved first is given back.
    /// The token used for another registration (another household, association or date) saves nothing either: the result
    /// says so (<see cref="Submitted{T}.ForAnother"/>), and the caller decides.
    /// </summary>
    public async Task<Submitted<HousingRegistration>> RegisterOnceAsync(
        Guid? submissionToken, Guid householdId, string association, DateOnly registeredOn, string? waitingListNumber, CancellationToken cancellationToken = default)
    {
        if (await RegistrationSentWithAsync(submissionToken, cancellationToken) is { } before)
        {
            return Sent(before, IsSameRegistration(before, householdId, association, registeredOn));
        }

        var registration = new HousingRegistration(householdId, association, registeredOn, waitingListNumber) { SubmissionToken = submissionToken };
        db.HousingRegistrations.Add(registration);
        // Jobberiet's help to register is done with it, also when Jobberiet takes the task at the same moment.
        var helped = await help.GivenAsync(householdId, cancellationToken);
        try
        {
            if (await db.SaveOverTaskChangesAsync(help.Given, cancellationToken) is { } conflict)
            {
                // Only a task can conflict with a new registration, and it is saved over twice first: not met in practice.
                throw conflict;
            }
        }
        catch (DbUpdateException exception) when (submissionToken is not null && UniqueViolation.Is(exception))
        {
            db.ChangeTracker.Clear();
            // Sent twice at the same moment: the other's is the one.
            if (await RegistrationSentWithAsync(submissionToken, cancellationToken) is { } other)
            {
                return Sent(other, IsSameRegistration(other, householdId, association, registeredOn));
            }

            throw;
        }

        await AuditAsync(householdId, AuditPurpose.Registration, $"{registration.Association}, {registeredOn:yyyy-MM-dd}", cancellationToken);
        await help.AuditGivenAsync(helped, $"husstanden er skrevet op hos {registration.Association}", cancellationToken);
        return new(registration, Before: false);
    }

    public async Task<HousingOffer> OfferAsync(Guid householdId, string address, DateOnly offeredOn, DateOnly? answerBy = null, int? rooms = null, decimal? monthlyRent = null, CancellationToken cancellationToken = default) =>
        (await OfferOnceAsync(null, householdId, address, offeredOn, answerBy, rooms, monthlyRent, cancellationToken)).Saved;

    /// <summary>
    /// The offer, saved once for its <paramref name="submissionToken"/> (the form's hidden token, the API's
    /// Idempotency-Key): sent again, or twice at the same moment (a unique index), the one saved first is given back, so
    /// that no copy of it stays pending once the other is answered. The token used for another offer (another household,
    /// address or date) saves nothing either: the result says so (<see cref="Submitted{T}.ForAnother"/>).
    /// </summary>
    public async Task<Submitted<HousingOffer>> OfferOnceAsync(
        Guid? submissionToken, Guid householdId, string address, DateOnly offeredOn, DateOnly? answerBy = null, int? rooms = null, decimal? monthlyRent = null,
        CancellationToken cancellationToken = default)
    {
        if (await OfferSentWithAsync(submissionToken, cancellationToken) is { } before)
        {
            return Sent(before, IsSameOffer(before, householdId, address, offeredOn));
        }

        var offer = new HousingOffer(householdId, address, offeredOn, answerBy, rooms, monthlyRent) { SubmissionToken = submissionToken };
        db.HousingOffers.Add(offer);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException exception) when (submissionToken is not null && UniqueViolation.Is(exception))
        {
            db.ChangeTracker.Clear();
            // Sent twice at the same moment: the other's is the one.
            if (await OfferSentWithAsync(submissionToken, cancellationToken) is { } other)
            {
                return Sent(other, IsSameOffer(other, householdId, address, offeredOn));
            }

            throw;
        }

        await AuditAsync(householdId, AuditPurpose.Offer, Described(offer), cancellationToken);
        return new(offer, Before: false);
    }

    /// <summary>The registration saved with the submission token; null when none is (or no token was sent).</summary>
    public async Task<HousingRegistration?> RegistrationSentWithAsync(Guid? submissionToken, CancellationToken cancellationToken = default) =>
        submissionToken is { } token ? await db.HousingRegistrations.FirstOrDefaultAsync(r => r.SubmissionToken == token, cancellationToken) : null;

    /// <summary>The offer saved with the submission token; null when none is (or no token was sent).</summary>
    public async Task<HousingOffer?> OfferSentWithAsync(Guid? submissionToken, CancellationToken cancellationToken = default) =>
        submissionToken is { } token ? await db.HousingOffers.FirstOrDefaultAsync(o => o.SubmissionToken == token, cancellationToken) : null;

    /// <summary>
    /// The registration saved is the one asked for again: the same household, association and date (what a retry sends
    /// alike; the waiting-list number may be corrected since).
    /// </summary>
    public static bool IsSameRegistration(HousingRegistration saved, Guid? householdId, string? association, DateOnly? registeredOn)
    {
        ArgumentNullException.ThrowIfNull(saved);
        return saved.HouseholdId == householdId && saved.RegisteredOn == registeredOn && string.Equals(saved.Association, association?.Trim(), StringComparison.Ordinal);
    }

    /// <summary>The offer saved is the one asked for again: the same household, address and date offered.</summary>
    public static bool IsSameOffer(HousingOffer saved, Guid? householdId, string? address, DateOnly? offeredOn)
    {
        ArgumentNullException.ThrowIfNull(saved);
        return saved.HouseholdId == householdId && saved.OfferedOn == offeredOn && string.Equals(saved.Address, address?.Trim(), StringComparison.Ordinal);
    }

    private static Submitted<T> Sent<T>(T saved, bool same) => new(saved, Before: true) { ForAnother = !same };

    /// <summary>
    /// The household says yes to a pending offer and moves on <paramref name="moveDate"/> (not before the offer): the
    /// acceptance and the move out of its temporary home that day are saved together, so a refused move-out leaves the
    /// offer open, not accepted with the household still registered in its temporary home. A move out agreed for a later
    /// day (to another of our units, say) comes on the move day instead, to the permanent home; the offer keeps the one
    /// agreed (<see cref="HousingOffer.MoveOutAgreedBefore"/>). Refused, about the day, when the household moves into
    /// another unit of ours on or after the move day (a planned move, to call off first); refused, too, when the household has
    /// accepted another home already, or the offer has been answered by another at the same moment (its version; one
    /// accepted offer per household, a unique index), and when the household is not on its way to a permanent home through
    /// us (<see cref="NotOnTheWayAsync"/>).
    /// </summary>
    public async Task<MoveResult> AcceptAsync(HousingOffer offer, DateOnly moveDate, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(offer);
        var seen = offer.Version;
        if (await db.HousingOffers.AnyAsync(o => o.HouseholdId == offer.HouseholdId && o.Status == OfferStatus.Accepted, cancellationToken))
        {
            return await RefusedAsync(AcceptedAnother);
        }

        if (await NotOnTheWayAsync(offer.HouseholdId, cancellationToken) is { } notOnTheWay)
        {
            return MoveResult.Refused(notOnTheWay);
        }

        // Its stays not ended by the move day: a temporary home then ends that day, to the permanent home. One still ahead
        // that begins on or after it (a planned move between our units) would come after the permanent home: called off
        // first. One begun after it makes the day wrong.
        var stays = await db.Occupancies.AsNoTracking()
            .Where(o => o.HouseholdId == offer.HouseholdId && (o.MovedOutOn == null || o.MovedOutOn > moveDate))
            .OrderBy(o => o.MovedInOn)
            .ToListAsync(cancellationToken);
        var today = clock.Today();
        if (stays.FirstOrDefault(o => o.MovedInOn > moveDate || (o.MovedInOn == moveDate && o.MovedInOn > today)) is { } after)
        {
            return MoveResult.RefusedDay(await MoveInOnOrAfterAsync(after, cancellationToken));
        }

        offer.Accept(moveDate);
        // A permanent home through us: a choice saved at the same moment that depends on whether the household has one
        // (to live with the person it joined) is refused and checked again, and this acceptance when that choice came first.
        var household = await db.Households.FirstAsync(h => h.Id == offer.HouseholdId, cancellationToken);
        household.HomeGiven();
        if (await tasks.AddPermanentHomeTasksAsync(household, moveDate, offer.Address, help.UserId, cancellationToken) is { Count: > 0 } ownerless)
        {
            db.ChangeTracker.Clear();
            return MoveResult.Refused(ChecklistTaskFactory.NoDepartmentFor(T, ownerless));
        }

        // Its home on the move day: moved out then, or sooner than a move out agreed for a later day (to another of our
        // units, say), which the offer keeps for an acceptance undone to put back.
        var temporary = stays.FirstOrDefault(o => o.IsTemporary);
        if (temporary?.MovedOutOn is { } agreed)
        {
            offer.MoveOutBroughtForward(agreed, temporary.Destination);
        }

        try
        {
            if (temporary is null)
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            else if (await (temporary.MovedOutOn is null
                         ? moves.MoveOutAsync(temporary.Id, moveDate, MoveOutDestination.OwnHome, cancellationToken)
                         : moves.MoveOutSoonerAsync(temporary.Id, temporary.MovedOutOn.Value, moveDate, MoveOutDestination.OwnHome, cancellationToken)) is { Succeeded: false } refused)
            {
                db.ChangeTracker.Clear();
                return refused.AboutTheDay ? refused : await RefusedAsync(refused.Error!);
            }
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return await RefusedAsync(HousingMoves.HouseholdChangedByOther);
        }
        catch (DbUpdateException exception) when (UniqueViolation.Is(exception))
        {
            db.ChangeTracker.Clear();
            return MoveResult.Refused(AcceptedAnother);
        }

        await AuditAsync(offer.HouseholdId, AuditPurpose.OfferAccepted, $"{offer.Address}, flytter {moveDate:yyyy-MM-dd}", cancellationToken);
        return MoveResult.Ok;

        // A refusal that came of a change by another meanwhile is said to be that: this very offer answered (a second
        // click finds it accepted, its stay moved out already), another of the household's accepted (its stay moved out
        // by that acceptance), or the household no longer on the way (to live with the person it joined, say).
        async Task<MoveResult> RefusedAsync(string error)
        {
            var now = await db.HousingOffers.AsNoTracking().Where(o => o.HouseholdId == offer.HouseholdId)
                .Select(o => new { o.Id, o.Version, o.Status }).ToListAsync(cancellationToken);
            return MoveResult.Refused(
                now.Any(o => o.Id == offer.Id && o.Version != seen) ? AnsweredByOther
                : now.Any(o => o.Id != offer.Id && o.Status == OfferStatus.Accepted) ? AcceptedAnother
                : await NotOnTheWayAsync(offer.HouseholdId, cancellationToken) ?? error);
        }
    }

    /// <summary>
    /// Why the move day cannot be the one: the household moves into <paramref name="stay"/>'s unit on or after it (a
    /// planned move between our units, to call off first on the unit's page), or moved in there since (the day is wrong).
    /// </summary>
    private async Task<string> MoveInOnOrAfterAsync(Occupancy stay, CancellationToken cancellationToken)
    {
        if (stay.MovedInOn <= clock.Today())
        {
            // Begun: the move day lies before it.
            return HousingMoves.MoveOutBeforeMoveIn;
        }

        var label = await db.HousingUnits.Where(u => u.Id == stay.UnitId).Select(u => u.Label).FirstAsync(cancellationToken);
        return T["Husstanden skal flytte ind i {0} {1:d. MMMM yyyy}. Fortryd den planlagte indflytning på boligens side først, eller vælg en flyttedato efter den dag.", label, stay.MovedInOn];
    }

    /// <summary>
    /// The acceptance of the offer is undone (<see cref="HousingOffer.Reopen"/>): a household with no stay of ours gets the
    /// checklist's tasks the acceptance closed back (the defects list at move-in, the lease, keys and house-rules
    /// introduction), waiting for its first home (<see cref="ChecklistTaskFactory.AddFirstHomeTasksAgainAsync"/>).
    /// Returns the task types without an owner (not saved).
    /// </summary>
    public async Task<List<Domain.Reception.TaskType>> AcceptanceUndoneAsync(HousingOffer offer, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(offer);
        var household = await db.Households.Include(h => h.Members).FirstAsync(h => h.Id == offer.HouseholdId, cancellationToken);
        return await tasks.AddFirstHomeTasksAgainAsync(household, offer.Address, clock.Today(), cancellationToken);
    }

    /// <summary>The household says no; refused when the offer has been answered by another at the same moment.</summary>
    public async Task<MoveResult> DeclineAsync(HousingOffer offer, string? reason = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(offer);
        offer.Decline(reason);
        if (!await db.SaveUnlessSavedByOtherAsync(cancellationToken))
        {
            db.ChangeTracker.Clear();
            return MoveResult.Refused(AnsweredByOther);
        }

        await AuditAsync(offer.HouseholdId, AuditPurpose.OfferDeclined, offer.DeclineReason is null ? offer.Address : $"{offer.Address}, {AuditLog.ReasonKeptInTheCase}", cancellationToken);
        return MoveResult.Ok;
    }

    /// <summary>An offer as the audit log describes it: address, date, and the answer deadline, rooms and rent, if given.</summary>
    public static string Described(HousingOffer offer)
    {
        ArgumentNullException.ThrowIfNull(offer);
        return $"{offer.Address}, {offer.OfferedOn:yyyy-MM-dd}{(offer.AnswerBy is { } by ? $", svarfrist {by:yyyy-MM-dd}" : "")}"
            + (offer.Rooms is { } rooms ? $", {rooms} vær." : "")
            + (offer.MonthlyRent is { } rent ? $", husleje {Platform.Kroner.Format(rent)} kr./md." : "");
    }

    /// <summary>A change to a household's way to permanent housing, in the audit log (personal data, written).</summary>
    public Task AuditAsync(Guid household, AuditPurpose purpose, string details, CancellationToken cancellationToken = default) =>
        audit.RecordAsync(AuditAction.HouseholdUpdated, null, purpose, AuditLog.Household(household, $": {details}"), cancellationToken);
}

/// <summary>A step saved once for its submission token: <paramref name="Before"/> when it had been saved already, and nothing new was.</summary>
public sealed record Submitted<T>(T Saved, bool Before)
{
    /// <summary>
    /// The token had been used for another step (<see cref="Saved"/> is that one): nothing was saved. A form sent again
    /// from the browser's history is a new step, to be saved with a new token; an API client is refused (422).
    /// </summary>
    public bool ForAnother { get; init; }
}

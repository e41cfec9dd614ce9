using Indgang.Domain.Housing;
using Indgang.Web.Audit;
using Indgang.Web.Data;
using Indgang.Web.Features.Reception;

namespace Indgang.Web.Features.Housing;

/// <summary>
/// A waiting-list registration or an offer of a permanent home typed wrong, corrected (HOUSE-5): the same on their pages
/// (<see cref="RegistrationEditModel"/>, <see cref="OfferEditModel"/>) and over the API (<c>PipelineCorrectionApi</c>).
/// The caller has checked the fields (<see cref="PipelineFields"/>) and that the version it was shown is the one it
/// read; a save over another's change at that very moment is refused, not lost. A correction that changes something is
/// in the audit log with what it was, and an accepted offer's open move tasks take the home's corrected address.
/// </summary>
public sealed class PipelineCorrections(IndgangDbContext db, PermanentHousingSteps steps, AgreedMoveTasks moveTasks, ChecklistTaskFactory checklist)
{
    /// <summary>
    /// Why the offer may not be changed: declined (<see cref="OfferEditModel.Declined"/>), or, waiting for an answer, the
    /// household no longer on its way (<see cref="PermanentHousingSteps.NotOnTheWayAsync"/>). An accepted offer may: it
    /// is the way's end, the home the household has moved or moves to. Null when it may.
    /// </summary>
    public async Task<string?> NotChangeableAsync(HousingOffer offer, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(offer);
        return offer.Status switch
        {
            OfferStatus.Declined => OfferEditModel.Declined,
            OfferStatus.Accepted => null,
            _ => await steps.NotOnTheWayAsync(offer.HouseholdId, cancellationToken),
        };
    }

    /// <summary>The registration takes the fields as <paramref name="corrected"/> (checked), saved and audited.</summary>
    public async Task<CorrectionOutcome> CorrectAsync(HousingRegistration registration, IRegistrationForm corrected, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(registration);
        ArgumentNullException.ThrowIfNull(corrected);
        var (before, version) = (Described(registration), registration.Version);
        registration.Correct(corrected.Association!, corrected.RegisteredOn!.Value, corrected.WaitingListNumber);
        return await SavedAsync(registration, registration.HouseholdId, AuditPurpose.RegistrationCorrected, before, registration.Version != version, () => Described(registration), cancellationToken);
    }

    /// <summary>
    /// The offer takes the fields as <paramref name="corrected"/> (checked; the offer not declined), saved and audited;
    /// accepted, the open tasks of the move into it are named with its address as corrected, and the checklist's tasks its
    /// acceptance closed say why with it (<see cref="ChecklistTaskFactory.PermanentHomeReaddressedAsync"/>).
    /// </summary>
    public async Task<CorrectionOutcome> CorrectAsync(HousingOffer offer, IOfferForm corrected, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(offer);
        ArgumentNullException.ThrowIfNull(corrected);
        var (before, version) = (PermanentHousingSteps.Described(offer), offer.Version);
        var address = offer.Address;
        offer.Correct(corrected.Address!, corrected.OfferedOn!.Value, corrected.AnswerBy, corrected.Rooms, corrected.MonthlyRent);
        if (offer.Status == OfferStatus.Accepted && offer.Address != address)
        {
            await moveTasks.PermanentHomeReaddressedAsync(offer, cancellationToken);
            // The checklist's tasks its acceptance closed name the home as it is now, and its undo finds them by it.
            await checklist.PermanentHomeReaddressedAsync(offer.HouseholdId, address, offer.Address, cancellationToken);
        }

        return await SavedAsync(offer, offer.HouseholdId, AuditPurpose.OfferCorrected, before, offer.Version != version, () => PermanentHousingSteps.Described(offer), cancellationToken);
    }

    /// <summary>A registration as the audit log describes it: association, date, and the waiting-list number, if given.</summary>
    public static string Described(HousingRegistration registration)
    {
        ArgumentNullException.ThrowIfNull(registration);
        return $"{registration.Association}, {registration.RegisteredOn:yyyy-MM-dd}{(registration.WaitingListNumber is null ? "" : $", nr. {registration.WaitingListNumber}")}";
    }

    /// <summary>
    /// Saves the record corrected and, when it <paramref name="changed"/> (a new version: any field, also one the audit's
    /// text rounds), audits the correction (<paramref name="purpose"/>) with what it was and is
    /// (<see cref="CorrectionOutcome.Unchanged"/> when it did not); refused when another's save came first.
    /// </summary>
    private async Task<CorrectionOutcome> SavedAsync(
        object record, Guid household, AuditPurpose purpose, string before, bool changed, Func<string> described, CancellationToken cancellationToken)
    {
        if (await SavedByOtherAsync(record, cancellationToken) is { } refused)
        {
            return refused;
        }

        if (!changed)
        {
            return CorrectionOutcome.Unchanged;
        }

        await steps.AuditAsync(household, purpose, $"{before} → {described()}", cancellationToken);
        return CorrectionOutcome.Saved;
    }

    /// <summary>
    /// Saves; null when saved. Another's save came first: the record then holds what is saved now (changed by another), or
    /// it has been removed.
    /// </summary>
    private async Task<CorrectionOutcome?> SavedByOtherAsync(object record, CancellationToken cancellationToken) =>
        await db.SaveUnlessSavedByOtherAsync(cancellationToken) ? null
        : await db.ReloadSavedAsync(record, cancellationToken) ? CorrectionOutcome.ChangedByOther
        : CorrectionOutcome.RemovedByOther;
}

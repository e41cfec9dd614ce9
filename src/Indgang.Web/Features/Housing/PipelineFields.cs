using System.Diagnostics.CodeAnalysis;
using Indgang.Domain.Housing;
using Indgang.Web.Data.Configurations;
using Indgang.Web.Platform;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;

namespace Indgang.Web.Features.Housing;

/// <summary>
/// The checks on the fields of a waiting-list registration and of an offer, the same where they are made (the pipeline
/// page) and where they are corrected (<see cref="RegistrationEditModel"/>, <see cref="OfferEditModel"/>): each message
/// beside its field, under the fields' own names. And the checks on an offer's answer (its move date, its decline
/// reason), the same on the pipeline page and over the API, each under the key its caller gives.
/// </summary>
internal static class PipelineFields
{
    /// <summary>An offer's fields as typed: the home's address, the offer's date and answer deadline, the home's rooms and rent.</summary>
    public sealed record OfferFields(string? Address, DateOnly? OfferedOn, DateOnly? AnswerBy, int? Rooms, decimal? MonthlyRent) : IOfferForm;

    public const string Association = nameof(Association);
    public const string RegisteredOn = nameof(RegisteredOn);
    public const string WaitingListNumber = nameof(WaitingListNumber);
    public const string Address = nameof(Address);
    public const string OfferedOn = nameof(OfferedOn);
    public const string AnswerBy = nameof(AnswerBy);
    public const string Rooms = nameof(Rooms);
    public const string MonthlyRent = nameof(MonthlyRent);

    public static void CheckRegistration(ModelStateDictionary modelState, IStringLocalizer<SharedResource> texts, string? association, DateOnly? registeredOn, string? waitingListNumber, DateOnly today)
    {
        if (string.IsNullOrWhiteSpace(association))
        {
            modelState.AddModelError(Association, "Angiv boligselskabet.");
        }
        else if (association.Trim().Length > HousingRegistrationConfiguration.AssociationLength)
        {
            modelState.AddModelError(Association, texts["Boligselskabets navn må højst være {0:N0} tegn.", HousingRegistrationConfiguration.AssociationLength].Value);
        }
        else
        {
            modelState.RefuseControlCharacters(Association, association);
        }

        RequireDayGone(modelState, RegisteredOn, registeredOn, "Angiv datoen for opskrivningen.", today);
        if (waitingListNumber?.Trim().Length > HousingRegistrationConfiguration.WaitingListNumberLength)
        {
            modelState.AddModelError(WaitingListNumber, texts["Ventelistenummeret må højst være {0:N0} tegn.", HousingRegistrationConfiguration.WaitingListNumberLength].Value);
        }
        else
        {
            modelState.RefuseControlCharacters(WaitingListNumber, waitingListNumber);
        }
    }

    /// <summary>
    /// The offer's fields as typed, each refusal beside its field; <paramref name="moveDate"/> the move date of the
    /// accepted offer corrected, which the offer's date cannot come after.
    /// </summary>
    public static void CheckOffer(ModelStateDictionary modelState, IStringLocalizer<SharedResource> texts, IOfferForm offer, DateOnly today, DateOnly? moveDate = null)
    {
        ArgumentNullException.ThrowIfNull(offer);
        var (address, offeredOn, answerBy, rooms, monthlyRent) = (offer.Address, offer.OfferedOn, offer.AnswerBy, offer.Rooms, offer.MonthlyRent);
        if (string.IsNullOrWhiteSpace(address))
        {
            modelState.AddModelError(Address, "Angiv adressen på den tilbudte bolig.");
        }
        else if (address.Trim().Length > HousingOfferConfiguration.AddressLength)
        {
            modelState.AddModelError(Address, texts["Adressen må højst være {0:N0} tegn.", HousingOfferConfiguration.AddressLength].Value);
        }
        else
        {
            modelState.RefuseControlCharacters(Address, address);
        }

        RequireDayGone(modelState, OfferedOn, offeredOn, "Angiv datoen for tilbuddet.", today);
        if (offeredOn > moveDate && modelState.GetFieldValidationState(OfferedOn) != ModelValidationState.Invalid)
        {
            modelState.AddModelError(OfferedOn, HousingOffer.OfferAfterMove);
        }

        // Optional; a deadline that has passed may be recorded (the offer is then shown as overdue).
        if (answerBy < offeredOn)
        {
            modelState.AddModelError(AnswerBy, HousingOffer.AnswerBeforeOffer);
        }
        else if (answerBy is { } last && Platform.PlanningHorizon.IsBeyond(last, today))
        {
            modelState.AddModelError(AnswerBy, Platform.PlanningHorizon.TooFarAhead);
        }

        // Both optional (not every association says); a number that could not be read is told by the binding already.
        if (rooms is < 1 or > HousingOffer.MostRooms)
        {
            modelState.AddModelError(Rooms, texts["Angiv antal værelser fra 1 til {0}.", HousingOffer.MostRooms].Value);
        }

        if (monthlyRent is < 0 or > HousingUnit.MostMonthlyRent)
        {
            modelState.AddModelError(MonthlyRent, HousingUnit.RentRefusal);
        }
        else if (monthlyRent is { } rent && !HousingUnit.IsInWholeOre(rent))
        {
            modelState.AddModelError(MonthlyRent, HousingUnit.RentOreRefusal);
        }
    }

    /// <summary>
    /// The day the household moves to the home it accepts: given, not before the offer, and not beyond the planning
    /// horizon (a mistyped year would be the day the move's tasks are counted from). True when it passes.
    /// </summary>
    public static bool CheckMoveDate(ModelStateDictionary modelState, string key, [NotNullWhen(true)] DateOnly? moveDate, HousingOffer offer, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(offer);
        if (moveDate is null || moveDate < offer.OfferedOn)
        {
            modelState.AddModelError(key, "Angiv flyttedatoen (tidligst tilbudsdatoen).");
            return false;
        }

        if (Platform.PlanningHorizon.IsBeyond(moveDate.Value, today))
        {
            modelState.AddModelError(key, Platform.PlanningHorizon.TooFarAhead);
            return false;
        }

        return true;
    }

    /// <summary>Why the household said no: optional, and no longer than is kept (trimmed, as it is kept). True when it passes.</summary>
    public static bool CheckDeclineReason(ModelStateDictionary modelState, IStringLocalizer<SharedResource> texts, string key, string? reason)
    {
        if (reason?.Trim().Length > HousingOffer.DeclineReasonLength)
        {
            modelState.AddModelError(key, texts["Begrundelsen må højst være {0:N0} tegn.", HousingOffer.DeclineReasonLength].Value);
            return false;
        }

        if (modelState.RefuseControlCharacters(key, reason))
        {
            return false;
        }

        return true;
    }

    /// <summary>A date of something that has happened (a registration, an offer): given, not after today, and not before the integration act.</summary>
    private static void RequireDayGone(ModelStateDictionary modelState, string field, DateOnly? date, string missing, DateOnly today)
    {
        if (date is null)
        {
            modelState.AddModelError(field, missing);
        }
        else if (date > today)
        {
            modelState.AddModelError(field, "Datoen kan ikke ligge i fremtiden.");
        }
        else if (Platform.PlanningHorizon.IsBeforeEarliest(date.Value))
        {
            modelState.AddModelError(field, Platform.PlanningHorizon.TooFarBack);
        }
    }
}

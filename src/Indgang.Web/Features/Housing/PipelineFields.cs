using Indgang.Domain.Housing;
using Indgang.Web.Data.Configurations;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;

namespace Indgang.Web.Features.Housing;

/// <summary>
/// The checks on the fields of a waiting-list registration and of an offer, the same where they are made (the pipeline
/// page) and where they are corrected (<see cref="RegistrationEditModel"/>, <see cref="OfferEditModel"/>): each message
/// beside its field, under the fields' own names.
/// </summary>
internal static class PipelineFields
{
    public const string Association = nameof(Association);
    public const string RegisteredOn = nameof(RegisteredOn);
    public const string WaitingListNumber = nameof(WaitingListNumber);
    public const string Address = nameof(Address);
    public const string OfferedOn = nameof(OfferedOn);
    public const string AnswerBy = nameof(AnswerBy);

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

        RequireDayGone(modelState, RegisteredOn, registeredOn, "Angiv datoen for opskrivningen.", today);
        if (waitingListNumber?.Trim().Length > HousingRegistrationConfiguration.WaitingListNumberLength)
        {
            modelState.AddModelError(WaitingListNumber, texts["Ventelistenummeret må højst være {0:N0} tegn.", HousingRegistrationConfiguration.WaitingListNumberLength].Value);
        }
    }

    public static void CheckOffer(ModelStateDictionary modelState, IStringLocalizer<SharedResource> texts, string? address, DateOnly? offeredOn, DateOnly? answerBy, DateOnly today)
    {
        if (string.IsNullOrWhiteSpace(address))
        {
            modelState.AddModelError(Address, "Angiv adressen på den tilbudte bolig.");
        }
        else if (address.Trim().Length > HousingOfferConfiguration.AddressLength)
        {
            modelState.AddModelError(Address, texts["Adressen må højst være {0:N0} tegn.", HousingOfferConfiguration.AddressLength].Value);
        }

        RequireDayGone(modelState, OfferedOn, offeredOn, "Angiv datoen for tilbuddet.", today);
        // Optional; a deadline that has passed may be recorded (the offer is then shown as overdue).
        if (answerBy < offeredOn)
        {
            modelState.AddModelError(AnswerBy, HousingOffer.AnswerBeforeOffer);
        }
    }

    /// <summary>A date of something that has happened (a registration, an offer): given, and not after today.</summary>
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
    }
}

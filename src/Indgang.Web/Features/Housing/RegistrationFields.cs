using Indgang.Web.Data.Configurations;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;

namespace Indgang.Web.Features.Housing;

/// <summary>
/// The checks on a waiting-list registration's fields, the same where it is made (the pipeline page) and where it is
/// corrected (<see cref="RegistrationEditModel"/>): each message beside its field, under the fields' own names.
/// </summary>
internal static class RegistrationFields
{
    public const string Association = nameof(Association);
    public const string RegisteredOn = nameof(RegisteredOn);
    public const string WaitingListNumber = nameof(WaitingListNumber);

    public static void Check(ModelStateDictionary modelState, IStringLocalizer<SharedResource> texts, string? association, DateOnly? registeredOn, string? waitingListNumber, DateOnly today)
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

    /// <summary>A date of something that has happened (a registration, an offer): given, and not after today.</summary>
    public static void RequireDayGone(ModelStateDictionary modelState, string field, DateOnly? date, string missing, DateOnly today)
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

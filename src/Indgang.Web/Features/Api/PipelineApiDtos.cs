using System.ComponentModel;
using Indgang.Domain.Housing;
using Indgang.Web.Features.Housing;

namespace Indgang.Web.Features.Api;

/// <summary>A registration on a housing association's waiting list, as a housing association's or the municipality's system sends it.</summary>
public sealed record RegistrationRequest(
    [property: Description("The household's id (id of GET /api/v1/households/{id}).")] Guid? HouseholdId,
    [property: Description("The housing association.")] string? Association,
    [property: Description("The day the household was put on the waiting list; not after today.")] DateOnly? RegisteredOn,
    [property: Description("The household's number on the waiting list, if the association gives one.")] string? WaitingListNumber);

/// <summary>An offer of a permanent home, as a housing association's or the municipality's system sends it.</summary>
public sealed record OfferRequest(
    [property: Description("The household's id (id of GET /api/v1/households/{id}).")] Guid? HouseholdId,
    [property: Description("The offered home's address.")] string? Address,
    [property: Description("The day the home was offered; not after today.")] DateOnly? OfferedOn,
    [property: Description("The last day the household can answer (svarfrist); not before the offer. Optional.")] DateOnly? AnswerBy,
    [property: Description("The home's rooms, 1 to 20. Optional.")] int? Rooms,
    [property: Description("The home's monthly rent in kroner, 0 or more. Optional.")] decimal? MonthlyRent);

/// <summary>The household says yes to an offer, as the letting system sends it: it moves to the offered home on the day.</summary>
public sealed record OfferAcceptanceRequest(
    [property: Description("The day the household moves to the offered home and out of its temporary home; not before the offer, nor before it moved into its temporary home.")] DateOnly? MoveDate);

/// <summary>The household says no to an offer, as the letting system sends it.</summary>
public sealed record OfferDeclineRequest(
    [property: Description("Why the household said no (too far from the children's school, say). Optional; at most 500 characters.")] string? Reason);

/// <summary>
/// A correction of a registration on a waiting list (PUT), sent with If-Match: the registration's ETag as read; the
/// household stays the one it was made for.
/// </summary>
public sealed record RegistrationCorrectionRequest(
    [property: Description("The housing association.")] string? Association,
    [property: Description("The day the household was put on the waiting list; not after today.")] DateOnly? RegisteredOn,
    [property: Description("The household's number on the waiting list, if the association gives one; null or left out: none.")] string? WaitingListNumber) : IRegistrationForm;

/// <summary>
/// A correction of an offer of a permanent home (PUT), sent with If-Match: the offer's ETag as read. Every field as it
/// is to be (an optional one left out is removed); the household and the answer stay as they are.
/// </summary>
public sealed record OfferCorrectionRequest(
    [property: Description("The offered home's address.")] string? Address,
    [property: Description("The day the home was offered; not after today.")] DateOnly? OfferedOn,
    [property: Description("The last day the household can answer (svarfrist); not before the offer. Optional.")] DateOnly? AnswerBy,
    [property: Description("The home's rooms, 1 to 20. Optional.")] int? Rooms,
    [property: Description("The home's monthly rent in kroner, 0 or more. Optional.")] decimal? MonthlyRent) : IOfferForm;

public sealed record RegistrationDto(
    Guid Id,
    Guid HouseholdId,
    string Association,
    DateOnly RegisteredOn,
    string? WaitingListNumber,
    [property: Description("Changes with every correction. Sent in If-Match to correct the registration (PUT), quoted as the ETag of its reads has it: \"<version>\".")] Guid Version);

public sealed record OfferDto(
    Guid Id,
    Guid HouseholdId,
    string Address,
    DateOnly OfferedOn,
    DateOnly? AnswerBy,
    int? Rooms,
    [property: Description("Kroner a month.")] decimal? MonthlyRent,
    [property: Description("Pending, Accepted or Declined.")] OfferStatus Status,
    [property: Description("The agreed move day of an accepted offer.")] DateOnly? MoveDate,
    [property: Description("Pending and past its answer deadline today.")] bool AnswerOverdue,
    [property: Description("Why the household declined the offer, when it was told.")] string? DeclineReason,
    [property: Description("Changes with every correction and answer. Sent in If-Match to correct the offer (PUT), quoted as the ETag of its reads has it: \"<version>\".")] Guid Version);

/// <summary>A household on the way to a permanent home, or moved to one through an offer, as the pipeline page shows it.</summary>
public sealed record PipelineHouseholdDto(
    Guid HouseholdId,
    string Name,
    int Persons,
    [property: Description("Family members to join the household by family reunification: the permanent home is to have room for them too.")] int FamilyToJoin,
    [property: Description("On its way to a permanent home through the municipality; false: moved to the one it accepted.")] bool Underway,
    [property: Description("The temporary unit it lives in today, or null.")] Guid? TemporaryUnitId,
    [property: Description("Days it has lived in the municipality's temporary housing, all stays together.")] int DaysInTemporary,
    [property: Description("When Jobberiet's help to register on a waiting list is due, while it is still to do.")] DateOnly? RegistrationHelpDue,
    IReadOnlyList<RegistrationDto> Registrations,
    [property: Description("Newest first.")] IReadOnlyList<OfferDto> Offers);

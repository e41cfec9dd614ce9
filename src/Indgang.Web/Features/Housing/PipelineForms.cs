namespace Indgang.Web.Features.Housing;

/// <summary>
/// A page with an offer's fields, where an offer is made (the pipeline) and where it is corrected (<see cref="OfferEditModel"/>):
/// the fields drawn alike (<c>_OfferFields</c>) and checked alike (<see cref="PipelineFields.CheckOffer"/>).
/// </summary>
public interface IOfferForm
{
    string? Address { get; }
    DateOnly? OfferedOn { get; }
    DateOnly? AnswerBy { get; }
    int? Rooms { get; }
    decimal? MonthlyRent { get; }
}

/// <summary>
/// A page with a waiting-list registration's fields, where one is made (the pipeline) and where it is corrected
/// (<see cref="RegistrationEditModel"/>): drawn alike (<c>_RegistrationFields</c>) and checked alike
/// (<see cref="PipelineFields.CheckRegistration"/>).
/// </summary>
public interface IRegistrationForm
{
    string? Association { get; }
    DateOnly? RegisteredOn { get; }
    string? WaitingListNumber { get; }
}

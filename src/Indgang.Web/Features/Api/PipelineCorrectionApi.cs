using System.ComponentModel;
using Indgang.Domain.Housing;
using Indgang.Web.Audit;
using Indgang.Web.Data;
using Indgang.Web.Features.Housing;
using Indgang.Web.Platform;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Indgang.Web.Features.Api;

/// <summary>
/// A waiting-list registration or an offer typed wrong, corrected by the system that sent it (HOUSE-5, PLAT-7) as its page
/// corrects it (<see cref="RegistrationEditModel"/>, <see cref="OfferEditModel"/>): by <see cref="PipelineCorrections"/>,
/// saved and audited alike. Only over the version read: the request sends it in If-Match (<see cref="VersionTag"/>). In
/// this order: an unknown record is 404; no version sent 428; a record the page would not change either (a declined
/// offer, a household no longer on its way) 409 with why; another's change since it was read 412; a field the page
/// would refuse 400 under its JSON name (<see cref="PipelineFields"/>). Another's save at the very moment is 412 as
/// well (a declined offer 409, a removed record 404). Corrected, or with nothing to change, 200 with the record and its
/// version as ETag: a correction is audited as the change it made, one with nothing to change as a read of the record sent.
/// </summary>
internal static class PipelineCorrectionApi
{
    public const string RegistrationChanged = "Opskrivningen er lige blevet ændret af en anden. Læs opskrivningen igen.";
    public const string OfferChanged = "Tilbuddet er lige blevet ændret af en anden. Læs tilbuddet igen.";
    public const string RegistrationVersionMissing = "Send If-Match med opskrivningens ETag, som den blev læst, så rettelsen ikke gemmes oven i en andens.";
    public const string OfferVersionMissing = "Send If-Match med tilbuddets ETag, som det blev læst, så rettelsen ikke gemmes oven i en andens.";

    private const string IfMatchDescription = "The ETag of the read the correction is based on, \"<version>\". Required: without it 428.";

    private const string Concurrency =
        " Send If-Match with the ETag (the version) it was read with: none is 428, another's change since then 412 (read it again).";

    public static RouteGroupBuilder MapPipelineCorrectionApi(this RouteGroupBuilder pipeline)
    {
        pipeline.MapPut("/registrations/{id:guid}", CorrectRegistrationAsync).WithName("CorrectWaitingListRegistration")
            .WithSummary("Corrects a household's registration on a waiting list, as its page does, while the household is on its way." + Concurrency)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .ProducesProblem(StatusCodes.Status428PreconditionRequired);
        pipeline.MapPut("/offers/{id:guid}", CorrectOfferAsync).WithName("CorrectHousingOffer")
            .WithSummary("Corrects an offer of a permanent home, as its page does: one waiting for an answer, or accepted (the move's open tasks take a corrected address); a declined one is 409." + Concurrency)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .ProducesProblem(StatusCodes.Status428PreconditionRequired);
        return pipeline;
    }

    private static async Task<Results<Ok<RegistrationDto>, NotFound, ValidationProblem, ProblemHttpResult>> CorrectRegistrationAsync(
        Guid id, RegistrationCorrectionRequest request, [FromHeader(Name = "If-Match"), Description(IfMatchDescription)] string? ifMatch,
        HttpResponse response, IndgangDbContext db, PermanentHousingSteps steps, PipelineCorrections corrections, AuditLog audit, TimeProvider clock,
        IStringLocalizer<SharedResource> T, CancellationToken cancellationToken)
    {
        if (await db.HousingRegistrations.FirstOrDefaultAsync(r => r.Id == id, cancellationToken) is not { } registration)
        {
            return TypedResults.NotFound();
        }

        var match = VersionTag.Compare(ifMatch, registration.Version);
        if (match == IfMatch.Missing)
        {
            return VersionMissing(RegistrationVersionMissing, T);
        }

        if (await steps.NotOnTheWayAsync(registration.HouseholdId, cancellationToken) is { } notOnTheWay)
        {
            return Conflict("Opskrivningen kan ikke rettes", notOnTheWay, T);
        }

        if (match == IfMatch.Stale)
        {
            return ChangedByOther(RegistrationChanged, T);
        }

        var errors = new ModelStateDictionary();
        PipelineFields.CheckRegistration(errors, T, request.Association, request.RegisteredOn, request.WaitingListNumber, clock.Today());
        if (!errors.IsValid)
        {
            return PipelineApi.Refused(errors, "Rettelsen er ikke gemt.", "Ugyldig opskrivning", T);
        }

        switch (await corrections.CorrectAsync(registration, request, cancellationToken))
        {
            case CorrectionOutcome.ChangedByOther:
                return ChangedByOther(RegistrationChanged, T);
            case CorrectionOutcome.RemovedByOther:
                return TypedResults.NotFound();
            // Nothing to change: the record is sent as it is saved, a read as a GET is.
            case CorrectionOutcome.Unchanged:
                await PipelineApi.RegistrationReadAsync(audit, registration.HouseholdId, cancellationToken);
                break;
        }

        VersionTag.Tag(response, registration.Version);
        return TypedResults.Ok(PipelineApi.ToDto(registration));
    }

    private static async Task<Results<Ok<OfferDto>, NotFound, ValidationProblem, ProblemHttpResult>> CorrectOfferAsync(
        Guid id, OfferCorrectionRequest request, [FromHeader(Name = "If-Match"), Description(IfMatchDescription)] string? ifMatch,
        HttpResponse response, IndgangDbContext db, PipelineCorrections corrections, AuditLog audit, TimeProvider clock, IStringLocalizer<SharedResource> T,
        CancellationToken cancellationToken)
    {
        if (await db.HousingOffers.FirstOrDefaultAsync(o => o.Id == id, cancellationToken) is not { } offer)
        {
            return TypedResults.NotFound();
        }

        var match = VersionTag.Compare(ifMatch, offer.Version);
        if (match == IfMatch.Missing)
        {
            return VersionMissing(OfferVersionMissing, T);
        }

        if (await corrections.NotChangeableAsync(offer, cancellationToken) is { } notChangeable)
        {
            return NotCorrected(notChangeable, T);
        }

        if (match == IfMatch.Stale)
        {
            return ChangedByOther(OfferChanged, T);
        }

        var errors = new ModelStateDictionary();
        PipelineFields.CheckOffer(errors, T, request, clock.Today(), offer.MoveDate);
        if (!errors.IsValid)
        {
            return PipelineApi.Refused(errors, "Rettelsen er ikke gemt.", "Ugyldigt tilbud", T);
        }

        switch (await corrections.CorrectAsync(offer, request, cancellationToken))
        {
            // Declined at the very moment: history now, as the page says it.
            case CorrectionOutcome.ChangedByOther:
                return offer.Status == OfferStatus.Declined ? NotCorrected(OfferEditModel.Declined, T) : ChangedByOther(OfferChanged, T);
            case CorrectionOutcome.RemovedByOther:
                return TypedResults.NotFound();
            case CorrectionOutcome.Unchanged:
                await PipelineApi.OfferReadAsync(audit, offer.HouseholdId, cancellationToken);
                break;
        }

        VersionTag.Tag(response, offer.Version);
        return TypedResults.Ok(PipelineApi.ToDto(offer, clock.Today()));
    }

    /// <summary>The offer is not changed as things are: 409, with why (a declined one in the domain's words, without the page's pointer to the page).</summary>
    private static ProblemHttpResult NotCorrected(string why, IStringLocalizer T) =>
        Conflict("Tilbuddet kan ikke rettes", why == OfferEditModel.Declined ? HousingOffer.DeclinedNotCorrected : why, T);

    /// <summary>A problem of the record's state (409), said in the reader's language as the page says it.</summary>
    internal static ProblemHttpResult Conflict(string title, string why, IStringLocalizer T) =>
        TypedResults.Problem(detail: T[why], statusCode: StatusCodes.Status409Conflict, title: T[title]);

    private static ProblemHttpResult VersionMissing(string detail, IStringLocalizer T) =>
        TypedResults.Problem(detail: T[detail], statusCode: StatusCodes.Status428PreconditionRequired, title: T["Versionen mangler"]);

    /// <summary>Another's change since the client read the record (If-Match stale): 412, to read it again.</summary>
    internal static ProblemHttpResult ChangedByOther(string detail, IStringLocalizer T) =>
        TypedResults.Problem(detail: T[detail], statusCode: StatusCodes.Status412PreconditionFailed, title: T["Ændret af en anden"]);
}

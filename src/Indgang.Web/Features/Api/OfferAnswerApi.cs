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
/// The household's answer to an offer of a permanent home (HOUSE-5), as a housing association's letting system sends it:
/// accepted with a move day (the household moves out of its temporary home that day) or declined, with a reason if told.
/// The pipeline page's rules in its order (<see cref="PipelineModel"/>'s accept and decline): an offer answered already is
/// a conflict (409), but for the same answer sent again (accepted with the same move day, declined with the same reason:
/// a letting system's retry after its first answer was lost), answered 200 with the offer as it is and nothing taken
/// twice; a field typed wrong is refused under its JSON name (400, <see cref="PipelineFields"/>; a decline's reason too
/// long is refused so also when the offer is answered already), and the
/// answer is then taken by <see cref="PermanentHousingSteps"/>, saved and audited as on the page; what the steps refuse
/// of the household or of the offer is a conflict, what they refuse of the day sent is refused under the day. The offer
/// answered comes back with its new version as ETag. Sent with If-Match (the offer's ETag as read), an answer to an offer
/// corrected since (its address, rent or answer day) is refused, 412, as the page refuses it; without, it is taken as before.
/// </summary>
internal static class OfferAnswerApi
{
    /// <summary>
    /// The page's "answered or changed by another" (<see cref="PermanentHousingSteps.AnsweredByOther"/>) points to the
    /// status shown below it; a client has the offer to read again instead.
    /// </summary>
    public const string Answered = "Tilbuddet er allerede besvaret, eller det er lige blevet ændret af en anden. Læs tilbuddet igen for at se dets status.";

    private const string IfMatchDescription =
        "Optional: the ETag of the read the answer is based on, \"<version>\". An offer corrected by another since then is not answered (412).";

    private const string MoveDate = nameof(OfferAcceptanceRequest.MoveDate);
    private const string Reason = nameof(OfferDeclineRequest.Reason);

    public static RouteGroupBuilder MapOfferAnswerApi(this RouteGroupBuilder pipeline)
    {
        pipeline.MapPost("/offers/{id:guid}/acceptance", AcceptAsync).WithName("AcceptHousingOffer")
            .WithSummary("The household accepts an offer of a permanent home and moves there on the move date: out of its temporary home that day, as on the pipeline page.")
            .WithDescription("Safe to retry: the acceptance sent again with the same move date, once the offer is accepted, is answered 200 OK with the offer, taken once. An offer answered otherwise (declined, or accepted with another move date) is 409.")
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed);
        pipeline.MapPost("/offers/{id:guid}/decline", DeclineAsync).WithName("DeclineHousingOffer")
            .WithSummary("The household declines an offer of a permanent home, with its reason if it gave one.")
            .WithDescription("Safe to retry: the decline sent again with the same reason (or again none), once the offer is declined, is answered 200 OK with the offer, taken once. An offer answered otherwise (accepted, or declined with another reason) is 409.")
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed);
        return pipeline;
    }

    private static async Task<Results<Ok<OfferDto>, NotFound, ValidationProblem, ProblemHttpResult>> AcceptAsync(
        Guid id, OfferAcceptanceRequest request, [FromHeader(Name = "If-Match"), Description(IfMatchDescription)] string? ifMatch, HttpResponse response, IndgangDbContext db, PermanentHousingSteps steps, AuditLog audit, TimeProvider clock,
        IStringLocalizer<SharedResource> T, CancellationToken cancellationToken)
    {
        if (await db.HousingOffers.FirstOrDefaultAsync(o => o.Id == id, cancellationToken) is not { } offer)
        {
            return TypedResults.NotFound();
        }

        // Before the version: a retry sends the ETag it read before its first answer changed the offer.
        if (offer.Status == OfferStatus.Accepted && offer.MoveDate == request.MoveDate)
        {
            return await AnsweredBeforeAsync(offer, response, audit, clock, cancellationToken);
        }

        if (offer.Status != OfferStatus.Pending)
        {
            return Conflict(Answered, T);
        }

        // Corrected by another since the client read it: the household would answer a home it was not shown.
        if (VersionTag.Compare(ifMatch, offer.Version) == IfMatch.Stale)
        {
            return PipelineCorrectionApi.ChangedByOther(PipelineCorrectionApi.OfferChanged, T);
        }

        var errors = new ModelStateDictionary();
        if (!PipelineFields.CheckMoveDate(errors, MoveDate, request.MoveDate, offer, clock.Today()))
        {
            return PipelineApi.Refused(errors, "Accepten er ikke gemt.", "Ugyldig accept", T);
        }

        if (await steps.AcceptAsync(offer, request.MoveDate.Value, cancellationToken) is { Succeeded: false, Error: var refusal } refused)
        {
            // A move-out day before the move into the temporary home, or before a planned move into another of our units,
            // is the day sent, wrong; the rest is the state of the household or the offer, which another answer would not change.
            if (refused.AboutTheDay || refusal == HousingMoves.MoveOutBeforeMoveIn)
            {
                errors.AddModelError(MoveDate, refusal!);
                return PipelineApi.Refused(errors, "Accepten er ikke gemt.", "Ugyldig accept", T);
            }

            return Conflict(refusal!, T);
        }

        return OfferAnswered(offer, response, clock);
    }

    private static async Task<Results<Ok<OfferDto>, NotFound, ValidationProblem, ProblemHttpResult>> DeclineAsync(
        Guid id, OfferDeclineRequest request, [FromHeader(Name = "If-Match"), Description(IfMatchDescription)] string? ifMatch, HttpResponse response, IndgangDbContext db, PermanentHousingSteps steps, AuditLog audit, TimeProvider clock,
        IStringLocalizer<SharedResource> T, CancellationToken cancellationToken)
    {
        if (await db.HousingOffers.FirstOrDefaultAsync(o => o.Id == id, cancellationToken) is not { } offer)
        {
            return TypedResults.NotFound();
        }

        // The reason is refused for what it is, whatever the offer's state: a retry with one too long is as wrong as the first.
        var errors = new ModelStateDictionary();
        if (!PipelineFields.CheckDeclineReason(errors, T, Reason, request.Reason))
        {
            return PipelineApi.Refused(errors, "Afslaget er ikke gemt.", "Ugyldigt afslag", T);
        }

        // As an acceptance's: the reason as the offer keeps it (trimmed, none when blank).
        if (offer.Status == OfferStatus.Declined && string.Equals(offer.DeclineReason, HousingOffer.KeptReason(request.Reason), StringComparison.Ordinal))
        {
            return await AnsweredBeforeAsync(offer, response, audit, clock, cancellationToken);
        }

        if (offer.Status != OfferStatus.Pending)
        {
            return Conflict(Answered, T);
        }

        // Corrected by another since the client read it: the household would answer a home it was not shown.
        if (VersionTag.Compare(ifMatch, offer.Version) == IfMatch.Stale)
        {
            return PipelineCorrectionApi.ChangedByOther(PipelineCorrectionApi.OfferChanged, T);
        }

        if (await steps.DeclineAsync(offer, request.Reason, cancellationToken) is { Succeeded: false, Error: var refusal })
        {
            return Conflict(refusal!, T);
        }

        return OfferAnswered(offer, response, clock);
    }

    /// <summary>
    /// Sent again (its first answer lost on the way): the offer as answered, read and so audited, as a registration or
    /// offer sent again with its key; the answer is not taken a second time (no second move, tasks or audited answer).
    /// </summary>
    private static async Task<Ok<OfferDto>> AnsweredBeforeAsync(HousingOffer offer, HttpResponse response, AuditLog audit, TimeProvider clock, CancellationToken cancellationToken)
    {
        await PipelineApi.OfferReadAsync(audit, offer.HouseholdId, cancellationToken);
        return OfferAnswered(offer, response, clock);
    }

    /// <summary>The offer as answered, with its version as ETag.</summary>
    private static Ok<OfferDto> OfferAnswered(HousingOffer offer, HttpResponse response, TimeProvider clock)
    {
        VersionTag.Tag(response, offer.Version);
        return TypedResults.Ok(PipelineApi.ToDto(offer, clock.Today()));
    }

    /// <summary>The answer cannot be taken as things are: 409, with why (the page's words, but for its pointer to the page).</summary>
    private static ProblemHttpResult Conflict(string why, IStringLocalizer T) =>
        PipelineCorrectionApi.Conflict("Tilbuddet kan ikke besvares", why == PermanentHousingSteps.AnsweredByOther ? Answered : why, T);
}

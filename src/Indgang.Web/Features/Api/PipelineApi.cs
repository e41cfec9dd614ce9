using System.ComponentModel;
using Indgang.Domain.Audit;
using Indgang.Domain.Housing;
using Indgang.Web.Audit;
using Indgang.Web.Data;
using Indgang.Web.Features.Dashboard;
using Indgang.Web.Features.Housing;
using Indgang.Web.Identity;
using Indgang.Web.Platform;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Indgang.Web.Features.Api;

/// <summary>
/// The way to a permanent home (HOUSE-5) for the systems that integrate, such as a housing association's letting system:
/// a household's registration on a waiting list and an offer of a home, checked as the pipeline page checks them (each
/// refusal under its field's name), taken by the same steps (saved and audited alike), and each read back with its
/// version as ETag; an offer's answer (<see cref="OfferAnswerApi"/>); either corrected (<see cref="PipelineCorrectionApi"/>);
/// and the pipeline itself, read as the page reads it (<see cref="PipelineQuery"/>). Every read of a household's housing
/// is audited.
/// </summary>
internal static class PipelineApi
{
    public static RouteGroupBuilder MapPipelineApi(this RouteGroupBuilder api)
    {
        var pipeline = api.MapGroup("/housing").RequireAuthorization(Policies.Housing).WithTags("Permanent housing");
        pipeline.MapGet("/pipeline", GetPipelineAsync).WithName("GetPermanentHousingPipeline").WithPaging()
            .WithSummary("The households on their way to a permanent home, then those moved to one through an offer in the last year (all with all=true), as the pipeline page shows them, a page at a time.");
        pipeline.MapPost("/registrations", RegisterAsync).WithName("RegisterOnWaitingList")
            .WithSummary("Records a household's registration on a housing association's waiting list.")
            .WithDescription("Send an Idempotency-Key (a UUID) to retry safely: the registration is recorded once, and the retry is answered 200 OK with it (also once the household has left the pipeline); the key sent with another household, association or date is 422.")
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        pipeline.MapGet("/registrations/{id:guid}", GetRegistrationAsync).WithName("GetWaitingListRegistration")
            .WithSummary("A household's registration on a housing association's waiting list, with its version as ETag.");
        pipeline.MapPost("/offers", OfferAsync).WithName("RecordHousingOffer")
            .WithSummary("Records an offer of a permanent home to a household.")
            .WithDescription("Send an Idempotency-Key (a UUID) to retry safely: the offer is recorded once, and the retry is answered 200 OK with it (also once the household has left the pipeline); the key sent with another household, address or date is 422.")
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        pipeline.MapGet("/offers/{id:guid}", GetOfferAsync).WithName("GetHousingOffer")
            .WithSummary("An offer of a permanent home, with its answer, and its version as ETag.");
        pipeline.MapOfferAnswerApi();
        pipeline.MapPipelineCorrectionApi();
        return pipeline;
    }

    /// <summary>
    /// The pipeline's households in the page's order (those underway by name, then those moved on by name; then by id), a
    /// page of them counted and cut in the database (the moves of every year gather with all=true; searched by name with
    /// search, as the page is), and only the page's housing read and audited.
    /// </summary>
    private static async Task<Results<PagedOk<PipelineHouseholdDto>, ValidationProblem>> GetPipelineAsync(
        [Description("true: also the households that moved to a permanent home more than a year ago.")] string? all,
        [Description("Part of a household's name or of a member's name, in any case, as the page searches; never a CPR number (400).")] string? search,
        [Description(ApiPage.PageDescription)] string? page,
        [Description(ApiPage.SizeDescription)] string? pageSize,
        IndgangDbContext db, PipelineQuery query, TimeProvider clock, IStringLocalizer<SharedResource> T, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var everyYear = ApiFlag.Read(all, "all", errors, T);
        if (HouseholdSearch.HoldsCpr(search))
        {
            // Refused, not searched: a CPR number has no place in an address (logs), and the page refuses it alike.
            errors["search"] = [T["Søg på navn, ikke på CPR-nummer."].Value];
        }

        if (ApiPage.Read(page, pageSize, errors, T) is not { } asked || errors.Count > 0)
        {
            return errors.Keys.All(ApiPage.IsParameter)
                ? ApiPage.Refused(errors, T)
                : TypedResults.ValidationProblem(errors, detail: T["Søgningen kan ikke bruges: ret de nævnte parametre."], title: T["Ugyldig søgning"]);
        }

        var today = clock.Today();
        var (households, total) = await asked.TakeAsync(PipelineHouseholds.Shown(db, today, everyYear, HouseholdSearch.Read(search, null)), cancellationToken);
        var rows = await query.ReadHousingAsync(households, today, AuditPurpose.ApiPipeline, cancellationToken);
        return new PagedOk<PipelineHouseholdDto>(rows.ConvertAll(r => new PipelineHouseholdDto(
            r.HouseholdId, r.Name, r.Persons, r.FamilyToJoin, r.IsUnderway(today), r.Temporary?.UnitId, r.DaysInTemporary, r.RegistrationHelpDue,
            r.Registrations.Select(ToDto).ToList(), r.Offers.Select(o => ToDto(o, today)).ToList())), asked, total);
    }

    private static async Task<Results<Created<RegistrationDto>, Ok<RegistrationDto>, ValidationProblem, ProblemHttpResult>> RegisterAsync(
        RegistrationRequest request, [FromHeader(Name = IdempotencyKey.Header), Description(IdempotencyKey.Description)] string? idempotencyKey,
        HttpResponse response, PermanentHousingSteps steps, AuditLog audit, TimeProvider clock, IStringLocalizer<SharedResource> T, CancellationToken cancellationToken)
    {
        if (!IdempotencyKey.TryRead(idempotencyKey, out var key))
        {
            return IdempotencyKey.Refused(T, "Opskrivningen er ikke gemt.", "Ugyldig opskrivning");
        }

        // Before the checks: a retry is answered as promised also when the household has left the pipeline since.
        if (await steps.RegistrationSentWithAsync(key, cancellationToken) is { } sent)
        {
            return PermanentHousingSteps.IsSameRegistration(sent, request.HouseholdId, request.Association, request.RegisteredOn)
                ? await RegisteredBeforeAsync(sent, response, audit, cancellationToken)
                : IdempotencyKey.RefusedForAnother(T, "Ugyldig opskrivning");
        }

        var errors = new ModelStateDictionary();
        await RequireHouseholdAsync(errors, request.HouseholdId, steps, cancellationToken);
        PipelineFields.CheckRegistration(errors, T, request.Association, request.RegisteredOn, request.WaitingListNumber, clock.Today());
        if (!errors.IsValid)
        {
            return Refused(errors, "Opskrivningen er ikke gemt.", "Ugyldig opskrivning", T);
        }

        var saved = await steps.RegisterOnceAsync(key, request.HouseholdId!.Value, request.Association!, request.RegisteredOn!.Value, request.WaitingListNumber, cancellationToken);
        if (saved.ForAnother)
        {
            // Saved at the same moment with the same key by another request.
            return IdempotencyKey.RefusedForAnother(T, "Ugyldig opskrivning");
        }

        if (saved.Before)
        {
            return await RegisteredBeforeAsync(saved.Saved, response, audit, cancellationToken);
        }

        VersionTag.Tag(response, saved.Saved.Version);
        return TypedResults.Created($"/api/v1/housing/registrations/{saved.Saved.Id}", ToDto(saved.Saved));
    }

    /// <summary>Sent again with its key: the registration recorded first, read (and so audited), not a second one.</summary>
    private static async Task<Ok<RegistrationDto>> RegisteredBeforeAsync(HousingRegistration registration, HttpResponse response, AuditLog audit, CancellationToken cancellationToken)
    {
        await RegistrationReadAsync(audit, registration.HouseholdId, cancellationToken);
        VersionTag.Tag(response, registration.Version);
        response.Headers.Location = $"/api/v1/housing/registrations/{registration.Id}";
        return TypedResults.Ok(ToDto(registration));
    }

    private static async Task<Results<Ok<RegistrationDto>, NotFound>> GetRegistrationAsync(
        Guid id, HttpResponse response, IndgangDbContext db, AuditLog audit, CancellationToken cancellationToken)
    {
        if (await db.HousingRegistrations.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, cancellationToken) is not { } registration)
        {
            return TypedResults.NotFound();
        }

        await RegistrationReadAsync(audit, registration.HouseholdId, cancellationToken);
        VersionTag.Tag(response, registration.Version);
        return TypedResults.Ok(ToDto(registration));
    }

    private static async Task<Results<Created<OfferDto>, Ok<OfferDto>, ValidationProblem, ProblemHttpResult>> OfferAsync(
        OfferRequest request, [FromHeader(Name = IdempotencyKey.Header), Description(IdempotencyKey.Description)] string? idempotencyKey,
        HttpResponse response, PermanentHousingSteps steps, AuditLog audit, TimeProvider clock, IStringLocalizer<SharedResource> T, CancellationToken cancellationToken)
    {
        if (!IdempotencyKey.TryRead(idempotencyKey, out var key))
        {
            return IdempotencyKey.Refused(T, "Tilbuddet er ikke gemt.", "Ugyldigt tilbud");
        }

        // Before the checks, as a registration's.
        if (await steps.OfferSentWithAsync(key, cancellationToken) is { } sent)
        {
            return PermanentHousingSteps.IsSameOffer(sent, request.HouseholdId, request.Address, request.OfferedOn)
                ? await OfferedBeforeAsync(sent, response, audit, clock, cancellationToken)
                : IdempotencyKey.RefusedForAnother(T, "Ugyldigt tilbud");
        }

        var errors = new ModelStateDictionary();
        await RequireHouseholdAsync(errors, request.HouseholdId, steps, cancellationToken);
        PipelineFields.CheckOffer(errors, T, new PipelineFields.OfferFields(request.Address, request.OfferedOn, request.AnswerBy, request.Rooms, request.MonthlyRent), clock.Today());
        if (!errors.IsValid)
        {
            return Refused(errors, "Tilbuddet er ikke gemt.", "Ugyldigt tilbud", T);
        }

        var saved = await steps.OfferOnceAsync(key, request.HouseholdId!.Value, request.Address!, request.OfferedOn!.Value, request.AnswerBy, request.Rooms, request.MonthlyRent, cancellationToken);
        if (saved.ForAnother)
        {
            // Saved at the same moment with the same key by another request.
            return IdempotencyKey.RefusedForAnother(T, "Ugyldigt tilbud");
        }

        if (saved.Before)
        {
            return await OfferedBeforeAsync(saved.Saved, response, audit, clock, cancellationToken);
        }

        VersionTag.Tag(response, saved.Saved.Version);
        return TypedResults.Created($"/api/v1/housing/offers/{saved.Saved.Id}", ToDto(saved.Saved, clock.Today()));
    }

    /// <summary>Sent again with its key: the offer recorded first (as it is now, answered perhaps), read and so audited.</summary>
    private static async Task<Ok<OfferDto>> OfferedBeforeAsync(HousingOffer offer, HttpResponse response, AuditLog audit, TimeProvider clock, CancellationToken cancellationToken)
    {
        await OfferReadAsync(audit, offer.HouseholdId, cancellationToken);
        VersionTag.Tag(response, offer.Version);
        response.Headers.Location = $"/api/v1/housing/offers/{offer.Id}";
        return TypedResults.Ok(ToDto(offer, clock.Today()));
    }

    private static async Task<Results<Ok<OfferDto>, NotFound>> GetOfferAsync(
        Guid id, HttpResponse response, IndgangDbContext db, AuditLog audit, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (await db.HousingOffers.AsNoTracking().FirstOrDefaultAsync(o => o.Id == id, cancellationToken) is not { } offer)
        {
            return TypedResults.NotFound();
        }

        await OfferReadAsync(audit, offer.HouseholdId, cancellationToken);
        VersionTag.Tag(response, offer.Version);
        return TypedResults.Ok(ToDto(offer, clock.Today()));
    }

    /// <summary>A registration of <paramref name="household"/> sent to the client: read, and so recorded.</summary>
    public static Task RegistrationReadAsync(AuditLog audit, Guid household, CancellationToken cancellationToken) =>
        audit.RecordAsync(AuditAction.HouseholdRead, null, AuditPurpose.ApiRegistration, AuditLog.Household(household), cancellationToken);

    /// <summary>An offer to <paramref name="household"/> sent to the client: read, and so recorded.</summary>
    public static Task OfferReadAsync(AuditLog audit, Guid household, CancellationToken cancellationToken) =>
        audit.RecordAsync(AuditAction.HouseholdRead, null, AuditPurpose.ApiOffer, AuditLog.Household(household), cancellationToken);

    /// <summary>The household is one that exists and is on its way to a permanent home through us, as the page requires.</summary>
    private static async Task RequireHouseholdAsync(ModelStateDictionary errors, Guid? household, PermanentHousingSteps steps, CancellationToken cancellationToken)
    {
        if (await steps.RefusedHouseholdAsync(household, "Husstanden findes ikke.", cancellationToken) is { } refused)
        {
            errors.AddModelError(nameof(OfferRequest.HouseholdId), refused);
        }
    }

    /// <summary>
    /// Each refusal under its field's name as the JSON has it ("answerBy"), in the user's language as on the pages: the
    /// Danish text is the localizer's key (a message already put in the user's language is none, and stays as it is).
    /// </summary>
    internal static ValidationProblem Refused(ModelStateDictionary errors, string detail, string title, IStringLocalizer<SharedResource> texts) =>
        TypedResults.ValidationProblem(
            errors.Where(e => e.Value is { Errors.Count: > 0 }).ToDictionary(
                e => JsonFieldName.Of(e.Key),
                e => e.Value!.Errors.Select(x => texts[x.ErrorMessage].Value).ToArray(),
                StringComparer.Ordinal),
            detail: texts[detail].Value, title: texts[title].Value);

    internal static RegistrationDto ToDto(HousingRegistration registration) => new(
        registration.Id, registration.HouseholdId, registration.Association, registration.RegisteredOn, registration.WaitingListNumber, registration.Version);

    internal static OfferDto ToDto(HousingOffer offer, DateOnly today) => new(
        offer.Id, offer.HouseholdId, offer.Address, offer.OfferedOn, offer.AnswerBy, offer.Rooms, offer.MonthlyRent, offer.Status, offer.MoveDate,
        offer.IsAnswerOverdue(today), offer.DeclineReason, offer.Version);
}

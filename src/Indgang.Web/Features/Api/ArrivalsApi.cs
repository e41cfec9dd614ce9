using System.ComponentModel;
using System.Security.Claims;
using Indgang.Web.Audit;
using Indgang.Web.Features.People;
using Indgang.Web.Features.Reception;
using Indgang.Web.Identity;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Indgang.Web.Features.Api;

public sealed record ArrivalMemberDto(Guid Id, string FirstName, string LastName, DateOnly BirthDate, DateOnly? Day0, bool Day0IsEstimate);

/// <summary>
/// A household as the API returns it; <c>LivesWithReferencePerson</c>: no home from the municipality (§ 12);
/// <c>FamilyToJoin</c>: family members who have applied to join it by family reunification.
/// </summary>
public sealed record HouseholdDto(Guid Id, string Name, DateOnly? ExpectedArrival, IReadOnlyList<ArrivalMemberDto> Members, bool LivesWithReferencePerson, int FamilyToJoin);

/// <summary>Import of Udlændingestyrelsen's notices (REC-1): POST /api/v1/arrivals, and the household it created.</summary>
internal static class ArrivalsApi
{
    private const string NullMember = "Angiv medlemmets oplysninger.";
    private const string KeyUsed = "Nøglen er allerede brugt til en husstand, du ikke har adgang til.";

    public static RouteGroupBuilder MapArrivalsApi(this RouteGroupBuilder api)
    {
        api.MapPost("/arrivals", RegisterAsync).RequireAuthorization(Policies.Coordination).WithTags("Arrivals").WithName("RegisterArrival")
            .WithDescription("Send an Idempotency-Key (a UUID) to retry safely: the household is created once, and the retry is answered 200 OK with it; the key sent with other members is 422.")
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        api.MapGet("/households/{id:guid}", GetAsync).RequireAuthorization(Policies.PersonData).WithTags("Households").WithName("GetHousehold");
        return api;
    }

    private static async Task<Results<Created<HouseholdDto>, Ok<HouseholdDto>, ValidationProblem, ProblemHttpResult>> RegisterAsync(
        ArrivalRequest request, [FromHeader(Name = IdempotencyKey.Header), Description(IdempotencyKey.Description)] string? idempotencyKey,
        HttpContext context, ArrivalRegistration registration, PersonDirectory directory, IStringLocalizer<SharedResource> T, CancellationToken cancellationToken)
    {
        if (!IdempotencyKey.TryRead(idempotencyKey, out var key))
        {
            return IdempotencyKey.Refused(T, "Ankomsten er ikke gemt.", "Ugyldig ankomst");
        }

        // JSON may say null where the form cannot: a member that is null is a field error, not a crash further in.
        var members = request.Members ?? [];
        var nulls = Enumerable.Range(0, members.Count).Where(i => members[i] is null).ToList();
        if (nulls.Count > 0)
        {
            return TypedResults.ValidationProblem(
                nulls.ToDictionary(i => $"members[{i}]", _ => (string[])[T[NullMember].Value], StringComparer.Ordinal),
                detail: T["Ankomsten er ikke gemt."].Value, title: T["Ugyldig ankomst"].Value);
        }

        var result = await registration.RegisterAsync(request with { Members = members }, context.User.FindFirstValue(ClaimTypes.NameIdentifier)!, key, cancellationToken);
        if (result.KeyUsedForAnother)
        {
            return IdempotencyKey.RefusedForAnother(T, "Ugyldig ankomst");
        }

        if (result.RegisteredBefore is { } before)
        {
            // Sent again with its key: the household created first, read (and so audited), not a second one.
            if (await directory.ReadHouseholdAsync(context.User, before, AuditPurpose.ApiArrivalSentAgain, cancellationToken) is not { Household: { } earlier })
            {
                return TypedResults.ValidationProblem(
                    new Dictionary<string, string[]>(StringComparer.Ordinal) { [IdempotencyKey.Header] = [T[KeyUsed].Value] },
                    detail: T["Ankomsten er ikke gemt."].Value, title: T["Ugyldig ankomst"].Value);
            }

            context.Response.Headers.Location = $"/api/v1/households/{earlier.Id}";
            return TypedResults.Ok(ToDto(earlier));
        }

        if (!result.Succeeded)
        {
            // In the user's language as on the pages: the Danish text is the localizer's key. A possible duplicate is told
            // how to confirm it here, not the form's checkbox.
            var errors = result.PossibleDuplicates.Count > 0
                ? result.PossibleDuplicates.ToDictionary(d => JsonFieldName.Of($"Members[{d.Index}].FirstName"), d => new[] { T[ArrivalRegistration.PossibleDuplicateViaApi, d.Existing].Value }, StringComparer.Ordinal)
                : result.Errors.ToDictionary(e => JsonFieldName.Of(e.Key), e => e.Value.Select(message => T[message].Value).ToArray(), StringComparer.Ordinal);
            return TypedResults.ValidationProblem(
                errors,
                detail: result.HasPossibleDuplicates ? T["Mulige dubletter: send igen med confirmPossibleDuplicates = true, hvis det er andre personer."].Value : T["Ankomsten er ikke gemt."].Value,
                title: T["Ugyldig ankomst"].Value);
        }

        var household = result.Household!;
        return TypedResults.Created($"/api/v1/households/{household.Id}", ToDto(household));
    }

    private static async Task<Results<Ok<HouseholdDto>, NotFound, ForbidHttpResult>> GetAsync(Guid id, HttpContext context, PersonDirectory directory, CancellationToken cancellationToken)
    {
        var read = await directory.ReadHouseholdAsync(context.User, id, AuditPurpose.ApiHousehold, cancellationToken);
        return read.Outcome switch
        {
            PersonLookup.NotFound => TypedResults.NotFound(),
            PersonLookup.Forbidden => TypedResults.Forbid(),
            _ => TypedResults.Ok(ToDto(read.Household!)),
        };
    }

    private static HouseholdDto ToDto(Domain.People.Household household) => new(
        household.Id,
        household.Name,
        household.ExpectedArrival,
        household.Members.Select(m =>
        {
            var day0 = CaseDay0.Compute(m, household);
            return new ArrivalMemberDto(m.Id, m.FirstName, m.LastName, m.BirthDate, day0?.Date, day0?.IsEstimate ?? false);
        }).ToList(),
        household.LivesWithReferencePerson,
        household.FamilyToJoin);
}

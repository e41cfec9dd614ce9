using Indgang.Web.Audit;
using Indgang.Web.Features.People;
using Indgang.Web.Identity;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Indgang.Web.Features.Api;

public sealed record PersonDto(Guid Id, string FirstName, string LastName, DateOnly BirthDate, string Gender, string? CprMasked, string? Nationality, Guid? HouseholdId);

internal static class PeopleApi
{
    public static RouteGroupBuilder MapPeopleApi(this RouteGroupBuilder api)
    {
        var people = api.MapGroup("/people").RequireAuthorization(Policies.PersonData).WithTags("People");
        people.MapGet("/{id:guid}", GetPersonAsync).WithName("GetPerson");
        return people;
    }

    private static async Task<Results<Ok<PersonDto>, NotFound, ForbidHttpResult>> GetPersonAsync(
        Guid id, HttpContext context, PersonDirectory directory, CancellationToken cancellationToken)
    {
        var read = await directory.ReadAsync(context.User, id, AuditPurpose.ApiPerson, cancellationToken);
        return read.Outcome switch
        {
            PersonLookup.NotFound => TypedResults.NotFound(),
            PersonLookup.Forbidden => TypedResults.Forbid(),
            _ => TypedResults.Ok(new PersonDto(
                read.Person!.Id,
                read.Person.FirstName,
                read.Person.LastName,
                read.Person.BirthDate,
                read.Person.Gender.ToString(),
                read.Person.Cpr?.Masked,
                read.Person.Nationality,
                read.Person.HouseholdId)),
        };
    }
}

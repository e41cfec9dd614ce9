using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.Extensions.Localization;

namespace Indgang.Web.Features.Api;

/// <summary>
/// A request the API cannot read — a body that is not JSON, or none; a value of the wrong type (a day that is no day, "3"
/// for a number, a number too large); a field the request has not (a misspelling); a body not sent as JSON — refused as
/// problem details (RFC 9457) in the reader's language, with the field named where the JSON says which (as the API's own
/// checks name it) and what is wrong with it (<see cref="UnreadableField"/>). Minimal APIs throw these
/// (<see cref="RouteHandlerOptions.ThrowOnBadRequest"/>, set in every environment so that each answers alike): before,
/// the exception handler made them a 500 in Development, and elsewhere the framework answered a bare English 400.
/// </summary>
internal sealed class ApiBadRequests(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        // The pages' requests have their own error page; this answers the API's clients.
        if (exception is not BadHttpRequestException bad || !Platform.IndgangApp.IsApi(httpContext.Request))
        {
            return false;
        }

        ApiProblemTitles.UseReadersCulture(httpContext);

        var T = httpContext.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();
        // The handler runs with the endpoint cleared; the feature keeps the one that threw.
        var requestType = httpContext.Features.Get<IExceptionHandlerFeature>()?.Endpoint?.Metadata.GetMetadata<Microsoft.AspNetCore.Http.Metadata.IAcceptsMetadata>()?.RequestType;
        var json = httpContext.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>>().Value.SerializerOptions;
        var problem = Problem(httpContext, bad, T, requestType, json);
        httpContext.Response.StatusCode = bad.StatusCode;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem, Exception = exception });
    }

    private static HttpValidationProblemDetails Problem(HttpContext httpContext, BadHttpRequestException bad, IStringLocalizer T, Type? requestType, JsonSerializerOptions json)
    {
        var problem = new HttpValidationProblemDetails { Status = bad.StatusCode, Title = T["Forespørgslen kan ikke læses"] };
        if (bad.StatusCode == StatusCodes.Status415UnsupportedMediaType)
        {
            problem.Detail = T[ApiProblemTitles.SendAsJson];
        }
        else if (bad.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            problem.Title = T["Indholdet er for stort"];
            problem.Detail = ApiProblemTitles.TooLargeDetail(httpContext, T);
        }
        else if (FieldOf(bad) is { } field)
        {
            problem.Detail = T["Indholdet kan ikke læses: ret de nævnte felter."];
            problem.Errors[field] = [UnreadableField.Message(requestType, field, json, T)];
        }
        else
        {
            problem.Detail = T["Indholdet skal være et JSON-objekt med de felter, API-beskrivelsen nævner."];
        }

        return problem;
    }

    /// <summary>The field whose value could not be read, as the JSON names it ("$.members[0].birthDate" → "members[0].birthDate"); null for the body as a whole.</summary>
    private static string? FieldOf(Exception exception)
    {
        for (var inner = exception.InnerException; inner is not null; inner = inner.InnerException)
        {
            if (inner is JsonException { Path: { Length: > 2 } path } && path.StartsWith("$.", StringComparison.Ordinal))
            {
                return path[2..];
            }
        }

        return null;
    }
}

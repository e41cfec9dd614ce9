using System.Globalization;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Localization;

namespace Indgang.Web.Features.Api;

/// <summary>
/// The problem details the framework writes for a bare status (an unknown id's 404, 401 and 403, a body not sent as JSON,
/// an error) titled in the reader's language instead of the English reason phrase ("Not Found"); a problem the API
/// words itself keeps its words.
/// </summary>
internal static class ApiProblemTitles
{
    /// <summary>What a body not sent as JSON is told, by the framework's 415 and by <see cref="ApiBadRequests"/>.</summary>
    public const string SendAsJson = "Send indholdet som JSON (Content-Type: application/json).";

    /// <summary>The framework's title for a 500 (others have the status's reason phrase).</summary>
    private const string ServerErrorDefault = "An error occurred while processing your request.";

    /// <summary>The framework's title for a 413 (RFC 9110's name), where the reason phrase is still "Payload Too Large".</summary>
    private const string TooLargeDefault = "Content Too Large";

    public static void Localize(ProblemDetailsContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var problem = context.ProblemDetails;
        if (problem.Status is not { } status || !IsDefaultTitle(problem.Title, status) || Danish(status) is not { } texts)
        {
            return;
        }

        UseReadersCulture(context.HttpContext);
        var T = context.HttpContext.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();
        problem.Title = T[texts.Title];
        if (texts.Detail is not null && problem.Detail is null)
        {
            problem.Detail = T[texts.Detail];
        }

        if (status == StatusCodes.Status413PayloadTooLarge && problem.Detail is null)
        {
            problem.Detail = TooLargeDetail(context.HttpContext, T);
        }
    }

    /// <summary>What a body over the limit is told (<see cref="Platform.RequestBodyLimit"/>), with the limit.</summary>
    public static string? TooLargeDetail(HttpContext httpContext, IStringLocalizer T) =>
        Platform.RequestBodyLimit.Of(httpContext) is { } limit ? T[Platform.RequestBodyLimit.Said, limit].Value : null;

    /// <summary>
    /// The culture the request localization chose for this request, again: a problem written on the way out (status code
    /// pages, the exception handler) is outside that middleware's scope.
    /// </summary>
    public static void UseReadersCulture(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        if (httpContext.Features.Get<IRequestCultureFeature>()?.RequestCulture is { } chosen)
        {
            CultureInfo.CurrentCulture = chosen.Culture;
            CultureInfo.CurrentUICulture = chosen.UICulture;
        }
    }

    private static bool IsDefaultTitle(string? title, int status) =>
        title is null || title == ReasonPhrases.GetReasonPhrase(status)
        || (status == StatusCodes.Status500InternalServerError && title == ServerErrorDefault)
        || (status == StatusCodes.Status413PayloadTooLarge && title == TooLargeDefault);

    private static (string Title, string? Detail)? Danish(int status) => status switch
    {
        StatusCodes.Status400BadRequest => ("Ugyldig forespørgsel", null),
        StatusCodes.Status401Unauthorized => ("Ikke logget ind", null),
        StatusCodes.Status403Forbidden => ("Ingen adgang", null),
        StatusCodes.Status404NotFound => ("Findes ikke", null),
        StatusCodes.Status405MethodNotAllowed => ("Metoden er ikke tilladt her", null),
        StatusCodes.Status409Conflict => ("Konflikt", null),
        StatusCodes.Status413PayloadTooLarge => ("Indholdet er for stort", null),
        StatusCodes.Status415UnsupportedMediaType => ("Indholdet er ikke JSON", SendAsJson),
        StatusCodes.Status429TooManyRequests => ("For mange forespørgsler", "Vent lidt, og prøv igen."),
        StatusCodes.Status500InternalServerError => ("Der opstod en fejl", "Prøv igen. Sker det igen, så kontakt IT-driften."),
        StatusCodes.Status503ServiceUnavailable => ("Tjenesten er ikke tilgængelig lige nu", "Prøv igen om lidt."),
        _ => null,
    };
}

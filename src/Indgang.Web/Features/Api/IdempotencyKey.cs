using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;

namespace Indgang.Web.Features.Api;

/// <summary>
/// The optional <c>Idempotency-Key</c> header a POST that creates a record may be sent with (as the IETF draft
/// "The Idempotency-Key HTTP Header Field" describes it): a UUID the client makes for the one record it means to create,
/// and sends again when it retries. The record is created once; the request sent again with the same key is answered
/// 200 OK with the record created first and its Location, not 201 with a second one. Stored on the record as its
/// submission token, unique, so that two requests sent at the same moment create one too. Sent again with another
/// request (another household, other members), the key is refused 422.
/// </summary>
internal static class IdempotencyKey
{
    public const string Header = "Idempotency-Key";

    public const string Description =
        "Optional: a UUID made by the client for this one record and sent again when it retries. The record is created once: "
        + "sent again with the same key, the request is answered 200 OK with the record created first (and its Location), not 201 with a second one. "
        + "Sent again with the same key and another body, the request is refused 422 (the key was used for another request); a key that is not a UUID is 400.";

    public const string UsedForAnother = "Idempotency-Key er allerede brugt til en anden anmodning. Send denne med en ny nøgle.";

    public const string NotAUuid = "Idempotency-Key skal være et UUID.";

    /// <summary>The key sent, or null when none was; false when one was sent that is not a UUID.</summary>
    public static bool TryRead(string? header, out Guid? key)
    {
        key = null;
        if (string.IsNullOrWhiteSpace(header))
        {
            return true;
        }

        if (!Guid.TryParse(header.Trim(), out var parsed))
        {
            return false;
        }

        key = parsed;
        return true;
    }

    /// <summary>
    /// The key sent again with another request than the one it was first sent with (the IETF draft's 422): nothing is saved,
    /// and the record the key created is not given to a request that did not ask for it.
    /// </summary>
    public static ProblemHttpResult RefusedForAnother(IStringLocalizer<SharedResource> texts, string title) =>
        TypedResults.Problem(detail: texts[UsedForAnother].Value, statusCode: StatusCodes.Status422UnprocessableEntity, title: texts[title].Value);

    /// <summary>A key that is not a UUID: 400, under the header's name, with the request's own detail and title.</summary>
    public static ValidationProblem Refused(IStringLocalizer<SharedResource> texts, string detail, string title) =>
        TypedResults.ValidationProblem(
            new Dictionary<string, string[]>(StringComparer.Ordinal) { [Header] = [texts[NotAUuid].Value] },
            detail: texts[detail].Value, title: texts[title].Value);
}

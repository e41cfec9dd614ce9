namespace Indgang.Web.Platform;

/// <summary>
/// A NUL (U+0000) pasted into a form's field reaches the server as <c>%00</c>, which ASP.NET Core's form reader refuses
/// to decode (»The form value contains invalid characters.«): the whole form could not be read, so the antiforgery check,
/// the first to read it, failed, and the user got the 400 page (»Siden var for gammel«) with everything typed lost. Read
/// as U+0001 instead — a control character refused as well (<see cref="ControlCharacterValidatorProvider"/>) — the form
/// is read, and the field says <see cref="ControlCharacters.Refused"/> beside it with the rest of what was typed kept.
/// A NUL only ever comes as <c>%00</c> in such a body: a typed »%« is sent as <c>%25</c>.
/// </summary>
internal static class NulInForms
{
    public static IApplicationBuilder UseNulInFormsAsControlCharacter(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var request = context.Request;
        if (request.ContentType?.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase) == true)
        {
            var body = new MemoryStream();
            context.Response.RegisterForDispose(body);
            await request.Body.CopyToAsync(body, context.RequestAborted);
            ReplaceNul(body.GetBuffer().AsSpan(0, (int)body.Length));
            body.Position = 0;
            request.Body = body;
        }

        await next(context);
    });

    /// <summary>Each <c>%00</c> becomes <c>%01</c>, in one pass: the search goes on after the one replaced.</summary>
    internal static void ReplaceNul(Span<byte> form)
    {
        for (var rest = form; rest.IndexOf("%00"u8) is var i and >= 0; rest = rest[(i + 3)..])
        {
            rest[i + 2] = (byte)'1';
        }
    }
}

using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;

namespace Indgang.Web.Platform;

/// <summary>
/// The most a request's body may hold: Kestrel's limit, <c>Kestrel:Limits:MaxRequestBodySize</c> (30,000,000 bytes unless
/// set). Kestrel refuses a larger body only when it is read: a CSV file over it sent to an import page failed the
/// antiforgery check, the first to read the form, and the user got the 400 page (»Siden var for gammel«); the API
/// answered a bare 413 titled in English. A body whose <c>Content-Length</c> says it is larger is refused here before
/// anything reads it: the API's as a 413 (its problem details from <see cref="Features.Api.ApiProblemTitles"/>), a page's
/// by showing the page as if asked for (GET, nothing read, nothing changed), where an import page says its file is too
/// large (<see cref="WasExceeded"/>). A body sent without a length (chunked) is refused by Kestrel while read: the API's
/// answer is the same 413 (<see cref="Features.Api.ApiBadRequests"/>); a page's form is read here first, into a buffer
/// the page then reads, so that one over the limit is answered as one with a length is: before, the antiforgery check
/// read it, took Kestrel's refusal for a form it could not read, and the user got the 400 page.
/// </summary>
internal static class RequestBodyLimit
{
    /// <summary>What the API says of a body over the limit, as a detail of its 413.</summary>
    public const string Said = "Indholdet må højst fylde {0:N0} byte.";

    /// <summary>Kestrel's limits from configuration (<c>Kestrel:Limits</c>), which Kestrel itself does not read from there.</summary>
    public static IServiceCollection AddRequestBodyLimit(this IServiceCollection services, IConfiguration configuration) =>
        services.Configure<KestrelServerOptions>(o => configuration.GetSection("Kestrel:Limits").Bind(o.Limits));

    /// <summary>The limit in bytes; null for none.</summary>
    public static long? Of(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.RequestServices.GetRequiredService<IOptions<KestrelServerOptions>>().Value.Limits.MaxRequestBodySize;
    }

    /// <summary>Whether this page was asked for with a body over the limit (and shown as if asked for with none).</summary>
    public static bool WasExceeded(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Items.ContainsKey(typeof(RequestBodyLimit));
    }

    /// <summary>The API's requests: a body over the limit is a bare 413, to be written as problem details further out.</summary>
    public static IApplicationBuilder UseRequestBodyLimitForApi(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (Exceeds(context))
        {
            context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            return;
        }

        await next(context);
    });

    /// <summary>The pages' requests: one with a body over the limit is read as a GET of the page, its body left unread.</summary>
    public static IApplicationBuilder UseRequestBodyLimitForPages(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (Exceeds(context) || await FormWithoutLengthExceedsAsync(context))
        {
            context.Items[typeof(RequestBodyLimit)] = true;
            var request = context.Request;
            request.Method = HttpMethods.Get;
            request.ContentType = null;
            request.ContentLength = null;
            request.Body = Stream.Null;
        }

        await next(context);
    });

    /// <summary>
    /// Whether a form sent without a length is over the limit: read to its end into a buffer (memory, then a temporary
    /// file), where Kestrel refuses it past the limit; one under it is read again from the buffer by the page.
    /// </summary>
    private static async Task<bool> FormWithoutLengthExceedsAsync(HttpContext context)
    {
        var request = context.Request;
        if (request.ContentLength is not null || !request.HasFormContentType
            || context.Features.Get<IHttpRequestBodyDetectionFeature>() is { CanHaveBody: false })
        {
            return false;
        }

        request.EnableBuffering();
        try
        {
            await request.Body.DrainAsync(context.RequestAborted);
        }
        catch (Microsoft.AspNetCore.Http.BadHttpRequestException refused) when (refused.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return true;
        }

        request.Body.Position = 0;
        return false;
    }

    private static bool Exceeds(HttpContext context) =>
        context.Request.ContentLength is { } length && Of(context) is { } limit && length > limit;
}

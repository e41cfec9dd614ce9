using Microsoft.Extensions.Localization;
using Microsoft.Net.Http.Headers;

namespace Indgang.Web.Features.Api;

/// <summary>
/// The API is signed in with the same cookie as the pages, so a change sent by a browser from another site is refused
/// (403): the browser names the site a request comes from (<c>Sec-Fetch-Site</c>, <c>Origin</c>); a system calling the
/// API sends neither and is not affected. Reads are left alone: the browser keeps their answers from the other site.
/// </summary>
internal sealed class SameOriginWrites(IStringLocalizer<SharedResource> texts) : IEndpointFilter
{
    public const string Refused = "Ændringer gennem API'et tages kun imod fra Indgangs egne sider eller fra systemer, ikke fra en anden hjemmeside.";

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var request = context.HttpContext.Request;
        if (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || HttpMethods.IsOptions(request.Method) || IsSameOrigin(request))
        {
            return await next(context);
        }

        return TypedResults.Problem(detail: texts[Refused].Value, statusCode: StatusCodes.Status403Forbidden, title: texts["Fra en anden hjemmeside"].Value);
    }

    /// <summary>
    /// Sent from the app's own pages, or by no browser: a browser's <c>Sec-Fetch-Site</c> says so ("same-origin", or "none"
    /// for one the user typed); an older browser's <c>Origin</c> is this app's own; no header at all is a system's.
    /// </summary>
    private static bool IsSameOrigin(HttpRequest request)
    {
        var site = request.Headers["Sec-Fetch-Site"].ToString();
        if (site.Length > 0)
        {
            return site is "same-origin" or "none";
        }

        var origin = request.Headers[HeaderNames.Origin].ToString();
        return origin.Length == 0
            || (Uri.TryCreate(origin, UriKind.Absolute, out var from)
                && string.Equals(from.Scheme, request.Scheme, StringComparison.OrdinalIgnoreCase)
                && string.Equals(from.Authority, request.Host.Value, StringComparison.OrdinalIgnoreCase));
    }
}

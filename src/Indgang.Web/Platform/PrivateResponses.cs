using Microsoft.Net.Http.Headers;

namespace Indgang.Web.Platform;

/// <summary>
/// What the app answers a signed-in user (a household, a plan to print, the API's people) is kept by no browser or proxy
/// cache: <c>Cache-Control: no-store</c> on every such response that has not set its own caching (the static files
/// set theirs, the forms get no-store from anti-forgery).
/// </summary>
internal static class PrivateResponses
{
    public static IApplicationBuilder UsePrivateResponses(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                if (context.User.Identity?.IsAuthenticated == true && !headers.ContainsKey(HeaderNames.CacheControl))
                {
                    headers.CacheControl = "no-store";
                }

                return Task.CompletedTask;
            });
            await next(context);
        });
}

using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace Indgang.Web.Platform;

/// <summary>
/// A form sent to a page that has no handler for it (no <c>OnPost</c>, or a <c>?handler=</c> the page does not have) is
/// refused with 400 and the status page, before the page is shown. Otherwise Razor Pages shows the page without running
/// any handler, its model never loaded, and a page that reads its model threw (a 500). No form of the application sends
/// such a request; a crafted or outdated one does. Reading a page (GET, HEAD) with an unknown handler shows the page, and
/// a page with no handlers at all (the status page, which a refused form is shown again on as the same POST) is shown.
/// </summary>
internal sealed class FormWithoutHandlerRefused : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var method = context.HttpContext.Request.Method;
        if (context.HandlerMethod is null && context.ActionDescriptor.HandlerMethods.Count > 0 && !HttpMethods.IsGet(method) && !HttpMethods.IsHead(method))
        {
            context.Result = new BadRequestResult();
            return;
        }

        await next();
    }
}

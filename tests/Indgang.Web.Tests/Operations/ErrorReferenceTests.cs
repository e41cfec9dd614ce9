using System.Net;
using AngleSharp.Html.Parser;
using Indgang.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;

namespace Indgang.Web.Tests.Operations;

/// <summary>
/// A page that fails shows the user a reference, »Fejlreference: …«, that IT finds in the log: the request's W3C trace
/// id, which the JSON log writes in the scope of the request's lines, its error among them. Before, the error page gave
/// no reference and the log's error line had no trace id, request path or method (found by the operator review). The
/// scope holds the path, never the query string (a search for a name), nor the signed-in user's name.
/// </summary>
public sealed class ErrorReferenceTests
{
    private const string ExceptionHandler = "Microsoft.AspNetCore.Diagnostics.ExceptionHandlerMiddleware";

    [Fact]
    public async Task APageThatFails_ShowsTheReference_ThatIsTheTraceIdInTheScopeOfTheLoggedError()
    {
        await using var factory = new FailingPageFactory();
        using var browser = await Browser.SignedInAsync(factory, "koordinator");

        using var response = await browser.GetAsync("/?" + FailingPageFactory.Fail + "=Amira%20Haddad");

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        var page = await new HtmlParser().ParseDocumentAsync(await response.Content.ReadAsStringAsync());
        Assert.Equal("Der opstod en fejl", page.QuerySelector("h1")!.TextContent.Trim());
        var reference = page.QuerySelector(".error-reference")!.TextContent.Trim();
        Assert.Matches("^Fejlreference: [0-9a-f]{32}$", reference);
        var error = Assert.Single(factory.Log.Entries, e => e.Category == ExceptionHandler && e.Level == LogLevel.Error);
        Assert.IsType<FailingPageFactory.PageFailed>(error.Exception);
        Assert.Equal("Fejlreference: " + error.Scope["TraceId"], reference);
        Assert.Equal("/", error.Scope["RequestPath"]);
        Assert.DoesNotContain(error.Scope.Values, v => $"{v}".Contains("Amira", StringComparison.Ordinal) || $"{v}".Contains("koordinator", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task TheJsonLog_WritesTheScopes()
    {
        await using var factory = new FailingPageFactory();

        var options = factory.Services.GetRequiredService<IOptionsMonitor<JsonConsoleFormatterOptions>>().CurrentValue;

        Assert.True(options.IncludeScopes);
    }

    /// <summary>The app whose front page fails when asked with <see cref="Fail"/> in its query, its errors kept.</summary>
    private sealed class FailingPageFactory() : LoggedAppFactory(LogLevel.Error)
    {
        public const string Fail = "fail";

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureServices(s => s.Configure<MvcOptions>(o => o.Filters.Add(new FailingFrontPage())));
        }

        public sealed class PageFailed() : InvalidOperationException("The front page failed, as the test asked.");

        private sealed class FailingFrontPage : IPageFilter
        {
            public void OnPageHandlerSelected(PageHandlerSelectedContext context)
            {
            }

            public void OnPageHandlerExecuting(PageHandlerExecutingContext context)
            {
                var request = context.HttpContext.Request;
                if (request.Path == "/" && request.Query.ContainsKey(Fail))
                {
                    throw new PageFailed();
                }
            }

            public void OnPageHandlerExecuted(PageHandlerExecutedContext context)
            {
            }
        }
    }
}

using System.Globalization;
using System.Reflection;
using Microsoft.AspNetCore.Http.Metadata;

namespace Indgang.Web.Features.Api;

/// <summary>
/// A page of a list as a list endpoint answers it: 200 with the page's rows as a JSON array, as the endpoints answered
/// before they were paged (clients read an array still), and the rest in headers: the count of every row in
/// <c>X-Total-Count</c> and the other pages in <c>Link</c> (<see cref="ApiPageLinks"/>). Described in the OpenAPI
/// document as <see cref="TypedResults.Ok{TValue}(TValue)"/> of the list is.
/// </summary>
internal sealed class PagedOk<T>(List<T> rows, ApiPage page, int totalCount) : IResult, IEndpointMetadataProvider, IStatusCodeHttpResult, IValueHttpResult, IValueHttpResult<List<T>>
{
    public List<T> Value => rows;

    object? IValueHttpResult.Value => rows;

    int? IStatusCodeHttpResult.StatusCode => StatusCodes.Status200OK;

    public Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var request = httpContext.Request;
        httpContext.Response.Headers[ApiPage.TotalCountHeader] = totalCount.ToString(CultureInfo.InvariantCulture);
        httpContext.Response.Headers.Link = ApiPageLinks.For(request.PathBase + request.Path, request.Query, page, totalCount);
        return TypedResults.Ok(rows).ExecuteAsync(httpContext);
    }

    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status200OK, typeof(List<T>), ["application/json"]));
    }
}

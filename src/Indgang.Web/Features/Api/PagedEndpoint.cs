using System.Text.Json.Nodes;
using Microsoft.OpenApi;

namespace Indgang.Web.Features.Api;

/// <summary>
/// A list endpoint paged by <see cref="ApiPage"/>, as the OpenAPI document describes it: <c>page</c> and <c>pageSize</c>
/// as the whole numbers they are, with their bounds and defaults (the handlers take them as text, to refuse one that
/// cannot be read under its name with a message of our own), and the paging headers of the 200 answer.
/// </summary>
internal static class PagedEndpoint
{
    public static RouteHandlerBuilder WithPaging(this RouteHandlerBuilder endpoint) =>
        endpoint.AddOpenApiOperationTransformer((operation, _, _) =>
        {
            foreach (var parameter in operation.Parameters?.OfType<OpenApiParameter>() ?? [])
            {
                parameter.Schema = parameter.Name switch
                {
                    ApiPage.PageParameter => WholeNumber(1, null, 1),
                    ApiPage.SizeParameter => WholeNumber(1, ApiPage.MaxSize, ApiPage.DefaultSize),
                    _ => parameter.Schema,
                };
            }

            if (operation.Responses?.TryGetValue("200", out var answer) == true && answer is OpenApiResponse ok)
            {
                ok.Headers ??= new Dictionary<string, IOpenApiHeader>(StringComparer.Ordinal);
                ok.Headers[ApiPage.TotalCountHeader] = new OpenApiHeader
                {
                    Description = "How many rows the list has on all its pages.",
                    Schema = new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32" },
                };
                ok.Headers["Link"] = new OpenApiHeader
                {
                    Description = "RFC 8288: the first, prev, next and last pages as relative URLs, with the request's other parameters; prev only after page 1, next only before the last.",
                    Schema = new OpenApiSchema { Type = JsonSchemaType.String },
                };
            }

            return Task.CompletedTask;
        });

    private static OpenApiSchema WholeNumber(int minimum, int? maximum, int @default) => new()
    {
        Type = JsonSchemaType.Integer,
        Format = "int32",
        Minimum = minimum.ToString(System.Globalization.CultureInfo.InvariantCulture),
        Maximum = maximum?.ToString(System.Globalization.CultureInfo.InvariantCulture),
        Default = JsonValue.Create(@default),
    };
}

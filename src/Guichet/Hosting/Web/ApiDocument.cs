using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Guichet.Hosting.Web;

/// <summary>
/// The OpenAPI document (issue 25): every error of the API is RFC 9457 problem+json, so every
/// operation says so once (4XX and 5XX, the problem's shape with the fields it names), and a
/// generated client types its errors like its answers. The headers every answer carries
/// (RateLimit-*) and the request headers every creating POST honours (Idempotency-Key) are
/// described where a client generator reads them.
/// </summary>
public static class ApiDocument
{
    private const string Problem = nameof(HttpValidationProblemDetails);

    public static IServiceCollection AddGuichetOpenApi(this IServiceCollection services) => services.AddOpenApi(o =>
    {
        // The budget's headers, on the answers it counts: endpoints with a limiter of their own are not.
        o.AddOperationTransformer((operation, context, _) =>
        {
            QueryDocs.Describe(operation, context.Description.ActionDescriptor.EndpointMetadata);
            if (context.Description.RelativePath?.StartsWith("api/", StringComparison.Ordinal) == true
                && !context.Description.ActionDescriptor.EndpointMetadata.OfType<Microsoft.AspNetCore.RateLimiting.EnableRateLimitingAttribute>().Any())
            {
                foreach (var response in (operation.Responses ?? []).Where(r => r.Key.StartsWith('2')).Select(r => r.Value).OfType<OpenApiResponse>())
                {
                    response.Headers ??= new Dictionary<string, IOpenApiHeader>();
                    foreach (var (name, text) in ApiRateLimit.Headers)
                    {
                        response.Headers.TryAdd(name, new OpenApiHeader { Description = text, Schema = new OpenApiSchema { Type = name == "RateLimit-Policy" ? JsonSchemaType.String : JsonSchemaType.Integer } });
                    }
                }
            }
            return Task.CompletedTask;
        });
        o.AddDocumentTransformer(async (document, context, ct) =>
        {
            document.Info.Title = "Guichet API";
            document.Info.Description = "Cases, promises, customers and the agent's day, as JSON. Errors are RFC 9457 problem+json naming the field; "
                + "lists page with page/pageSize or with the answer's next cursor (after=); a POST may carry an Idempotency-Key; every answer tells the caller's RateLimit.";
            document.Components ??= new OpenApiComponents();
            document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>();
            if (!document.Components.Schemas.ContainsKey(Problem))
            {
                document.AddComponent(Problem, await context.GetOrCreateSchemaAsync(typeof(HttpValidationProblemDetails), null, ct));
            }
            foreach (var (path, item) in document.Paths)
            {
                if (!path.StartsWith("/api/", StringComparison.Ordinal) || item.Operations is null)
                {
                    continue;
                }
                foreach (var (method, operation) in item.Operations)
                {
                    Describe(document, method, operation);
                }
            }
        });
    });

    private static void Describe(OpenApiDocument document, HttpMethod method, OpenApiOperation operation)
    {
        operation.Responses ??= new OpenApiResponses();
        foreach (var range in new[] { "4XX", "5XX" })
        {
            operation.Responses.TryAdd(range, new OpenApiResponse
            {
                Description = range == "4XX" ? "The request was refused: the problem names the field and the reason." : "The server could not answer now (the database out of reach).",
                Content = new Dictionary<string, OpenApiMediaType>
                {
                    ["application/problem+json"] = new() { Schema = new OpenApiSchemaReference(Problem, document) },
                },
            });
        }
        if (method == HttpMethod.Post)
        {
            operation.Parameters ??= [];
            operation.Parameters.Add(new OpenApiParameter
            {
                Name = IdempotentPosts.Header,
                In = ParameterLocation.Header,
                Required = false,
                Description = "A key of your choosing (up to 255 characters): the same POST sent again with it within 24 hours is answered as the first time, and nothing is done twice.",
                Schema = new OpenApiSchema { Type = JsonSchemaType.String, MaxLength = 255 },
            });
        }
    }
}

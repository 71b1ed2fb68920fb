using Microsoft.OpenApi;

namespace Guichet.Hosting.Web;

/// <summary>
/// Query parameters an endpoint reads through <see cref="QueryParams"/> rather than its signature,
/// described in the OpenAPI document all the same, so a generated client can pass them (issue 25).
/// </summary>
public static class QueryDocs
{
    public sealed record Described(string Name, string Text, bool Number);

    public sealed record Parameters(IReadOnlyList<Described> List);

    public static readonly Described[] Paging =
    [
        new("page", "Page number from 1 (not with after).", true),
        new("pageSize", $"Items per page, 1 to {QueryParams.MaxPageSize}.", true),
        new("after", "The previous answer's next cursor: the page after it, stable while rows are added.", false),
    ];

    /// <summary>Describes query parameters: "name: text", a name ending in # is a number.</summary>
    public static RouteHandlerBuilder WithQuery(this RouteHandlerBuilder builder, params string[] parameters) =>
        builder.WithMetadata(new Parameters(parameters.Select(p =>
        {
            var colon = p.IndexOf(':', StringComparison.Ordinal);
            var name = p[..colon].Trim();
            return new Described(name.TrimEnd('#'), p[(colon + 1)..].Trim(), name.EndsWith('#'));
        }).ToList()));

    public static RouteHandlerBuilder WithPaging(this RouteHandlerBuilder builder) => builder.WithMetadata(new Parameters(Paging));

    internal static void Describe(OpenApiOperation operation, IEnumerable<object> metadata)
    {
        foreach (var described in metadata.OfType<Parameters>().SelectMany(p => p.List))
        {
            operation.Parameters ??= [];
            if (operation.Parameters.Any(p => p.Name == described.Name && p.In == ParameterLocation.Query))
            {
                continue;
            }
            operation.Parameters.Add(new OpenApiParameter
            {
                Name = described.Name,
                In = ParameterLocation.Query,
                Description = described.Text,
                Schema = new OpenApiSchema { Type = described.Number ? JsonSchemaType.Integer : JsonSchemaType.String },
            });
        }
    }
}

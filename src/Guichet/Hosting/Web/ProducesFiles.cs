namespace Guichet.Hosting.Web;

/// <summary>Answers that are files or pages, described as such in the OpenAPI document (binary or text of a named type).</summary>
public static class ProducesFiles
{
    public static RouteHandlerBuilder ProducesFile(this RouteHandlerBuilder builder, string contentType, params string[] more) =>
        builder.Produces<Stream>(StatusCodes.Status200OK, contentType, more);

    public static RouteHandlerBuilder ProducesText(this RouteHandlerBuilder builder, string contentType) =>
        builder.Produces<string>(StatusCodes.Status200OK, contentType);

    /// <summary>A 204: done, nothing to say (a deletion).</summary>
    public static RouteHandlerBuilder ProducesNothing(this RouteHandlerBuilder builder) =>
        builder.Produces(StatusCodes.Status204NoContent);
}

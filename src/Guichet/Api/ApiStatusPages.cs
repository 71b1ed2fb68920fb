namespace Guichet.Api;

/// <summary>
/// Gives every body-less API error (no route, wrong content type, not signed in) a problem+json
/// body that says what to fix; web pages keep the framework's plain status pages.
/// </summary>
public static class ApiStatusPages
{
    public static async Task WriteAsync(Microsoft.AspNetCore.Diagnostics.StatusCodeContext context)
    {
        var http = context.HttpContext;
        if (!http.Request.Path.StartsWithSegments("/api"))
        {
            return;
        }
        var (field, message) = http.Response.StatusCode switch
        {
            StatusCodes.Status404NotFound => ("path", $"There is no API route {http.Request.Method} {http.Request.Path}."),
            StatusCodes.Status405MethodNotAllowed => ("method", $"{http.Request.Method} is not allowed on {http.Request.Path}."),
            StatusCodes.Status415UnsupportedMediaType => ("body", "Send the body as application/json."),
            StatusCodes.Status401Unauthorized => ("authorization", "Sign in, or send an API bearer token."),
            StatusCodes.Status403Forbidden => ("authorization", "Your role does not allow this."),
            _ => ("request", "The request could not be processed."),
        };
        await Problems.Field(http.Response.StatusCode, ReasonPhrase(http.Response.StatusCode), field, message).ExecuteAsync(http);
    }

    private static string ReasonPhrase(int status) => Microsoft.AspNetCore.WebUtilities.ReasonPhrases.GetReasonPhrase(status);
}

namespace Guichet.Hosting.Web;

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
            if (http.Response.StatusCode is StatusCodes.Status403Forbidden or StatusCodes.Status400BadRequest)
            {
                http.Response.ContentType = "text/html; charset=utf-8";
                await http.Response.WriteAsync(http.Response.StatusCode == StatusCodes.Status403Forbidden ? Forbidden
                    : BadForm.Replace("{back}", System.Net.WebUtility.HtmlEncode(Forms.PageCameFrom(http) ?? "/"), StringComparison.Ordinal));
            }
            return;
        }
        var (field, message) = http.Response.StatusCode switch
        {
            StatusCodes.Status404NotFound => ("path", $"There is no API route {http.Request.Method} {http.Request.Path}."),
            StatusCodes.Status405MethodNotAllowed => ("method", $"{http.Request.Method} is not allowed on {http.Request.Path}."),
            StatusCodes.Status415UnsupportedMediaType => ("body", "Send the body as application/json."),
            StatusCodes.Status401Unauthorized => ("authorization", "Sign in, or send an API bearer token."),
            StatusCodes.Status403Forbidden => ("authorization", "Your role does not allow this, or what the request names belongs to a team whose cases you do not see."),
            _ => ("request", "The request could not be processed."),
        };
        await Problems.Field(http.Response.StatusCode, ReasonPhrase(http.Response.StatusCode), field, message).ExecuteAsync(http);
    }

    private const string Forbidden = """
        <!DOCTYPE html>
        <html lang="fr"><head><meta charset="utf-8"><title>Accès refusé · Guichet</title><link rel="stylesheet" href="/site.css"></head>
        <body><main class="page"><h1>Accès refusé</h1>
        <p>Votre rôle ne permet pas d'ouvrir cette page, ou ce dossier appartient à une équipe que vous ne voyez pas.</p>
        <p lang="en">Your role does not allow this page, or this case belongs to a team you do not see.</p>
        <p><a href="/">Boîte de réception</a></p></main></body></html>
        """;

    // A form the server could not read: the person goes back to the page, their text still in the browser's history.
    private const string BadForm = """
        <!DOCTYPE html>
        <html lang="fr"><head><meta charset="utf-8"><title>Formulaire illisible · Guichet</title><link rel="stylesheet" href="/site.css"></head>
        <body><main class="page"><h1>Formulaire illisible</h1>
        <p>Une valeur envoyée n'a pas pu être lue. Revenez à la page précédente, vérifiez les champs et envoyez à nouveau.</p>
        <p lang="en">A value sent could not be read. Go back, check the fields and send again.</p>
        <p><a href="{back}">Revenir à la page</a> · <a href="/">Boîte de réception</a></p></main></body></html>
        """;

    private static string ReasonPhrase(int status) => Microsoft.AspNetCore.WebUtilities.ReasonPhrases.GetReasonPhrase(status);
}

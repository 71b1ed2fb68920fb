using Guichet.Core;
using Guichet.Core.Agents;
using Guichet.Core.Data;

namespace Guichet.Hosting.Web;

/// <summary>
/// What every workspace form post shares: the acting agent, and post/redirect/get back to the page
/// with what went wrong in its "error" query (forms that carry long text are handled by their
/// pages instead, so a refusal re-renders with the text kept).
/// </summary>
public static class Forms
{
    public static async Task<Agent> RequireAgentAsync(HttpContext http, GuichetDb db) =>
        await http.CurrentAgentAsync(db) ?? throw new BadHttpRequestException("The signed-in agent is no longer active.", StatusCodes.Status403Forbidden);

    /// <summary>Back to the case page, with the refusal when there was one.</summary>
    public static IResult BackToCase<T>(long caseId, Result<T> result) =>
        result.Succeeded ? TypedResults.Redirect($"/cases/{caseId}") : Results.Redirect(WithError($"/cases/{caseId}", result.Failure!));

    /// <summary>Back to a workspace page with what went wrong in its "error" query, which the page shows.</summary>
    public static string WithError(string page, Failure failure) =>
        page + (page.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "error=" + Uri.EscapeDataString(string.Join(" ", Messages(failure)));

    public static List<string> Messages(Failure failure) => failure.Errors.SelectMany(e => e.Value.Select(m => $"{e.Key}: {m}")).ToList();

    /// <summary>The page of this site the form was posted from (never another site's: no open redirect).</summary>
    public static string? PageCameFrom(HttpContext http) =>
        Uri.TryCreate(http.Request.Headers.Referer.ToString(), UriKind.Absolute, out var uri) && uri.Host == http.Request.Host.Host
            // "//evil.example" or "/\evil.example" as a path is another site to a browser: only a plain local path comes back.
            && Microsoft.AspNetCore.Http.HttpResults.RedirectHttpResult.IsLocalUrl(uri.PathAndQuery) ? uri.PathAndQuery : null;
}

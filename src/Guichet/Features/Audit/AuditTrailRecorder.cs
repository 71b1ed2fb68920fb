using System.Security.Claims;
using Guichet.Core.Audit;
using Guichet.Core.Data;
using Guichet.Features.Permissions;
using Guichet.Hosting;
using Microsoft.AspNetCore.Routing.Patterns;

namespace Guichet.Features.Audit;

/// <summary>
/// Writes the audit trail for every request by a signed-in person (issue 10): a read of one
/// case, customer or attachment is "viewed", a CSV or export is "exported", a merge "merged", a
/// DELETE "deleted", any other write "changed", refusals included with their status. Lists and
/// static files are not lines of their own. It runs around the whole pipeline, so what the
/// authorisation layer refused is recorded too; it writes on a context of its own, after the
/// answer is decided, and a failure to write is logged as an error, never hidden.
/// </summary>
public static class AuditTrailRecorder
{
    public static IApplicationBuilder UseAuditTrail(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        await next();
        if (http.User.AgentId() is not { } actorId || http.GetEndpoint() is not RouteEndpoint endpoint || endpoint.Metadata.GetMetadata<NotAudited>() is not null)
        {
            return;
        }
        var method = http.Request.Method;
        var reading = HttpMethods.IsGet(method) || HttpMethods.IsHead(method);
        var exporting = reading && (http.Request.Query["format"] == "csv" || http.Request.Path.Value?.EndsWith("/export", StringComparison.Ordinal) == true);
        var named = CaseInViewHandler.Named(http);
        var customerId = CustomerNamed(endpoint.RoutePattern, http);
        if (reading && !exporting && named is null && customerId is null)
        {
            return;
        }
        var action = exporting ? AuditAction.Exported
            : reading ? AuditAction.Viewed
            : HttpMethods.IsDelete(method) ? AuditAction.Deleted
            : endpoint.RoutePattern.RawText?.Contains("merge", StringComparison.OrdinalIgnoreCase) == true ? AuditAction.Merged
            : AuditAction.Changed;
        // The person's answer is decided: the line waits its turn with the background's, so it does not
        // cut the intake's group short as the person's own write did (WriteTurns, issue 29).
        WriteTurns.ForBackground();
        await using var scope = http.RequestServices.GetRequiredService<IServiceScopeFactory>().CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GuichetDb>();
        try
        {
            var found = named is { Id: { } id } ? await CaseInViewHandler.CaseNamedAsync(http, db, named.Value.Target, id, CancellationToken.None) : null;
            db.AuditEntries.Add(new AuditEntry
            {
                At = scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow(),
                ActorId = actorId,
                ActorName = Cut(http.User.FindFirstValue(ClaimTypes.Name) ?? "", 200),
                Action = action,
                Route = Cut($"{method} {endpoint.RoutePattern.RawText}", 300),
                CaseId = found?.CaseId,
                CustomerId = customerId ?? found?.CustomerId,
                Target = named is { Target: not CaseInViewHandler.Target.Case, Id: { } other } ? $"{named.Value.Target.ToString().ToLowerInvariant()}:{other}" : null,
                Status = http.Response.StatusCode,
                Address = http.Connection.RemoteIpAddress?.ToString(),
            });
            await db.SaveChangesAsync(CancellationToken.None);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(AuditTrailRecorder))
                .LogError(e, "Could not write the audit line for {Method} {Route} by agent {ActorId}", method, endpoint.RoutePattern.RawText, actorId);
        }
    });

    /// <summary>Sign-in attempts are lines of their own: the person, or the address tried.</summary>
    public static async Task RecordSignInAsync(GuichetDb db, TimeProvider clock, HttpContext http, Core.Agents.Agent? agent, string? email, string route = "POST /login")
    {
        db.AuditEntries.Add(new AuditEntry
        {
            At = clock.GetUtcNow(),
            ActorId = agent?.Id,
            ActorName = Cut(agent?.Name ?? (email ?? "").Trim(), 200),
            Action = agent is null ? AuditAction.SignInRefused : AuditAction.SignedIn,
            Route = route,
            Status = agent is null ? StatusCodes.Status401Unauthorized : StatusCodes.Status200OK,
            Address = http.Connection.RemoteIpAddress?.ToString(),
        });
        await db.SaveChangesAsync(http.RequestAborted);
    }

    private static long? CustomerNamed(RoutePattern pattern, HttpContext http) =>
        CaseInViewHandler.NamedSegments(pattern).FirstOrDefault(s => s.Literal == "customers") is { Parameter: { } parameter }
        && long.TryParse(http.GetRouteValue(parameter)?.ToString(), out var id) ? id : null;

    private static string Cut(string text, int max) => text.Length <= max ? text : text[..max];
}

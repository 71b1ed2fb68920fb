using Guichet.Core.Cases;
using Guichet.Core.Data;
using Guichet.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.EntityFrameworkCore;

namespace Guichet.Features.Permissions;

/// <summary>
/// A route that names a case (…/cases/{id}, {caseId}), a promise (…/promises/{id}), a goodwill
/// entry, a retention offer or an attachment needs its case in the person's view
/// (<see cref="CaseVisibility"/>). The rule reads the route's pattern, so a new case route is
/// covered without anyone remembering to add a check.
/// </summary>
public sealed class CaseInView : IAuthorizationRequirement;

public sealed class CaseInViewHandler(GuichetDb db) : AuthorizationHandler<CaseInView>
{
    public enum Target { Case, Promise, Attachment, GoodwillEntry, RetentionOffer }

    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, CaseInView requirement)
    {
        if (context.Resource is not HttpContext http || Named(http) is not { Id: { } key } named)
        {
            context.Succeed(requirement);
            return;
        }
        var agentId = context.User.AgentId();
        var viewer = agentId is null ? null : await db.Agents.FindAsync([agentId.Value], http.RequestAborted);
        if (viewer is null)
        {
            return;
        }
        if (viewer.SeesEveryTeam)
        {
            context.Succeed(requirement);
            return;
        }
        var found = await CaseNamedAsync(http, db, named.Target, key, http.RequestAborted);
        // Nothing by that id: the endpoint answers its own 404.
        if (found is null || viewer.Sees(found.TeamId, found.OwnerId))
        {
            context.Succeed(requirement);
        }
    }

    public sealed record CaseOf(long CaseId, long TeamId, long? OwnerId, long CustomerId);

    private static readonly object CaseNamedKey = new();

    /// <summary>
    /// The case behind what this request's route names, read once per request: the audit trail
    /// asks again after this check, and gets the same answer without a second query.
    /// </summary>
    public static async Task<CaseOf?> CaseNamedAsync(HttpContext http, GuichetDb db, Target target, long key, CancellationToken ct)
    {
        if (http.Items.TryGetValue(CaseNamedKey, out var known))
        {
            return (CaseOf?)known;
        }
        var found = await CaseOfAsync(db, target, key, ct);
        http.Items[CaseNamedKey] = found;
        return found;
    }

    /// <summary>The case behind what a route names; null when there is no such record.</summary>
    private static Task<CaseOf?> CaseOfAsync(GuichetDb db, Target target, long key, CancellationToken ct)
    {
        var cases = target switch
        {
            Target.Case => db.Cases.Where(c => c.Id == key),
            Target.Promise => db.Promises.Where(p => p.Id == key).Select(p => p.Case),
            Target.Attachment => db.Attachments.Where(a => a.Id == key).SelectMany(a => db.Messages.Where(m => m.Id == a.MessageId).SelectMany(m => db.Cases.Where(c => c.Id == m.CaseId))),
            Target.GoodwillEntry => db.GoodwillEntries.Where(g => g.Id == key).SelectMany(g => db.Cases.Where(c => c.Id == g.CaseId)),
            _ => db.RetentionOffers.Where(o => o.Id == key).SelectMany(o => db.Cases.Where(c => c.Id == o.CaseId)),
        };
        return cases.AsNoTracking().Select(c => new CaseOf(c.Id, c.TeamId, c.OwnerId, c.CustomerId)).FirstOrDefaultAsync(ct);
    }

    /// <summary>What the route of this request names, if anything, and its id.</summary>
    public static (Target Target, long? Id)? Named(HttpContext http)
    {
        if (http.GetEndpoint() is not RouteEndpoint endpoint || TargetOf(endpoint.RoutePattern) is not { } named)
        {
            return null;
        }
        return (named.Target, long.TryParse(http.GetRouteValue(named.Parameter)?.ToString(), out var id) ? id : null);
    }

    public static (Target Target, string Parameter)? TargetOf(RoutePattern pattern)
    {
        if (pattern.GetParameter("caseId") is { } caseId)
        {
            return (Target.Case, caseId.Name);
        }
        if (pattern.GetParameter("offerId") is { } offerId)
        {
            return (Target.RetentionOffer, offerId.Name);
        }
        foreach (var (literal, parameter) in NamedSegments(pattern))
        {
            if (Of(literal) is { } target)
            {
                return (target, parameter);
            }
        }
        return null;
    }

    /// <summary>Each literal segment followed by a parameter ("cases", "id"): what a route names, and where.</summary>
    public static IEnumerable<(string Literal, string Parameter)> NamedSegments(RoutePattern pattern)
    {
        for (var i = 0; i + 1 < pattern.PathSegments.Count; i++)
        {
            if (pattern.PathSegments[i].Parts is [RoutePatternLiteralPart literal] && pattern.PathSegments[i + 1].Parts is [RoutePatternParameterPart parameter])
            {
                yield return (literal.Content, parameter.Name);
            }
        }
    }

    private static Target? Of(string segment) => segment.ToLowerInvariant() switch
    {
        "cases" => Target.Case,
        "promises" => Target.Promise,
        "attachments" => Target.Attachment,
        "goodwill" => Target.GoodwillEntry,
        _ => null,
    };
}

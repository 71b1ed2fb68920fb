using Guichet.Core.Cases;
using Guichet.Core.Data;
using Guichet.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.EntityFrameworkCore;

namespace Guichet.Features.Permissions;

/// <summary>
/// A route that names a record needs it in the person's view (<see cref="CaseVisibility"/>): a case
/// (…/cases/{id}, {caseId}), a promise, a goodwill entry, a retention offer or an attachment through
/// its case; a customer (…/customers/{id}) or a customer merge ({mergeId}) through a case of theirs
/// in view; a stored email (…/email/{id}, …/mail/{id}) through its case, or, without one, for those
/// who see every team. The rule reads the route's pattern, so a new route naming one of them is
/// covered without anyone remembering to add a check. Operations on a second record named in a
/// body (merge from, …) check it themselves with the same rule.
/// </summary>
public sealed class CaseInView : IAuthorizationRequirement;

public sealed class CaseInViewHandler(GuichetDb db) : AuthorizationHandler<CaseInView>
{
    public enum Target { Case, Promise, Attachment, GoodwillEntry, RetentionOffer, Customer, CustomerMerge, InboundEmail }

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
        // Nothing by that id (null): the endpoint answers its own 404.
        if (await InViewAsync(http, db, viewer, named.Target, key, http.RequestAborted) is not false)
        {
            context.Succeed(requirement);
        }
    }

    private static async Task<bool?> InViewAsync(HttpContext http, GuichetDb db, Core.Agents.Agent viewer, Target target, long key, CancellationToken ct)
    {
        switch (target)
        {
            case Target.Customer:
                return await db.Customers.AnyAsync(c => c.Id == key, ct) ? await db.SeesCustomerAsync(viewer, key, ct) : null;
            case Target.CustomerMerge:
                return await db.CustomerMerges.Where(m => m.Id == key).Select(m => (long?)m.IntoId).FirstOrDefaultAsync(ct) is { } into
                    ? await db.SeesCustomerAsync(viewer, into, ct) : null;
            case Target.InboundEmail:
                var mail = await db.InboundEmails.Where(e => e.Id == key).Select(e => new { e.CaseId }).FirstOrDefaultAsync(ct);
                return mail is null ? null
                    : mail.CaseId is { } caseId ? await db.Cases.VisibleTo(viewer).AnyAsync(c => c.Id == caseId, ct)
                    : viewer.SeesCaseless();
            default:
                return await CaseNamedAsync(http, db, target, key, ct) is { } found ? await db.SeesCaseAsync(viewer, found.CaseId, found.TeamId, found.OwnerId, ct) : null;
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
            Target.Customer or Target.CustomerMerge or Target.InboundEmail => db.Cases.Where(c => false),
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
        if (pattern.GetParameter("mergeId") is { } mergeId)
        {
            return (Target.CustomerMerge, mergeId.Name);
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
        "customers" => Target.Customer,
        "email" or "mail" => Target.InboundEmail,
        _ => null,
    };
}

using Guichet.Hosting.Web;
using Guichet.Core.Audit;
using Guichet.Core.Cases;
using Guichet.Core.Data;
using Guichet.Features.Cases;
using Guichet.Features.Permissions;

namespace Guichet.Features.Audit;

/// <summary>GET /api/audit: the audit trail for admins and auditors, by case, customer, person, action and period.</summary>
public static class AuditEndpoints
{
    public sealed record AuditDto(long Id, DateTimeOffset At, long? ActorId, string ActorName, string Action, string Route, long? CaseId, long? CustomerId, string? Target, int Status, string? Address)
    {
        public static AuditDto From(AuditEntry e) => new(e.Id, e.At, e.ActorId, e.ActorName, e.Action.ToWire(), e.Route, e.CaseId, e.CustomerId, e.Target, e.Status, e.Address);
    }

    public static RouteGroupBuilder MapAudit(this RouteGroupBuilder api)
    {
        api.MapGet("/audit", async (HttpContext http, GuichetDb db) =>
        {
            var query = new QueryParams(http.Request);
            long? Id(string name)
            {
                var text = query.Text(name);
                if (text is null)
                {
                    return null;
                }
                if (long.TryParse(text, out var id))
                {
                    return id;
                }
                query.Errors.Add(name, $"'{name}' is a number (an id).");
                return null;
            }
            var (caseId, customerId, personId) = (Id("case"), Id("customer"), Id("person"));
            AuditAction? action = null;
            if (query.Text("action") is { } named)
            {
                if (WireNames.TryParseWire<AuditAction>(named, out var parsed))
                {
                    action = parsed;
                }
                else
                {
                    query.Errors.Add("action", "The action is viewed, changed, merged, exported, deleted, signedIn or signInRefused.");
                }
            }
            var (from, to) = (query.Time("from"), query.Time("to"));
            var (page, pageSize) = query.Paging();
            if (query.Errors.Any)
            {
                return Problems.From(query.Errors.ToFailure());
            }
            var (items, total) = await AuditTrail.ReadAsync(db, new AuditTrail.Filter(caseId, customerId, personId, action, from, to, page, pageSize), http.RequestAborted);
            return Results.Ok(new Page<AuditDto>(items.Select(AuditDto.From).ToArray(), page, pageSize, total));
        })
        .RequireAuthorization(Access.Audit)
        .WithTags("Audit")
        .WithSummary("Who saw, changed, merged, exported or deleted what, when (newest first): case, customer, person (agent id), action, from, to, page, pageSize. Append-only.");
        return api;
    }
}

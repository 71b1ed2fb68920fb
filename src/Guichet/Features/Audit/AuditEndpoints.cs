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
    private static readonly Hosting.Web.Keyset<Core.Audit.AuditEntry> Newest = new("audit.newest", (e => e.Id, true));

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
            var after = Newest.Read(query);
            if (query.Errors.Any)
            {
                return Problems.From(query.Errors.ToFailure());
            }
            var (items, total) = await AuditTrail.ReadAsync(db, new AuditTrail.Filter(caseId, customerId, personId, action, from, to, page, pageSize, (long?)after?[0]), http.RequestAborted);
            return Results.Ok(new Page<AuditDto>(items.Select(AuditDto.From).ToArray(), after is null ? page : 1, pageSize, total)
            {
                Next = Newest.Next(items.Count == 0 ? null : items[^1], items.Count, pageSize),
            });
        })
        .RequireAuthorization(Access.Audit)
        .WithTags("Audit")
        .Produces<Page<AuditDto>>()
        .WithPaging()
        .WithQuery("case#: a case's id.", "customer#: a customer's id.", "person#: an agent's id.", "action: viewed, changed, merged, exported, deleted, signedIn or signInRefused.",
            "from: entries from this time (ISO 8601).", "to: entries before this time (ISO 8601).")
        .WithSummary("Who saw, changed, merged, exported or deleted what, when (newest first): case, customer, person (agent id), action, from, to, page, pageSize. Append-only.");
        return api;
    }
}

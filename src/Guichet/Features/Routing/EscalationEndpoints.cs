using Guichet.Features.Cases;
using Guichet.Hosting;
using Guichet.Core.Cases;
using Guichet.Core.Data;
using Guichet.Core.Routing;
using Microsoft.EntityFrameworkCore;

namespace Guichet.Features.Routing;

/// <summary>GET /api/escalations: the leads' and managers' queue (SPEC E1, E2), manager level first, oldest first.</summary>
public static class EscalationEndpoints
{
    public sealed record EscalatedCaseDto(long Id, string Reference, string Subject, string Status, string Priority, TeamRef Team, AgentRef? Owner, string CustomerName, EscalationDto Escalation);

    public static IQueryable<Case> Escalated(this IQueryable<Case> cases) => cases.Active().Where(c => c.Escalation != EscalationLevel.None);

    public static RouteGroupBuilder MapEscalations(this RouteGroupBuilder api)
    {
        api.MapGet("/escalations", async (string? team, GuichetDb db, HttpContext http, CancellationToken ct) =>
            Results.Ok((await EscalationQueue.ReadAsync(db, team, await http.CurrentAgentAsync(db), ct)).Select(c => new EscalatedCaseDto(c.Id, c.Reference, c.Subject, c.Status.ToWire(), c.Priority.ToWire(),
                new TeamRef(c.Team.Id, c.Team.Slug, c.Team.Name), c.Owner is null ? null : new AgentRef(c.Owner.Id, c.Owner.Name, c.Owner.Email),
                c.Customer.Name, EscalationDto.Of(c)!)).ToList()))
        .WithTags("Cases")
        .Produces<List<EscalatedCaseDto>>()
        .WithSummary("Active cases put to a lead or a manager, with the reason (manager level first, then the oldest).");
        return api;
    }
}

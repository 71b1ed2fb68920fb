using Guichet.Features.Permissions;
using Guichet.Hosting.Web;
using Guichet.Core;
using Guichet.Core.Cases;
using Guichet.Core.Data;
using Guichet.Core.Goodwill;
using Guichet.Features.Cases;
using Microsoft.EntityFrameworkCore;

namespace Guichet.Features.Goodwill;

/// <summary>/api/goodwill: the compensation policy (G1), gestures on cases and the managers' approvals queue (G2), spend per agent and team.</summary>
public static class GoodwillEndpoints
{
    public sealed record EntryDto(long Id, long CaseId, long AgentId, string Gesture, decimal Amount, string Currency, string Reason, string? PolicyRule, string Status, DateTimeOffset At, string Month, string? DecidedBy)
    {
        public static EntryDto From(GoodwillEntry g) => new(g.Id, g.CaseId, g.AgentId, g.Gesture.ToWire(), g.Gesture == GestureKind.Points ? g.AmountMinor : g.Amount.Amount, g.Currency, g.Reason, g.PolicyRule, g.Status.ToWire(), g.At, g.Month, g.DecidedBy);
    }

    public sealed record RuleDto(long Id, string Tier, string IncidentKind, int FromRecurrence, string Gesture, decimal? Amount, int? SharePercent, string Currency)
    {
        public static RuleDto From(CompensationRule r) => new(r.Id, r.Tier, r.IncidentKind, r.FromRecurrence, r.Gesture.ToWire(),
            r.AmountMinor is { } minor ? r.Gesture == GestureKind.Points ? minor : minor / 100m : null, r.SharePercent, r.Currency);
    }

    public sealed record SpendDto(string Month, IReadOnlyList<SpendLine> Agents, IReadOnlyList<SpendLine> Teams);

    /// <summary>For an agent, <see cref="Budget"/> is what they may give per month in their team (their own, or the team's).</summary>
    public sealed record SpendLine(long Id, string Name, decimal Granted, decimal Awaiting, int Gestures, decimal? Budget = null);

    public sealed record BudgetRequest(decimal? Amount);

    public static RouteGroupBuilder MapGoodwill(this RouteGroupBuilder api)
    {
        var goodwill = api.MapGroup("/goodwill").WithTags("Goodwill");
        goodwill.MapGet("/policy", async (GuichetDb db, CancellationToken ct) =>
            Results.Ok((await db.CompensationRules.AsNoTracking().OrderBy(r => r.Id).ToListAsync(ct)).Select(RuleDto.From).ToList()))
        .Produces<List<RuleDto>>()
        .WithSummary("The compensation matrix: tier × incident kind × recurrence → gesture.");

        goodwill.MapPut("/policy", async (HttpContext http, SetCompensationPolicy set) =>
        {
            var (cells, problem) = await JsonBody.ReadAsync<List<CompensationRuleRequest>>(http);
            if (problem is not null)
            {
                return problem;
            }
            var result = await set.RunAsync(cells!, http.RequestAborted);
            return result.Succeeded ? Results.Ok(result.Value.Select(RuleDto.From).ToList()) : Problems.From(result.Failure!);
        })
        .RequireAuthorization(Access.Admin)
        .Accepts<List<CompensationRuleRequest>>("application/json")
        .Produces<List<RuleDto>>()
        .WithSummary("Replace the compensation matrix: [{tier, incidentKind (\"*\" for any), fromRecurrence, gesture, amount?, sharePercent?, currency?}].");

        api.MapPost("/cases/{id:long}/goodwill", (long id, HttpContext http, GuichetDb db, GrantGoodwill grant) =>
            CaseEndpoints.WithActor<GoodwillRequest, GoodwillEntry>(http, db, (r, actor) => grant.RunAsync(id, r, actor, http.RequestAborted),
                g => Results.Created($"/api/goodwill/{g.Id}", EntryDto.From(g))))
        .WithTags("Goodwill")
        .Accepts<GoodwillRequest>("application/json")
        .Produces<EntryDto>(StatusCodes.Status201Created)
        .WithSummary("Give a gesture on the case: from the policy (no gesture named) or named; granted inside the agent's monthly budget, else awaiting a manager.");

        goodwill.MapGet("/approvals", async (GuichetDb db, CancellationToken ct) =>
            Results.Ok((await db.GoodwillEntries.AsNoTracking().Where(g => g.Status == GoodwillStatus.AwaitingApproval).OrderBy(g => g.Id).Take(500).ToListAsync(ct)).Select(EntryDto.From).ToList()))
        .Produces<List<EntryDto>>()
        .WithSummary("Gestures past an agent's budget, waiting for a manager.");

        foreach (var (path, approve) in new[] { ("approve", true), ("refuse", false) })
        {
            goodwill.MapPost($"/{{id:long}}/{path}", (long id, HttpContext http, GuichetDb db, DecideGoodwill decide) =>
                CaseEndpoints.AsActor(http, db, manager => decide.RunAsync(id, approve, manager, http.RequestAborted), g => Results.Ok(EntryDto.From(g))))
            .RequireAuthorization(Access.Manage)
            .Produces<EntryDto>()
            .WithSummary(approve ? "Approve a gesture past an agent's budget." : "Refuse a gesture past an agent's budget.")
                .TakesNoBody();
        }

        goodwill.MapGet("/spend", async (string? month, GuichetDb db, TimeProvider clock, CancellationToken ct) =>
        {
            var m = month ?? clock.GetUtcNow().ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);
            var spend = await GoodwillSpend.InMonthsAsync(db, [m], ct);
            var people = await db.Agents.AsNoTracking().Include(a => a.Team).ToDictionaryAsync(a => a.Id, ct);
            var teams = await db.Teams.AsNoTracking().Select(t => new { t.Id, t.Name }).ToDictionaryAsync(t => t.Id, t => t.Name, ct);
            List<SpendLine> By(Func<GoodwillSpend, long> key, Func<long, string> name) =>
                [.. spend.GroupBy(key).Select(g => new SpendLine(g.Key, name(g.Key), g.Sum(s => s.GrantedMinor) / 100m, g.Sum(s => s.AwaitingMinor) / 100m, g.Sum(s => s.Gestures)))];
            var byAgent = By(s => s.AgentId, id => people.TryGetValue(id, out var a) ? a.Name : "?")
                .Select(l => l with { Budget = people.TryGetValue(l.Id, out var a) ? GrantGoodwill.BudgetOf(a, a.Team) / 100m : null }).ToList();
            var byTeam = By(s => s.TeamId, id => teams.GetValueOrDefault(id, "?"));
            return Results.Ok(new SpendDto(m, byAgent, byTeam));
        })
        .Produces<SpendDto>()
        .WithSummary("Money given in goodwill in a month (yyyy-MM), per agent and per team: granted or approved, and awaiting approval.");
        api.MapPut("/agents/{id:long}/goodwill-budget", async (long id, HttpContext http, SetGoodwillBudget set) =>
        {
            var (request, problem) = await JsonBody.ReadAsync<BudgetRequest>(http);
            if (problem is not null)
            {
                return problem;
            }
            var result = await set.RunAsync(id, request!.Amount, http.RequestAborted);
            return result.Succeeded
                ? Results.Ok(new BudgetDto(id, GrantGoodwill.BudgetOf(result.Value, result.Value.Team) / 100m, result.Value.GoodwillBudgetMinor is not null, result.Value.Team.Currency))
                : Problems.From(result.Failure!);
        })
        .WithTags("Goodwill")
        .RequireAuthorization(Access.Manage)
        .Accepts<BudgetRequest>("application/json")
        .Produces<BudgetDto>()
        .WithSummary("Give an agent a monthly goodwill budget of their own {amount}, in their team's currency; {amount: null} brings back the team's.");
        MapRetention(api);
        return api;
    }

    public sealed record OfferRequest(string? Offer);

    public sealed record OutcomeRequest(string? Outcome);

    public sealed record OfferDto(long Id, long CaseId, long AgentId, string Offer, DateTimeOffset At, string Outcome)
    {
        public static OfferDto From(RetentionOffer o) => new(o.Id, o.CaseId, o.AgentId, o.Offer, o.At, o.Outcome.ToWire());
    }

    public sealed record BudgetDto(long Id, decimal Budget, bool Own, string Currency);
    public sealed record RetentionFigures(int Requests, int Offers, int Accepted, int Declined, int Pending, int CancellationsCarriedOut);

    public sealed record CancellationDto(long CaseId, DateTimeOffset? RequestedAt, DateTimeOffset? CarriedOutAt);

    /// <summary>G4: cancellation requests, at most the team's number of offers, then only the cancellation; counts without a score for refusing.</summary>
    private static void MapRetention(RouteGroupBuilder api)
    {
        api.MapPost("/cases/{id:long}/cancellation-request", (long id, HttpContext http, GuichetDb db, Retention retention) =>
            CaseEndpoints.AsActor(http, db, actor => retention.MarkAsync(id, actor, http.RequestAborted), c => Results.Ok(new CancellationDto(c.Id, c.CancellationRequestedAt, c.CancelledAt))))
        .WithTags("Goodwill")
        .Produces<CancellationDto>()
        .WithSummary("Mark the case as the customer's request to cancel (G4).")
            .TakesNoBody();

        api.MapPost("/cases/{id:long}/retention-offers", (long id, HttpContext http, GuichetDb db, Retention retention) =>
            CaseEndpoints.WithActor<OfferRequest, RetentionOffer>(http, db, (r, actor) => retention.OfferAsync(id, r.Offer, actor, http.RequestAborted),
                o => Results.Created($"/api/retention-offers/{o.Id}", OfferDto.From(o))))
        .WithTags("Goodwill")
        .Accepts<OfferRequest>("application/json")
        .Produces<OfferDto>(StatusCodes.Status201Created)
        .WithSummary("Record an offer to stay; past the team's limit (two by default) it is refused with 422: carry out the cancellation.");

        api.MapPost("/retention-offers/{id:long}/outcome", async (long id, HttpContext http, Retention retention) =>
        {
            var (request, problem) = await JsonBody.ReadAsync<OutcomeRequest>(http);
            if (problem is not null)
            {
                return problem;
            }
            var result = await retention.AnswerAsync(id, request!.Outcome, http.RequestAborted);
            return result.Succeeded ? Results.Ok(OfferDto.From(result.Value)) : Problems.From(result.Failure!);
        })
        .WithTags("Goodwill")
        .Accepts<OutcomeRequest>("application/json")
        .Produces<OfferDto>()
        .WithSummary("What the customer answered to an offer: accepted or declined.");

        api.MapPost("/cases/{id:long}/cancel", (long id, HttpContext http, GuichetDb db, Retention retention) =>
            CaseEndpoints.AsActor(http, db, actor => retention.CancelAsync(id, actor, http.RequestAborted), c => Results.Ok(new CancellationDto(c.Id, c.CancellationRequestedAt, c.CancelledAt))))
        .WithTags("Goodwill")
        .Produces<CancellationDto>()
        .WithSummary("Carry out the cancellation: always allowed, whatever was offered.")
            .TakesNoBody();

        api.MapGet("/metrics/retention", async (GuichetDb db, CancellationToken ct) =>
        {
            var offers = await db.RetentionOffers.GroupBy(o => o.Outcome).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
            return Results.Ok(new RetentionFigures(
                await db.Cases.CountAsync(c => c.CancellationRequestedAt != null, ct),
                offers.Values.Sum(),
                offers.GetValueOrDefault(OfferOutcome.Accepted),
                offers.GetValueOrDefault(OfferOutcome.Declined),
                offers.GetValueOrDefault(OfferOutcome.Pending),
                await db.Cases.CountAsync(c => c.CancelledAt != null, ct)));
        })
        .WithTags("Metrics")
        .Produces<RetentionFigures>()
        .WithSummary("Cancellation requests, offers and their outcomes, cancellations carried out: counts only, no score for keeping a customer who wants to leave.");
    }
}

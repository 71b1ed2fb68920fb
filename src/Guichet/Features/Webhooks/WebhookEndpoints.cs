using Guichet.Core;
using Guichet.Core.Cases;
using Guichet.Core.Data;
using Guichet.Core.Webhooks;
using Guichet.Features.Permissions;
using Guichet.Hosting.Web;
using Microsoft.EntityFrameworkCore;

namespace Guichet.Features.Webhooks;

/// <summary>
/// /api/webhooks (admins, W10): subscriptions to case events, each delivery signed
/// (<c>Guichet-Signature: t=…,v1=…</c>, HMAC-SHA256 of "t.body" with the subscription's secret),
/// retried for a day, logged with the endpoint's answer, sent again on demand; a failing endpoint
/// is paused and the admins told.
/// </summary>
public static class WebhookEndpoints
{
    /// <summary>A subscription; <c>Secret</c> is shown when it is made, never again.</summary>
    public sealed record WebhookDto(long Id, string Url, string[] Events, bool IncludeContent, bool Active, DateTimeOffset? PausedAt, string? PausedReason, int FailuresInARow, DateTimeOffset CreatedAt,
        string Format = ChatFormats.Json, long? TeamId = null, string? Secret = null)
    {
        public static WebhookDto From(WebhookSubscription s, bool withSecret = false) =>
            new(s.Id, s.Url, s.Events.Split(',', StringSplitOptions.RemoveEmptyEntries), s.IncludeContent, s.Active, s.PausedAt, s.PausedReason, s.FailuresInARow, s.CreatedAt, s.Format, s.TeamId, withSecret ? s.Secret : null);
    }

    public sealed record DeliveryDto(long Id, string EventType, string EventKey, long CaseId, string State, int Attempts, DateTimeOffset CreatedAt, DateTimeOffset NextAttemptAt, DateTimeOffset? DeliveredAt, int? LastStatus, string? LastAnswer)
    {
        public static DeliveryDto From(WebhookDelivery d) =>
            new(d.Id, d.EventType, d.EventKey, d.CaseId, d.State.ToWire(), d.Attempts, d.CreatedAt, d.NextAttemptAt, d.DeliveredAt, d.LastStatus, d.LastAnswer);
    }

    public static RouteGroupBuilder MapWebhooks(this RouteGroupBuilder api)
    {
        var hooks = api.MapGroup("/webhooks").WithTags("Webhooks").RequireAuthorization(Access.Admin);
        hooks.MapGet("/", async (GuichetDb db, CancellationToken ct) =>
            TypedResults.Ok((await db.WebhookSubscriptions.AsNoTracking().OrderBy(s => s.Id).ToListAsync(ct)).Select(s => WebhookDto.From(s)).ToArray()))
            .WithSummary("The webhook subscriptions, paused ones with why.");

        hooks.MapGet("/events", () => TypedResults.Ok(WebhookEvents.Types))
            .WithSummary("The event types a subscription may ask for.");

        hooks.MapGet("/payload", () => TypedResults.Ok(Example))
            .Produces<WebhookPayload>()
            .WithSummary("An example of the JSON each delivery posts (its schema is WebhookPayload): id (the same on every retry), type, occurredAt, case, and message or change. Headers: Guichet-Event, Guichet-Delivery, Guichet-Signature.");

        hooks.MapPost("/", (HttpContext http, SaveWebhook save) => JsonBody.RunAsync<WebhookRequest, WebhookSubscription>(http, r => save.CreateAsync(r, http.RequestAborted),
                s => TypedResults.Created($"/api/webhooks/{s.Id}", WebhookDto.From(s, withSecret: true))))
            .Accepts<WebhookRequest>("application/json")
            .Produces<WebhookDto>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .WithSummary("Subscribe an endpoint {url, events (\"*\" or types), includeContent (messages' text and customers' names; false by default), format (json, or a team chat's incoming webhook: slack, teams, mattermost, rocketchat), team (a slug: only its cases)}; the answer shows its signing secret, once.");

        hooks.MapPatch("/{id:long}", (long id, HttpContext http, SaveWebhook save) => JsonBody.RunAsync<WebhookRequest, WebhookSubscription>(http, r => save.ChangeAsync(id, r, http.RequestAborted),
                s => TypedResults.Ok(WebhookDto.From(s))))
            .Accepts<WebhookRequest>("application/json")
            .Produces<WebhookDto>()
            .ProducesValidationProblem()
            .WithSummary("Change a subscription's url, events, includeContent, active, format or team (\"\" for every team).");

        hooks.MapPost("/{id:long}/resume", async (long id, SaveWebhook save, CancellationToken ct) =>
                Problems.Ok(await save.ResumeAsync(id, ct), s => TypedResults.Ok(WebhookDto.From(s))))
            .TakesNoBody()
            .Produces<WebhookDto>()
            .WithSummary("Resume a paused endpoint: its waiting deliveries leave on the next pass.");

        hooks.MapDelete("/{id:long}", async (long id, GuichetDb db, CancellationToken ct) =>
                await db.WebhookSubscriptions.Where(s => s.Id == id).ExecuteDeleteAsync(ct) == 0
                    ? Problems.Field(StatusCodes.Status404NotFound, "Not found", "id", $"There is no webhook {id}.")
                    : Results.NoContent())
            .Produces(StatusCodes.Status204NoContent)
            .WithSummary("Remove a subscription and its delivery log.");

        hooks.MapGet("/{id:long}/deliveries", async (long id, GuichetDb db, string? state, CancellationToken ct) =>
            {
                var query = db.WebhookDeliveries.AsNoTracking().Where(d => d.SubscriptionId == id);
                if (state is not null)
                {
                    if (!WireNames.TryParseWire<WebhookDeliveryState>(state, out var wanted))
                    {
                        return Problems.Field(StatusCodes.Status400BadRequest, "Invalid request", "state", "state is pending, delivered or failed.");
                    }
                    query = query.Where(d => d.State == wanted);
                }
                return Results.Ok((await query.OrderByDescending(d => d.Id).Take(200).ToListAsync(ct)).Select(DeliveryDto.From).ToArray());
            })
            .Produces<DeliveryDto[]>()
            .WithSummary("The newest 200 deliveries to an endpoint (state=pending|delivered|failed), each with the endpoint's last answer.");

        hooks.MapPost("/deliveries/{id:long}/redeliver", async (long id, SaveWebhook save, CancellationToken ct) =>
                Problems.Ok(await save.RedeliverAsync(id, ct), d => TypedResults.Ok(DeliveryDto.From(d))))
            .TakesNoBody()
            .Produces<DeliveryDto>()
            .WithSummary("Send a delivery again on the next pass, whatever became of it.");
        return api;
    }

    private static readonly WebhookPayload Example = new("m1234", WebhookEvents.CustomerWrote, new DateTimeOffset(2026, 12, 1, 9, 30, 0, TimeSpan.Zero),
        new WebhookCase(42, "G-2026-000042", "Colis perdu", "open", "high", "email", 1, 7, new DateTimeOffset(2026, 12, 2, 16, 0, 0, TimeSpan.Zero), null),
        new WebhookMessage(1234, "in", "contact", "email", null, null));
}

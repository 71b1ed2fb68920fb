using Guichet.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Guichet.Core.Webhooks;

/// <summary>CONTRACT POST /api/webhooks and PATCH /api/webhooks/{id}: where, which events, with content or not.</summary>
/// <param name="Format">"json" (Guichet's payload), or a team chat's incoming webhook: "slack", "teams", "mattermost", "rocketchat".</param>
/// <param name="Team">A team's slug: only its cases ("" for every team).</param>
public sealed record WebhookRequest(string? Url, IReadOnlyList<string>? Events, bool? IncludeContent = null, bool? Active = null, string? Format = null, string? Team = null);

/// <summary>Makes, changes, resumes and removes webhook subscriptions (admins, W10).</summary>
public sealed class SaveWebhook(GuichetDb db, TimeProvider clock)
{
    public async Task<Result<WebhookSubscription>> CreateAsync(WebhookRequest request, CancellationToken ct = default)
    {
        var errors = new ValidationErrors();
        var url = Url(request.Url, errors);
        var events = Events(request.Events, errors);
        var format = Format(request.Format, errors);
        var team = await TeamAsync(request.Team, errors, ct);
        if (errors.Any)
        {
            return errors;
        }
        var subscription = new WebhookSubscription
        {
            Url = url!,
            Events = events!,
            Secret = WebhookSignature.NewSecret(),
            IncludeContent = request.IncludeContent ?? false,
            Active = request.Active ?? true,
            Format = format ?? ChatFormats.Json,
            TeamId = team,
            CreatedAt = clock.Now(),
        };
        db.WebhookSubscriptions.Add(subscription);
        await db.SaveChangesAsync(ct);
        try
        {
            await FanOutWebhooks.StartCursorsAsync(db, ct);
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // The worker started them meanwhile, from the same point: theirs stand.
            db.ChangeTracker.Clear();
        }
        return subscription;
    }

    public async Task<Result<WebhookSubscription>> ChangeAsync(long id, WebhookRequest request, CancellationToken ct = default)
    {
        if (await db.WebhookSubscriptions.FirstOrDefaultAsync(s => s.Id == id, ct) is not { } subscription)
        {
            return Missing(id);
        }
        var errors = new ValidationErrors();
        var url = request.Url is null ? null : Url(request.Url, errors);
        var events = request.Events is null ? null : Events(request.Events, errors);
        var format = Format(request.Format, errors);
        var team = await TeamAsync(request.Team, errors, ct);
        if (errors.Any)
        {
            return errors;
        }
        subscription.Format = format ?? subscription.Format;
        subscription.TeamId = request.Team is null ? subscription.TeamId : team;
        subscription.Url = url ?? subscription.Url;
        subscription.Events = events ?? subscription.Events;
        subscription.IncludeContent = request.IncludeContent ?? subscription.IncludeContent;
        subscription.Active = request.Active ?? subscription.Active;
        await db.SaveChangesAsync(ct);
        return subscription;
    }

    /// <summary>An admin says the endpoint answers again: its waiting deliveries leave on the next pass.</summary>
    public async Task<Result<WebhookSubscription>> ResumeAsync(long id, CancellationToken ct = default)
    {
        if (await db.WebhookSubscriptions.FirstOrDefaultAsync(s => s.Id == id, ct) is not { } subscription)
        {
            return Missing(id);
        }
        subscription.PausedAt = null;
        subscription.PausedReason = null;
        subscription.FailuresInARow = 0;
        var now = clock.Now();
        await db.WebhookDeliveries.Where(d => d.SubscriptionId == id && d.State == WebhookDeliveryState.Pending).ExecuteUpdateAsync(u => u.SetProperty(d => d.NextAttemptAt, now), ct);
        await db.SaveChangesAsync(ct);
        return subscription;
    }

    /// <summary>Sends one delivery again, whatever became of it (a receiver that lost it, a fixed endpoint).</summary>
    public async Task<Result<WebhookDelivery>> RedeliverAsync(long deliveryId, CancellationToken ct = default)
    {
        var delivery = await db.WebhookDeliveries.FirstOrDefaultAsync(d => d.Id == deliveryId, ct);
        if (delivery is null)
        {
            return Failure.NotFound("id", $"There is no webhook delivery {deliveryId}.");
        }
        delivery.State = WebhookDeliveryState.Pending;
        delivery.NextAttemptAt = clock.Now();
        await db.SaveChangesAsync(ct);
        return delivery;
    }

    public static Failure Missing(long id) => Failure.NotFound("id", $"There is no webhook {id}.");

    private static string? Format(string? given, ValidationErrors errors)
    {
        if (given is null || ChatFormats.All.Contains(given))
        {
            return given;
        }
        errors.Add("format", $"The format is one of {string.Join(", ", ChatFormats.All)}.");
        return null;
    }

    private async Task<long?> TeamAsync(string? slug, ValidationErrors errors, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(slug))
        {
            return null;
        }
        var id = await db.Teams.Where(t => t.Slug == slug).Select(t => (long?)t.Id).FirstOrDefaultAsync(ct);
        if (id is null)
        {
            errors.Add("team", $"There is no team '{slug}'.");
        }
        return id;
    }

    private static string? Url(string? given, ValidationErrors errors)
    {
        if (string.IsNullOrWhiteSpace(given) || !Uri.TryCreate(given.Trim(), UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http") || given.Length > 2000)
        {
            errors.Add("url", "Give the endpoint's absolute http(s) address.");
            return null;
        }
        return uri.ToString();
    }

    private static string? Events(IReadOnlyList<string>? given, ValidationErrors errors)
    {
        if (given is not { Count: > 0 })
        {
            errors.Add("events", $"Name the events to send: \"*\" or some of {string.Join(", ", WebhookEvents.Types)}.");
            return null;
        }
        if (given.Contains("*"))
        {
            return "*";
        }
        var unknown = given.Where(e => !WebhookEvents.Types.Contains(e)).ToList();
        if (unknown.Count > 0)
        {
            errors.Add("events", $"Unknown event types: {string.Join(", ", unknown)}. Known: {string.Join(", ", WebhookEvents.Types)}.");
            return null;
        }
        return string.Join(",", given.Distinct());
    }
}

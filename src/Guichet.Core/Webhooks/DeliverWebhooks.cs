using System.Net.Http.Headers;
using System.Text;
using Guichet.Core.Data;
using Guichet.Core.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Guichet.Core.Webhooks;

/// <summary>
/// Posts due deliveries (W10): each row claimed with a short lease (several nodes never post the
/// same one at once), signed (<see cref="WebhookSignature"/>), marked delivered on a 2xx. Any other
/// answer, or none within ten seconds, is retried 1, 2, 4… minutes later (at most an hour apart)
/// for <see cref="WebhookDelivery.GiveUpAfter"/>; an endpoint refused <see cref="WebhookSubscription.PauseAfterFailures"/>
/// times in a row is paused, its deliveries wait, and the admins are told on the case it failed on.
/// </summary>
/// <param name="http">A typed client (the host registers it), so connections are pooled and renewed.</param>
public sealed class DeliverWebhooks(GuichetDb db, TimeProvider clock, HttpClient http, ILogger<DeliverWebhooks> logger)
{
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(2);

    public async Task<int> RunDueAsync(CancellationToken ct)
    {
        var now = clock.Now();
        var due = await db.WebhookDeliveries.Where(d => d.State == WebhookDeliveryState.Pending && d.NextAttemptAt <= now)
            .Where(d => db.WebhookSubscriptions.Any(s => s.Id == d.SubscriptionId && s.Active && s.PausedAt == null))
            .OrderBy(d => d.Id).Select(d => d.Id).Take(100).ToListAsync(ct);
        var delivered = 0;
        foreach (var id in due)
        {
            // The lease runs from the claim, not from the pass's start: earlier posts may have taken their ten seconds each.
            var claimedAt = clock.Now();
            var claimed = await db.WebhookDeliveries.Where(d => d.Id == id && d.State == WebhookDeliveryState.Pending && d.NextAttemptAt <= claimedAt)
                .ExecuteUpdateAsync(u => u.SetProperty(d => d.NextAttemptAt, claimedAt + Lease), ct);
            if (claimed == 0)
            {
                continue;
            }
            var delivery = await db.WebhookDeliveries.SingleAsync(d => d.Id == id, ct);
            var subscription = await db.WebhookSubscriptions.SingleAsync(s => s.Id == delivery.SubscriptionId, ct);
            if (subscription.PausedAt is not null)
            {
                // Paused by an earlier delivery of this pass: this one waits for the resume.
                delivery.NextAttemptAt = now;
            }
            else if (await PostAsync(subscription, delivery, ct))
            {
                delivered++;
            }
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
        }
        return delivered;
    }

    /// <summary>One attempt, recorded on the delivery and the endpoint.</summary>
    public async Task<bool> PostAsync(WebhookSubscription subscription, WebhookDelivery delivery, CancellationToken ct)
    {
        var now = clock.Now();
        delivery.Attempts++;
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, subscription.Url) { Content = new StringContent(delivery.Payload, Encoding.UTF8, "application/json") };
            request.Headers.Add(WebhookSignature.Header, WebhookSignature.Sign(subscription.Secret, now, delivery.Payload));
            request.Headers.Add("Guichet-Event", delivery.EventType);
            request.Headers.Add("Guichet-Delivery", delivery.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
            request.Headers.UserAgent.Add(new ProductInfoHeaderValue("Guichet-Webhooks", "1"));
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(TimeSpan.FromSeconds(10));
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            delivery.LastStatus = (int)response.StatusCode;
            delivery.LastAnswer = await StartOfAsync(response, timeout.Token);
            if (response.IsSuccessStatusCode)
            {
                delivery.State = WebhookDeliveryState.Delivered;
                delivery.DeliveredAt = clock.Now();
                subscription.FailuresInARow = 0;
                return true;
            }
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or InvalidOperationException or UriFormatException && !ct.IsCancellationRequested)
        {
            delivery.LastStatus = null;
            delivery.LastAnswer = $"{e.GetType().Name}: {e.Message}";
        }
        Refused(subscription, delivery, now);
        return false;
    }

    /// <summary>The first characters of the answer, read from at most 8 kB whatever its size or charset claims.</summary>
    private static async Task<string> StartOfAsync(HttpResponseMessage response, CancellationToken ct)
    {
        var buffer = new byte[8192];
        await using var body = await response.Content.ReadAsStreamAsync(ct);
        var read = 0;
        while (read < buffer.Length && await body.ReadAsync(buffer.AsMemory(read), ct) is var n and > 0)
        {
            read += n;
        }
        var text = Encoding.UTF8.GetString(buffer, 0, read);
        var cut = Math.Min(text.Length, 2000);
        if (cut > 0 && cut < text.Length && char.IsHighSurrogate(text[cut - 1]))
        {
            cut--;
        }
        return text[..cut];
    }

    private void Refused(WebhookSubscription subscription, WebhookDelivery delivery, DateTimeOffset now)
    {
        subscription.FailuresInARow++;
        logger.LogWarning("Webhook {Subscription}: delivery {Delivery} refused ({Status}), {Failures} in a row", subscription.Id, delivery.Id, delivery.LastStatus, subscription.FailuresInARow);
        if (now - delivery.CreatedAt >= WebhookDelivery.GiveUpAfter)
        {
            delivery.State = WebhookDeliveryState.Failed;
        }
        else
        {
            delivery.NextAttemptAt = now + TimeSpan.FromMinutes(Math.Min(60, Math.Pow(2, delivery.Attempts - 1)));
        }
        if (subscription.FailuresInARow >= WebhookSubscription.PauseAfterFailures && subscription.PausedAt is null)
        {
            subscription.PausedAt = now;
            subscription.PausedReason = $"{subscription.FailuresInARow} deliveries refused in a row; last: {delivery.LastStatus?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? delivery.LastAnswer}";
            foreach (var admin in db.Agents.Where(a => a.Role == Agents.AgentRole.Admin && a.Active).Select(a => a.Id).ToList())
            {
                db.Notifications.Add(new Notification
                {
                    AgentId = admin,
                    CaseId = delivery.CaseId,
                    Kind = NotificationKind.WebhookPaused,
                    Text = $"The webhook to {subscription.Url} was paused after {subscription.FailuresInARow} refused deliveries; resume it once the endpoint answers.",
                    CreatedAt = now,
                });
            }
        }
    }
}

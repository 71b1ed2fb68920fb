using Guichet.Core.Cases;
using Guichet.Core.Data;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Guichet.Core.Email;

/// <summary>
/// Sends the email outbox over SMTP. Each row is claimed with a short lease (a conditional
/// update, so several servers never send the same row at once), sent, and marked sent only after
/// the server accepted it. A failure backs off (1, 2, 4… minutes, up to an hour); after
/// <see cref="MaxAttempts"/> the row fails and the case shows a delivery failure to the agent.
/// </summary>
public sealed class DeliverOutbox(GuichetDb db, TimeProvider clock, SmtpSettings smtp, ILogger<DeliverOutbox> logger)
{
    public const int MaxAttempts = 12;
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(5);

    public async Task<int> RunDueAsync(CancellationToken ct)
    {
        var now = clock.Now();
        var due = await db.Outbox.Where(o => o.State == OutboxState.Pending && o.Channel == Channel.Email && o.NextAttemptAt <= now)
            .OrderBy(o => o.NextAttemptAt).ThenBy(o => o.Id).Select(o => o.Id).Take(100).ToListAsync(ct);
        if (due.Count == 0)
        {
            return 0;
        }
        using var client = new SmtpClient();
        var sent = 0;
        foreach (var id in due)
        {
            var leaseUntil = now + Lease;
            var claimed = await db.Outbox.Where(o => o.Id == id && o.State == OutboxState.Pending && o.NextAttemptAt <= now)
                .ExecuteUpdateAsync(s => s.SetProperty(o => o.NextAttemptAt, leaseUntil).SetProperty(o => o.Attempts, o => o.Attempts + 1), ct);
            if (claimed == 0)
            {
                continue;
            }
            var row = await db.Outbox.Include(o => o.Message).SingleAsync(o => o.Id == id, ct);
            if (row.Recipient.EndsWith(".invalid", StringComparison.OrdinalIgnoreCase))
            {
                // RFC 2606: no such address can exist. Test journeys write from there; nothing is sent back.
                row.State = OutboxState.Withheld;
                row.LastError = null;
                await db.SaveChangesAsync(ct);
                db.ChangeTracker.Clear();
                continue;
            }
            var @case = await db.Cases.Include(c => c.Team).Include(c => c.Customer).SingleAsync(c => c.Id == row.Message.CaseId, ct);
            var conversation = await db.Messages.Where(m => m.CaseId == @case.Id && m.InternetMessageId != null).OrderBy(m => m.CreatedAt).ThenBy(m => m.Id)
                .Select(m => new { m.InternetMessageId, m.Direction }).ToListAsync(ct);
            try
            {
                using var mail = OutgoingMail.Compose(row.Message, @case, row.Recipient, @case.Team.MailAddress ?? smtp.FromAddress, conversation.Select(c => (c.InternetMessageId!, c.Direction)).ToList());
                if (!client.IsConnected)
                {
                    await client.ConnectAsync(smtp.Host, smtp.Port, smtp.StartTls ? SecureSocketOptions.StartTls : SecureSocketOptions.None, ct);
                    if (smtp.Username is not null)
                    {
                        await client.AuthenticateAsync(smtp.Username, smtp.Password ?? "", ct);
                    }
                }
                await client.SendAsync(mail, ct);
                row.State = OutboxState.Sent;
                row.SentAt = clock.Now();
                row.LastError = null;
                sent++;
            }
            catch (Exception e) when (e is SmtpCommandException or SmtpProtocolException or IOException or System.Net.Sockets.SocketException or AuthenticationException or MailKit.ServiceNotConnectedException)
            {
                row.LastError = $"{e.GetType().Name}: {e.Message}";
                if (row.Attempts >= MaxAttempts)
                {
                    row.State = OutboxState.Failed;
                    @case.Events.Add(CaseEvent.Create(CaseEventKind.DeliveryFailed, now, null, null, row.Recipient, row.LastError));
                }
                else
                {
                    row.NextAttemptAt = now + TimeSpan.FromMinutes(Math.Min(60, Math.Pow(2, row.Attempts - 1)));
                }
                logger.LogWarning("Outbox {Id}: attempt {Attempt} failed ({Error})", row.Id, row.Attempts, e.GetType().Name);
            }
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
        }
        if (client.IsConnected)
        {
            await client.DisconnectAsync(quit: true, ct);
        }
        return sent;
    }
}

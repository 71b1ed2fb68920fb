using Guichet.Core.Cases;
using Guichet.Core.Data;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Guichet.Core.Email;

/// <summary>
/// Sends the email outbox over SMTP (decision 0023). Each row is claimed with a short lease (a
/// conditional update, so several servers never send the same row at once), sent, and marked sent
/// only after the server accepted it.
/// <list type="bullet">
/// <item>Per case, mail leaves in the order it was written: a row waits while an earlier row of
/// its case is still pending.</item>
/// <item>An unreachable server (refused, dropped, TLS or sign-in failing) is an outage, not the
/// message's fault: the pass stops, nothing is counted against the rows, and they all wait, for
/// as long as the outage lasts, to leave in order once it is over.</item>
/// <item>A temporary refusal of one message (4xx) backs off 1, 2, 4… minutes up to an hour; a
/// permanent one (5xx), or a message still refused <see cref="GiveUpAfter"/> after it was
/// written, fails, and the case shows the failure to the agent.</item>
/// </list>
/// </summary>
public sealed class DeliverOutbox(GuichetDb db, TimeProvider clock, SmtpSettings smtp, SmtpStatus status, ILogger<DeliverOutbox> logger)
{
    /// <summary>Postfix's own bounce horizon (maximal_queue_lifetime): after this a customer no longer expects the mail.</summary>
    public static readonly TimeSpan GiveUpAfter = TimeSpan.FromDays(5);
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(5);

    public async Task<int> RunDueAsync(CancellationToken ct)
    {
        var now = clock.Now();
        // A case whose earliest pending row is backing off or leased elsewhere waits whole.
        var due = await db.Outbox.Where(o => o.State == OutboxState.Pending && o.Channel == Channel.Email && o.NextAttemptAt <= now)
            .Where(o => !db.Outbox.Any(e => e.State == OutboxState.Pending && e.Channel == Channel.Email && e.Message.CaseId == o.Message.CaseId && e.Id < o.Id && e.NextAttemptAt > now))
            .OrderBy(o => o.Id).Select(o => new { o.Id, o.Message.CaseId }).Take(200).ToListAsync(ct);
        if (due.Count == 0)
        {
            return 0;
        }
        using var client = new SmtpClient();
        var sent = await SendInOrderAsync(client, due.Select(d => (d.Id, d.CaseId)), now, ct);
        if (client.IsConnected)
        {
            await client.DisconnectAsync(quit: true, ct);
        }
        return sent;
    }

    /// <summary>In written order; a case whose row must wait holds its later rows back, an outage stops the pass.</summary>
    private async Task<int> SendInOrderAsync(SmtpClient client, IEnumerable<(long Id, long CaseId)> due, DateTimeOffset now, CancellationToken ct)
    {
        var held = new HashSet<long>();
        var sent = 0;
        foreach (var (id, caseId) in due)
        {
            if (held.Contains(caseId))
            {
                continue;
            }
            var claimed = await db.Outbox.Where(o => o.Id == id && o.State == OutboxState.Pending && o.NextAttemptAt <= now)
                .ExecuteUpdateAsync(s => s.SetProperty(o => o.NextAttemptAt, now + Lease), ct);
            if (claimed == 0)
            {
                // Another node is sending this case's mail: the rest of the case follows it there.
                held.Add(caseId);
                continue;
            }
            var row = await db.Outbox.Include(o => o.Message).SingleAsync(o => o.Id == id, ct);
            var outcome = await SendAsync(client, row, ct);
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
            if (outcome == Outcome.ServerDown)
            {
                break;
            }
            sent += outcome == Outcome.Sent ? 1 : 0;
            if (outcome == Outcome.Retrying)
            {
                held.Add(caseId);
            }
        }
        return sent;
    }

    private enum Outcome { Sent, Withheld, Failed, Retrying, ServerDown }

    private async Task<Outcome> SendAsync(SmtpClient client, OutboxMessage row, CancellationToken ct)
    {
        var now = clock.Now();
        if (row.Recipient.EndsWith(".invalid", StringComparison.OrdinalIgnoreCase))
        {
            // RFC 2606: no such address can exist. Test journeys write from there; nothing is sent back.
            row.State = OutboxState.Withheld;
            row.LastError = null;
            return Outcome.Withheld;
        }
        var @case = await db.Cases.Include(c => c.Team).Include(c => c.Customer).SingleAsync(c => c.Id == row.Message.CaseId, ct);
        // The thread this mail continues: the customer's conversation, or the side conversation with this third party.
        var side = row.Message.IsSide;
        var conversation = await db.Messages.Where(m => m.CaseId == @case.Id && m.InternetMessageId != null)
            .Where(m => side ? (m.Kind == MessageKind.SideOut || m.Kind == MessageKind.SideIn) && m.ThirdParty == row.Message.ThirdParty : m.Kind != MessageKind.SideOut && m.Kind != MessageKind.SideIn)
            .OrderBy(m => m.CreatedAt).ThenBy(m => m.Id)
            .Select(m => new { m.InternetMessageId, m.Direction }).ToListAsync(ct);
        var files = await MessageFileContent.ReadAsync(db, row.Message.Id, ct);
        try
        {
            using var mail = OutgoingMail.Compose(row.Message, @case, row.Recipient, @case.Team.MailAddress ?? smtp.FromAddress, conversation.Select(c => (c.InternetMessageId!, c.Direction)).ToList(), files);
            if (!client.IsConnected)
            {
                await client.ConnectAsync(smtp.Host, smtp.Port, smtp.StartTls ? SecureSocketOptions.StartTls : SecureSocketOptions.None, ct);
                if (smtp.Username is not null)
                {
                    await client.AuthenticateAsync(smtp.Username, smtp.Password ?? "", ct);
                }
            }
            await client.SendAsync(mail, ct);
            status.Reached();
            row.Attempts++;
            row.State = OutboxState.Sent;
            row.SentAt = clock.Now();
            row.LastError = null;
            return Outcome.Sent;
        }
        catch (SmtpCommandException e) when (client.IsConnected)
        {
            // The server answered, about this message: 5xx is final, 4xx may pass later.
            status.Reached();
            row.Attempts++;
            row.LastError = $"{(int)e.StatusCode} {e.Message}";
            var permanent = (int)e.StatusCode >= 500;
            logger.LogWarning("Outbox {Id}: the mail server refused attempt {Attempt} ({Status})", row.Id, row.Attempts, (int)e.StatusCode);
            if (permanent || now - row.CreatedAt >= GiveUpAfter)
            {
                Fail(row, @case, now);
                return Outcome.Failed;
            }
            row.NextAttemptAt = now + TimeSpan.FromMinutes(Math.Min(60, Math.Pow(2, row.Attempts - 1)));
            return Outcome.Retrying;
        }
        catch (Exception e) when (e is SmtpCommandException or SmtpProtocolException or IOException or System.Net.Sockets.SocketException or AuthenticationException or MailKit.ServiceNotConnectedException)
        {
            // The server is out of reach, not this message at fault: nothing counted, the row waits where it is.
            status.OutOfReach(now);
            row.LastError = $"{e.GetType().Name}: {e.Message}";
            row.NextAttemptAt = now;
            if (now - row.CreatedAt >= GiveUpAfter)
            {
                Fail(row, @case, now);
            }
            logger.LogWarning("Outbox: the mail server {Host}:{Port} is out of reach ({Error}); {Id} and the rest wait", smtp.Host, smtp.Port, e.GetType().Name, row.Id);
            return Outcome.ServerDown;
        }
    }

    private static void Fail(OutboxMessage row, Case @case, DateTimeOffset now)
    {
        row.State = OutboxState.Failed;
        @case.Events.Add(CaseEvent.Create(CaseEventKind.DeliveryFailed, now, null, null, row.Recipient, row.LastError));
    }
}

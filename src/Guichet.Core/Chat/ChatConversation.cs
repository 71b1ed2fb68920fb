using System.Security.Cryptography;
using System.Text;
using Guichet.Core.Cases;
using Guichet.Core.Customers;
using Guichet.Core.Data;
using Guichet.Core.Replies;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using Guichet.Core.Teams;

namespace Guichet.Core.Chat;

/// <summary>
/// A chat visitor's side of live chat (H3). The widget keeps a random token; its hash is the
/// visitor's identity, so their conversation is one case whatever page they reload, and nobody
/// else can read it. Each message is a customer contact on their open chat case, or opens one
/// with its dated acknowledgment (P1). Outside business hours the widget says when people are
/// back and the message waits as a case like any other (P7).
/// </summary>
public sealed class ChatConversation(GuichetDb db, TimeProvider clock, OpenCase open)
{
    public const int MaxTextLength = 4_000;

    public sealed record Welcome(bool Open, string? BackAt, long? CaseId, IReadOnlyList<Message> History);

    public sealed record Sent(long CaseId, IReadOnlyList<Message> Written);

    public static string? Identity(string? visitorToken) =>
        visitorToken is { Length: >= 20 and <= 200 } ? "v:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(visitorToken)))[..40] : null;

    public async Task<Result<Welcome>> HelloAsync(string? visitorToken, string language, CancellationToken ct = default)
    {
        if (Identity(visitorToken) is not { } visitor)
        {
            return Failure.Invalid("visitor", "The widget's visitor token is missing or malformed.");
        }
        var team = await db.Teams.AsNoTracking().Receiving(null).FirstAsync(ct);
        var now = clock.Now().ToInstant();
        var open = team.Calendar.IsOpen(now);
        var backAt = open ? null : SpokenDate.Format(team.Calendar.NextOpening(now), team.Calendar.Zone, CustomerLanguage.ToWriteIn(language), now);
        var caseId = await ActiveCaseAsync(visitor, ct);
        var history = caseId is null ? [] : await db.Messages.AsNoTracking().Where(m => m.CaseId == caseId).OrderBy(m => m.CreatedAt).ThenBy(m => m.Id).ToListAsync(ct);
        return new Welcome(open, backAt, caseId, history);
    }

    public async Task<Result<Sent>> SendAsync(string? visitorToken, string? name, string? language, string? text, CancellationToken ct = default)
    {
        var errors = new ValidationErrors();
        var visitor = Identity(visitorToken);
        if (visitor is null)
        {
            errors.Add("visitor", "The widget's visitor token is missing or malformed.");
        }
        if (string.IsNullOrWhiteSpace(text) || text.Length > MaxTextLength)
        {
            errors.Add("text", $"Write a message (at most {MaxTextLength} characters).");
        }
        if (errors.Any)
        {
            return errors;
        }
        var now = clock.Now();
        await using var tx = await db.OwnTransactionAsync(ct);
        if (await ActiveCaseAsync(visitor!, ct) is { } caseId && await db.FindCaseAsync(caseId, ct) is { } @case)
        {
            var message = await CustomerWrites.RecordAsync(db, @case, Channel.Chat, text!.Trim(), @case.Customer.Name, null, now, ct);
            await db.SaveChangesAsync(ct);
            await tx.CommitIfOwnAsync(ct);
            return new Sent(caseId, [message]);
        }
        var who = string.IsNullOrWhiteSpace(name) ? "Visiteur" : name.Trim();
        var subject = text!.Trim() is { Length: > 80 } lengthy ? lengthy[..80].TrimEnd() + "…" : text.Trim();
        var opened = await open.ContactAsync(new OpenCaseRequest(new CustomerContact(who.Length > CustomerContact.MaxNameLength ? who[..CustomerContact.MaxNameLength] : who,
            Language: CustomerLanguage.IsSupported(language ?? "") ? language : null, ChatVisitor: visitor), "chat", subject, text.Trim(), null), ct);
        if (!opened.Succeeded)
        {
            return opened.Failure!;
        }
        await tx.CommitIfOwnAsync(ct);
        var written = opened.Value.Case.Messages.Where(m => m.Id != 0).OrderBy(m => m.Id).ToList();
        return new Sent(opened.Value.Case.Id, written);
    }

    private Task<long?> ActiveCaseAsync(string visitor, CancellationToken ct) =>
        db.LatestActiveCaseIdAsync(IdentityKind.ChatVisitor, visitor, Channel.Chat, ct);
}

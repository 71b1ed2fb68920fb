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

    /// <summary>
    /// <see cref="Open"/>: within the team's hours; <see cref="Staffed"/>: and someone is available
    /// now (P7: the widget says plainly when nobody is there, and when they are back).
    /// <see cref="Email"/>: the address the visitor gave, so they know the answer can reach them there.
    /// </summary>
    public sealed record Welcome(bool Open, string? BackAt, long? CaseId, IReadOnlyList<Message> History, bool Staffed = true, string? Name = null, string? Email = null);

    public sealed record Sent(long CaseId, IReadOnlyList<Message> Written);

    public static string? Identity(string? visitorToken) =>
        visitorToken is { Length: >= 20 and <= 200 } ? "v:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(visitorToken)))[..40] : null;

    public async Task<Result<Welcome>> HelloAsync(string? visitorToken, string language, CancellationToken ct = default)
    {
        if (Identity(visitorToken) is not { } visitor)
        {
            return Failure.Invalid("visitor", "The widget's visitor token is missing or malformed.");
        }
        var (open, staffed, backAt) = await StatusAsync(language, ct);
        var caseId = await ActiveCaseAsync(visitor, ct);
        var history = caseId is null ? [] : await db.Messages.AsNoTracking().Include(m => m.Attachments).Where(m => m.CaseId == caseId).Where(Message.WithCustomer).OrderBy(m => m.CreatedAt).ThenBy(m => m.Id).ToListAsync(ct);
        var customer = await db.Customers.AsNoTracking().Where(c => c.Identities.Any(i => i.Kind == IdentityKind.ChatVisitor && i.Value == visitor))
            .Select(c => new { c.Name, Email = c.Identities.Where(e => e.Kind == IdentityKind.Email).Select(e => e.Value).FirstOrDefault() })
            .FirstOrDefaultAsync(ct);
        return new Welcome(open, backAt, caseId, history, staffed, customer?.Name == Visitor ? null : customer?.Name, customer?.Email);
    }

    /// <summary>Whether the team is within its hours, whether someone is available now, and when they are back (P7).</summary>
    public async Task<(bool Open, bool Staffed, string? BackAt)> StatusAsync(string? language, CancellationToken ct = default)
    {
        var team = await db.Teams.AsNoTracking().Receiving(null).FirstAsync(ct);
        var now = clock.Now().ToInstant();
        var open = team.Calendar.IsOpen(now);
        var backAt = open ? null : SpokenDate.Format(team.Calendar.NextOpening(now), team.Calendar.Zone, CustomerLanguage.ToWriteIn(language ?? CustomerLanguage.Default), now);
        var staffed = open && await db.Agents.AnyAsync(a => a.TeamId == team.Id && a.Active && a.PasswordHash != "" && a.Presence == Agents.AgentPresence.Available, ct);
        return (open, staffed, backAt);
    }

    /// <summary>The visitor's name for the agent's case page while they type (W1), or null when they have no case.</summary>
    public async Task<(long CaseId, string Name)?> TypingAsync(string? visitorToken, CancellationToken ct = default)
    {
        if (Identity(visitorToken) is not { } visitor || await ActiveCaseAsync(visitor, ct) is not { } caseId)
        {
            return null;
        }
        var name = await db.Cases.Where(c => c.Id == caseId).Select(c => c.Customer.Name).FirstAsync(ct);
        return (caseId, name);
    }

    /// <summary>
    /// The visitor says who they are (P7, issue 24): their name replaces "Visiteur", their address lets
    /// the case be answered by email once they leave. An address another customer already holds is
    /// never taken over (a stranger could type anyone's): the case notes what was said, and an agent
    /// merges the two customers if it is them (C2). Before their first message there is nothing to
    /// record (false): the widget says it again once the message is sent.
    /// </summary>
    public async Task<Result<bool>> IntroduceAsync(string? visitorToken, string? name, string? email, CancellationToken ct = default)
    {
        var errors = new ValidationErrors();
        var visitor = Identity(visitorToken);
        if (visitor is null)
        {
            errors.Add("visitor", "The widget's visitor token is missing or malformed.");
        }
        var address = string.IsNullOrWhiteSpace(email) ? null : CustomerContact.NormaliseEmail(email.Trim());
        if (!string.IsNullOrWhiteSpace(email) && address is null)
        {
            errors.Add("email", $"'{email}' is not a valid email address.");
        }
        if (name is { Length: > CustomerContact.MaxNameLength })
        {
            errors.Add("name", $"A name is at most {CustomerContact.MaxNameLength} characters.");
        }
        if (errors.Any)
        {
            return errors;
        }
        var customer = await db.Customers.Include(c => c.Identities)
            .FirstOrDefaultAsync(c => c.Identities.Any(i => i.Kind == IdentityKind.ChatVisitor && i.Value == visitor), ct);
        if (customer is null)
        {
            return false;
        }
        await IntroduceAsync(customer, name, address, ct);
        await db.SaveChangesAsync(ct);
        return true;
    }

    private const string Visitor = "Visiteur";

    private async Task IntroduceAsync(Customer customer, string? name, string? address, CancellationToken ct)
    {
        if (!string.IsNullOrWhiteSpace(name))
        {
            customer.Name = name.Trim();
        }
        if (address is null || customer.Identities.Any(i => i.Kind == IdentityKind.Email && i.Value == address))
        {
            return;
        }
        var holder = await db.Customers.Where(c => c.Identities.Any(i => i.Kind == IdentityKind.Email && i.Value == address)).Select(c => new { c.Id, c.Name }).FirstOrDefaultAsync(ct);
        if (holder is null)
        {
            customer.Identities.Add(new CustomerIdentity { Kind = IdentityKind.Email, Value = address });
            return;
        }
        if (customer.Id != 0 && await ActiveCaseAsync(customer.Identities.First(i => i.Kind == IdentityKind.ChatVisitor).Value, ct) is { } caseId)
        {
            db.CaseEvents.Add(CaseEvent.Create(CaseEventKind.VisitorSaysAddress, clock.Now(), null, holder.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), address, holder.Name).On(caseId));
        }
    }

    public Task<Result<Sent>> SendAsync(string? visitorToken, string? name, string? language, string? text, CancellationToken ct = default) =>
        SendAsync(visitorToken, name, language, text, null, ct);

    /// <param name="files">A photo or a document from the widget (issue 26): checked by content, on the case like an email's files.</param>
    public async Task<Result<Sent>> SendAsync(string? visitorToken, string? name, string? language, string? text, IReadOnlyList<Files.NewFile>? files, CancellationToken ct = default)
    {
        var errors = new ValidationErrors();
        var visitor = Identity(visitorToken);
        if (visitor is null)
        {
            errors.Add("visitor", "The widget's visitor token is missing or malformed.");
        }
        var now = clock.Now();
        // Judged before anything is written: their kind and names now, the team's limit once the case is known.
        Files.FileChecks.Judge(files ?? [], errors);
        if (text is { Length: > MaxTextLength } || (string.IsNullOrWhiteSpace(text) && files is not { Count: > 0 }))
        {
            errors.Add("text", $"Write a message (at most {MaxTextLength} characters).");
        }
        if (errors.Any)
        {
            return errors;
        }
        // A file alone is a message too: its names are its words.
        var said = string.IsNullOrWhiteSpace(text) ? string.Join(", ", files!.Select(f => f.FileName)) : text.Trim();
        await using var tx = await db.OwnTransactionAsync(ct);
        if (await ActiveCaseAsync(visitor!, ct) is { } caseId && await db.FindCaseAsync(caseId, ct) is { } @case)
        {
            var message = await CustomerWrites.RecordAsync(db, @case, Channel.Chat, said, @case.Customer.Name, null, now, ct);
            if (await AttachAsync(@case, message, files, now, ct) is { } refused)
            {
                return refused;
            }
            await db.SaveChangesAsync(ct);
            await tx.CommitIfOwnAsync(ct);
            return new Sent(caseId, [message]);
        }
        var who = string.IsNullOrWhiteSpace(name) ? Visitor : name.Trim();
        var subject = said is { Length: > 80 } lengthy ? lengthy[..80].TrimEnd() + "…" : said;
        var opened = await open.ContactAsync(new OpenCaseRequest(new CustomerContact(who.Length > CustomerContact.MaxNameLength ? who[..CustomerContact.MaxNameLength] : who,
            Language: CustomerLanguage.IsSupported(language ?? "") ? language : null, ChatVisitor: visitor), "chat", subject, said, null), ct);
        if (!opened.Succeeded)
        {
            return opened.Failure!;
        }
        if (await AttachAsync(opened.Value.Case, opened.Value.Message, files, now, ct) is { } over)
        {
            // Not committed: the case it opened goes with it.
            return over;
        }
        await db.SaveChangesAsync(ct);
        await tx.CommitIfOwnAsync(ct);
        var written = opened.Value.Case.Messages.Where(m => m.Id != 0).OrderBy(m => m.Id).ToList();
        return new Sent(opened.Value.Case.Id, written);
    }

    private async Task<Failure?> AttachAsync(Case @case, Message message, IReadOnlyList<Files.NewFile>? files, DateTimeOffset now, CancellationToken ct)
    {
        if (files is not { Count: > 0 })
        {
            return null;
        }
        var attached = await MessageFiles.ResolveAsync(db, @case, null, null, files, null, now, ct);
        if (!attached.Succeeded)
        {
            return attached.Failure;
        }
        message.Attachments.AddRange(attached.Value);
        return null;
    }

    private Task<long?> ActiveCaseAsync(string visitor, CancellationToken ct) =>
        db.LatestActiveCaseIdAsync(IdentityKind.ChatVisitor, visitor, Channel.Chat, ct);
}

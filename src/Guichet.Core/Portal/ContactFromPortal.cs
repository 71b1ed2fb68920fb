using Guichet.Core.Cases;
using Guichet.Core.Customers;
using Guichet.Core.Data;
using Guichet.Core.Replies;

namespace Guichet.Core.Portal;

/// <summary>What a customer types in the public contact form.</summary>
public sealed record PortalContact(string? Name, string? Email, string? Language, string? Subject, string? Body);

/// <summary>
/// A customer writes through the public portal (H2): the case opens with its dated acknowledgment
/// (P1), and they get a private link to follow it and write again, in the acknowledgment and on
/// screen. A message that joins their open case on the same matter (C1) is added to it, and the
/// link goes only to their mailbox (issue 21): typing someone's address on a public form must never
/// show a browser that person's case.
/// </summary>
public sealed class ContactFromPortal(GuichetDb db, TimeProvider clock, OpenCase open)
{
    /// <summary>The case; the private link's token when it may be shown on screen (a new case), null when it was mailed.</summary>
    public sealed record Opened(long CaseId, string? Token)
    {
        public bool Joined => Token is null;
    }

    public Task<Result<Opened>> RunAsync(PortalContact form, string baseUrl, CancellationToken ct = default) => RunAsync(form, baseUrl, null, ct);

    /// <param name="files">Photos or documents sent with the form (issue 26): judged first, stored with the message or not at all.</param>
    public async Task<Result<Opened>> RunAsync(PortalContact form, string baseUrl, IReadOnlyList<Files.NewFile>? files, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(form.Email))
        {
            // The answer has to reach them somewhere; the private link alone can be lost.
            return Failure.Invalid("customer.email", "Your email address is required so that we can answer you.");
        }
        var judged = new ValidationErrors();
        Files.FileChecks.Judge(files ?? [], judged);
        if (judged.Any)
        {
            return judged;
        }
        var token = PortalAccess.NewToken();
        await using var tx = await db.OwnTransactionAsync(ct);
        var opened = await open.ContactAsync(new OpenCaseRequest(new CustomerContact(form.Name, form.Email, Language: string.IsNullOrWhiteSpace(form.Language) ? null : form.Language), "portal", form.Subject, form.Body, null)
        {
            FollowLink = $"{baseUrl.TrimEnd('/')}/suivi/{token}",
        }, ct);
        if (!opened.Succeeded)
        {
            return opened.Failure!;
        }
        var now = clock.Now();
        var @case = opened.Value.Case;
        if (files is { Count: > 0 })
        {
            // Within the team's limit, now that the team is known; refused, nothing is committed.
            var attached = await MessageFiles.ResolveAsync(db, @case, null, null, files, null, now, ct);
            if (!attached.Succeeded)
            {
                return attached.Failure!;
            }
            opened.Value.Message.Attachments.AddRange(attached.Value);
        }
        db.PortalAccesses.Add(PortalAccess.For(@case.Id, token, now));
        if (opened.Value.Appended)
        {
            var followLink = $"{baseUrl.TrimEnd('/')}/suivi/{token}";
            var composed = db.TemplateBook.Automatic(ShippedTemplates.FollowLink, TemplateFacts.Of(@case, now.ToInstant()) with { FollowLink = followLink },
                GuardContext.For(@case.Customer) with { CarriesPromise = true });
            @case.RecordRefusedTemplate(ShippedTemplates.FollowLink, composed, now);
            var notice = new Message
            {
                Direction = MessageDirection.Out,
                Kind = MessageKind.IntakeNotice,
                Channel = Channel.Portal,
                Body = composed.Body,
                AuthorName = @case.Team.Name,
                IsAutomatic = true,
                CreatedAt = now,
            };
            @case.Messages.Add(notice);
            // To the address typed, which is one of theirs (it found them): the link reaches them and nobody else.
            db.Outbox.Add(Outbox.Create(@case, notice, now, CustomerContact.NormaliseEmail(form.Email)));
        }
        await db.SaveChangesAsync(ct);
        await tx.CommitIfOwnAsync(ct);
        return new Opened(@case.Id, opened.Value.Appended ? null : token);
    }
}

using Guichet.Core.Cases;
using Guichet.Core.Customers;
using Guichet.Core.Data;
using Microsoft.EntityFrameworkCore;
using Guichet.Core.Teams;

namespace Guichet.Core.Social;

/// <summary>
/// A comment or private message from a social platform (H5, H6), stored once per event id. A public
/// complaint or question, and every private message, is a customer contact: it joins the author's
/// open case (so the private conversation continues the public one, C1) or opens a case, with a
/// shorter first-response target for what was said in public (H6). Opinions are kept and counted,
/// never turned into cases; insults and spam are hidden by the charter, as is personal data
/// posted in public, and nothing else is.
/// </summary>
public sealed class ReceiveSocialEvent(GuichetDb db, TimeProvider clock, OpenCase open, ModerationCharter charter)
{
    public const int MaxTextLength = 10_000;

    public sealed record Received(SocialPost Post, bool Duplicate);

    public async Task<Result<Received>> RunAsync(string platform, SocialEvent? ev, CancellationToken ct = default)
    {
        var errors = new ValidationErrors();
        var kind = SocialKind.Comment;
        if (ev is null)
        {
            return Failure.Invalid("body", "Send the event as JSON.");
        }
        if (string.IsNullOrWhiteSpace(ev.EventId) || ev.EventId.Length > 200)
        {
            errors.Add("eventId", "The platform's event id is required (at most 200 characters).");
        }
        if (ev.Kind is null || !WireNames.TryParseWire(ev.Kind, out kind))
        {
            errors.Add("kind", "Give the kind of event: comment (public) or message (private).");
        }
        var handle = ev.Author?.Handle is { } h ? SocialHandle.Normalise($"{platform}:{h}") : null;
        if (handle is null)
        {
            errors.Add("author.handle", "The author's handle is required (letters, digits, . _ -).");
        }
        if (string.IsNullOrWhiteSpace(ev.Text) || ev.Text.Length > MaxTextLength)
        {
            errors.Add("text", $"The text is required (at most {MaxTextLength} characters).");
        }
        if (ev.Time is null)
        {
            errors.Add("time", "When it was posted is required.");
        }
        if (errors.Any)
        {
            return errors;
        }
        if (await db.SocialPosts.AsNoTracking().FirstOrDefaultAsync(p => p.Platform == platform && p.EventId == ev.EventId, ct) is { } seen)
        {
            return new Received(seen, Duplicate: true);
        }

        var text = ev.Text!.Trim();
        var verdict = kind == SocialKind.Message ? new SocialClassifier.Verdict(SocialClassifier.Classify(text).Class, "private message: always a contact") : SocialClassifier.Classify(text);
        var now = clock.Now();
        var post = new SocialPost
        {
            Platform = platform,
            EventId = ev.EventId!,
            Kind = kind,
            PostId = ev.PostId,
            AuthorHandle = handle!,
            AuthorName = ev.Author?.Name?.Trim(),
            Text = text,
            Url = ev.Url,
            PostedAt = ev.Time!.Value.ToUniversalTime(),
            ReceivedAt = now,
            Class = verdict.Class,
            Rule = verdict.Rule,
            HiddenBecause = kind == SocialKind.Comment ? charter.HideBecause(text, verdict.Class) : null,
        };
        await using var tx = await db.OwnTransactionAsync(ct);
        var isContact = kind == SocialKind.Message || verdict.Class is SocialClass.Complaint or SocialClass.Question;
        if (isContact)
        {
            var contact = await RecordContactAsync(post, now, ct);
            if (!contact.Succeeded)
            {
                return contact.Failure!;
            }
            (post.CaseId, post.MessageId) = (contact.Value.CaseId, contact.Value.Id);
        }
        db.SocialPosts.Add(post);
        await db.SaveChangesAsync(ct);
        await tx.CommitIfOwnAsync(ct);
        return new Received(post, Duplicate: false);
    }

    private async Task<Result<Message>> RecordContactAsync(SocialPost post, DateTimeOffset now, CancellationToken ct)
    {
        var name = string.IsNullOrWhiteSpace(post.AuthorName) ? post.AuthorHandle : post.AuthorName;
        var active = await db.LatestActiveCaseIdAsync(IdentityKind.Social, post.AuthorHandle, null, ct);
        if (active is { } caseId && await db.FindCaseAsync(caseId, ct) is { } @case)
        {
            var message = await CustomerWrites.RecordAsync(db, @case, Channel.Social, post.Text, name, null, now, ct);
            await db.SaveChangesAsync(ct);
            return message;
        }
        var hours = post.Kind == SocialKind.Comment
            ? await db.Teams.Receiving(null).Select(t => (double?)t.PublicResponseBusinessHours).FirstOrDefaultAsync(ct)
            : null;
        var subject = post.Text.Length <= 80 ? post.Text : post.Text[..80].TrimEnd() + "…";
        var opened = await open.ContactAsync(new OpenCaseRequest(new CustomerContact(name.Length > CustomerContact.MaxNameLength ? name[..CustomerContact.MaxNameLength] : name, Social: post.AuthorHandle), "social", subject, post.Text, null)
        {
            FirstResponseBusinessHours = hours,
        }, ct);
        return opened.Succeeded ? opened.Value.Message : opened.Failure!;
    }
}

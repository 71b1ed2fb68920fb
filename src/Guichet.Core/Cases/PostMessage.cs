using Guichet.Core.Agents;
using Guichet.Core.Data;
using Guichet.Core.Promises;
using Guichet.Core.Replies;
using Microsoft.EntityFrameworkCore;

namespace Guichet.Core.Cases;

/// <summary>
/// Adds a message to a case. Inbound: a customer contact (counted; a resolved case reopens and
/// is acknowledged again, SPEC P1, C1). Outbound: a person's reply, checked by the send guard
/// (Q4), which keeps the first-response promise (P2) and makes the replier the owner (C4).
/// </summary>
public sealed class PostMessage(GuichetDb db, TimeProvider clock, Chat.IChatRelay chat)
{
    public Task<Result<Message>> RunAsync(long caseId, PostMessageRequest request, Agent actor, CancellationToken ct = default) =>
        RunAsync(caseId, request, actor, null, ct);

    /// <param name="newFiles">Files given with the message itself (a form's upload), stored with it or not at all.</param>
    public async Task<Result<Message>> RunAsync(long caseId, PostMessageRequest request, Agent actor, IReadOnlyList<Files.NewFile>? newFiles, CancellationToken ct = default)
    {
        var errors = new ValidationErrors();
        var direction = MessageDirection.Out;
        if (request.Direction is null || !WireNames.TryParseWire(request.Direction, out direction))
        {
            errors.Add("direction", "The direction must be \"in\" (from the customer) or \"out\" (to the customer).");
        }
        Channel? channel = null;
        if (request.Channel is not null)
        {
            if (WireNames.TryParseWire<Channel>(request.Channel, out var parsed))
            {
                channel = parsed;
            }
            else
            {
                errors.Add("channel", $"'{request.Channel}' is not a channel.");
            }
        }
        if (string.IsNullOrWhiteSpace(request.Body) && (request.TemplateId is null || direction == MessageDirection.In))
        {
            errors.Add("body", "The message body is empty.");
        }
        else if (request.Body is not null && request.Body.Length > OpenCaseRequest.MaxBodyLength)
        {
            errors.Add("body", $"The message body is longer than {OpenCaseRequest.MaxBodyLength} characters.");
        }
        var now = clock.Now();
        if (request.Promise is not null)
        {
            if (direction == MessageDirection.In)
            {
                errors.Add("promise", "Only a reply to the customer can carry a promise.");
            }
            else
            {
                MakePromise.Validate(request.Promise, now, errors, "promise.");
            }
        }
        if (request.Public && (direction == MessageDirection.In || (channel is { } chosen && chosen != Channel.Social)))
        {
            errors.Add("public", "Only an answer on the social channel can be posted in public.");
        }
        var cc = CopiedPeople.Read(request.Cc, errors, "cc");
        var bcc = CopiedPeople.Read(request.Bcc, errors, "bcc");
        if (direction == MessageDirection.In && (cc is { Count: > 0 } || bcc is { Count: > 0 }))
        {
            errors.Add(cc is { Count: > 0 } ? "cc" : "bcc", "Only a reply to the customer is copied to others.");
        }
        if (errors.Any)
        {
            return errors;
        }

        var @case = await db.FindCaseAsync(caseId, ct);
        if (@case is null)
        {
            return CaseQueries.CaseNotFound(caseId);
        }
        var body = request.Body;
        if (direction == MessageDirection.Out && request.CaseVersion is { } seen && await HeldAsync(caseId, seen, actor, ct) is { } held)
        {
            return held;
        }
        if (direction == MessageDirection.Out)
        {
            var crisis = @case.CrisisId is { } crisisId && db.TemplateBook.Crisis(crisisId) is { } found && found.IsActive(now) ? found : null;
            var guard = GuardContext.For(@case.Customer, body ?? "").WithTeam(@case.Team) with
            {
                CarriesPromise = request.Promise is not null,
                SensitiveCase = @case.IsDelicate,
                Crisis = crisis?.Name,
                WaivedFees = crisis?.FeeList ?? [],
                StandardTemplate = crisis is not null && request.TemplateId is { } picked && picked != TemplateBook.CrisisReply,
            };
            if (request.TemplateId is { } templateId)
            {
                var facts = TemplateFacts.Of(@case, now.ToInstant(), actor.Name, request.Variables);
                var source = db.TemplateBook.ForReply(@case.Team, templateId, facts.Language, crisis);
                if (source is null)
                {
                    return Failure.Invalid("templateId", $"The team {@case.Team.Name} has no template '{templateId}' in {(facts.Language == "en" ? "English" : "French")}.");
                }
                var rendered = LiquidTemplate.Render(source, facts.ToModel());
                if (rendered.Refused is { } bounds)
                {
                    return Failure.Refuse("templateId", bounds);
                }
                // Sent as the template wrote it: its empty fields count (Q1) and so does E4; edited, the agent's text is what leaves.
                var unchanged = string.IsNullOrWhiteSpace(body) || Same(body, rendered.Text);
                body = unchanged ? rendered.Text : body;
                guard = guard with
                {
                    Body = body!,
                    EmptyFields = unchanged ? rendered.EmptyFields : [],
                    TemplateUnchanged = unchanged,
                    // The crisis's own answer may say which fees are waived; edited, the agent's words are checked.
                    WaivedFees = unchanged && templateId == TemplateBook.CrisisReply ? [] : guard.WaivedFees,
                };
            }
            var reasons = SendGuard.Check(guard);
            var overrides = (request.Overrides ?? []).ToHashSet(StringComparer.Ordinal);
            var allowed = @case.Team.OverridableWarnings.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);
            if (reasons.Any(r => r.Blocking || !overrides.Contains(r.Code) || !allowed.Contains(r.Code)))
            {
                return SendGuardFailure.From(reasons, allowed);
            }
            if (reasons.Count > 0)
            {
                if (string.IsNullOrWhiteSpace(request.Justification))
                {
                    return Failure.Invalid("justification", "Say why this reply should leave despite the warnings you checked.");
                }
                @case.Events.Add(CaseEvent.Create(CaseEventKind.GuardOverridden, now, actor, null, string.Join(",", reasons.Select(r => r.Code)), request.Justification.Trim()));
            }
        }

        var files = await MessageFiles.ResolveAsync(db, @case, request.Files, request.Attachments, newFiles, actor, now, ct);
        if (!files.Succeeded)
        {
            return files.Failure!;
        }
        Message message;
        if (direction == MessageDirection.In)
        {
            message = await CustomerWrites.RecordAsync(db, @case, channel ?? @case.Channel, body!, @case.Customer.Name, null, now, ct);
            message.Attachments.AddRange(files.Value);
        }
        else
        {
            // The answer goes back where the customer last wrote from, unless the agent picks another channel.
            var lastUsed = await db.Messages.Where(m => m.CaseId == caseId && m.Direction == MessageDirection.In && m.Kind != MessageKind.SideIn)
                .OrderByDescending(m => m.CreatedAt).ThenByDescending(m => m.Id).Select(m => (Channel?)m.Channel).FirstOrDefaultAsync(ct);
            string? publicPost = null;
            if (request.Public)
            {
                publicPost = await db.SocialPosts.Where(p => p.CaseId == caseId && p.Kind == Social.SocialKind.Comment)
                    .OrderByDescending(p => p.Id).Select(p => p.Platform + ":" + p.PostId).FirstOrDefaultAsync(ct);
                if (publicPost is null)
                {
                    return Failure.Invalid("public", "This case has no public comment to answer under.");
                }
            }
            message = new Message
            {
                Direction = MessageDirection.Out,
                Kind = MessageKind.Reply,
                IsPublic = request.Public,
                Channel = request.Public ? Channel.Social : channel ?? lastUsed ?? @case.Channel,
                Body = body!,
                AuthorId = actor.Id,
                AuthorName = actor.Name,
                CreatedAt = now,
            };
            message.Attachments.AddRange(files.Value);
            @case.Messages.Add(message);
            @case.AnsweredBy(actor, now);
            if (request.Promise is { } commitment)
            {
                message.Promise = Promise.Make(@case, PromiseKind.Commitment, commitment.What!.Trim(),
                    MakePromise.DueFor(commitment, @case.Team, now), actor, commitment.ToConfirm, now);
            }
            // A public answer goes under the post; the platform adapter delivers from the outbox.
            var delivery = Outbox.Create(@case, message, now, recipient: publicPost is null ? null : $"post:{publicPost}");
            if (Copy(@case, message, delivery, cc, bcc) is { } notByMail)
            {
                return notByMail;
            }
            db.Outbox.Add(delivery);
        }
        await db.SaveChangesAsync(ct);
        if (message.Channel == Channel.Chat)
        {
            // The visitor sees the answer in their widget as soon as it is stored.
            await chat.PublishAsync(caseId, message, ct);
        }
        return message;
    }

    /// <summary>
    /// A reply by email copies the people on the conversation: those the agent listed, who then are the
    /// case's, or else the case's as the customer copied them; a blind copy is for this reply alone.
    /// </summary>
    private static Failure? Copy(Case @case, Message message, OutboxMessage delivery, IReadOnlyList<string>? cc, IReadOnlyList<string>? bcc)
    {
        if (delivery.Channel != Channel.Email)
        {
            // The case page sends the case's list as it stands: unchanged, it asks nothing of a chat or phone reply.
            var asks = cc is { Count: > 0 } && !cc.ToHashSet(StringComparer.OrdinalIgnoreCase).SetEquals(CopiedPeople.Parse(@case.Copied));
            return asks || bcc is { Count: > 0 } ? Failure.Invalid(asks ? "cc" : "bcc", $"This reply goes by {delivery.Channel.ToWire()}, not by email: no one can be copied on it.") : null;
        }
        if (cc is not null)
        {
            @case.Copied = CopiedPeople.Join("", cc, a => a.Equals(delivery.Recipient, StringComparison.OrdinalIgnoreCase));
        }
        message.Cc = @case.Copied.Length == 0 ? null : @case.Copied;
        message.Bcc = bcc is { Count: > 0 } ? CopiedPeople.Format(bcc) : null;
        return null;
    }

    private static string Flat(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    /// <summary>
    /// W2: a reply written on an older state of the case waits; the agent (or API client) sees what
    /// others did since and sends again with the version they now answer.
    /// </summary>
    private async Task<Failure?> HeldAsync(long caseId, string seen, Agent actor, CancellationToken ct)
    {
        if (!CaseVersion.TryParse(seen, out var lastMessage, out var lastEvent))
        {
            return Failure.Invalid("caseVersion", $"'{seen}' is not a case version: send the \"version\" the case was read at (like m12e40).");
        }
        var changes = await CaseVersion.SinceAsync(db, caseId, lastMessage, lastEvent, actor.Id, ct);
        if (changes.Count == 0)
        {
            return null;
        }
        var now = await CaseVersion.OfAsync(db, caseId, ct);
        return new Failure(FailureKind.Conflict, new Dictionary<string, string[]>
        {
            ["caseVersion"] = [$"The case changed since version {seen} (it is now {now}); read what changed and send again with caseVersion {now}.", .. changes.Select(c => c.Sentence)],
        }, "Held: the case changed since it was read")
        {
            Sayings = [new Saying("held.changed", [now])],
        };
    }

    private static bool Same(string a, string b) => string.Equals(Flat(a), Flat(b), StringComparison.Ordinal);
}

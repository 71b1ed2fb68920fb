using Guichet.Core.Agents;
using Guichet.Core.Data;

namespace Guichet.Core.Cases;

/// <summary>CONTRACT POST /api/cases/{id}/side-conversations: what to write to a third party, and which files go with it.</summary>
public sealed record SideConversationRequest(string? To, string? Body, IReadOnlyList<long>? Files = null, IReadOnlyList<long>? Attachments = null);

/// <summary>
/// Writes to a third party about a case (issue 26): a carrier, a supplier, the baggage office. The
/// mail leaves from the team's address like a reply, with the case's files if chosen, and threads on
/// its own; its answers come back on the case (<see cref="Email.ReceiveEmail"/>) and notify the owner.
/// Agents see the whole side conversation; the customer never does (<see cref="Message.IsSide"/>),
/// and it neither answers the customer nor keeps any promise made to them.
/// </summary>
public sealed class SideConversation(GuichetDb db, TimeProvider clock)
{
    public async Task<Result<Message>> RunAsync(long caseId, SideConversationRequest request, Agent actor, IReadOnlyList<Files.NewFile>? newFiles = null, CancellationToken ct = default)
    {
        var errors = new ValidationErrors();
        var to = CopiedPeople.Read(request.To is null ? null : [request.To], errors, "to");
        if (to is null || (to.Count == 0 && !errors.Has("to")))
        {
            errors.Add("to", "Name the third party's email address.");
        }
        else if (to.Count > 1)
        {
            errors.Add("to", "A side conversation is with one third party: start one per address.");
        }
        if (string.IsNullOrWhiteSpace(request.Body))
        {
            errors.Add("body", "The message body is empty.");
        }
        else if (request.Body.Length > OpenCaseRequest.MaxBodyLength)
        {
            errors.Add("body", $"The message body is longer than {OpenCaseRequest.MaxBodyLength} characters.");
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
        var address = to![0];
        if (@case.Customer.Identities.Any(i => string.Equals(i.Value, address, StringComparison.OrdinalIgnoreCase)))
        {
            return Failure.Invalid("to", "That is the customer's own address: write to them with a reply.");
        }
        var now = clock.Now();
        var files = await MessageFiles.ResolveAsync(db, @case, request.Files, request.Attachments, newFiles, actor, now, ct);
        if (!files.Succeeded)
        {
            return files.Failure!;
        }
        var message = new Message
        {
            Direction = MessageDirection.Out,
            Kind = MessageKind.SideOut,
            Channel = Channel.Email,
            Body = request.Body!.Trim(),
            AuthorId = actor.Id,
            AuthorName = actor.Name,
            CreatedAt = now,
            ThirdParty = address,
        };
        message.Attachments.AddRange(files.Value);
        @case.Messages.Add(message);
        db.Outbox.Add(Outbox.Create(@case, message, now, recipient: address));
        await db.SaveChangesAsync(ct);
        return message;
    }
}

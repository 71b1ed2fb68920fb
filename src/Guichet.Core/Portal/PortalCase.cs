using Guichet.Core.Cases;
using Guichet.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Guichet.Core.Portal;

/// <summary>The case behind a private link, and the customer writing again from it.</summary>
public sealed class PortalCase(GuichetDb db, TimeProvider clock)
{
    /// <summary>The case a token opens; null for any token that is not a live one (nothing tells them apart).</summary>
    public async Task<long?> FindAsync(string? token, CancellationToken ct = default)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 100)
        {
            return null;
        }
        var hash = PortalAccess.Hash(token);
        return await db.PortalAccesses.Where(a => a.TokenHash == hash && a.RevokedAt == null).Select(a => (long?)a.CaseId).FirstOrDefaultAsync(ct);
    }

    public Task<Result<Message>> ReplyAsync(string token, string? body, CancellationToken ct = default) => ReplyAsync(token, body, null, ct);

    /// <param name="files">Photos or documents sent with it (issue 26), on the case like an email's files; a file alone is a message too.</param>
    public async Task<Result<Message>> ReplyAsync(string token, string? body, IReadOnlyList<Files.NewFile>? files, CancellationToken ct = default)
    {
        if (await FindAsync(token, ct) is not { } caseId || await db.FindCaseAsync(caseId, ct) is not { } @case)
        {
            return Failure.NotFound("token", "This link does not open a case.");
        }
        if (string.IsNullOrWhiteSpace(body) && files is not { Count: > 0 })
        {
            return Failure.Invalid("body", "Write your message.");
        }
        if (body is { Length: > OpenCaseRequest.MaxBodyLength })
        {
            return Failure.Invalid("body", $"The message is longer than {OpenCaseRequest.MaxBodyLength} characters.");
        }
        var now = clock.Now();
        var attached = await MessageFiles.ResolveAsync(db, @case, null, null, files, null, now, ct);
        if (!attached.Succeeded)
        {
            return attached.Failure!;
        }
        var said = string.IsNullOrWhiteSpace(body) ? string.Join(", ", files!.Select(f => f.FileName)) : body.Trim();
        var message = await CustomerWrites.RecordAsync(db, @case, Channel.Portal, said, @case.Customer.Name, null, now, ct);
        message.Attachments.AddRange(attached.Value);
        await db.SaveChangesAsync(ct);
        return message;
    }

    /// <summary>A file the customer may download from their link: on their case, on a message they see (not a side conversation).</summary>
    public async Task<Attachment?> FileAsync(string? token, long attachmentId, CancellationToken ct = default) =>
        await FindAsync(token, ct) is { } caseId
            ? await db.Attachments.AsNoTracking().Where(a => a.Id == attachmentId && db.Messages.Where(Message.WithCustomer).Any(m => m.Id == a.MessageId && m.CaseId == caseId)).FirstOrDefaultAsync(ct)
            : null;
}

using Guichet.Core.Agents;
using Guichet.Core.Cases;
using Guichet.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Guichet.Core.Customers;

/// <summary>
/// Erases a customer at their request (issue 10, right to erasure): every message on their cases
/// redacted, their identities, assets, portal links and stored emails removed, subjects and event
/// notes blanked, nothing more sent to them, with the reason and the person recorded. Cases,
/// promises, events and their times stay, so every figure (effort, promise keeping, surveys'
/// scores) stays true. One transaction: erased entirely or not at all.
/// </summary>
public sealed class EraseCustomer(GuichetDb db, TimeProvider clock)
{
    public const string Redacted = "[effacé à la demande du client]";
    public const int MaxReasonLength = 500;

    public async Task<Result<Customer>> RunAsync(long customerId, string? reason, Agent actor, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(reason) || reason.Length > MaxReasonLength)
        {
            return Failure.Invalid("reason", $"Say why the customer is erased (their request, its date; up to {MaxReasonLength} characters).");
        }
        var customer = await db.Customers.FirstOrDefaultAsync(c => c.Id == customerId, ct);
        if (customer is null)
        {
            return Failure.NotFound("id", $"There is no customer {customerId}.");
        }
        if (customer.ErasedAt is not null)
        {
            return Failure.Conflict("id", $"Customer {customerId} was erased on {customer.ErasedAt:yyyy-MM-dd}.");
        }
        var now = clock.GetUtcNow();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var cases = db.Cases.Where(c => c.CustomerId == customerId).Select(c => c.Id);
        var messages = db.Messages.Where(m => cases.Contains(m.CaseId));
        await db.Attachments.Where(a => messages.Any(m => m.Id == a.MessageId)).ExecuteDeleteAsync(ct);
        await db.Files.Where(f => cases.Contains(f.CaseId)).ExecuteDeleteAsync(ct);
        // Payloads already written may name them and quote them: none leaves any more.
        await db.WebhookDeliveries.Where(d => cases.Contains(d.CaseId)).ExecuteDeleteAsync(ct);
        await db.InboundEmails.Where(e => e.CaseId != null && cases.Contains(e.CaseId.Value))
            .ExecuteUpdateAsync(u => u.SetProperty(e => e.Raw, Array.Empty<byte>()).SetProperty(e => e.From, (string?)null).SetProperty(e => e.Subject, (string?)null), ct);
        await messages.ExecuteUpdateAsync(u => u.SetProperty(m => m.Body, Redacted).SetProperty(m => m.Cc, (string?)null).SetProperty(m => m.Bcc, (string?)null), ct);
        await messages.Where(m => m.Direction == MessageDirection.In).ExecuteUpdateAsync(u => u.SetProperty(m => m.AuthorName, "Client effacé"), ct);
        await db.Cases.Where(c => c.CustomerId == customerId).ExecuteUpdateAsync(u => u.SetProperty(c => c.Subject, Redacted).SetProperty(c => c.Copied, ""), ct);
        await db.CaseEvents.Where(e => cases.Contains(e.CaseId)).ExecuteUpdateAsync(u => u.SetProperty(e => e.Detail, (string?)null), ct);
        await db.SocialPosts.Where(p => p.CaseId != null && cases.Contains(p.CaseId.Value))
            .ExecuteUpdateAsync(u => u.SetProperty(p => p.Text, Redacted).SetProperty(p => p.AuthorHandle, "").SetProperty(p => p.AuthorName, (string?)null).SetProperty(p => p.Url, (string?)null), ct);
        await db.PhoneCalls.Where(c => cases.Contains(c.CaseId)).ExecuteUpdateAsync(u => u.SetProperty(c => c.Caller, (string?)null).SetProperty(c => c.Callee, (string?)null), ct);
        await db.PortalAccesses.Where(p => cases.Contains(p.CaseId)).ExecuteDeleteAsync(ct);
        await db.Outbox.Where(o => cases.Contains(o.Message.CaseId) && o.State == OutboxState.Pending).ExecuteUpdateAsync(u => u.SetProperty(o => o.State, OutboxState.Withheld), ct);
        await db.Outbox.Where(o => cases.Contains(o.Message.CaseId)).ExecuteUpdateAsync(u => u.SetProperty(o => o.Recipient, ""), ct);
        await db.Surveys.Where(s => cases.Contains(s.CaseId)).ExecuteUpdateAsync(u => u.SetProperty(s => s.Comment, (string?)null), ct);
        await db.CustomerIdentities.Where(i => i.CustomerId == customerId).ExecuteDeleteAsync(ct);
        await db.CustomerAssets.Where(a => a.CustomerId == customerId).ExecuteDeleteAsync(ct);
        customer.Name = $"Client effacé {customerId}";
        customer.Salutation = null;
        customer.PostalCode = null;
        customer.ErasedAt = now;
        customer.ErasedById = actor.Id;
        customer.ErasedReason = reason.Trim();
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return customer;
    }
}

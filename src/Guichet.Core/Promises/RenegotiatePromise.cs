using Guichet.Core.Agents;
using Guichet.Core.Cases;
using Guichet.Core.Data;
using Guichet.Core.Replies;

namespace Guichet.Core.Promises;

/// <summary>
/// Moves a promise's due time before it lapses, and tells the customer the new date in a
/// delay notice (SPEC P3, P4). A "to confirm" promise is internal (P8): nobody is told.
/// </summary>
public sealed class RenegotiatePromise(GuichetDb db, TimeProvider clock)
{
    public async Task<Result<Promise>> RunAsync(long promiseId, DateTimeOffset? newDueAt, Agent? actor, CancellationToken ct = default)
    {
        if (newDueAt is null)
        {
            return Failure.Invalid("newDueAt", "Give the new due date and time.");
        }
        var promise = await db.FindPromiseAsync(promiseId, ct);
        if (promise is null)
        {
            return PromiseQueries.PromiseNotFound(promiseId);
        }
        var now = clock.Now();
        var @case = promise.Case;
        var newDue = newDueAt.Value.ToUniversalTime();
        Message? notice = null;
        if (!promise.ToConfirm && promise.IsActive && newDue > now && newDue > promise.DueAt)
        {
            notice = new Message
            {
                Direction = MessageDirection.Out,
                Channel = @case.Channel,
                Body = DelayNotice.Write(@case.Customer, @case.Team, @case.Reference, promise.What, newDue.ToInstant(), now.ToInstant()),
                AuthorId = actor?.Id,
                AuthorName = actor?.Name ?? @case.Team.Name,
                IsAutomatic = actor is null,
                CreatedAt = now,
                Promise = promise,
            };
        }
        if (promise.Renegotiate(newDue, actor, notice, now) is { } failure)
        {
            return failure;
        }
        if (notice is not null)
        {
            @case.Messages.Add(notice);
            Outbox.Enqueue(db, @case, notice, now);
        }
        await db.SaveChangesAsync(ct);
        return promise;
    }
}

using System.Threading.Channels;
using Guichet.Core.Data;
using Guichet.Core.Email;

namespace Guichet.Features.Email;

/// <summary>
/// Group commit for mail arriving over HTTP (decision 0010): concurrent requests wait here while
/// one writer stores whatever has queued up in a single transaction, then each request gets its
/// receipt once that commit is durable. One commit per request topped out near 1,800 messages/s
/// on two cores; grouping turns the fsync per message into one per group.
/// </summary>
public sealed class InboundMailWriter(IServiceScopeFactory scopes, MailIntakeSettings settings, ILogger<InboundMailWriter> logger) : BackgroundService
{
    private const int MaxGroup = 256;

    private sealed record Pending(IncomingMail Mail, string? Team, TaskCompletionSource<ReceiveEmail.Receipt> Done);

    private readonly Channel<Pending> queue = Channel.CreateBounded<Pending>(new BoundedChannelOptions(4 * MaxGroup) { SingleReader = true });

    /// <summary>Completes once the message is committed (or fails with the reason the whole group failed).</summary>
    public async Task<ReceiveEmail.Receipt> SubmitAsync(byte[] raw, string? team, CancellationToken ct)
    {
        // Read (parsed) here, by the request, concurrently with the others: the one writer only writes.
        var pending = new Pending(ReceiveEmail.ReadAhead(raw, settings), team, new TaskCompletionSource<ReceiveEmail.Receipt>(TaskCreationOptions.RunContinuationsAsynchronously));
        if (!queue.Writer.TryWrite(pending))
        {
            await queue.Writer.WriteAsync(pending, ct);
        }
        // Not cancelled with the request: once queued, the message is stored whether or not the sender still waits.
        return await pending.Done.Task;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var group = new List<Pending>(MaxGroup);
        using var stopping = stoppingToken.Register(() => queue.Writer.TryComplete());
        while (await queue.Reader.WaitToReadAsync(CancellationToken.None))
        {
            while (group.Count < MaxGroup && queue.Reader.TryRead(out var next))
            {
                group.Add(next);
            }
            foreach (var byTeam in group.GroupBy(p => p.Team))
            {
                // Not cancelled by shutdown: what was queued before it is written.
                await WriteAsync(byTeam.ToList(), CancellationToken.None);
            }
            group.Clear();
        }
    }

    private async Task WriteAsync(List<Pending> group, CancellationToken ct)
    {
        try
        {
            // A person waiting to write ends the commit early (WriteTurns): the rest goes in the next one.
            for (var done = 0; done < group.Count;)
            {
                await using var scope = scopes.CreateAsyncScope();
                var receipts = await scope.ServiceProvider.GetRequiredService<ReceiveEmail>().RunGivingWayAsync(group.GetRange(done, group.Count - done).ConvertAll(p => p.Mail), group[0].Team, ct);
                foreach (var receipt in receipts)
                {
                    group[done++].Done.TrySetResult(receipt);
                }
            }
        }
        catch (Exception e)
        {
            // Nothing of this commit was: its senders get an error and their MTAs retry later.
            var unstored = group.Count(p => !p.Done.Task.IsCompleted);
            if (TransientFailure.Is(e))
            {
                logger.LogWarning("A group of {Count} inbound messages waits: the database is out of reach ({Reason})", unstored, e.GetBaseException().Message);
            }
            else
            {
                logger.LogError(e, "A group of {Count} inbound messages could not be stored", unstored);
            }
            foreach (var pending in group.Where(p => !p.Done.Task.IsCompleted))
            {
                pending.Done.TrySetException(e);
            }
        }
    }
}

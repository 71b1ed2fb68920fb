using Guichet.Core.Data;
using Guichet.Core.Email;
using Spectre.Console;

namespace Guichet.Hosting;

/// <summary>`guichet import mail`: each message through ReceiveEmail, committed in batches, with a progress bar.</summary>
public static class ImportMail
{
    public static async Task<Dictionary<InboundOutcome, int>> RunAsync(ServeOptions options, string source, string? team, CancellationToken ct)
    {
        await using var provider = await CliServices.StartAsync(options, ct);

        var counts = new Dictionary<InboundOutcome, int>();
        await AnsiConsole.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .StartAsync(async progress =>
            {
                var task = progress.AddTask($"Importing {Path.GetFileName(Path.TrimEndingDirectorySeparator(source))}", maxValue: 1.0);
                await foreach (var batch in Batches(MailSources.ReadAsync(source, ct), BatchSize, ct))
                {
                    // One transaction per batch: one commit (and one fsync) for many messages.
                    await using var scope = provider.CreateAsyncScope();
                    var receipts = await scope.ServiceProvider.GetRequiredService<ReceiveEmail>().RunAsync(batch.ConvertAll(b => b.Raw), team, ct);
                    foreach (var receipt in receipts)
                    {
                        counts[receipt.Outcome] = counts.GetValueOrDefault(receipt.Outcome) + 1;
                    }
                    task.Value = batch[^1].Done;
                }
                task.Value = 1.0;
            });
        return counts;
    }

    private const int BatchSize = 500;

    private static async IAsyncEnumerable<List<T>> Batches<T>(IAsyncEnumerable<T> items, int size, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        var batch = new List<T>(size);
        await foreach (var item in items.WithCancellation(ct))
        {
            batch.Add(item);
            if (batch.Count == size)
            {
                yield return batch;
                batch = new List<T>(size);
            }
        }
        if (batch.Count > 0)
        {
            yield return batch;
        }
    }
}

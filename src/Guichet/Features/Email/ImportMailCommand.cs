using System.CommandLine;
using Guichet.Core.Data;
using Guichet.Core.Email;
using Spectre.Console;

namespace Guichet.Features.Email;

/// <summary>`guichet import mail`: each message through ReceiveEmail, committed in batches, with a progress bar.</summary>
public static class ImportMailCommand
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
                // Each batch is read (parsed) on the other cores while the one before it is written on one:
                // reading takes a third of the writing's time, and sharing the writer's core slowed both.
                var readers = Math.Max(1, Environment.ProcessorCount - 1);
                var settings = provider.GetRequiredService<MailIntakeSettings>();
                (Task<IReadOnlyList<IncomingMail>> Mails, double Done)? before = null;
                await foreach (var batch in Batches(MailSources.ReadAsync(source, ct), BatchSize, ct))
                {
                    var raws = batch.ConvertAll(b => b.Raw);
                    var reading = Task.Run(() => ReceiveEmail.Read(raws, settings, readers, ct), ct);
                    if (before is { } written)
                    {
                        await WriteAsync(provider, await written.Mails, team, counts, ct);
                        task.Value = written.Done;
                    }
                    before = (reading, batch[^1].Done);
                }
                if (before is { } last)
                {
                    await WriteAsync(provider, await last.Mails, team, counts, ct);
                }
                task.Value = 1.0;
            });
        return counts;
    }

    private const int BatchSize = 2000;

    /// <summary>One transaction per batch: one commit (and one fsync) for many messages.</summary>
    private static async Task WriteAsync(IServiceProvider provider, IReadOnlyList<IncomingMail> mails, string? team, Dictionary<InboundOutcome, int> counts, CancellationToken ct)
    {
        await using var scope = provider.CreateAsyncScope();
        foreach (var receipt in await scope.ServiceProvider.GetRequiredService<ReceiveEmail>().RunAsync(mails, team, ct))
        {
            counts[receipt.Outcome] = counts.GetValueOrDefault(receipt.Outcome) + 1;
        }
    }

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

    public static Command Build()
    {
        var path = new Argument<string>("PATH") { Description = "An .eml file, a folder of .eml files, or an mbox file." };
        var data = CliOptions.Data();
        var database = CliOptions.Database();
        var team = new Option<string?>("--team") { Description = "The team that receives new cases (default: the default team)." };
        var maxMail = CliOptions.MaxMail();
        var mail = new Command("mail", "Import email through the same intake as the server: threading, duplicates, noise, quarantine.") { path, data, database, team, maxMail };
        mail.SetAction(async (parse, ct) =>
        {
            var source = parse.GetValue(path)!;
            if (!File.Exists(source) && !Directory.Exists(source))
            {
                AnsiConsole.MarkupLine($"[red]No such file or folder:[/] {Markup.Escape(source)}");
                return 2;
            }
            var options = new ServeOptions { DataDir = parse.GetValue(data)!, Database = parse.GetValue(database), MaxMessageBytes = parse.GetValue(maxMail) * 1024 * 1024 };
            var counts = await RunAsync(options, source, parse.GetValue(team), ct);
            var table = new Table().AddColumns("Outcome", "Messages");
            foreach (var (outcome, count) in counts.OrderBy(c => c.Key))
            {
                table.AddRow(outcome.ToString(), count.ToString("N0", System.Globalization.CultureInfo.InvariantCulture));
            }
            AnsiConsole.Write(table);
            return 0;
        });
        return mail;
    }
}

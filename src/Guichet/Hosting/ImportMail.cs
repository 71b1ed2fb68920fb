using Guichet.Core.Data;
using Guichet.Core.Email;
using Spectre.Console;

namespace Guichet.Hosting;

/// <summary>`guichet import mail`: each message through ReceiveEmail, one scope each, with a progress bar.</summary>
public static class ImportMail
{
    public static async Task<Dictionary<InboundOutcome, int>> RunAsync(ServeOptions options, string source, string? team, CancellationToken ct)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(TimeProvider.System);
        services.AddGuichetDatabase(options);
        services.AddCaseOperations();
        await using var provider = services.BuildServiceProvider();
        await DatabaseSetup.PrepareAsync(provider, ct);

        var counts = new Dictionary<InboundOutcome, int>();
        await AnsiConsole.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .StartAsync(async progress =>
            {
                var task = progress.AddTask($"Importing {Path.GetFileName(Path.TrimEndingDirectorySeparator(source))}", maxValue: 1.0);
                await foreach (var (raw, done) in MailSources.ReadAsync(source, ct))
                {
                    await using var scope = provider.CreateAsyncScope();
                    var receipt = await scope.ServiceProvider.GetRequiredService<ReceiveEmail>().RunAsync(raw, team, ct);
                    counts[receipt.Outcome] = counts.GetValueOrDefault(receipt.Outcome) + 1;
                    task.Value = done;
                }
                task.Value = 1.0;
            });
        return counts;
    }
}

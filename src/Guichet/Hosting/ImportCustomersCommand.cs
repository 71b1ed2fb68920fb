using Guichet.Core.Customers;
using Guichet.Core.Data;
using Spectre.Console;

namespace Guichet.Hosting;

/// <summary>`guichet import customers FILE.csv`: the same operation the server uses, with a progress bar.</summary>
public static class ImportCustomersCommand
{
    public static async Task<ImportCustomers.Report> RunAsync(ServeOptions options, string file, CancellationToken ct)
    {
        await using var provider = await CliServices.StartAsync(options, ct);
        ImportCustomers.Report? report = null;
        var size = new FileInfo(file).Length;
        await AnsiConsole.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .StartAsync(async progress =>
            {
                var task = progress.AddTask($"Importing {Path.GetFileName(file)}", maxValue: Math.Max(1, size));
                await using var scope = provider.CreateAsyncScope();
                await using var stream = File.OpenRead(file);
                using var reader = new StreamReader(stream);
                report = await scope.ServiceProvider.GetRequiredService<ImportCustomers>().RunAsync(reader, _ => task.Value = stream.Position, ct);
                task.Value = task.MaxValue;
            });
        return report!;
    }
}

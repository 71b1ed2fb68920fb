using System.CommandLine;
using Guichet.Core.Customers;
using Guichet.Core.Data;
using Spectre.Console;

namespace Guichet.Features.Customers;

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

    public static Command Build()
    {
        var csvPath = new Argument<string>("FILE") { Description = "A CSV file with a header: name, email, phone, language, timeZone, salutation, assetKind, assetReference, assetLabel, assetDetails." };
        var customerData = CliOptions.Data();
        var customerDatabase = CliOptions.Database();
        var customers = new Command("customers", "Import customers and their assets (equipment, orders, bookings) from a CSV file.") { csvPath, customerData, customerDatabase };
        customers.SetAction(async (parse, ct) =>
        {
            var file = parse.GetValue(csvPath)!;
            if (!File.Exists(file))
            {
                AnsiConsole.MarkupLine($"[red]No such file:[/] {Markup.Escape(file)}");
                return 2;
            }
            var report = await RunAsync(new ServeOptions { DataDir = parse.GetValue(customerData)!, Database = parse.GetValue(customerDatabase) }, file, ct);
            AnsiConsole.MarkupLine($"{report.Rows:N0} rows: {report.Customers:N0} new customers, {report.Assets:N0} assets.");
            foreach (var error in report.Errors.Take(50))
            {
                AnsiConsole.MarkupLine($"[yellow]{Markup.Escape(error)}[/]");
            }
            return report.Errors.Count == 0 ? 0 : 1;
        });
        return customers;
    }
}

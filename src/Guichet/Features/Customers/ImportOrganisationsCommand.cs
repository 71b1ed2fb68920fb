using System.CommandLine;
using Guichet.Core.Agents;
using Guichet.Core.Customers.Organisations;
using Guichet.Core.Data;
using Microsoft.EntityFrameworkCore;
using Spectre.Console;

namespace Guichet.Features.Customers;

/// <summary>`guichet import organisations FILE.csv`: the server's own operation, with a progress bar (W12).</summary>
public static class ImportOrganisationsCommand
{
    public static Command Build()
    {
        var csvPath = new Argument<string>("FILE") { Description = "A CSV file with a header: name, domains, notes, tags, field.<key> for each organisation field." };
        var data = CliOptions.Data();
        var database = CliOptions.Database();
        var command = new Command("organisations", "Import organisations (found by name and updated, or added) with their domains, notes, tags and fields from a CSV file.") { csvPath, data, database };
        command.SetAction(async (parse, ct) =>
        {
            var file = parse.GetValue(csvPath)!;
            if (!File.Exists(file))
            {
                AnsiConsole.MarkupLine($"[red]No such file:[/] {Markup.Escape(file)}");
                return 2;
            }
            await using var provider = await CliServices.StartAsync(new ServeOptions { DataDir = parse.GetValue(data)!, Database = parse.GetValue(database) }, ct);
            await using var scope = provider.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<GuichetDb>();
            var actor = await db.Agents.AsNoTracking().Where(a => a.Role == AgentRole.Admin && a.Active).OrderBy(a => a.Id).FirstAsync(ct);
            ImportOrganisations.Report? report = null;
            var size = Math.Max(1, new FileInfo(file).Length);
            await AnsiConsole.Progress()
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
                .StartAsync(async progress =>
                {
                    var task = progress.AddTask($"Importing {Path.GetFileName(file)}", maxValue: size);
                    await using var stream = File.OpenRead(file);
                    using var reader = new StreamReader(stream);
                    report = await scope.ServiceProvider.GetRequiredService<ImportOrganisations>().RunAsync(reader, actor, _ => task.Value = stream.Position, ct);
                    task.Value = task.MaxValue;
                });
            AnsiConsole.MarkupLine($"{report!.Rows:N0} rows: {report.Created:N0} new organisations, {report.Updated:N0} updated.");
            foreach (var error in report.Errors.Take(50))
            {
                AnsiConsole.MarkupLine($"[yellow]{Markup.Escape(error)}[/]");
            }
            return report.Errors.Count == 0 ? 0 : 1;
        });
        return command;
    }
}

using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Guichet.Core.Imports;
using Spectre.Console;

namespace Guichet.Features.Imports;

/// <summary>`guichet import zendesk|zammad|freshdesk|cases PATH`: a help desk's history, with a progress bar and a report of what was refused.</summary>
public static class ImportHistoryCommand
{
    public static async Task<ImportReport> RunAsync(ServeOptions options, ExportReader reader, ImportOptions import, CancellationToken ct)
    {
        await using var provider = await CliServices.StartAsync(options, ct);
        ImportReport? report = null;
        await AnsiConsole.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new RemainingTimeColumn())
            .StartAsync(async progress =>
            {
                var task = progress.AddTask(import.DryRun ? $"Reading {reader.Source} (dry run)" : $"Importing from {reader.Source}", maxValue: 1.0);
                await using var scope = provider.CreateAsyncScope();
                report = await scope.ServiceProvider.GetRequiredService<ImportHistory>().RunAsync(reader, import, (r, done) =>
                {
                    task.Value = done;
                    task.Description = $"{(import.DryRun ? "Reading" : "Importing")} {reader.Source}: {r.CasesSeen.ToString("N0", CultureInfo.InvariantCulture)} cases";
                    return Task.CompletedTask;
                }, ct);
                task.Value = 1.0;
            });
        return report!;
    }

    public static IEnumerable<Command> Build() =>
        ExportReaders.Sources.Select(source => Verb(source, $"Import a {Title(source)} export (a folder of its API's JSON): teams, fields, organisations, people, cases with their conversations, ratings, articles."));

    private static Command Verb(string source, string description)
    {
        var path = new Argument<string>("PATH") { Description = "The export's folder (or its tickets file)." };
        var dryRun = new Option<bool>("--dry-run") { Description = "Read and match everything, write nothing: report what would be created." };
        var promiseOpen = new Option<bool>("--promise-open") { Description = "Give the tickets still waiting for an answer a first-response promise from their team's calendar." };
        var team = new Option<string?>("--team") { Description = "The team of tickets without a group (default: the default team)." };
        var reportFile = new Option<string?>("--report") { Description = "Write the report to this JSON file: the counts, and the refused records with their reasons (the first 10,000 listed, all counted)." };
        var data = CliOptions.Data();
        var database = CliOptions.Database();
        var verb = new Command(source, description) { path, dryRun, promiseOpen, team, reportFile, data, database };
        verb.SetAction(async (parse, ct) =>
        {
            var at = parse.GetValue(path)!;
            if (!File.Exists(at) && !Directory.Exists(at))
            {
                AnsiConsole.MarkupLine($"[red]No such file or folder:[/] {Markup.Escape(at)}");
                return 2;
            }
            var options = new ServeOptions { DataDir = parse.GetValue(data)!, Database = parse.GetValue(database) };
            var report = await RunAsync(options, ExportReaders.Open(source, at)!, new ImportOptions(parse.GetValue(dryRun), parse.GetValue(promiseOpen), parse.GetValue(team)), ct);
            Print(report);
            if (parse.GetValue(reportFile) is { } file)
            {
                await File.WriteAllTextAsync(file, JsonSerializer.Serialize(report, Indented), ct);
                AnsiConsole.MarkupLine($"Report written to {Markup.Escape(file)}");
            }
            return 0;
        });
        return verb;
    }

    private static void Print(ImportReport report)
    {
        var table = new Table().AddColumns("Records", report.DryRun ? "Would create" : "Created", report.DryRun ? "Would update" : "Updated", "Unchanged");
        foreach (var kind in report.Created.Keys.Union(report.Updated.Keys).Union(report.Unchanged.Keys).Order(StringComparer.Ordinal))
        {
            table.AddRow(kind, N(report.Created.GetValueOrDefault(kind)), N(report.Updated.GetValueOrDefault(kind)), N(report.Unchanged.GetValueOrDefault(kind)));
        }
        AnsiConsole.Write(table);
        AnsiConsole.MarkupLine($"{N(report.RefusedCount)} records refused or skipped{(report.RefusedCount > 0 ? ":" : ".")}");
        foreach (var refused in report.Refused.Take(50))
        {
            AnsiConsole.MarkupLine($"[yellow]{Markup.Escape(refused.Kind)} {Markup.Escape(refused.ExternalId)}[/]: {Markup.Escape(refused.Reason)}");
        }
        if (report.RefusedCount > 50)
        {
            AnsiConsole.MarkupLine($"… and {N(report.RefusedCount - 50)} more (--report FILE lists them all).");
        }
    }

    private static readonly JsonSerializerOptions Indented = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    private static string N(int n) => n.ToString("N0", CultureInfo.InvariantCulture);

    private static string Title(string source) => char.ToUpperInvariant(source[0]) + source[1..];
}

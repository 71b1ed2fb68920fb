using System.CommandLine;
using Guichet.Core;
using Guichet.Core.Agents;
using Guichet.Core.Data;
using Guichet.Core.Incidents;
using Microsoft.EntityFrameworkCore;
using Spectre.Console;

namespace Guichet.Features.Incidents;

/// <summary>
/// `guichet import incident FILE.csv`: an incident's affected customers through the same
/// operation as the server (<see cref="ReachAffected"/>), with a progress bar over the file.
/// </summary>
public static class ImportIncidentCommand
{
    public sealed record Options(long? IncidentId, IncidentRequest? Declare, string? As);

    public static async Task<Result<ReachOutcome>> RunAsync(ServeOptions serve, string file, Options options, CancellationToken ct)
    {
        await using var provider = await CliServices.StartAsync(serve, ct);
        await using var scope = provider.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GuichetDb>();
        // The ledger names who sent the list: the agent named, else the first admin.
        var wanted = options.As?.Trim().ToLowerInvariant();
        var actor = wanted is not null
            ? await db.Agents.AsNoTracking().FirstOrDefaultAsync(a => a.Email == wanted, ct)
            : await db.Agents.AsNoTracking().Where(a => a.Role == AgentRole.Admin && a.Active).OrderBy(a => a.Id).FirstOrDefaultAsync(ct);
        if (actor is null)
        {
            return Failure.NotFound("as", options.As is null ? "There is no admin to send the list in the name of: create one, or name an agent with --as." : $"There is no agent {options.As}.");
        }
        var incidentId = options.IncidentId;
        if (options.Declare is { } declare)
        {
            var declared = await scope.ServiceProvider.GetRequiredService<DeclareIncident>().RunAsync(declare, actor.Name, ct);
            if (!declared.Succeeded)
            {
                return declared.Failure!;
            }
            incidentId = declared.Value.Id;
            AnsiConsole.MarkupLine($"Incident {incidentId} declared: {Markup.Escape(declared.Value.Title)}");
        }
        var outcome = Result<ReachOutcome>.Fail(Failure.Invalid("file", "The list was not read."));
        await AnsiConsole.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new RemainingTimeColumn())
            .StartAsync(async progress =>
            {
                await using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
                var length = Math.Max(1, stream.Length);
                var task = progress.AddTask($"Incident {incidentId}: {Path.GetFileName(file)}", maxValue: length);
                using var reader = new StreamReader(stream);
                outcome = await scope.ServiceProvider.GetRequiredService<ReachAffected>().RunCsvAsync(incidentId!.Value, reader, actor, $"cli {Path.GetFileName(file)}", list =>
                {
                    // The reading thread is a few thousand rows ahead of what is committed, and closes the
                    // file when it reaches its end: close enough for a bar.
                    task.Value = list.FinishedAt is null && stream.CanRead ? Math.Min(stream.Position, length - 1) : length - 1;
                    task.Description = $"Incident {incidentId}: {list.Reached:N0} reached, {list.AlreadyReached:N0} already, {list.RefusedCount:N0} refused";
                }, ct);
                task.Value = task.MaxValue;
            });
        return outcome;
    }

    public static Command Build()
    {
        var file = new Argument<string>("FILE") { Description = "A CSV file with a header: email, name, language, tier, paid (what the customer paid, for a refund share)." };
        var data = CliOptions.Data();
        var database = CliOptions.Database();
        var incident = new Option<long?>("--incident") { Description = "The incident the customers were affected by (its number)." };
        var kind = new Option<string?>("--kind") { Description = "Declare a new incident of this kind (delay, cancellation, outage…) instead of naming one." };
        var title = new Option<string?>("--title") { Description = "The new incident's title, as customers will read it." };
        var team = new Option<string?>("--team") { Description = "The new incident's team (default: the default team)." };
        var target = new Option<int?>("--target-hours") { Description = "The new incident's target: every customer reached within this many hours (default 24)." };
        var asAgent = new Option<string?>("--as") { Description = "The email of the agent the gestures are recorded in the name of (default: the first admin)." };
        var command = new Command("incident", "Reach an incident's affected customers from a CSV file: an apology and the policy's gesture each, once.")
        {
            file, data, database, incident, kind, title, team, target, asAgent,
        };
        command.SetAction(async (parse, ct) =>
        {
            var path = parse.GetValue(file)!;
            if (!File.Exists(path))
            {
                AnsiConsole.MarkupLine($"[red]No such file:[/] {Markup.Escape(path)}");
                return 2;
            }
            var declare = parse.GetValue(kind) is null && parse.GetValue(title) is null ? null
                : new Core.Incidents.IncidentRequest(parse.GetValue(kind), parse.GetValue(title), null, parse.GetValue(target), parse.GetValue(team));
            if ((declare is null) == (parse.GetValue(incident) is null))
            {
                AnsiConsole.MarkupLine("[red]Name the incident with --incident ID, or declare one with --kind and --title.[/]");
                return 2;
            }
            var result = await RunAsync(new ServeOptions { DataDir = parse.GetValue(data)!, Database = parse.GetValue(database) }, path,
                new Options(parse.GetValue(incident), declare, parse.GetValue(asAgent)), ct);
            if (!result.Succeeded)
            {
                foreach (var (field, messages) in result.Failure!.Errors)
                {
                    AnsiConsole.MarkupLine($"[red]{Markup.Escape(field)}:[/] {Markup.Escape(string.Join(" ", messages))}");
                }
                return 1;
            }
            var outcome = result.Value;
            AnsiConsole.MarkupLine($"{outcome.Lines:N0} rows: {outcome.Reached:N0} customers reached ({outcome.OnExistingCases:N0} on a case they had opened), {outcome.AlreadyReached:N0} reached before, {outcome.RefusedCount:N0} refused.");
            foreach (var refused in outcome.Refused.Take(50))
            {
                AnsiConsole.MarkupLine($"[yellow]{Markup.Escape(refused)}[/]");
            }
            return outcome.RefusedCount == 0 ? 0 : 1;
        });
        return command;
    }
}

using System.CommandLine;
using Spectre.Console;

namespace Guichet.Features.Simulation;

/// <summary>`guichet simulate strike`: a surge replayed through the real operations on a virtual clock.</summary>
public static class SimulateCommand
{
    public static Command Build()
    {
        var customers = new Option<int>("--customers") { Description = "Customers who write in.", DefaultValueFactory = _ => 2000 };
        var agents = new Option<int>("--agents") { Description = "Agents answering.", DefaultValueFactory = _ => 5 };
        var days = new Option<int>("--days") { Description = "Days simulated.", DefaultValueFactory = _ => 30 };
        var seed = new Option<int>("--seed") { Description = "Random seed: the same seed gives the same run.", DefaultValueFactory = _ => 1 };
        var rate = new Option<double>("--rate") { Description = "Cases one agent handles per business hour.", DefaultValueFactory = _ => 6 };
        var report = new Option<string?>("--report") { Description = "Also write the report as HTML with charts to this file." };
        var ceiling = new Option<int>("--ceiling-days") { Description = "The team's case ceiling in calendar days (SPEC P5).", DefaultValueFactory = _ => 30 };
        var idle = new Option<bool>("--idle") { Description = "Nobody answers and no manager approves: only the promise watcher acts (what P5 does at the ceiling)." };
        foreach (var positive in new[] { customers, agents, days, ceiling })
        {
            positive.Validators.Add(r => { if (r.GetValueOrDefault<int>() < 1) { r.AddError($"{r.Option.Name} must be at least 1."); } });
        }
        var strike = new Command("strike", "Replay a strike surge through Guichet's own services with a virtual clock, and report how the promises held.")
        {
            customers, agents, days, seed, rate, report, ceiling, idle,
        };
        strike.SetAction(async (parse, ct) =>
        {
            var options = new StrikeOptions
            {
                Customers = parse.GetValue(customers),
                Agents = parse.GetValue(agents),
                Days = parse.GetValue(days),
                Seed = parse.GetValue(seed),
                CasesPerAgentHour = parse.GetValue(rate),
                ReportPath = parse.GetValue(report),
                CeilingDays = parse.GetValue(ceiling),
                Idle = parse.GetValue(idle),
            };
            StrikeReport? result = null;
            await AnsiConsole.Progress()
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
                .StartAsync(async progress =>
                {
                    var task = progress.AddTask($"Strike, seed {options.Seed}", maxValue: 1.0);
                    result = await new StrikeSimulation(options).RunAsync(done => task.Value = done, ct);
                });
            StrikeOutput.Print(result!);
            if (options.ReportPath is { } path)
            {
                await StrikeOutput.WriteHtmlAsync(result!, path, ct);
                AnsiConsole.MarkupLine($"Report written to [link]{Markup.Escape(Path.GetFullPath(path))}[/]");
            }
            return result!.SilentBreaches == 0 && result.PastCeilingUnapproved == 0 ? 0 : 1;
        });
        return new Command("simulate", "Simulations through the real application services.") { strike };
    }
}

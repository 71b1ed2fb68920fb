using Guichet.Core;
using Guichet.Core.Agents;
using Guichet.Core.Data;
using Guichet.Core.Incidents;
using Microsoft.EntityFrameworkCore;
using Spectre.Console;

namespace Guichet.Hosting;

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
}

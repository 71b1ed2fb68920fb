using System.Text.Json;
using System.Threading.Channels;
using Channel = System.Threading.Channels.Channel;
using Guichet.Core;
using Guichet.Core.Data;
using Guichet.Core.Imports;
using Microsoft.EntityFrameworkCore;

namespace Guichet.Features.Imports;

/// <summary>
/// Runs the imports asked through the API, one at a time, on the node that received the export (its
/// files are on this node's disk). Progress and the report so far are written to the run after each
/// batch, so any node answers where it stands; a run whose node stopped is seen as interrupted and,
/// asked again, resumes (the import is idempotent).
/// </summary>
public sealed class ImportRunner(IServiceScopeFactory scopes, ServeOptions options, TimeProvider clock, ILogger<ImportRunner> logger) : BackgroundService
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly Channel<long> _queue = System.Threading.Channels.Channel.CreateUnbounded<long>();

    public void Enqueue(long runId) => _queue.Writer.TryWrite(runId);

    public static string Folder(ServeOptions options, long runId) => Path.Combine(Path.GetFullPath(options.DataDir), "imports", runId.ToString(System.Globalization.CultureInfo.InvariantCulture));

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var id in _queue.Reader.ReadAllAsync(stoppingToken))
        {
            try
            {
                await RunAsync(id, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                logger.LogError(e, "Import {Run} failed", id);
                try
                {
                    await FinishAsync(id, ImportState.Failed, e.Message, null, CancellationToken.None);
                }
                catch (Exception unrecorded)
                {
                    // The database itself is failing: the run will read as interrupted, and the runner goes on.
                    logger.LogError(unrecorded, "Import {Run}: its failure could not be recorded", id);
                }
            }
            finally
            {
                Clean(id);
            }
        }
    }

    private async Task RunAsync(long id, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var run = await services.GetRequiredService<GuichetDb>().ImportRuns.AsNoTracking().FirstAsync(r => r.Id == id, ct);
        var reader = ExportReaders.Open(run.Source, Path.Combine(Folder(options, id), run.Path))!;
        await UpdateAsync(id, r => { r.State = ImportState.Running; r.StartedAt = clock.GetUtcNow(); }, ct);
        using var beating = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var heart = BeatAsync(id, beating.Token);
        try
        {
            await ImportAsync(id, run, reader, services, ct);
        }
        finally
        {
            await beating.CancelAsync();
            await heart;
        }
    }

    private async Task ImportAsync(long id, ImportRun run, ExportReader reader, IServiceProvider services, CancellationToken ct)
    {
        var last = 0L;
        var report = await services.GetRequiredService<ImportHistory>().RunAsync(reader, new ImportOptions(run.DryRun, run.PromiseOpen, run.Team), async (so, done) =>
        {
            // Written at most every second (wall time, not the service's clock): a row per batch would be a write per 500 tickets for nothing.
            if (Environment.TickCount64 - last > 1000)
            {
                last = Environment.TickCount64;
                await UpdateAsync(id, r => { r.Done = done; r.Report = JsonSerializer.Serialize(so, Json); }, ct);
            }
        }, ct);
        await FinishAsync(id, ImportState.Done, null, report, ct);
    }

    /// <summary>A run's files are needed only while it runs (asked again, the export is sent again); one that cannot be removed is logged, never the runner's end.</summary>
    private void Clean(long id)
    {
        var folder = Folder(options, id);
        try
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            logger.LogWarning(e, "Import {Run}: its files could not be removed from {Folder}", id, folder);
        }
    }

    /// <summary>The run's heartbeat while it works (a long reading of people writes no progress): silence means its node stopped.</summary>
    private async Task BeatAsync(long id, CancellationToken ct)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(1));
        try
        {
            while (await timer.WaitForNextTickAsync(ct))
            {
                try
                {
                    await UpdateAsync(id, _ => { }, ct);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // A missed beat (the database busy) is not the run's failure: the next one comes in a minute.
                    logger.LogWarning(e, "Import {Run}: a heartbeat could not be written", id);
                }
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }
    }

    private async Task FinishAsync(long id, ImportState state, string? error, ImportReport? report, CancellationToken ct) =>
        await UpdateAsync(id, r =>
        {
            r.State = state;
            r.Error = error;
            r.FinishedAt = clock.GetUtcNow();
            if (report is not null)
            {
                (r.Done, r.Report) = (1, JsonSerializer.Serialize(report, Json));
            }
        }, ct);

    private async Task UpdateAsync(long id, Action<ImportRun> change, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GuichetDb>();
        var run = await db.ImportRuns.FirstAsync(r => r.Id == id, ct);
        change(run);
        run.HeardAt = clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
    }
}

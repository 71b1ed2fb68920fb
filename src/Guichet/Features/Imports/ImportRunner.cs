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
public sealed class ImportRunner(IServiceScopeFactory scopes, TimeProvider clock, ILogger<ImportRunner> logger) : BackgroundService
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
                await FinishAsync(id, ImportState.Failed, e.Message, null, CancellationToken.None);
            }
        }
    }

    private async Task RunAsync(long id, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var options = services.GetRequiredService<ServeOptions>();
        var run = await services.GetRequiredService<GuichetDb>().ImportRuns.AsNoTracking().FirstAsync(r => r.Id == id, ct);
        var reader = ExportReaders.Open(run.Source, Path.Combine(Folder(options, id), run.Path))!;
        await UpdateAsync(id, r => { r.State = ImportState.Running; r.StartedAt = clock.GetUtcNow(); }, ct);
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
        Directory.Delete(Folder(options, id), recursive: true);
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

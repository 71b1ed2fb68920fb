using Guichet.Core.Promises;

namespace Guichet.Hosting;

/// <summary>
/// Runs the promise watcher inside the server: once at start (whatever fell due while the
/// server was down, oldest first), then on every tick; the test clock runs it right after moving
/// time. Passes in one process never overlap; across processes the database claim decides.
/// </summary>
public sealed class PromiseWatcherService(IServiceScopeFactory scopes, ServeOptions options, ILogger<PromiseWatcherService> logger) : BackgroundService, IDueWork
{
    private readonly SemaphoreSlim _oneAtATime = new(1, 1);

    public async Task RunDueAsync(CancellationToken ct)
    {
        await _oneAtATime.WaitAsync(ct);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<PromiseWatcher>().RunDueAsync(ct);
        }
        finally
        {
            _oneAtATime.Release();
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = options.WatcherInterval;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await RunDueAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // A failed pass rolls back whole; the next tick retries the same rows.
                logger.LogError(e, "Promise watcher pass failed; retrying at the next tick");
            }
            if (interval <= TimeSpan.Zero)
            {
                return;
            }
            // Real time paces the loop; what is due is decided by the one clock the watcher reads.
            await Task.Delay(interval, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }

    public override void Dispose()
    {
        _oneAtATime.Dispose();
        base.Dispose();
    }
}

using Guichet.Core.Data;

namespace Guichet.Hosting;

/// <summary>
/// Background work that runs at start, then on every tick, and right after the test clock moves
/// (IDueWork). Passes in one process never overlap; across processes the database claims decide.
/// </summary>
public abstract class PeriodicDueWork(IServiceScopeFactory scopes, TimeSpan interval, ILogger logger) : BackgroundService, IDueWork
{
    private readonly SemaphoreSlim _oneAtATime = new(1, 1);

    protected abstract string Name { get; }

    public abstract DueStage Stage { get; }

    protected abstract Task RunOnceAsync(IServiceProvider services, CancellationToken ct);

    public async Task RunDueAsync(CancellationToken ct)
    {
        await _oneAtATime.WaitAsync(ct);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            await RunOnceAsync(scope.ServiceProvider, ct);
        }
        finally
        {
            _oneAtATime.Release();
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
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
            catch (Exception e) when (TransientFailure.Is(e))
            {
                // The database restarting or out of reach is the operator's known condition, not a
                // fault of this work: one line per pass, no stack, and the pass runs again once it is back.
                logger.LogWarning("{Work} pass: the database is out of reach ({Reason}); retrying at the next tick", Name, e.GetBaseException().Message);
            }
            catch (Exception e)
            {
                // A failed pass rolls back whole; the next tick retries the same rows.
                logger.LogError(e, "{Work} pass failed; retrying at the next tick", Name);
            }
            if (interval <= TimeSpan.Zero)
            {
                return;
            }
            // Real time paces the loop; what is due is decided by the one clock the work reads.
            await Task.Delay(interval, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }

    public override void Dispose()
    {
        _oneAtATime.Dispose();
        base.Dispose();
        GC.SuppressFinalize(this);
    }
}

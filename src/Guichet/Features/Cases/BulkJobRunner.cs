using Guichet.Core.Cases.Bulk;

namespace Guichet.Features.Cases;

/// <summary>
/// Runs bulk jobs in the background (W6): woken when one starts on this node, and every few
/// seconds for those started elsewhere or left half-way by a node that stopped (their claim
/// lapses, <see cref="RunBulkJobs.Claim"/>).
/// </summary>
public sealed class BulkJobRunner(IServiceScopeFactory scopes, ILogger<BulkJobRunner> logger) : BackgroundService
{
    private readonly SemaphoreSlim wake = new(0);
    // Unique per process and runner (two nodes in one test process are two runners), within the column's 100 characters.
    private readonly string node = $"{Guid.NewGuid():N}/{Environment.ProcessId}/{Environment.MachineName}" is var name && name.Length > 100 ? name[..100] : name;

    public void Wake() => wake.Release();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                while (true)
                {
                    await using var scope = scopes.CreateAsyncScope();
                    var runs = scope.ServiceProvider.GetRequiredService<RunBulkJobs>();
                    if (await runs.ClaimAsync(node, stoppingToken) is not { } job)
                    {
                        break;
                    }
                    await runs.RunAsync(job, node, stoppingToken);
                }
                await wake.WaitAsync(TimeSpan.FromSeconds(5), stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // The job keeps its progress; its claim lapses and it is taken up again.
                logger.LogError(e, "A bulk job stopped; it resumes once its claim lapses");
                await Task.Delay(TimeSpan.FromSeconds(5), stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }

    public override void Dispose()
    {
        wake.Dispose();
        base.Dispose();
    }
}

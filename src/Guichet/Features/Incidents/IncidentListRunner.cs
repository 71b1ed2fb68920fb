using System.Threading.Channels;
using Guichet.Core.Data;
using Guichet.Core.Incidents;
using Microsoft.EntityFrameworkCore;

namespace Guichet.Features.Incidents;

/// <summary>
/// Lists uploaded in the workspace are read here, one after the other, while the page that sent
/// them shows their progress (a million customers take minutes, longer than a browser should wait
/// on a form). A list the server stopped in the middle shows where it stopped; sending it again
/// reaches only the others.
/// </summary>
public sealed class IncidentListRunner(IServiceScopeFactory scopes, ILogger<IncidentListRunner> logger) : BackgroundService
{
    public sealed record Job(long IncidentId, long AgentId, string Source, SpooledUpload File);

    private readonly Channel<Job> jobs = Channel.CreateUnbounded<Job>(new UnboundedChannelOptions { SingleReader = true });

    public ValueTask EnqueueAsync(Job job, CancellationToken ct) => jobs.Writer.WriteAsync(job, ct);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var job in jobs.Reader.ReadAllAsync(stoppingToken))
        {
            await using var file = job.File;
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<GuichetDb>();
                var actor = await db.Agents.AsNoTracking().FirstAsync(a => a.Id == job.AgentId, stoppingToken);
                using var reader = new StreamReader(file.Open());
                await scope.ServiceProvider.GetRequiredService<ReachAffected>().RunCsvAsync(job.IncidentId, reader, actor, job.Source, ct: stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // The list's own row says where it stopped; the next upload is not held up.
                logger.LogError(e, "Incident {IncidentId}: the uploaded list stopped", job.IncidentId);
            }
        }
    }
}

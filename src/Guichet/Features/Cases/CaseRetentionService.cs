using Guichet.Core.Cases;

namespace Guichet.Features.Cases;

/// <summary>Team retention rules (issue 10) applied inside the server: at start, every tick, and right after the test clock moves.</summary>
public sealed class CaseRetentionService(IServiceScopeFactory scopes, ServeOptions options, ILogger<CaseRetentionService> logger)
    : PeriodicDueWork(scopes, options.WatcherInterval, logger)
{
    protected override string Name => "Case retention";
    public override DueStage Stage => DueStage.Rules;

    protected override async Task RunOnceAsync(IServiceProvider services, CancellationToken ct)
    {
        var deleted = await services.GetRequiredService<CaseRetention>().SweepAsync(ct);
        if (deleted > 0)
        {
            logger.LogInformation("Retention: {Deleted} settled cases past their team's retention deleted", deleted);
        }
    }
}

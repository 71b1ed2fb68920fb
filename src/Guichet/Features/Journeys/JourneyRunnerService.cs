using Guichet.Core.Journeys;

namespace Guichet.Features.Journeys;

/// <summary>Test journeys inside the server (M5): started and judged on the tick, and right after the test clock moves.</summary>
public sealed class JourneyRunnerService(IServiceScopeFactory scopes, ServeOptions options, ILogger<JourneyRunnerService> logger)
    : PeriodicDueWork(scopes, options.WatcherInterval, logger)
{
    protected override string Name => "Test journeys";
    public override DueStage Stage => DueStage.Rules;

    protected override Task RunOnceAsync(IServiceProvider services, CancellationToken ct) =>
        services.GetRequiredService<RunJourneys>().RunDueAsync(options.PublicBaseUrl, ct);
}

using Guichet.Core.Surveys;

namespace Guichet.Features.Surveys;

/// <summary>Survey rounds inside the server (M1): at start, then every tick, and right after the test clock moves.</summary>
public sealed class SurveyRoundsService(IServiceScopeFactory scopes, ServeOptions options, ILogger<SurveyRoundsService> logger)
    : PeriodicDueWork(scopes, options.WatcherInterval, logger)
{
    protected override string Name => "Survey rounds";
    public override DueStage Stage => DueStage.Rules;

    protected override Task RunOnceAsync(IServiceProvider services, CancellationToken ct) =>
        services.GetRequiredService<SurveyRounds>().RunDueAsync(options.PublicBaseUrl, ct);
}

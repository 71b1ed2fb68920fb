using Guichet.Core.Automations;

namespace Guichet.Features.Automations;

/// <summary>Rules (W7) and service levels (W8) in the server: their API, their page, and the worker that runs the rules.</summary>
public static class AutomationsWeb
{
    public static IServiceCollection AddAutomationsWeb(this IServiceCollection services) => services.AddDueWork<RuleRunnerService>();

    public static void MapAutomationsWeb(this GuichetRoutes routes) => routes.Api.MapRules().MapServiceLevels();
}

/// <summary>Each tick: the rules on what happened since the last; the time rules at most once a minute of the clock.</summary>
public sealed class RuleRunnerService(IServiceScopeFactory scopes, ServeOptions options, TimeProvider clock, ILogger<RuleRunnerService> logger)
    : PeriodicDueWork(scopes, options.WatcherInterval, logger)
{
    public static readonly TimeSpan TimeRulesEvery = TimeSpan.FromMinutes(1);
    private DateTimeOffset _timeRulesRan = DateTimeOffset.MinValue;

    protected override string Name => "Rules";
    public override DueStage Stage => DueStage.Rules;

    protected override async Task RunOnceAsync(IServiceProvider services, CancellationToken ct)
    {
        await services.GetRequiredService<RunRules>().RunAsync(ct);
        var now = clock.GetUtcNow();
        if (now - _timeRulesRan >= TimeRulesEvery)
        {
            _timeRulesRan = now;
            await services.GetRequiredService<RunTimeRules>().RunAsync(ct);
        }
    }
}

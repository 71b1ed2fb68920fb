using Microsoft.Extensions.DependencyInjection;

namespace Guichet.Core.Automations;

public static class AutomationsFeature
{
    public static IServiceCollection AddAutomations(this IServiceCollection services) => services
        .AddScoped<RuleActions>()
        .AddScoped<SaveRule>()
        .AddScoped<DryRunRule>()
        .AddScoped<RunRules>()
        .AddScoped<RunTimeRules>()
        .AddSingleton<TimeRuleScan>()
        .AddScoped<ServiceLevels.SaveServicePolicy>()
        .AddScoped<ServiceLevels.ServiceLevelReport>();
}

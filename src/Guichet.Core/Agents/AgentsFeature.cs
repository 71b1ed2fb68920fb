using Microsoft.Extensions.DependencyInjection;

namespace Guichet.Core.Agents;

/// <summary>The operations of people, sign-in and personal API tokens, as the web, the workers and the CLI call them.</summary>
public static class AgentsFeature
{
    public static IServiceCollection AddAgents(this IServiceCollection services)
    {
        services.AddScoped<AddAgent>();
        services.AddScoped<ChangeAgent>();
        services.AddScoped<CheckSignIn>();
        services.AddScoped<IssueApiToken>();
        services.AddScoped<RevokeApiToken>();
        return services;
    }
}

using Microsoft.Extensions.DependencyInjection;

namespace Guichet.Core.Teams;

/// <summary>The operations of team settings, as the web, the workers and the CLI call them.</summary>
public static class TeamsFeature
{
    public static IServiceCollection AddTeams(this IServiceCollection services)
    {
        services.AddScoped<ChangeTeam>();
        return services;
    }
}

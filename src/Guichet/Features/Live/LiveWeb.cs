using Guichet.Core.Live;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Guichet.Features.Live;

/// <summary>
/// Live pages (W1, W2, decision 0033): the workspace hub, the relay that pushes this node's signals,
/// and the bus between nodes (in process on SQLite, LISTEN/NOTIFY on PostgreSQL).
/// </summary>
public static class LiveWeb
{
    public static IServiceCollection AddLiveWeb(this IServiceCollection services, ServeOptions options)
    {
        services.RemoveAll<ILiveBus>();
        if (options.UsesPostgres)
        {
            services.AddSingleton<PostgresLiveBus>();
            services.AddSingleton<ILiveBus>(sp => sp.GetRequiredService<PostgresLiveBus>());
            services.AddHostedService(sp => sp.GetRequiredService<PostgresLiveBus>());
        }
        else
        {
            services.AddSingleton<ILiveBus, LocalLiveBus>();
        }
        services.AddHostedService<LiveRelay>();
        return services;
    }

    public static void MapLiveWeb(this GuichetRoutes routes)
    {
        routes.App.MapHub<WorkspaceHub>("/hubs/workspace").RequireAuthorization(Permissions.Access.Read);
        routes.Ui.MapGet("/live/counts", LiveCounts.ReadAsync);
    }
}

using Microsoft.Extensions.DependencyInjection;

namespace Guichet.Core.Replies;

/// <summary>The operations of teams' templates: save, remove, preview (Q1), as the web, the workers and the CLI call them.</summary>
public static class RepliesFeature
{
    public static IServiceCollection AddReplies(this IServiceCollection services)
    {
        services.AddScoped<SaveTemplate>();
        services.AddScoped<RemoveTemplate>();
        services.AddScoped<PreviewTemplate>();
        return services;
    }
}

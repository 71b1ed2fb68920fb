using Microsoft.Extensions.DependencyInjection;

namespace Guichet.Core.Knowledge;

/// <summary>The operations of the knowledge base and its search (K1), as the web, the workers and the CLI call them.</summary>
public static class KnowledgeFeature
{
    public static IServiceCollection AddKnowledge(this IServiceCollection services)
    {
        services.AddScoped<SaveArticle>();
        services.AddScoped<Search>();
        return services;
    }
}

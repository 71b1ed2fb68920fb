using Microsoft.Extensions.DependencyInjection;

namespace Guichet.Core.Goodwill;

/// <summary>The operations of goodwill, the compensation policy, budgets and retention (G1, G2, G4), as the web, the workers and the CLI call them.</summary>
public static class GoodwillFeature
{
    public static IServiceCollection AddGoodwill(this IServiceCollection services)
    {
        services.AddScoped<GrantGoodwill>();
        services.AddScoped<DecideGoodwill>();
        services.AddScoped<SetCompensationPolicy>();
        services.AddScoped<SetGoodwillBudget>();
        services.AddScoped<Retention>();
        return services;
    }
}

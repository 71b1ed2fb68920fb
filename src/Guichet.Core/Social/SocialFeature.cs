using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Guichet.Core.Social;

/// <summary>The operations of social media (H5, H6), as the web, the workers and the CLI call them.</summary>
public static class SocialFeature
{
    public static IServiceCollection AddSocial(this IServiceCollection services)
    {
        services.AddScoped<ReceiveSocialEvent>();
        services.TryAddSingleton(new ModerationCharter());
        return services;
    }
}

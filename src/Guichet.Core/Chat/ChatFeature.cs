using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Guichet.Core.Chat;

/// <summary>The operations of live chat (H3), as the web, the workers and the CLI call them.</summary>
public static class ChatFeature
{
    public static IServiceCollection AddChat(this IServiceCollection services)
    {
        services.AddScoped<ChatConversation>();
        services.TryAddSingleton<IChatRelay, NoChatRelay>();
        return services;
    }
}

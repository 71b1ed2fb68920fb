using Microsoft.AspNetCore.SignalR;

namespace Guichet.Features.Chat;

/// <summary>Live chat in the server: the SignalR hub with its flood limit, the relay that pushes answers, the widget.</summary>
public static class ChatWeb
{
    public static IServiceCollection AddChatWeb(this IServiceCollection services)
    {
        services.AddSignalR(o => o.AddFilter<ChatFlood>());
        services.AddSingleton<Core.Chat.IChatRelay, ChatRelay>();
        services.AddSingleton<ChatFileLinks>();
        return services;
    }

    public static void MapChatWeb(this GuichetRoutes routes) => routes.App.MapChat().MapChatFiles();
}

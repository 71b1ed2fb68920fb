namespace Guichet.Features.Chat;

/// <summary>
/// The chat widget as one script tag (<c>&lt;script src="https://…/chat/widget.js" defer&gt;</c>), the
/// SignalR client it loads (served here, no CDN), and a demo page that embeds it.
/// </summary>
public static class ChatAssets
{
    public static WebApplication MapChat(this WebApplication app)
    {
        app.MapHub<ChatHub>("/hubs/chat").AllowAnonymous().RequireRateLimiting(Hosting.Web.RateLimits.Chat);
        app.MapGet("/chat/widget.js", () => Embedded("Guichet.Resources.chat.widget.js", "text/javascript; charset=utf-8")).AllowAnonymous().ExcludeFromDescription();
        app.MapGet("/chat/signalr.min.js", () => Embedded("Guichet.Resources.chat.signalr.min.js", "text/javascript; charset=utf-8")).AllowAnonymous().ExcludeFromDescription();
        app.MapGet("/chat/demo", () => Embedded("Guichet.Resources.chat.demo.html", "text/html; charset=utf-8")).AllowAnonymous().ExcludeFromDescription();
        return app;
    }

    private static IResult Embedded(string name, string type) =>
        TypedResults.Stream(typeof(ChatAssets).Assembly.GetManifestResourceStream(name)!, type);
}

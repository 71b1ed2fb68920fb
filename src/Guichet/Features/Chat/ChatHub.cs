using Guichet.Core.Cases;
using Guichet.Core.Chat;
using Microsoft.AspNetCore.SignalR;

namespace Guichet.Features.Chat;

/// <summary>A line of the conversation as the widget shows it: never an internal note, never an agent's address.</summary>
public sealed record ChatLine(long Id, string Direction, string Author, string Body, DateTimeOffset At, bool Automatic)
{
    public static ChatLine From(Message m) => new(m.Id, m.Direction.ToWire(), m.AuthorName, m.Body, m.CreatedAt, m.IsAutomatic);
}

/// <summary>
/// The widget's connection (H3): <c>Hello</c> says whether people are there (or when they are
/// back, P7) and replays the visitor's conversation; <c>Send</c> records a message on their chat
/// case. Each connection joins its case's group, where agents' answers arrive (<see cref="ChatRelay"/>).
/// </summary>
public sealed class ChatHub(ChatConversation chat) : Hub
{
    public static string Group(long caseId) => $"case-{caseId}";

    public async Task<object> Hello(string visitor, string language)
    {
        var welcome = await chat.HelloAsync(visitor, language, Context.ConnectionAborted);
        if (!welcome.Succeeded)
        {
            throw new HubException(string.Join(" ", welcome.Failure!.Errors.SelectMany(e => e.Value)));
        }
        if (welcome.Value.CaseId is { } caseId)
        {
            await Groups.AddToGroupAsync(Context.ConnectionId, Group(caseId), Context.ConnectionAborted);
        }
        return new { welcome.Value.Open, welcome.Value.BackAt, History = welcome.Value.History.Select(ChatLine.From) };
    }

    public async Task<object> Send(string visitor, string? name, string language, string text)
    {
        var sent = await chat.SendAsync(visitor, name, language, text, Context.ConnectionAborted);
        if (!sent.Succeeded)
        {
            throw new HubException(string.Join(" ", sent.Failure!.Errors.SelectMany(e => e.Value)));
        }
        var group = Group(sent.Value.CaseId);
        await Groups.AddToGroupAsync(Context.ConnectionId, group, Context.ConnectionAborted);
        foreach (var message in sent.Value.Written)
        {
            await Clients.Group(group).SendAsync("message", ChatLine.From(message), Context.ConnectionAborted);
        }
        return new { sent.Value.CaseId };
    }
}

/// <summary>An agent's answer on a chat case reaches the widgets open on that case.</summary>
public sealed class ChatRelay(IHubContext<ChatHub> hub) : IChatRelay
{
    public Task PublishAsync(long caseId, Message message, CancellationToken ct) =>
        hub.Clients.Group(ChatHub.Group(caseId)).SendAsync("message", ChatLine.From(message), ct);
}

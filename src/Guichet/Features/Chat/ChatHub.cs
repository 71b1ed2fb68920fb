using Guichet.Core.Cases;
using Guichet.Core.Chat;
using Microsoft.AspNetCore.SignalR;

namespace Guichet.Features.Chat;

/// <summary>A line of the conversation as the widget shows it: never an internal note, never an agent's address.</summary>
/// <summary>A line of the widget's conversation; its files are links only Guichet makes (<see cref="ChatFileLinks"/>).</summary>
public sealed record ChatLine(long Id, string Direction, string Author, string Body, DateTimeOffset At, bool Automatic, ChatFile[] Files)
{
    public static ChatLine From(Message m, ChatFileLinks links) =>
        new(m.Id, m.Direction.ToWire(), m.AuthorName, m.Body, m.CreatedAt, m.IsAutomatic, [.. m.Attachments.OrderBy(a => a.Id).Select(a => new ChatFile(a.FileName, a.ContentType, links.Url(a.Id)))]);
}

public sealed record ChatFile(string Name, string ContentType, string Url);

/// <summary>
/// The widget's connection (H3): <c>Hello</c> says whether people are there (or when they are
/// back, P7) and replays the visitor's conversation; <c>Send</c> records a message on their chat
/// case. Each connection joins its case's group, where agents' answers arrive (<see cref="ChatRelay"/>).
/// </summary>
public sealed class ChatHub(ChatConversation chat, Core.Live.ILiveBus live, ChatFileLinks links) : Hub
{
    public static string Group(long caseId) => $"case-{caseId}";

    private static readonly object TypedKey = new();

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
        return new
        {
            welcome.Value.Open, welcome.Value.Staffed, welcome.Value.BackAt, welcome.Value.Name, welcome.Value.Email,
            History = welcome.Value.History.Select(m => ChatLine.From(m, links)),
        };
    }

    /// <summary>Whether people are there now (P7): the open widget asks again every 20 seconds, so "we are back" comes by itself.</summary>
    public async Task<object> Status(string? language)
    {
        var (open, staffed, backAt) = await chat.StatusAsync(language, Context.ConnectionAborted);
        return new { Open = open, Staffed = staffed, BackAt = backAt };
    }

    /// <summary>The visitor's name and address (P7): optional, before or during the conversation; false until their first message.</summary>
    public async Task<bool> Introduce(string visitor, string? name, string? email)
    {
        var said = await chat.IntroduceAsync(visitor, name, email, Context.ConnectionAborted);
        if (!said.Succeeded)
        {
            throw new HubException(string.Join(" ", said.Failure!.Errors.SelectMany(e => e.Value)));
        }
        return said.Value;
    }

    /// <summary>The visitor is typing: the agents on their case see it (W1). The widget says it at most every few seconds.</summary>
    public async Task Typing(string visitor)
    {
        // At most one a second per connection reaches the database, whatever a script sends.
        var now = System.Diagnostics.Stopwatch.GetTimestamp();
        if (Context.Items.TryGetValue(TypedKey, out var last) && last is long then && System.Diagnostics.Stopwatch.GetElapsedTime(then, now) < TimeSpan.FromSeconds(1))
        {
            return;
        }
        Context.Items[TypedKey] = now;
        if (await chat.TypingAsync(visitor, Context.ConnectionAborted) is { } typing)
        {
            live.Publish(new Core.Live.LiveSignal([], [], new Core.Live.CasePresence(typing.CaseId, "visitor-" + typing.CaseId, typing.Name, "typing")));
        }
    }

    public async Task<object> Send(string visitor, string? name, string? language, string text)
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
            await Clients.Group(group).SendAsync("message", ChatLine.From(message, links), Context.ConnectionAborted);
        }
        return new { sent.Value.CaseId };
    }
}

/// <summary>An agent's answer on a chat case reaches the widgets open on that case.</summary>
public sealed class ChatRelay(IHubContext<ChatHub> hub, ChatFileLinks links) : IChatRelay
{
    public Task PublishAsync(long caseId, Message message, CancellationToken ct) =>
        hub.Clients.Group(ChatHub.Group(caseId)).SendAsync("message", ChatLine.From(message, links), ct);
}

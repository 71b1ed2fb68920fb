using Guichet.Core.Cases;

namespace Guichet.Core.Chat;

/// <summary>Pushes a message written on a chat case to the visitor's open widget (the web host's SignalR hub).</summary>
public interface IChatRelay
{
    Task PublishAsync(long caseId, Message message, CancellationToken ct);
}

/// <summary>Where no widget can be reached (the CLI, simulations): the message stays on the case.</summary>
public sealed class NoChatRelay : IChatRelay
{
    public Task PublishAsync(long caseId, Message message, CancellationToken ct) => Task.CompletedTask;
}

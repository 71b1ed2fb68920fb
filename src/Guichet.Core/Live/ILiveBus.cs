using System.Threading.Channels;

namespace Guichet.Core.Live;

/// <summary>
/// Carries <see cref="LiveSignal"/>s to every server node (W1): in process where one node owns the
/// database (SQLite), through PostgreSQL's LISTEN/NOTIFY where several share it. Publishing never
/// blocks the request that changed something; the node's relay reads <see cref="Received"/>.
/// </summary>
public interface ILiveBus
{
    void Publish(LiveSignal signal);

    ChannelReader<LiveSignal> Received { get; }
}

/// <summary>One node: what is published here is received here.</summary>
public sealed class LocalLiveBus : ILiveBus
{
    // Nobody reading (the CLI) must not grow memory: the oldest signal goes first, and a page
    // that missed one still refreshes on the next.
    private readonly System.Threading.Channels.Channel<LiveSignal> _signals = System.Threading.Channels.Channel.CreateBounded<LiveSignal>(
        new BoundedChannelOptions(10_000) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });

    public void Publish(LiveSignal signal) => _signals.Writer.TryWrite(signal);

    public ChannelReader<LiveSignal> Received => _signals.Reader;
}

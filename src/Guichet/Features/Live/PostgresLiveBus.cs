using System.Threading.Channels;
using Guichet.Core.Live;
using Npgsql;

namespace Guichet.Features.Live;

/// <summary>
/// Live signals between server nodes sharing one PostgreSQL (W1), through LISTEN/NOTIFY: no
/// table is polled and nothing else to run. One connection per node listens; signals published
/// here are merged and sent by a loop of their own, so a request never waits for them. After a
/// lost link every page refreshes once, since what was said meanwhile is gone.
/// </summary>
public sealed class PostgresLiveBus(ServeOptions options, ILogger<PostgresLiveBus> log) : BackgroundService, ILiveBus
{
    public const string Topic = "guichet_live";

    private readonly Channel<LiveSignal> _outgoing = Channel.CreateBounded<LiveSignal>(
        new BoundedChannelOptions(10_000) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });
    private readonly Channel<LiveSignal> _received = Channel.CreateBounded<LiveSignal>(
        new BoundedChannelOptions(10_000) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });

    public void Publish(LiveSignal signal) => _outgoing.Writer.TryWrite(signal);

    public ChannelReader<LiveSignal> Received => _received.Reader;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await using var source = NpgsqlDataSource.Create(options.Database!);
        await Task.WhenAll(ListenAsync(source, stoppingToken), SendAsync(source, stoppingToken));
    }

    private async Task ListenAsync(NpgsqlDataSource source, CancellationToken ct)
    {
        var lost = false;
        while (!ct.IsCancellationRequested)
        {
            try
            {
                await using var connection = await source.OpenConnectionAsync(ct);
                connection.Notification += (_, e) =>
                {
                    if (LiveSignal.FromJson(e.Payload) is { } signal)
                    {
                        _received.Writer.TryWrite(signal);
                    }
                };
                await using (var listen = new NpgsqlCommand($"LISTEN {Topic}", connection))
                {
                    await listen.ExecuteNonQueryAsync(ct);
                }
                if (lost)
                {
                    log.LogInformation("Live updates between nodes are back");
                    _received.Writer.TryWrite(LiveSignal.Refresh);
                    lost = false;
                }
                while (!ct.IsCancellationRequested)
                {
                    await connection.WaitAsync(ct);
                }
            }
            catch (Exception e) when (!ct.IsCancellationRequested)
            {
                if (!lost)
                {
                    log.LogWarning(e, "Live updates between nodes are interrupted; reconnecting");
                }
                lost = true;
                await Pause(ct);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private async Task SendAsync(NpgsqlDataSource source, CancellationToken ct)
    {
        var reader = _outgoing.Reader;
        try
        {
            while (await reader.WaitToReadAsync(ct))
            {
                var payloads = new List<string>();
                var cases = new HashSet<long>();
                var alerts = new HashSet<long>();
                var everything = false;
                while (reader.TryRead(out var signal))
                {
                    if (signal.Presence is not null)
                    {
                        payloads.Add(signal.ToJson());
                    }
                    everything |= signal.Everything;
                    cases.UnionWith(signal.Cases);
                    alerts.UnionWith(signal.Alerts);
                }
                if (everything || cases.Count + alerts.Count > 0)
                {
                    payloads.Add((everything ? LiveSignal.Refresh : LiveSignal.Of(cases, alerts)).ToJson());
                }
                await NotifyAsync(source, payloads, ct);
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }
    }

    private async Task NotifyAsync(NpgsqlDataSource source, List<string> payloads, CancellationToken ct)
    {
        try
        {
            await using var batch = source.CreateBatch();
            foreach (var payload in payloads)
            {
                batch.BatchCommands.Add(new NpgsqlBatchCommand("SELECT pg_notify($1, $2)") { Parameters = { new() { Value = Topic }, new() { Value = payload } } });
            }
            await batch.ExecuteNonQueryAsync(ct);
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            // The pages' next signal, or their reconnection, brings them up to date.
            log.LogWarning(e, "{Count} live signal(s) could not be sent to the other nodes", payloads.Count);
            _received.Writer.TryWrite(LiveSignal.Refresh);
        }
    }

    private static async Task Pause(CancellationToken ct)
    {
        try
        {
            await Task.Delay(TimeSpan.FromSeconds(2), ct);
        }
        catch (OperationCanceledException)
        {
        }
    }
}

using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Guichet.Testing;

/// <summary>
/// A TCP relay in front of the real SMTP server that a test can cut (connections refused, open ones
/// dropped) and restore on the same port, as an outage of the mail server looks to Guichet. It keeps
/// what the clients wrote, in arrival order, to read the order in which mail was handed over.
/// </summary>
public sealed class SmtpRelay(string host, int port) : IAsyncDisposable
{
    private readonly Lock _gate = new();
    private readonly List<TcpClient> _open = [];
    private readonly MemoryStream _written = new();
    private TcpListener? _listener;
    private CancellationTokenSource _stop = new();

    public int Port { get; private set; }

    public void Start()
    {
        var listener = new TcpListener(IPAddress.Loopback, Port);
        // The port is rebound at once after a cut, while dropped connections sit in TIME_WAIT.
        listener.Server.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
        listener.Start();
        Port = ((IPEndPoint)listener.LocalEndpoint).Port;
        _listener = listener;
        _stop = new CancellationTokenSource();
        _ = AcceptAsync(listener, _stop.Token);
    }

    /// <summary>The server goes away: new connections are refused and open ones drop.</summary>
    public void Cut()
    {
        _stop.Cancel();
        _listener?.Stop();
        _listener = null;
        lock (_gate)
        {
            foreach (var client in _open)
            {
                client.Client.LingerState = new LingerOption(true, 0);
                client.Dispose();
            }
            _open.Clear();
        }
    }

    public void Restore() => Start();

    /// <summary>Everything clients wrote through the relay, in the order it arrived.</summary>
    public string Written()
    {
        lock (_gate)
        {
            return Encoding.Latin1.GetString(_written.ToArray());
        }
    }

    private async Task AcceptAsync(TcpListener listener, CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            TcpClient inbound;
            try
            {
                inbound = await listener.AcceptTcpClientAsync(ct);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }
            _ = RelayAsync(inbound, ct);
        }
    }

    private async Task RelayAsync(TcpClient inbound, CancellationToken ct)
    {
        using var outbound = new TcpClient();
        lock (_gate)
        {
            _open.Add(inbound);
            _open.Add(outbound);
        }
        try
        {
            await outbound.ConnectAsync(host, port, ct);
            var up = CopyAsync(inbound.GetStream(), outbound.GetStream(), record: true, ct);
            var down = CopyAsync(outbound.GetStream(), inbound.GetStream(), record: false, ct);
            await Task.WhenAny(up, down);
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or IOException or ObjectDisposedException or InvalidOperationException)
        {
            // A cut: both sides are closed below, which is the outage the test wants.
        }
        finally
        {
            lock (_gate)
            {
                _open.Remove(inbound);
                _open.Remove(outbound);
            }
            inbound.Dispose();
        }
    }

    private async Task CopyAsync(NetworkStream from, NetworkStream to, bool record, CancellationToken ct)
    {
        var buffer = new byte[16 * 1024];
        try
        {
            int read;
            while ((read = await from.ReadAsync(buffer, ct)) > 0)
            {
                if (record)
                {
                    lock (_gate)
                    {
                        _written.Write(buffer, 0, read);
                    }
                }
                await to.WriteAsync(buffer.AsMemory(0, read), ct);
            }
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or IOException or ObjectDisposedException)
        {
            // The other side went away or the relay was cut.
        }
    }

    public ValueTask DisposeAsync()
    {
        Cut();
        _stop.Dispose();
        _written.Dispose();
        return ValueTask.CompletedTask;
    }
}

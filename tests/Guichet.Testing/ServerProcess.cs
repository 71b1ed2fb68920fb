using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Guichet.Testing;

/// <summary>The real `guichet` executable run as a separate process: a free port to give it, and waiting until it answers.</summary>
public static class ServerProcess
{
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Polls /health until the process answers (start-up runs the migrations first), failing if it exits or takes longer than <paramref name="within"/>.</summary>
    public static async Task WaitForHealthAsync(HttpClient client, Process process, TimeSpan within)
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < within)
        {
            Assert.False(process.HasExited, "the server exited during start-up");
            try
            {
                if ((await client.GetAsync("/health", TestContext.Current.CancellationToken)).IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            await Task.Delay(100, TestContext.Current.CancellationToken);
        }
        Assert.Fail($"the server did not answer /health within {within.TotalSeconds:N0} s");
    }
}

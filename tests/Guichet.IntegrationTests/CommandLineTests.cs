using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Guichet.IntegrationTests.Infrastructure;

namespace Guichet.IntegrationTests;

/// <summary>The real executable, started as a user starts it (CONTRACT "Running").</summary>
public sealed class CommandLineTests
{
    [Fact]
    public async Task Serve_takes_its_options_and_the_admin_token_from_the_environment()
    {
        var dir = Path.Combine(Path.GetTempPath(), "guichet-cli-" + Guid.NewGuid().ToString("N"));
        var port = FreePort();
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { Path.Combine(AppContext.BaseDirectory, "guichet.dll"), "serve", "--no-demo", "--data", dir, "--urls", $"http://127.0.0.1:{port}", "--test-clock", "--test-clock-start", "2026-11-27T15:00:00Z" },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment = { ["GUICHET_ADMIN_TOKEN"] = "cli-token" },
        };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        try
        {
            using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
            await WaitForHealthAsync(client, process);
            Assert.True(File.Exists(Path.Combine(dir, "guichet.db")), "the SQLite file is in --data");

            client.DefaultRequestHeaders.Authorization = new("Bearer", "cli-token");
            var (response, clock) = await client.PostJsonAsync("/api/admin/clock", new { advance = "PT1H" });
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("2026-11-27T16:00:00+00:00", clock.Str("now"));
            var (_, teams) = await client.GetJsonAsync("/api/cases");
            Assert.Equal("0", teams.Str("total"));
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(TestContext.Current.CancellationToken);
            Directory.Delete(dir, recursive: true);
        }
        Assert.Contains($"http://127.0.0.1:{port}", await output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_option_is_refused_with_a_message()
    {
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { Path.Combine(AppContext.BaseDirectory, "guichet.dll"), "serve", "--colour", "blue" },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        var error = await process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        Assert.NotEqual(0, process.ExitCode);
        Assert.Contains("--colour", error, StringComparison.Ordinal);
    }

    private static async Task WaitForHealthAsync(HttpClient client, Process process)
    {
        for (var i = 0; i < 300; i++)
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
                // Not listening yet: start-up runs the migrations first.
            }
            await Task.Delay(100, TestContext.Current.CancellationToken);
        }
        Assert.Fail("the server did not answer /health within 30 s");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

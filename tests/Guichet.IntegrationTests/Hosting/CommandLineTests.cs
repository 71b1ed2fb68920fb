using System.Diagnostics;
using System.Net;
using Guichet.Testing;

namespace Guichet.IntegrationTests.Hosting;

/// <summary>The real executable, started as a user starts it (CONTRACT "Running").</summary>
public sealed class CommandLineTests
{
    [Fact]
    public async Task Serve_takes_its_options_and_the_admin_token_from_the_environment()
    {
        var dir = Path.Combine(Path.GetTempPath(), "guichet-cli-" + Guid.NewGuid().ToString("N"));
        var port = ServerProcess.FreePort();
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
            await ServerProcess.WaitForHealthAsync(client, process, TimeSpan.FromSeconds(30));
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
}

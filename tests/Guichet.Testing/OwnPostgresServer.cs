using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Guichet.Hosting;

namespace Guichet.Testing;

/// <summary>
/// A server on a PostgreSQL cluster of its own (initdb in a temporary directory, a free port), so a
/// test can restart PostgreSQL without touching the cluster other tests share. Needs the PostgreSQL
/// binaries named by GUICHET_TEST_PG_BIN (as .ci/run sets); as root it runs them as the postgres user.
/// </summary>
public sealed class OwnPostgresServer : PostgresServer
{
    public const string BinVariable = "GUICHET_TEST_PG_BIN";

    private string? _bin;
    private string? _dir;

    protected override async Task<string?> AdminConnectionStringAsync()
    {
        _bin = Environment.GetEnvironmentVariable(BinVariable);
        if (string.IsNullOrWhiteSpace(_bin) || !File.Exists(Path.Combine(_bin, "pg_ctl")))
        {
            SkipReason = $"PostgreSQL restart tests skipped: set {BinVariable} to the directory of pg_ctl and initdb (as .ci/run does) to run them.";
            return null;
        }
        _dir = (await RunAsync("mktemp", "-d", "/tmp/guichet-own-pg.XXXXXX")).Trim();
        var port = FreePort();
        await RunAsync(Path.Combine(_bin, "initdb"), "-D", $"{_dir}/data", "-U", "postgres", "-A", "trust", "--no-sync");
        await RunAsync(Path.Combine(_bin, "pg_ctl"), "-D", $"{_dir}/data", "-w", "-l", $"{_dir}/log",
            "-o", $"-c listen_addresses=127.0.0.1 -p {port} -k {_dir} -c fsync=off -c max_connections=100", "start");
        return $"Host=127.0.0.1;Port={port};Username=postgres;Database=postgres";
    }

    /// <summary>pg_ctl restart: sessions are ended, the server stops and starts again (the options of its last start are kept).</summary>
    public Task RestartAsync(string mode = "fast") =>
        RunAsync(Path.Combine(_bin!, "pg_ctl"), "-D", $"{_dir}/data", "-w", "-l", $"{_dir}/log", "-m", mode, "restart");

    protected override async Task CleanUpAsync()
    {
        await base.CleanUpAsync();
        if (_dir is not null)
        {
            await RunAsync(Path.Combine(_bin!, "pg_ctl"), "-D", $"{_dir}/data", "-m", "immediate", "stop");
            Directory.Delete(_dir, recursive: true);
        }
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    /// <summary>PostgreSQL refuses to run as root: as root, its tools run as the postgres user.</summary>
    private static async Task<string> RunAsync(string file, params string[] arguments)
    {
        var start = new ProcessStartInfo { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        if (Environment.UserName == "root")
        {
            start.FileName = "runuser";
            foreach (var a in new[] { "-u", "postgres", "--", file })
            {
                start.ArgumentList.Add(a);
            }
        }
        else
        {
            start.FileName = file;
        }
        foreach (var a in arguments)
        {
            start.ArgumentList.Add(a);
        }
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        // Without -l a started server would hold our stdout open: bounded, so a mistake fails instead of hanging.
        using var bound = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(bound.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{file} {string.Join(' ', arguments)} did not finish within 60 s");
        }
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {string.Join(' ', arguments)} exited {process.ExitCode}: {await error}");
        }
        return await output;
    }
}

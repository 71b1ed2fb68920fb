using System.Net.Sockets;
using Guichet.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Npgsql;

namespace Guichet.IntegrationTests.Hosting;

/// <summary>
/// A worker pass that meets the database out of reach (PostgreSQL restarting) says so in one
/// warning line; an actual fault in the work keeps its error with the stack, for the on-call.
/// </summary>
public sealed class WorkerLoggingTests
{
    [Fact]
    public async Task A_pass_that_meets_the_database_out_of_reach_warns_in_one_line_without_a_stack()
    {
        var logger = new FakeLogger();
        await RunOnePassAsync(new NpgsqlException("Exception while reading from stream", new SocketException((int)SocketError.ConnectionReset)), logger);

        var line = Assert.Single(logger.Collector.GetSnapshot());
        Assert.Equal(LogLevel.Warning, line.Level);
        Assert.Null(line.Exception);
        Assert.Contains("database is out of reach", line.Message, StringComparison.Ordinal);
        Assert.Contains("Connection reset", line.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_pass_that_fails_for_another_reason_logs_an_error_with_its_exception()
    {
        var logger = new FakeLogger();
        var fault = new InvalidOperationException("Sequence contains no elements");
        await RunOnePassAsync(fault, logger);

        var line = Assert.Single(logger.Collector.GetSnapshot());
        Assert.Equal(LogLevel.Error, line.Level);
        Assert.Same(fault, line.Exception);
    }

    private static async Task RunOnePassAsync(Exception failure, ILogger logger)
    {
        await using var services = new ServiceCollection().BuildServiceProvider();
        using var work = new FailingWork(services.GetRequiredService<IServiceScopeFactory>(), failure, logger);
        await work.StartAsync(TestContext.Current.CancellationToken);
        // With no interval the work runs one pass and ends.
        await work.ExecuteTask!;
    }

    private sealed class FailingWork(IServiceScopeFactory scopes, Exception failure, ILogger logger) : PeriodicDueWork(scopes, TimeSpan.Zero, logger)
    {
        protected override string Name => "Test work";
        public override DueStage Stage => DueStage.Rules;

        protected override Task RunOnceAsync(IServiceProvider services, CancellationToken ct) => Task.FromException(failure);
    }
}

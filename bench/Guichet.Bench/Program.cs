using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Guichet.Bench;

if (args is ["mail-corpus", var path, var count, ..])
{
    // dotnet run -c Release --project bench/Guichet.Bench -- mail-corpus /tmp/bench.mbox 100000 [seed]
    // Another seed writes other senders and Message-Ids: a warm-up load that the measured one does not thread into.
    MailCorpus.Write(path, int.Parse(count, System.Globalization.CultureInfo.InvariantCulture), seed: args.Length > 3 ? int.Parse(args[3], System.Globalization.CultureInfo.InvariantCulture) : 1);
    return;
}
if (args is ["zendesk-corpus", var zendeskPath, var tickets, ..])
{
    // dotnet run -c Release --project bench/Guichet.Bench -- zendesk-corpus /tmp/zendesk-1m 1000000
    ZendeskCorpus.Write(zendeskPath, int.Parse(tickets, System.Globalization.CultureInfo.InvariantCulture), commentsPerTicket: 5, seed: 28);
    return;
}
if (args is ["affected-list", var listPath, var listCount, ..])
{
    // dotnet run -c Release --project bench/Guichet.Bench -- affected-list /tmp/affected.csv 1000000
    AffectedList.Write(listPath, int.Parse(listCount, System.Globalization.CultureInfo.InvariantCulture), seed: 8);
    return;
}
if (args is ["inbound-load", var url, var token, var mbox, var senders, ..])
{
    // Add "probe" as a sixth argument to time an agent's note and case read during the load (issue 29).
    // Against a running `guichet serve` with GUICHET_ADMIN_TOKEN=token (see docs/benchmarks.md).
    await InboundLoad.RunAsync(url, token, mbox, int.Parse(senders, System.Globalization.CultureInfo.InvariantCulture), probe: args.Length > 5 && args[5] == "probe");
    return;
}

if (args is ["rules-setup", var rulesUrl, var rulesToken, var rulesCount, ..])
{
    // Against a running `guichet serve`, before inbound-load (see docs/benchmarks.md, issue 27).
    await RulesSetup.RunAsync(rulesUrl, rulesToken, int.Parse(rulesCount, System.Globalization.CultureInfo.InvariantCulture), heavy: args.Length > 4 && args[4] == "heavy");
    return;
}

if (args is ["live-fanout", var liveUrl, var liveToken, var pid, ..])
{
    // Against a running `guichet serve` (see docs/benchmarks.md): pages, then changes.
    int Arg(int i, int fallback) => args.Length > i ? int.Parse(args[i], System.Globalization.CultureInfo.InvariantCulture) : fallback;
    await LiveFanOut.RunAsync(liveUrl, liveToken, Arg(3, 0), Arg(4, 200), Arg(5, 30));
    return;
}

if (args is ["search-load", var folder, ..])
{
    // dotnet run -c Release --project bench/Guichet.Bench -- search-load /tmp/search 20000 80000 1000
    int Arg(int i, int fallback) => args.Length > i ? int.Parse(args[i], System.Globalization.CultureInfo.InvariantCulture) : fallback;
    await SearchLoad.RunAsync(folder, Arg(2, 20_000), Arg(3, 80_000), Arg(4, 1_000));
    return;
}

if (args is ["scale-load", var scaleFolder, ..])
{
    // dotnet run -c Release --project bench/Guichet.Bench -- scale-load /tmp/scale 10000000 [postgres connection string|-] [measure]
    var scalePostgres = args.Length > 3 && args[3] != "-" ? args[3] : null;
    await ScaleLoad.RunAsync(scaleFolder, args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 10_000_000, scalePostgres, measureOnly: args.Length > 4 && args[4] == "measure");
    return;
}

if (args is ["find-load", var findFolder, ..])
{
    // dotnet run -c Release --project bench/Guichet.Bench -- find-load /tmp/find 1000000 [postgres connection string]
    await FindLoad.RunAsync(findFolder, args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 1_000_000, args.Length > 3 ? args[3] : null);
    return;
}

if (args is ["figures-load", var figuresFolder, ..])
{
    // dotnet run -c Release --project bench/Guichet.Bench -- figures-load /tmp/figures 100000 7
    int Arg(int i, int fallback) => args.Length > i ? int.Parse(args[i], System.Globalization.CultureInfo.InvariantCulture) : fallback;
    await FiguresLoad.RunAsync(figuresFolder, Arg(2, 100_000), Arg(3, 7));
    return;
}

// On demand: dotnet run -c Release --project bench/Guichet.Bench -- --filter '*'
// Each iteration resets the due promises, so the monitoring strategy (one call per iteration) fits.
var config = ManualConfig.Create(DefaultConfig.Instance)
    .AddJob(Job.Default
        .WithStrategy(RunStrategy.Monitoring)
        .WithLaunchCount(1)
        .WithWarmupCount(10)
        .WithIterationCount(15)
        .WithToolchain(InProcessEmitToolchain.Instance));
BenchmarkSwitcher.FromAssembly(typeof(WatcherTick).Assembly).Run(args, config);

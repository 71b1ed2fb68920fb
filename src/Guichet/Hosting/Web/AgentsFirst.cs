namespace Guichet.Hosting.Web;

/// <summary>
/// People before bulk intake (issue 29): the requests of people at work — everything but the
/// machine intake of mail — are counted while they run, and the intake's group writer gives way to
/// them. On one SQLite writer, a note waiting behind a group of 256 messages being stored, then
/// behind the next, took a second at p95 during a mail storm. With people at work the writer
/// stores smaller groups and waits (briefly, never long) for their requests to finish first, and
/// the parsing of incoming mail takes at most one request per core, so their reads find a core.
/// </summary>
public sealed class AgentsFirst
{
    /// <summary>The most the intake waits for people's requests before a group: it must never stall.</summary>
    public static readonly TimeSpan MaxYield = TimeSpan.FromMilliseconds(100);

    private int running;

    /// <summary>How many people's requests are running now.</summary>
    public int Running => Volatile.Read(ref running);

    /// <summary>Parsing of incoming mail over HTTP: one message per core at a time, the rest queue without taking a thread.</summary>
    public SemaphoreSlim IntakeParsing { get; } = new(Environment.ProcessorCount, Environment.ProcessorCount);

    /// <summary>
    /// Waits until no person's request runs, or <see cref="MaxYield"/> of real time (a pause of the
    /// machine, not of the service's clock); returns whether people were at work.
    /// </summary>
    public async Task<bool> YieldAsync()
    {
        if (Running == 0)
        {
            return false;
        }
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        while (Running > 0 && System.Diagnostics.Stopwatch.GetElapsedTime(started) < MaxYield)
        {
            await Task.Delay(2);
        }
        return true;
    }

    /// <summary>Not a person's request: the mail intake, and the live connections that stay open.</summary>
    public static bool IsMachine(PathString path) =>
        path.StartsWithSegments("/api/inbound", StringComparison.OrdinalIgnoreCase) || path.StartsWithSegments("/hubs", StringComparison.OrdinalIgnoreCase);

    public async Task TrackAsync(HttpContext http, Func<Task> next)
    {
        if (IsMachine(http.Request.Path))
        {
            await next();
            return;
        }
        Interlocked.Increment(ref running);
        try
        {
            await next();
        }
        finally
        {
            Interlocked.Decrement(ref running);
        }
    }
}

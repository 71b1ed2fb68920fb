namespace Guichet.Hosting;

/// <summary>
/// Time-driven work (the promise watcher, survey sender, outbox retries). Hosted loops call it on
/// their tick; the test clock calls it right after moving time, so tests never wait.
/// </summary>
public interface IDueWork
{
    Task RunDueAsync(CancellationToken ct);
}

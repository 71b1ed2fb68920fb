namespace Guichet.Hosting;

/// <summary>
/// Time-driven work (the promise watcher, survey sender, outbox retries). Hosted loops call it on
/// their tick; the test clock calls it right after moving time, so tests never wait.
/// </summary>
public interface IDueWork
{
    /// <summary>When it runs after the test clock moves: mail read first, then the rules, then what leaves, then the figures.</summary>
    DueStage Stage { get; }

    Task RunDueAsync(CancellationToken ct);
}

/// <summary>The order of due work in one pass; within a stage, the order the features registered it.</summary>
public enum DueStage
{
    /// <summary>Mail read from mailboxes, so a message read in a pass is acknowledged and sent in the same pass.</summary>
    Intake,
    /// <summary>Promises, surveys, retention, test journeys.</summary>
    Rules,
    /// <summary>The outbox: what the rules wrote leaves in the same pass.</summary>
    Delivery,
    /// <summary>The figures, which include what the work above just did.</summary>
    Measures,
}

namespace Guichet.Hosting;

/// <summary>
/// The test clock behind `--test-clock`: real time never moves it, only <see cref="Advance"/>.
/// Time only goes forward, as it does for the promises that read it.
/// </summary>
public sealed class AdjustableClock(DateTimeOffset start) : TimeProvider
{
    private readonly Lock _gate = new();
    private DateTimeOffset _now = start.ToUniversalTime();

    public override DateTimeOffset GetUtcNow()
    {
        lock (_gate)
        {
            return _now;
        }
    }

    public DateTimeOffset Advance(TimeSpan by)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(by, TimeSpan.Zero);
        lock (_gate)
        {
            _now += by;
            return _now;
        }
    }
}

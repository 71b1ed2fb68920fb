namespace Guichet.Core.Live;

/// <summary>
/// A number that moves whenever a case may have changed, on this node or (through the live bus)
/// another: what was computed from the cases at one generation (a view's count) holds until it moves.
/// </summary>
public sealed class CaseChanges
{
    private long _generation;

    public long Generation => Interlocked.Read(ref _generation);

    public void Moved() => Interlocked.Increment(ref _generation);
}

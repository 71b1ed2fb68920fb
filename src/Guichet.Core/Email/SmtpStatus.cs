namespace Guichet.Core.Email;

/// <summary>
/// What this node last heard from its SMTP server: reached, or out of reach since when. `/health`
/// reads it, so an outage shows even when no waiting mail carries an error of its own (the first
/// row tried may have failed for good, and the others were never tried).
/// </summary>
public sealed class SmtpStatus
{
    private Outage? _outage;

    public sealed record Outage(DateTimeOffset Since);

    public Outage? Current => Volatile.Read(ref _outage);

    public void Reached() => Volatile.Write(ref _outage, null);

    /// <summary>Keeps the first moment of an outage that goes on.</summary>
    public void OutOfReach(DateTimeOffset at) => Interlocked.CompareExchange(ref _outage, new Outage(at), null);
}

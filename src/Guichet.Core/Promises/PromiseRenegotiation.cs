using Guichet.Core.Cases;

namespace Guichet.Core.Promises;

/// <summary>One move of a promise's due time, and the message that told the customer (SPEC P3).</summary>
public sealed class PromiseRenegotiation
{
    public long Id { get; private set; }
    public long PromiseId { get; private set; }
    public DateTimeOffset OldDueAt { get; init; }
    public DateTimeOffset NewDueAt { get; init; }
    public DateTimeOffset At { get; init; }
    public long? ByAgentId { get; init; }
    public long? NoticeMessageId { get; private set; }
    public Message? NoticeMessage { get; init; }
}

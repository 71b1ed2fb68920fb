using Guichet.Core.Agents;

namespace Guichet.Core.Cases;

public enum MessageDirection
{
    In,
    Out,
}

/// <summary>What a message is for: metrics and the timeline tell acknowledgments and notices from replies.</summary>
public enum MessageKind
{
    /// <summary>The customer wrote, called or posted.</summary>
    Contact,
    /// <summary>A person answered.</summary>
    Reply,
    /// <summary>The automatic acknowledgment with its date (P1).</summary>
    Acknowledgment,
    /// <summary>A new date given before the old one lapsed (P3).</summary>
    DelayNotice,
    /// <summary>An apology and a new date after a lapse (P6).</summary>
    LateNotice,
    /// <summary>An automatic word on how the customer's message was handled (too large to open, …).</summary>
    IntakeNotice,
    /// <summary>The customer's named contact changed: the new owner introduces themselves, same reference (C4, issue 7).</summary>
    ContactChange,
    /// <summary>An apology and a gesture sent before the customer complained (G3).</summary>
    IncidentApology,
    /// <summary>The satisfaction and effort survey, sent after resolution (M1).</summary>
    Survey,
    /// <summary>The customer answered the survey by replying to it: recorded, not a new contact (M1).</summary>
    SurveyAnswer,
}

/// <summary>What the customer said or was told, on any channel. Internal notes are <see cref="CaseEvent"/>s.</summary>
public sealed class Message
{
    public long Id { get; private set; }
    public long CaseId { get; set; }
    public MessageDirection Direction { get; init; }
    public MessageKind Kind { get; init; } = MessageKind.Reply;
    public Channel Channel { get; init; }
    public required string Body { get; init; }
    public long? AuthorId { get; init; }
    public Agent? Author { get; init; }
    /// <summary>Customer or agent name at the time, or "Guichet" for automatic messages.</summary>
    public required string AuthorName { get; init; }
    /// <summary>Sent by automation (acknowledgment, notice): never counts as a human answer (SPEC P7).</summary>
    public bool IsAutomatic { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    /// <summary>The RFC 5322 Message-ID, with its angle brackets: theirs on mail received, ours on mail sent (threading, H1).</summary>
    public string? InternetMessageId { get; set; }
    /// <summary>The promise this message stated to the customer (SPEC P2).</summary>
    public long? PromiseId { get; set; }
    public Promises.Promise? Promise { get; set; }
    public List<Attachment> Attachments { get; set; } = [];
    /// <summary>An answer posted in public under the customer's social comment (H6), read by everyone.</summary>
    public bool IsPublic { get; init; }

    /// <summary>What a customer wrote, said or posted.</summary>
    public static Message Contact(Channel channel, string body, string authorName, string? internetMessageId, DateTimeOffset now) => new()
    {
        Direction = MessageDirection.In,
        Kind = MessageKind.Contact,
        Channel = channel,
        Body = body,
        AuthorName = authorName,
        CreatedAt = now,
        InternetMessageId = internetMessageId,
    };
}

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
    /// <summary>An agent wrote to a third party (a carrier, a supplier) about the case: a side conversation, never shown to the customer (issue 26).</summary>
    SideOut,
    /// <summary>The third party's answer to a side conversation: it notifies the owner and is never shown to the customer.</summary>
    SideIn,
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
    /// <summary>Who else the mail went to, "a@x, b@y": the people copied (Cc) on a reply or on the customer's mail.</summary>
    public string? Cc { get; set; }
    /// <summary>Who got a blind copy of a reply (Bcc): on the case for agents, never in the mail's headers.</summary>
    public string? Bcc { get; set; }
    /// <summary>The third party of a side conversation (<see cref="MessageKind.SideOut"/>, <see cref="MessageKind.SideIn"/>).</summary>
    public string? ThirdParty { get; set; }

    /// <summary>Brought from another help desk (W10): history, which rules and webhooks do not act on.</summary>
    public bool IsImported { get; init; }

    /// <summary>A received email that had an HTML part: the case page shows it as its sender laid it out, the text a click away.</summary>
    public bool HasHtml { get; set; }

    /// <summary>A side conversation with a third party: agents see it, the customer never does.</summary>
    public bool IsSide => Kind is MessageKind.SideOut or MessageKind.SideIn;

    /// <summary>The customer's conversation, as a query: every message but side conversations (what customers and their readers see).</summary>
    public static readonly System.Linq.Expressions.Expression<Func<Message, bool>> WithCustomer = m => m.Kind != MessageKind.SideOut && m.Kind != MessageKind.SideIn;

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

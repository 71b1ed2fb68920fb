namespace Guichet.Core.Phone;

/// <summary>How a call ended, as the agent or the phone system reports it (H4).</summary>
public enum CallOutcome
{
    /// <summary>The customer's matter was settled during the call.</summary>
    Resolved,
    /// <summary>Answered; work continues on the case.</summary>
    FollowUp,
    /// <summary>The customer was told to write, use the website, call elsewhere: a defect (C3).</summary>
    Redirected,
    /// <summary>Nobody answered.</summary>
    Missed,
    /// <summary>The customer left a voicemail.</summary>
    Voicemail,
}

/// <summary>
/// One hotline call on a case: who called, when, how long, who answered and how it ended. Its
/// message on the case carries the agent's notes; <see cref="CallId"/> makes a phone system's
/// retried webhook harmless.
/// </summary>
public sealed class PhoneCall
{
    public long Id { get; private set; }
    /// <summary>The phone system's own id for the call, unique when given.</summary>
    public string? CallId { get; init; }
    public long CaseId { get; set; }
    public long MessageId { get; set; }
    /// <summary>E.164 when it is a valid number; as given otherwise (a withheld number, an extension).</summary>
    public string? Caller { get; init; }
    public string? Callee { get; init; }
    public DateTimeOffset StartedAt { get; init; }
    public DateTimeOffset EndedAt { get; init; }
    public long? AgentId { get; init; }
    public CallOutcome Outcome { get; init; }
    /// <summary>The call opened its case: with <see cref="CallOutcome.Resolved"/>, a first-contact resolution (H4).</summary>
    public bool OpenedTheCase { get; init; }

    public bool Answered => Outcome is not (CallOutcome.Missed or CallOutcome.Voicemail);
}

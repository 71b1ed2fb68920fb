using System.Security.Cryptography;
using Guichet.Core.Cases;

namespace Guichet.Core.Surveys;

public enum SurveyState
{
    /// <summary>Waiting for its send time; cancelled if the case reopens or a promise opens first.</summary>
    Scheduled,
    Sent,
    Answered,
    /// <summary>Not sent: the case reopened, a promise opened, or no written channel reaches the customer.</summary>
    Cancelled,
}

/// <summary>
/// The one satisfaction survey of a case (SPEC M1): CSAT 1–5 and customer effort 1–7, sent once
/// the case is resolved with no promise running, after the team's delay, never twice. The row is
/// unique per case; a cancelled survey is scheduled again when the case is resolved again.
/// </summary>
public sealed class Survey
{
    public const int MaxCommentLength = 4000;

    public long Id { get; private set; }
    public long CaseId { get; private set; }
    public Case Case { get; private set; } = null!;
    public SurveyState State { get; private set; } = SurveyState.Scheduled;
    /// <summary>When it goes out while scheduled; null otherwise. Indexed for the survey rounds.</summary>
    public DateTimeOffset? SendAt { get; private set; }
    public DateTimeOffset ScheduledAt { get; private set; }
    public DateTimeOffset? SentAt { get; private set; }
    public Channel? Channel { get; private set; }
    public long? MessageId { get; private set; }
    public Message? Message { get; private set; }
    /// <summary>The secret in the survey's link: whoever has it may answer, once.</summary>
    public string Token { get; private set; } = "";
    public DateTimeOffset? AnsweredAt { get; private set; }
    /// <summary>Customer satisfaction, 1 (very unhappy) to 5 (very happy).</summary>
    public int? Csat { get; private set; }
    /// <summary>Customer effort, 1 (very easy) to 7 (very hard), as in the CES 2.0 question.</summary>
    public int? Effort { get; private set; }
    public string? Comment { get; private set; }
    public DateTimeOffset? CancelledAt { get; private set; }
    public string? CancelReason { get; private set; }

    public static Survey Schedule(long caseId, DateTimeOffset sendAt, DateTimeOffset now) => new()
    {
        CaseId = caseId,
        SendAt = sendAt,
        ScheduledAt = now,
        Token = NewToken(),
    };

    /// <summary>A satisfaction rating given in another help desk (W10): answered as it was, never sent again.</summary>
    public static Survey Imported(long caseId, int csat, string? comment, DateTimeOffset at) => new()
    {
        CaseId = caseId,
        State = SurveyState.Answered,
        ScheduledAt = at,
        SentAt = at,
        AnsweredAt = at,
        Csat = Math.Clamp(csat, 1, 5),
        Comment = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim()[..Math.Min(comment.Trim().Length, MaxCommentLength)],
        Token = NewToken(),
    };

    /// <summary>The case was resolved again after a cancellation: one more chance, same row (never two surveys sent).</summary>
    public void Reschedule(DateTimeOffset sendAt, DateTimeOffset now)
    {
        State = SurveyState.Scheduled;
        SendAt = sendAt;
        ScheduledAt = now;
        CancelledAt = null;
        CancelReason = null;
    }

    public void Cancel(string reason, DateTimeOffset now)
    {
        State = SurveyState.Cancelled;
        SendAt = null;
        CancelledAt = now;
        CancelReason = reason;
    }

    public void MarkSent(Message message, DateTimeOffset now)
    {
        State = SurveyState.Sent;
        SendAt = null;
        SentAt = now;
        Channel = message.Channel;
        Message = message;
    }

    public Failure? Answer(int? csat, int? effort, string? comment, DateTimeOffset now)
    {
        if (State == SurveyState.Answered)
        {
            return Failure.Conflict("survey", "This survey was already answered. Thank you!");
        }
        if (State != SurveyState.Sent)
        {
            return Failure.Conflict("survey", "This survey is not open for answers.");
        }
        var errors = new Dictionary<string, string[]>();
        if (csat is null && effort is null)
        {
            errors["csat"] = ["Give at least a satisfaction score (1 to 5) or an effort score (1 to 7)."];
        }
        if (csat is < 1 or > 5)
        {
            errors["csat"] = ["Satisfaction is from 1 (very unhappy) to 5 (very happy)."];
        }
        if (effort is < 1 or > 7)
        {
            errors["effort"] = ["Effort is from 1 (very easy) to 7 (very hard)."];
        }
        if (comment is { Length: > MaxCommentLength })
        {
            errors["comment"] = [$"At most {MaxCommentLength} characters."];
        }
        if (errors.Count > 0)
        {
            return new Failure(FailureKind.Invalid, errors, "Invalid request");
        }
        State = SurveyState.Answered;
        AnsweredAt = now;
        Csat = csat;
        Effort = effort;
        Comment = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim();
        return null;
    }

    private static string NewToken() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(18)).Replace('+', '-').Replace('/', '_');
}

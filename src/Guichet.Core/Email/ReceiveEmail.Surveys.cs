using Guichet.Core.Cases;
using Guichet.Core.Surveys;
using Microsoft.EntityFrameworkCore;

namespace Guichet.Core.Email;

/// <summary>A reply to the survey that starts with the scores is the answer (M1), not a new contact: it never reopens the case.</summary>
public sealed partial class ReceiveEmail
{
    private async Task<Outcome?> SurveyAnswerAsync(long caseId, IncomingMail mail, DateTimeOffset now, CancellationToken ct)
    {
        // The scores and the comment are what the customer wrote, not the survey their client quoted below it.
        if (mail.ThreadIds.Count == 0 || SurveyReply.Read(QuotedHistory.Split(mail.Text ?? "").Fresh) is not { } scores)
        {
            return null;
        }
        var ids = mail.ThreadIds.ToList();
        var survey = await db.Surveys.Include(s => s.Case)
            .FirstOrDefaultAsync(s => s.CaseId == caseId && s.State == SurveyState.Sent && s.Message != null && ids.Contains(s.Message.InternetMessageId!), ct);
        if (survey is null)
        {
            return null;
        }
        if (await new AnswerSurvey(db, clock).RecordAsync(survey, scores.Csat, scores.Effort, scores.Comment, ct) is not null)
        {
            return null;
        }
        var message = new Message
        {
            CaseId = caseId,
            Direction = MessageDirection.In,
            Kind = MessageKind.SurveyAnswer,
            Channel = Channel.Email,
            Body = Cut(mail.Text, OpenCaseRequest.MaxBodyLength)!,
            AuthorName = mail.Name,
            CreatedAt = now,
            InternetMessageId = mail.MessageId,
        };
        db.Messages.Add(message);
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
        return new Outcome(InboundOutcome.Appended, caseId, message.Id, "The customer's answer to the survey.");
    }
}

using Guichet.Core.Cases;
using MimeKit;

namespace Guichet.Core.Email;

/// <summary>
/// A case message as the customer's mail client sees it: the case reference in the subject, our
/// Message-ID, In-Reply-To and References to the conversation so it threads on both sides (H1),
/// and Auto-Submitted on anything a person did not write, so auto-responders stay quiet; a text
/// part and an HTML part saying the same (<see cref="MailBody"/>).
/// </summary>
public static class OutgoingMail
{
    public static MimeMessage Compose(Message message, Case @case, string recipient, string fromAddress, IReadOnlyList<(string Id, MessageDirection Direction)> conversation)
    {
        var mail = new MimeMessage();
        mail.From.Add(new MailboxAddress(@case.Team.Name, fromAddress));
        mail.To.Add(new MailboxAddress(@case.Customer.Name, recipient));
        var subject = @case.Subject.Contains(@case.Reference, StringComparison.OrdinalIgnoreCase) ? @case.Subject : $"[{@case.Reference}] {@case.Subject}";
        mail.Subject = message.Kind == MessageKind.Reply || message.Kind == MessageKind.Acknowledgment ? $"Re: {subject}" : subject;
        mail.Date = message.CreatedAt;
        mail.MessageId = message.InternetMessageId!.Trim('<', '>');
        var earlier = conversation.Where(c => c.Id != message.InternetMessageId).ToList();
        if (earlier.LastOrDefault(c => c.Direction == MessageDirection.In) is { Id: { } lastIn })
        {
            mail.InReplyTo = lastIn.Trim('<', '>');
        }
        foreach (var (id, _) in earlier.TakeLast(20))
        {
            mail.References.Add(id.Trim('<', '>'));
        }
        if (message.IsAutomatic)
        {
            mail.Headers.Add(HeaderId.AutoSubmitted, "auto-replied");
        }
        // multipart/alternative: the text as written and the same as HTML, both signed by the team (W9).
        var (text, html) = MailBody.Render(message.Body, @case.Team.Signature, @case.Customer.Language);
        mail.Body = new BodyBuilder { TextBody = text, HtmlBody = html }.ToMessageBody();
        return mail;
    }
}

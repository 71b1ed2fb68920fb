using Guichet.Core.Cases;
using MimeKit;

namespace Guichet.Core.Email;

/// <summary>
/// A case message as the customer's mail client sees it: the case reference in the subject, our
/// Message-ID, In-Reply-To and References to the conversation so it threads on both sides (H1),
/// and Auto-Submitted on anything a person did not write, so auto-responders stay quiet; a text
/// part and an HTML part saying the same (<see cref="MailBody"/>); the message's files, and the
/// people it copies (Cc, and Bcc, which MailKit's SMTP client sends to without writing it in the
/// headers). A side conversation goes to its third party, not to the customer (issue 26).
/// </summary>
public static class OutgoingMail
{
    public sealed record File(string FileName, string ContentType, byte[] Content);

    public static MimeMessage Compose(Message message, Case @case, string recipient, string fromAddress, IReadOnlyList<(string Id, MessageDirection Direction)> conversation, IReadOnlyList<File>? files = null)
    {
        var mail = new MimeMessage();
        mail.From.Add(new MailboxAddress(@case.Team.Name, fromAddress));
        mail.To.Add(new MailboxAddress(message.IsSide ? "" : @case.Customer.Name, recipient));
        // Lists are checked when written; one that no longer reads (an older row) loses that address, never the mail.
        foreach (var copied in CopiedPeople.Parse(message.Cc))
        {
            if (MailboxAddress.TryParse(copied, out var address))
            {
                mail.Cc.Add(address);
            }
        }
        foreach (var hidden in CopiedPeople.Parse(message.Bcc))
        {
            if (MailboxAddress.TryParse(hidden, out var address))
            {
                mail.Bcc.Add(address);
            }
        }
        var subject = @case.Subject.Contains(@case.Reference, StringComparison.OrdinalIgnoreCase) ? @case.Subject : $"[{@case.Reference}] {@case.Subject}";
        mail.Subject = message.Kind is MessageKind.Reply or MessageKind.Acknowledgment ? $"Re: {subject}" : subject;
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
        var builder = new BodyBuilder { TextBody = text, HtmlBody = html };
        foreach (var file in files ?? [])
        {
            builder.Attachments.Add(file.FileName, file.Content, ContentType.Parse(file.ContentType));
        }
        mail.Body = builder.ToMessageBody();
        return mail;
    }
}

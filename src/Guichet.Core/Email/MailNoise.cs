using MimeKit;

namespace Guichet.Core.Email;

/// <summary>Why a message must never be acknowledged (loops and noise, H1).</summary>
public enum MailNoise
{
    None,
    AutoReply,
    Bounce,
    MailingList,
}

public static class MailNoiseFilter
{
    /// <summary>Auto-Submitted, Precedence, X-Autoreply, list headers, delivery reports and mailer daemons.</summary>
    public static MailNoise Classify(MimeMessage mail)
    {
        var headers = mail.Headers;
        if (mail.Body is MultipartReport report && report.ReportType?.Equals("delivery-status", StringComparison.OrdinalIgnoreCase) == true)
        {
            return MailNoise.Bounce;
        }
        var from = mail.From.Mailboxes.FirstOrDefault()?.LocalPart ?? "";
        if (from.Equals("mailer-daemon", StringComparison.OrdinalIgnoreCase) || from.Equals("postmaster", StringComparison.OrdinalIgnoreCase))
        {
            return MailNoise.Bounce;
        }
        var autoSubmitted = headers[HeaderId.AutoSubmitted];
        if (!string.IsNullOrEmpty(autoSubmitted) && !autoSubmitted.Trim().StartsWith("no", StringComparison.OrdinalIgnoreCase))
        {
            return MailNoise.AutoReply;
        }
        if (headers.Contains("X-Autoreply") || headers.Contains("X-Autorespond"))
        {
            return MailNoise.AutoReply;
        }
        var precedence = headers[HeaderId.Precedence]?.Trim().ToLowerInvariant();
        if (precedence is "bulk" or "junk")
        {
            return MailNoise.AutoReply;
        }
        if (precedence is "list" || headers.Contains(HeaderId.ListId) || headers.Contains(HeaderId.ListUnsubscribe))
        {
            return MailNoise.MailingList;
        }
        return MailNoise.None;
    }

    /// <summary>The Message-IDs a bounce reports on: the returned message's or headers' (text/rfc822-headers is a message part too), else its references.</summary>
    public static IEnumerable<string> BouncedIds(MimeMessage mail)
    {
        foreach (var part in mail.BodyParts.OfType<MessagePart>())
        {
            if (part.Message?.MessageId is { } id)
            {
                yield return MailIds.Bracket(id);
            }
        }
        foreach (var id in MailIds.Thread(mail))
        {
            yield return id;
        }
    }
}
